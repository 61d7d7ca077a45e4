"""Content negotiation: pick the media type to answer with from an Accept header (RFC 9110 §12.5.1).

Why not a library: the whole of it is q-values, wildcards and the server's order of preference, and
the two places that negotiate (SPARQL results and entity descriptions) need the same rules.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

__all__ = [
    "BOOLEAN_TYPES",
    "ENTITY_TYPES",
    "FORMAT_NAMES",
    "GRAPH_TYPES",
    "SOLUTION_TYPES",
    "Format",
    "for_graph",
    "negotiate",
    "parse_accept",
    "wants_html",
]

logger = logging.getLogger(__name__)


class Format(Enum):
    """A serialisation the server can write; the value is the media type it is sent as."""

    RESULTS_JSON = "application/sparql-results+json"
    RESULTS_XML = "application/sparql-results+xml"
    CSV = "text/csv"
    TSV = "text/tab-separated-values"
    TURTLE = "text/turtle"
    N_TRIPLES = "application/n-triples"
    JSON_LD = "application/ld+json"
    RDF_XML = "application/rdf+xml"
    HTML = "text/html"
    JSON = "application/json"


@dataclass(frozen=True)
class _Range:
    type: str
    subtype: str
    q: float

    def matches(self, media_type: str) -> int:
        """How specifically this range matches ``media_type``: 2 exact, 1 type/*, 0 */*, -1 not."""
        kind, _, sub = media_type.partition("/")
        if self.type == "*":
            return 0
        if self.type != kind:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == sub else -1


def parse_accept(header: str | None) -> list[_Range]:
    """The media ranges of an Accept header with their q-values; malformed parts are skipped.

    >>> [(r.type, r.subtype, r.q) for r in parse_accept("text/csv;q=0.5, application/*")]
    [('text', 'csv', 0.5), ('application', '*', 1.0)]
    """
    ranges = []
    for part in (header or "").split(",")[:64]:
        fields = [f.strip() for f in part.split(";")]
        kind, slash, sub = fields[0].lower().partition("/")
        if not slash or not kind or not sub:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(1.0, max(0.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append(_Range(kind, sub, q))
    return ranges


def negotiate(header: str | None, offered: Mapping[str, Format], *, default: Format) -> Format | None:
    """The best of ``offered`` (media type -> format, in the server's order of preference) for ``header``.

    A missing or empty Accept header, or one that names only ``*/*``, gets ``default``; ``None`` means
    nothing offered is acceptable (answer 406).

    >>> negotiate("text/csv, */*;q=0.1", SOLUTION_TYPES, default=Format.RESULTS_JSON)
    <Format.CSV: 'text/csv'>
    >>> negotiate("image/png", SOLUTION_TYPES, default=Format.RESULTS_JSON) is None
    True
    """
    ranges = parse_accept(header)
    if not ranges or all(r.type == "*" for r in ranges if r.q > 0):
        return default
    best: tuple[float, int] | None = None
    chosen: Format | None = None
    for order, (media_type, fmt) in enumerate(offered.items()):
        q = _quality(ranges, media_type)
        if q <= 0:
            continue
        key = (q, -order)
        if best is None or key > best:
            best, chosen = key, fmt
    return chosen


def wants_html(header: str | None) -> bool:
    """True when the client names HTML explicitly (a browser); error pages are then HTML, else plain text.

    >>> wants_html("text/html,application/xhtml+xml,*/*;q=0.8"), wants_html("*/*")
    (True, False)
    """
    return any(r.type == "text" and r.subtype == "html" and r.q > 0 for r in parse_accept(header))


def _quality(ranges: Sequence[_Range], media_type: str) -> float:
    specificity, q = -1, 0.0
    for candidate in ranges:
        level = candidate.matches(media_type)
        if level > specificity:
            specificity, q = level, candidate.q
    return q


#: SELECT results, by preference; the aliases are what generic clients send.
SOLUTION_TYPES: dict[str, Format] = {
    "application/sparql-results+json": Format.RESULTS_JSON,
    "application/sparql-results+xml": Format.RESULTS_XML,
    "text/csv": Format.CSV,
    "text/tab-separated-values": Format.TSV,
    "application/json": Format.RESULTS_JSON,
    "application/xml": Format.RESULTS_XML,
    "text/xml": Format.RESULTS_XML,
}
#: ASK results (CSV and TSV as Jena writes them: a header ``_askResult`` and one value).
BOOLEAN_TYPES = SOLUTION_TYPES
#: CONSTRUCT and DESCRIBE results.
GRAPH_TYPES: dict[str, Format] = {
    "text/turtle": Format.TURTLE,
    "application/n-triples": Format.N_TRIPLES,
    "application/ld+json": Format.JSON_LD,
    "application/rdf+xml": Format.RDF_XML,
    "application/x-turtle": Format.TURTLE,
    "text/plain": Format.N_TRIPLES,
    "application/json": Format.JSON_LD,
}
#: Entity pages: HTML for a browser, RDF for a machine.
ENTITY_TYPES: dict[str, Format] = {
    "text/html": Format.HTML,
    "application/xhtml+xml": Format.HTML,
    **GRAPH_TYPES,
}

#: Short names for the ``format`` (or ``output``) request parameter, which overrides the Accept header;
#: for a graph, ``json`` and ``xml`` mean JSON-LD and RDF/XML (see :func:`for_graph`).
FORMAT_NAMES: dict[str, Format] = {
    "json": Format.RESULTS_JSON,
    "srj": Format.RESULTS_JSON,
    "xml": Format.RESULTS_XML,
    "srx": Format.RESULTS_XML,
    "csv": Format.CSV,
    "tsv": Format.TSV,
    "ttl": Format.TURTLE,
    "turtle": Format.TURTLE,
    "nt": Format.N_TRIPLES,
    "ntriples": Format.N_TRIPLES,
    "jsonld": Format.JSON_LD,
    "json-ld": Format.JSON_LD,
    "rdfxml": Format.RDF_XML,
    "html": Format.HTML,
}


_GRAPH_EQUIVALENT = {
    Format.RESULTS_JSON: Format.JSON_LD,
    Format.JSON: Format.JSON_LD,
    Format.RESULTS_XML: Format.RDF_XML,
}


def for_graph(fmt: Format) -> Format:
    """The graph format a results-format name stands for (``format=json`` on a CONSTRUCT is JSON-LD)."""
    return _GRAPH_EQUIVALENT.get(fmt, fmt)
