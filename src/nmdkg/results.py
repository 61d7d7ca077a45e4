"""One result type for every backend, and its serialisations (SPARQL JSON, CSV, TSV, a readable table)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from .prefixes import compact

__all__ = ["Results", "Term"]

XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True)
class Term:
    """An RDF term as the SPARQL 1.1 JSON results format describes it."""

    kind: Literal["uri", "literal", "bnode"]
    value: str
    datatype: str | None = None
    lang: str | None = None

    @classmethod
    def iri(cls, value: str) -> Term:
        return cls("uri", value)

    @classmethod
    def literal(cls, value: str, *, datatype: str | None = None, lang: str | None = None) -> Term:
        # A plain or language-tagged literal has no datatype in SPARQL JSON results (RDF 1.1
        # gives them xsd:string and rdf:langString implicitly), so both backends agree.
        if datatype == XSD + "string" or lang:
            datatype = None
        return cls("literal", value, datatype, lang)

    def to_json(self) -> dict[str, str]:
        data = {"type": self.kind, "value": self.value}
        if self.datatype:
            data["datatype"] = self.datatype
        if self.lang:
            data["xml:lang"] = self.lang
        return data

    @classmethod
    def from_json(cls, data: dict[str, str]) -> Term:
        kind = "literal" if data["type"] == "typed-literal" else data["type"]
        if kind == "uri":
            return cls.iri(data["value"])
        if kind == "bnode":
            return cls("bnode", data["value"])
        return cls.literal(data["value"], datatype=data.get("datatype"), lang=data.get("xml:lang"))

    def to_ntriples(self) -> str:
        """The term in N-Triples syntax, escaped: how a binding travels to a remote endpoint."""
        if self.kind == "uri":
            if any(c in self.value for c in '<>"{}|^`\\ \n\t'):
                raise ValueError(f"not a valid IRI: {self.value!r}")
            return f"<{self.value}>"
        if self.kind == "bnode":
            raise ValueError("a blank node cannot be a query parameter")
        escaped = json.dumps(self.value, ensure_ascii=False)[1:-1]
        if self.lang:
            return f'"{escaped}"@{self.lang}'
        if self.datatype:
            return f'"{escaped}"^^<{self.datatype}>'
        return f'"{escaped}"'

    def display(self) -> str:
        """A readable form: CURIEs for IRIs, plain text for literals."""
        if self.kind == "uri":
            return compact(self.value)
        if self.kind == "bnode":
            return f"_:{self.value}"
        return self.value


@dataclass
class Results:
    """A SELECT result: variables in order, and rows of terms (None where unbound)."""

    variables: list[str]
    rows: list[tuple[Term | None, ...]]

    def __iter__(self) -> Iterator[dict[str, Term | None]]:
        for row in self.rows:
            yield dict(zip(self.variables, row, strict=True))

    def __len__(self) -> int:
        return len(self.rows)

    def values(self) -> list[tuple[str | None, ...]]:
        """Rows as plain strings (IRIs and literal values), for tests and simple use."""
        return [tuple(None if t is None else t.value for t in row) for row in self.rows]

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON."""
        bindings = [
            {v: t.to_json() for v, t in zip(self.variables, row, strict=True) if t is not None} for row in self.rows
        ]
        return json.dumps({"head": {"vars": self.variables}, "results": {"bindings": bindings}}, ensure_ascii=False)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Results:
        variables = list(data["head"]["vars"])
        rows = [tuple(Term.from_json(b[v]) if v in b else None for v in variables) for b in data["results"]["bindings"]]
        return cls(variables, rows)

    def to_csv(self) -> str:
        """SPARQL 1.1 CSV results: plain values, IRIs in full."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(self.variables)
        for row in self.rows:
            writer.writerow(["" if t is None else t.value for t in row])
        return out.getvalue()

    def to_tsv(self) -> str:
        """SPARQL 1.1 TSV results: terms in their SPARQL/N-Triples syntax."""
        lines = ["\t".join(f"?{v}" for v in self.variables)]
        for row in self.rows:
            lines.append("\t".join("" if t is None else _tsv_term(t) for t in row))
        return "\n".join(lines) + "\n"

    def to_table(self, *, max_width: int = 60) -> str:
        """A table a person can read in a terminal: CURIEs, not bare IRIs; long cells wrapped."""
        header = list(self.variables)
        cells = [[("" if t is None else t.display()) for t in row] for row in self.rows]
        widths = [min(max_width, max([len(h), *(len(r[i]) for r in cells)])) for i, h in enumerate(header)]
        lines = [_table_line(header, widths), "  ".join("-" * w for w in widths)]
        for row in cells:
            lines.extend(_wrapped_lines(row, widths))
        lines.append(f"({len(self.rows)} row{'s' if len(self.rows) != 1 else ''})")
        return "\n".join(lines) + "\n"

    def to_dataframe(self) -> Any:
        """A pandas DataFrame of the display values (needs pandas installed)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the user's environment
            raise ImportError("to_dataframe() needs pandas: pip install pandas") from exc
        return pd.DataFrame(self.values(), columns=self.variables)


def _tsv_term(term: Term) -> str:
    if term.kind == "literal" and term.datatype in {XSD + "integer", XSD + "decimal", XSD + "double"}:
        return term.value
    return term.to_ntriples() if term.kind != "bnode" else f"_:{term.value}"


def _table_line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()


def _wrapped_lines(cells: list[str], widths: list[int]) -> list[str]:
    import textwrap

    wrapped = [textwrap.wrap(c, w) or [""] for c, w in zip(cells, widths, strict=True)]
    height = max(len(w) for w in wrapped)
    return [_table_line([w[i] if i < len(w) else "" for w in wrapped], widths) for i in range(height)]
