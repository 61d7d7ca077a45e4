"""Quality checks in the spirit of the ROBOT report: queries/qc/*-violation.rq, run on Oxigraph.

Each query returns one row per problem with ``?entity`` (the subject at fault) and, where it
helps, ``?property`` and ``?value``; any other variable may be named in the message template.
Its ``#+`` header gives the check's severity, message, rule (``description``) and fix; the check
id is the file name without ``-violation.rq``, with underscores (ODK naming).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ..errors import InputError
from ..namespaces import SKOLEM
from ..prefixes import compact
from .findings import Engine, Finding, Severity
from .locate import Locator

__all__ = ["SUFFIX", "QualityCheck", "load_checks", "oxigraph_copy", "run_checks"]

logger = logging.getLogger(__name__)

SUFFIX = "-violation.rq"
_HEADER = re.compile(r"^#\+\s*(?P<key>[a-z]+)\s*:\s*(?P<value>.*)$")
_REQUIRED = ("summary", "severity", "message", "description", "fix")
_IRI = re.compile(r"https?://\S+")


@dataclass(frozen=True)
class QualityCheck:
    """A SPARQL quality check: its id, severity, texts and query."""

    id: str
    severity: Severity
    summary: str
    message: str
    rule: str
    fix: str
    query: str
    path: Path

    @classmethod
    def from_file(cls, path: Path) -> QualityCheck:
        """Read a check and its ``#+`` header.

        :raises InputError: if a header line is missing or the severity is not ERROR, WARN or INFO.
        """
        text = path.read_text(encoding="utf-8")
        meta: dict[str, str] = {}
        for line in text.splitlines():
            match = _HEADER.match(line)
            if match:
                meta.setdefault(match["key"], match["value"].strip())
        missing = [key for key in _REQUIRED if not meta.get(key)]
        if missing:
            raise InputError(f"{path}: the header lacks `#+ {missing[0]}:`")
        try:
            severity = Severity(meta["severity"])
        except ValueError:
            raise InputError(f"{path}: severity {meta['severity']!r} is not ERROR, WARN or INFO") from None
        check_id = path.name.removesuffix(SUFFIX).replace("-", "_")
        return cls(check_id, severity, meta["summary"], meta["message"], meta["description"], meta["fix"], text, path)


def load_checks(folder: Path) -> list[QualityCheck]:
    """Every ``*-violation.rq`` in ``folder`` (``queries/qc``), sorted by id."""
    return sorted((QualityCheck.from_file(p) for p in folder.glob(f"*{SUFFIX}")), key=lambda c: c.id)


def _skolem(token: str) -> str:
    return token if not token.startswith("_:") else SKOLEM[token[2:]].n3()


def oxigraph_copy(graph: Graph) -> pyoxigraph.Store:
    """An in-memory Oxigraph store with the triples of ``graph``.

    Oxigraph renames blank nodes, so each enters as an IRI in :data:`SKOLEM` and
    :func:`_from_oxigraph` turns it back into the rdflib blank node.
    """
    lines = []
    for line in graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines():
        if not line.strip():
            continue
        subject, rest = line.split(" ", 1)
        predicate, obj = rest.split(" ", 1)
        obj = obj.rstrip().removesuffix(".").rstrip()
        lines.append(f"{_skolem(subject)} {predicate} {_skolem(obj)} .")
    store = pyoxigraph.Store()
    store.bulk_load("\n".join(lines).encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return store


def _from_oxigraph(term: object) -> Node | None:
    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        if term.value.startswith(str(SKOLEM)):
            return BNode(term.value[len(str(SKOLEM)) :])
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, pyoxigraph.BlankNode):  # pragma: no cover - every blank node is skolemised
        return BNode(term.value)
    return None  # pragma: no cover


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def _compact_iris(text: str) -> str:
    """IRIs as CURIEs; a list of IRIs (a GROUP_CONCAT) also sorted, as SPARQL leaves it unordered."""
    words = text.split()
    if len(words) > 1 and all(_IRI.fullmatch(w) for w in words):
        text = " ".join(sorted(words))
    return _IRI.sub(lambda m: compact(m.group(0)), text)


def _findings(check: QualityCheck, rows: Iterable[Mapping[str, Node | None]], locator: Locator) -> list[Finding]:
    findings = []
    for row in rows:
        entity = row.get("entity")
        if entity is None:
            continue
        owner = locator.owner(entity)
        prop = row.get("property")
        predicate = prop if isinstance(prop, URIRef) else None
        location = locator.where(owner, predicate, row.get("value") if owner == entity else None)
        shown = {k: _compact_iris(locator.show(v) or "") for k, v in row.items() if v is not None}
        findings.append(
            Finding(
                check=check.id,
                severity=check.severity,
                message=check.message.format_map(_Blank(shown)),
                engine=Engine.QC,
                focus=str(owner) if isinstance(owner, URIRef) else None,
                label=locator.label(owner),
                file=location.file if location else None,
                line=location.line if location else None,
                column=location.column if location else None,
                value=locator.show(row.get("value")),
                rule=check.rule,
                fix=check.fix,
            )
        )
    return findings


def run_checks(store: pyoxigraph.Store, checks: Iterable[QualityCheck], locator: Locator) -> list[Finding]:
    """Run each check on ``store`` (see :func:`oxigraph_copy`) and turn its rows into findings."""
    findings: list[Finding] = []
    for check in checks:
        result = store.query(check.query)
        names = [v.value for v in result.variables]  # type: ignore[union-attr]
        rows = [{name: _from_oxigraph(solution[name]) for name in names} for solution in result]  # type: ignore[union-attr]
        logger.info("qc %s: %d row(s)", check.id, len(rows))
        findings.extend(_findings(check, rows, locator))
    return findings
