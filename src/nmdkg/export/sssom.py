"""``nmd.sssom.tsv``: every curated cross-reference as an SSSOM mapping, with its YAML metadata header."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from rdflib import Graph, URIRef

from ..base import ENTITY_STEM
from ..namespaces import RDFS, SKOS
from ..prefixes import compact, prefix_map
from .iris import SEMAPV, release_file_iri

__all__ = ["COLUMNS", "Mapping", "mappings", "render_sssom"]

logger = logging.getLogger(__name__)

COLUMNS = ("subject_id", "subject_label", "predicate_id", "object_id", "mapping_justification")
_PREDICATES = {SKOS.exactMatch: "skos:exactMatch", SKOS.closeMatch: "skos:closeMatch"}
_JUSTIFICATION = "semapv:ManualMappingCuration"
_TITLE = "nmdkg cross-references to external vocabularies"


@dataclass(frozen=True, order=True)
class Mapping:
    """One row: an nmdkg entity, ``skos:exactMatch`` or ``skos:closeMatch``, an external term."""

    subject_id: str
    predicate_id: str
    object_id: str
    subject_label: str


def _label(graph: Graph, subject: URIRef) -> str:
    labels = sorted(graph.objects(subject, RDFS.label), key=lambda lit: (getattr(lit, "language", None) != "en", lit))
    return str(labels[0]) if labels else ""


def mappings(graph: Graph, /) -> list[Mapping]:
    """The cross-references of the entities in ``graph`` (``NMD:`` subjects only), sorted.

    An object that no prefix of :func:`nmdkg.prefixes.prefix_map` covers is left out, with a
    warning: SSSOM needs CURIEs, and ``nmdkg build`` only accepts cross-references with those
    prefixes anyway.
    """
    known = prefix_map()
    found: set[Mapping] = set()
    for predicate, predicate_id in _PREDICATES.items():
        for subject, obj in graph.subject_objects(predicate):
            if not isinstance(subject, URIRef) or not str(subject).startswith(ENTITY_STEM):
                continue
            object_id = compact(str(obj))
            if object_id.partition(":")[0] not in known or object_id == str(obj):
                logger.warning("left out of the SSSOM table (no known prefix): %s %s <%s>", subject, predicate_id, obj)
                continue
            found.add(Mapping(compact(str(subject)), predicate_id, object_id, _label(graph, subject)))
    return sorted(found)


def _cell(value: str) -> str:
    return " ".join(value.split())  # a tab or newline in a label would break the table


def render_sssom(graph: Graph, /, *, version: str, prefixes: dict[str, str], license_iri: str) -> bytes:
    """The SSSOM/TSV file: ``#``-prefixed YAML metadata (curie_map, mapping set id, license), then rows.

    The ``curie_map`` holds every prefix the rows use, plus ``skos`` and ``semapv``.
    """
    rows = mappings(graph)
    used = {"NMD", "skos", "semapv"} | {row.object_id.partition(":")[0] for row in rows}
    curie_map = {**prefixes, "semapv": str(SEMAPV), "skos": prefixes.get("skos", str(SKOS))}
    header = [
        "curie_map:",
        *(f"  {prefix}: {curie_map[prefix]}" for prefix in sorted(used)),
        f"mapping_set_id: {release_file_iri(version, 'nmd.sssom.tsv')}",
        f"mapping_set_version: '{version}'",
        f"mapping_set_title: {_TITLE}",
        f"license: {license_iri}",
        f"publication_date: '{version}'",
    ]
    lines = [f"# {line}" for line in header]
    lines.append("\t".join(COLUMNS))
    for row in rows:
        values = (row.subject_id, row.subject_label, row.predicate_id, row.object_id, _JUSTIFICATION)
        lines.append("\t".join(_cell(value) for value in values))
    return ("\n".join(lines) + "\n").encode("utf-8")
