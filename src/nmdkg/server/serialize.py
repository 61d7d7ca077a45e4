"""Query answers to bytes, row by row, stopping as soon as a result passes the row or byte cap.

Why not pyoxigraph's own ``QuerySolutions.serialize``: it writes the whole result, so a cap could only
be checked afterwards, after the memory is spent. Writing row by row lets the worker stop at the
first row over the cap, and a capped result is refused (:class:`TooLarge`), never truncated silently.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from .conneg import Format

__all__ = ["Limits", "TooLarge", "write_boolean", "write_graph", "write_solutions"]

logger = logging.getLogger(__name__)

#: The namespace of the SPARQL Query Results XML Format (a format constant, not a vocabulary).
RESULTS_XML_NS = "http://www.w3.org/2005/sparql-results#"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# Characters XML 1.0 cannot carry even escaped; a literal holding one is written with U+FFFD instead.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Limits:
    """Caps on one answer: rows (solutions or triples) and serialised bytes."""

    max_rows: int
    max_bytes: int


class TooLarge(Exception):
    """A result over a cap; the message says which cap and how to stay under it."""


def _json_term(term: object) -> dict[str, object]:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        data: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            data["xml:lang"] = term.language
            if term.direction is not None:
                data["its:dir"] = str(term.direction)
        elif term.datatype.value != _XSD_STRING:
            data["datatype"] = term.datatype.value
        return data
    if isinstance(term, ox.Triple):
        parts = {"subject": term.subject, "predicate": term.predicate, "object": term.object}
        return {"type": "triple", "value": {k: _json_term(v) for k, v in parts.items()}}
    raise TypeError(f"not an RDF term: {term!r}")


def _xml(text: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", text))


def _xml_term(term: object) -> str:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return f"<uri>{_xml(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{_xml(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{_xml(term.value)}</literal>"
        if term.datatype.value in (_XSD_STRING,):
            return f"<literal>{_xml(term.value)}</literal>"
        return f"<literal datatype={quoteattr(term.datatype.value)}>{_xml(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        inner = "".join(
            f"<{role}>{_xml_term(value)}</{role}>"
            for role, value in (("subject", term.subject), ("predicate", term.predicate), ("object", term.object))
        )
        return f"<triple>{inner}</triple>"
    raise TypeError(f"not an RDF term: {term!r}")


def _csv_value(term: object) -> str:
    import pyoxigraph as ox

    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


def _csv_line(values: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(values)
    return out.getvalue()


class _Writer:
    """Collects encoded chunks and enforces the caps as it goes."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.chunks: list[bytes] = []
        self.size = 0

    def add(self, text: str) -> None:
        chunk = text.encode("utf-8")
        self.size += len(chunk)
        if self.size > self.limits.max_bytes:
            raise TooLarge(
                f"the result is larger than {self.limits.max_bytes:,} bytes, this server's limit; "
                "add a LIMIT, select fewer variables or narrow the query"
            )
        self.chunks.append(chunk)

    def rows(self, rows: Iterable[object]) -> Iterator[tuple[int, object]]:
        for index, row in enumerate(rows):
            if index >= self.limits.max_rows:
                raise TooLarge(
                    f"the result has more than {self.limits.max_rows:,} rows, this server's limit; "
                    f"add LIMIT {self.limits.max_rows} (and OFFSET to page) or narrow the query"
                )
            yield index, row

    def result(self) -> bytes:
        return b"".join(self.chunks)


def write_solutions(solutions: object, fmt: Format, limits: Limits) -> bytes:
    """Serialise SELECT solutions (a ``pyoxigraph.QuerySolutions``) as ``fmt``.

    :raises TooLarge: if the result has more rows or bytes than ``limits`` allow.
    """
    variables = [v.value for v in solutions.variables]  # type: ignore[attr-defined]
    out = _Writer(limits)
    if fmt is Format.RESULTS_JSON:
        out.add(json.dumps({"head": {"vars": variables}})[:-1] + ', "results": {"bindings": [')
        for index, solution in out.rows(solutions):  # type: ignore[arg-type]
            binding = {v: _json_term(t) for v, t in zip(variables, solution, strict=True) if t is not None}  # type: ignore[call-overload]
            out.add(("," if index else "") + json.dumps(binding, ensure_ascii=False))
        out.add("]}}")
    elif fmt is Format.RESULTS_XML:
        head = "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
        out.add(f'<?xml version="1.0"?>\n<sparql xmlns="{RESULTS_XML_NS}"><head>{head}</head><results>')
        for _, solution in out.rows(solutions):  # type: ignore[arg-type]
            cells = "".join(
                f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                for v, t in zip(variables, solution, strict=True)  # type: ignore[call-overload]
                if t is not None
            )
            out.add(f"<result>{cells}</result>")
        out.add("</results></sparql>\n")
    elif fmt is Format.CSV:
        out.add(_csv_line(variables))
        for _, solution in out.rows(solutions):  # type: ignore[arg-type]
            out.add(_csv_line(["" if t is None else _csv_value(t) for t in solution]))  # type: ignore[attr-defined]
    elif fmt is Format.TSV:
        out.add("\t".join(f"?{v}" for v in variables) + "\n")
        for _, solution in out.rows(solutions):  # type: ignore[arg-type]
            out.add("\t".join("" if t is None else str(t) for t in solution) + "\n")  # type: ignore[attr-defined]
    else:
        raise ValueError(f"{fmt.value} is not a format for query solutions")
    return out.result()


def write_boolean(value: bool, fmt: Format) -> bytes:
    """Serialise an ASK answer as ``fmt`` (CSV and TSV as Jena writes them)."""
    text = "true" if value else "false"
    if fmt is Format.RESULTS_JSON:
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt is Format.RESULTS_XML:
        head = f'<?xml version="1.0"?>\n<sparql xmlns="{RESULTS_XML_NS}"><head/>'
        return f"{head}<boolean>{text}</boolean></sparql>\n".encode()
    if fmt is Format.CSV:
        return f"_askResult\r\n{text}\r\n".encode()
    if fmt is Format.TSV:
        return f"?_askResult\n{text}\n".encode()
    raise ValueError(f"{fmt.value} is not a format for a boolean")


_RDF_FORMATS = {
    Format.TURTLE: "TURTLE",
    Format.N_TRIPLES: "N_TRIPLES",
    Format.JSON_LD: "JSON_LD",
    Format.RDF_XML: "RDF_XML",
}


def _used(prefixes: Mapping[str, str], triples: list[object]) -> dict[str, str]:
    """The prefixes that some IRI in ``triples`` starts with (serialisers declare every prefix given)."""
    import pyoxigraph as ox

    iris = set()
    for triple in triples:
        for term in (triple.subject, triple.predicate, triple.object):  # type: ignore[attr-defined]
            if isinstance(term, ox.NamedNode):
                iris.add(term.value)
            elif isinstance(term, ox.Literal):
                iris.add(term.datatype.value)
    return {name: stem for name, stem in prefixes.items() if any(iri.startswith(stem) for iri in iris)}


def write_graph(triples: Iterable[object], fmt: Format, limits: Limits, *, prefixes: Mapping[str, str]) -> bytes:
    """Serialise CONSTRUCT/DESCRIBE triples as ``fmt``, with ``prefixes`` where the format has them.

    :raises TooLarge: if there are more triples than ``limits.max_rows`` or more bytes than allowed.
    """
    import pyoxigraph as ox

    if fmt not in _RDF_FORMATS:
        raise ValueError(f"{fmt.value} is not a format for a graph")
    out = _Writer(limits)
    kept = [triple for _, triple in out.rows(triples)]
    rdf_format = getattr(ox.RdfFormat, _RDF_FORMATS[fmt])
    options = {"prefixes": _used(prefixes, kept)} if fmt in (Format.TURTLE, Format.RDF_XML) else {}
    body = ox.serialize(kept, format=rdf_format, **options)
    if len(body) > limits.max_bytes:
        out.add(body.decode("utf-8"))  # raises TooLarge with the message
    return body  # type: ignore[no-any-return]
