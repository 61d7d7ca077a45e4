"""The CURIE prefixes nmdkg accepts in cross-references, with their IRI expansions and id patterns."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .base import BASE_IRI, ENTITY_STEM, SHAPES_STEM

if TYPE_CHECKING:
    import curies

__all__ = ["PREFIXES", "Prefix", "compact", "converter", "expand_xref", "prefix_map", "xref_problem"]


@dataclass(frozen=True)
class Prefix:
    """A cross-reference prefix: its IRI stem and the pattern a local id must match."""

    name: str
    uri_prefix: str
    pattern: str
    example: str


PREFIXES: dict[str, Prefix] = {
    p.name: p
    for p in [
        Prefix("MONDO", "http://purl.obolibrary.org/obo/MONDO_", r"\d{7}", "MONDO:0018979"),
        Prefix("DOID", "http://purl.obolibrary.org/obo/DOID_", r"\d+", "DOID:5213"),
        Prefix("Orphanet", "http://www.orpha.net/ORDO/Orphanet_", r"\d+", "Orphanet:2103"),
        Prefix("MESH", "http://id.nlm.nih.gov/mesh/", r"[CD]\d{6,9}", "MESH:D020275"),
        Prefix(
            "ICD10CM", "http://purl.bioontology.org/ontology/ICD10CM/", r"[A-Z]\d{2}(\.[0-9A-Z]{1,4})?", "ICD10CM:G61.0"
        ),
        Prefix("UMLS", "http://linkedlifedata.com/resource/umls/id/", r"C\d{7}", "UMLS:C0018378"),
        Prefix("CHEBI", "http://purl.obolibrary.org/obo/CHEBI_", r"\d+", "CHEBI:8382"),
        Prefix("DRUGBANK", "https://go.drugbank.com/drugs/", r"DB\d{5}", "DRUGBANK:DB00635"),
        Prefix("RXNORM", "http://purl.bioontology.org/ontology/RXNORM/", r"\d+", "RXNORM:8640"),
        Prefix("UNII", "https://precision.fda.gov/uniisearch/srs/unii/", r"[A-Z0-9]{10}", "UNII:VB0R961HZT"),
        Prefix("HGNC", "http://identifiers.org/hgnc/", r"\d{1,6}", "HGNC:4816"),
        Prefix(
            "UNIPROT",
            "http://purl.uniprot.org/uniprot/",
            r"[OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9]([A-Z][A-Z0-9]{2}[0-9]){1,2}",
            "UNIPROT:P12081",
        ),
        Prefix("NCIT", "http://purl.obolibrary.org/obo/NCIT_", r"C\d+", "NCIT:C770"),
    ]
}

_DISPLAY_PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "obo": "http://purl.obolibrary.org/obo/",
    "oboInOwl": "http://www.geneontology.org/formats/oboInOwl#",
    "sh": "http://www.w3.org/ns/shacl#",
    "nmdsh": SHAPES_STEM,
}
_PATTERNS = {name: re.compile(p.pattern) for name, p in PREFIXES.items()}


def prefix_map() -> dict[str, str]:
    """Every prefix nmdkg publishes, for the release prefix map and for serialisers."""
    return {
        "nmd": BASE_IRI,
        "NMD": ENTITY_STEM,
        **{name: p.uri_prefix for name, p in PREFIXES.items()},
    }


@functools.cache
def converter() -> curies.Converter:
    """A curies converter over :func:`prefix_map` (built on first use: curies is slow to import)."""
    import curies

    return curies.Converter.from_prefix_map(prefix_map())


def compact(iri: str) -> str:
    """The CURIE of ``iri`` if a known prefix covers it, else the IRI itself (for display)."""
    for prefix, stem in _STEMS:
        if iri.startswith(stem) and len(iri) > len(stem):
            return f"{prefix}:{iri[len(stem) :]}"
    return iri


def xref_problem(curie: str) -> str | None:
    """Say what is wrong with a cross-reference CURIE, or None if it is well formed."""
    prefix, sep, local = curie.partition(":")
    if not sep or not local:
        return f"{curie!r} is not a CURIE (PREFIX:id)"
    if prefix not in PREFIXES:
        known = ", ".join(PREFIXES)
        return f"unknown prefix {prefix!r} in {curie!r}; known prefixes: {known}"
    if not _PATTERNS[prefix].fullmatch(local):
        return f"{curie!r} does not match the {prefix} id pattern (e.g. {PREFIXES[prefix].example})"
    return None


def expand_xref(curie: str) -> str:
    """The IRI of a well-formed cross-reference CURIE."""
    iri = converter().expand(curie)
    if iri is None:  # pragma: no cover - xref_problem() is checked first
        raise ValueError(curie)
    return iri


# Longest stem first, so that NMD: (…/NMD_) wins over nmd: (…/).
_STEMS = sorted({**_DISPLAY_PREFIXES, **prefix_map()}.items(), key=lambda item: -len(item[1]))
