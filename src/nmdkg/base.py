"""The one persistent IRI base of nmdkg, in a module light enough for the query path to import."""

from __future__ import annotations

__all__ = ["BASE_IRI", "ENTITY_STEM", "SHAPES_STEM", "SOURCE_STEM"]

#: Chosen once; never changed after a release.
BASE_IRI = "https://w3id.org/nmdkg/"
#: Curated entities and statements: CURIE ``NMD:0000015`` is ``<https://w3id.org/nmdkg/NMD_0000015>``.
ENTITY_STEM = BASE_IRI + "NMD_"
#: Sources: key ``lecture`` is ``<https://w3id.org/nmdkg/source/lecture>``.
SOURCE_STEM = BASE_IRI + "source/"
#: SHACL shapes (shapes/*.ttl): ``nmdsh:missing_label``; the local name is the check id.
SHAPES_STEM = BASE_IRI + "shapes/"
