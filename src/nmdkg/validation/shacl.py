"""Running the SHACL shapes of shapes/*.ttl with pySHACL and turning its results into findings.

pySHACL runs with ``inference="none"`` (the shapes follow rdfs:subClassOf explicitly), never
follows owl:imports, and with ``advanced=True`` for the SHACL-AF SPARQL targets of the shapes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import pyshacl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from ..namespaces import RDF, RDFS, SH, SHAPES
from ..prefixes import compact
from .findings import Engine, Finding, Severity
from .inputs import RdfInput, parse_rdf
from .locate import Locator

__all__ = ["load_shapes", "run_shacl"]

logger = logging.getLogger(__name__)

# The constraint parameter that each component reports on, to state the rule it broke.
_PARAMETERS: dict[URIRef, URIRef] = {
    SH.MinCountConstraintComponent: SH.minCount,
    SH.MaxCountConstraintComponent: SH.maxCount,
    SH.DatatypeConstraintComponent: SH.datatype,
    SH.NodeKindConstraintComponent: SH.nodeKind,
    SH.InConstraintComponent: SH["in"],
    SH.PatternConstraintComponent: SH.pattern,
    SH.MinInclusiveConstraintComponent: SH.minInclusive,
    SH.MaxInclusiveConstraintComponent: SH.maxInclusive,
    SH.MinExclusiveConstraintComponent: SH.minExclusive,
    SH.MaxExclusiveConstraintComponent: SH.maxExclusive,
    SH.MinLengthConstraintComponent: SH.minLength,
    SH.MaxLengthConstraintComponent: SH.maxLength,
    SH.LanguageInConstraintComponent: SH.languageIn,
    SH.LessThanOrEqualsConstraintComponent: SH.lessThanOrEquals,
    SH.LessThanConstraintComponent: SH.lessThan,
    SH.ClassConstraintComponent: SH["class"],
    SH.NodeConstraintComponent: SH.node,
    SH.HasValueConstraintComponent: SH.hasValue,
    SH.QualifiedMinCountConstraintComponent: SH.qualifiedMinCount,
    SH.QualifiedMaxCountConstraintComponent: SH.qualifiedMaxCount,
}
_FIX = SHAPES.fix
_REPORT_PATH = SHAPES.reportPath


def load_shapes(folder: Path, *, root: Path | None = None) -> Graph:
    """All ``*.ttl`` files of ``folder`` (``shapes/``) in one graph.

    :raises CurationError: naming the file and line of a Turtle syntax error.
    """
    graph = Graph()
    for path in sorted(folder.glob("*.ttl")):
        display = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
        for triple in parse_rdf(RdfInput(path, display)).graph:
            graph.add(triple)
    return graph


def _show(shapes: Graph, node: Node) -> str:
    if isinstance(node, Literal):
        return repr(str(node)) if node.datatype is None and node.language is None else node.n3()
    if isinstance(node, URIRef):
        return compact(str(node))
    if (node, RDF.first, None) in shapes:
        return "(" + " ".join(_show(shapes, item) for item in Collection(shapes, node)) + ")"
    label = shapes.value(node, RDFS.label)
    return str(label) if label is not None else "[…]"


def _constraint(shapes: Graph, shape: Node, component: Node) -> str:
    parameter = _PARAMETERS.get(component)  # type: ignore[call-overload]
    if parameter is None:
        return ""
    values = " ".join(_show(shapes, v) for v in shapes.objects(shape, parameter))
    return f"{compact(str(parameter))} {values}"


def _first_predicate(report: Graph, path: Node) -> URIRef | None:
    """The predicate a result path starts with (the TSV column a problem is in)."""
    for _ in range(6):
        if isinstance(path, URIRef):
            return path
        if (path, RDF.first, None) in report:
            path = report.value(path, RDF.first)
            continue
        inner = next(
            (o for p, o in report.predicate_objects(path) if p in (SH.alternativePath, SH.oneOrMorePath)), None
        )
        if inner is None:
            return None
        path = inner
    return None


def _check_id(shape: Node) -> str:
    """The check id of a shape: its local name under nmdsh:."""
    if isinstance(shape, URIRef) and str(shape).startswith(str(SHAPES)):
        return str(shape)[len(str(SHAPES)) :]
    return "shacl"


def _value(report: Graph, result: Node, data: Graph, focus: Node, first: URIRef | None, locator: Locator) -> str | None:
    value = report.value(result, SH.value)
    if value is not None and value != focus:
        shown = locator.show(value) or ""
        where = locator.where(value) if isinstance(value, URIRef) and data.value(value, RDFS.label) is None else None
        return f"{shown} ({where.file}:{where.line})" if where is not None and where.line is not None else shown
    # sh:hasValue reports no value: show what the path's first step found, if anything.
    if first is None:
        return None
    found = [locator.show(o) or "" for o in data.objects(focus, first)]
    return " | ".join(sorted(found)) if found else "(none)"


def _findings(report: Graph, shapes: Graph, data: Graph, locator: Locator) -> Iterable[Finding]:
    # Only the results of the report itself: nested sh:detail results explain them.
    results = [r for top in report.subjects(RDF.type, SH.ValidationReport) for r in report.objects(top, SH.result)]
    for result in results:
        shape = report.value(result, SH.sourceShape)
        component = report.value(result, SH.sourceConstraintComponent)
        focus = report.value(result, SH.focusNode)
        if shape is None or focus is None:  # pragma: no cover - pySHACL always gives both
            continue
        owner = locator.owner(focus)
        path = report.value(result, SH.resultPath)
        declared = shapes.value(shape, _REPORT_PATH)  # a node shape names the predicate it is about
        first = (
            _first_predicate(report, path) if path is not None else declared if isinstance(declared, URIRef) else None
        )
        value_node = report.value(result, SH.value)
        location = locator.where(owner, first, value_node if owner == focus else None)
        messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
        description = shapes.value(shape, SH.description)
        rule = str(description) if description is not None else ""
        constraint = _constraint(shapes, shape, component) if component is not None else ""
        if constraint and component != SH.SPARQLConstraintComponent:
            rule = f"{rule} [{constraint}]".strip()
        fix = shapes.value(shape, _FIX)
        yield Finding(
            check=_check_id(shape),
            severity=Severity.from_shacl(report.value(result, SH.resultSeverity)),
            message=messages[0] if messages else rule,
            engine=Engine.SHACL,
            focus=str(owner) if isinstance(owner, URIRef) else None,
            label=locator.label(owner),
            file=location.file if location else None,
            line=location.line if location else None,
            column=location.column if location else None,
            value=_value(report, result, data, focus, first, locator) if not isinstance(focus, BNode) else None,
            rule=rule,
            fix=str(fix) if fix is not None else "",
        )


def run_shacl(data: Graph, shapes: Graph, locator: Locator) -> list[Finding]:
    """Validate ``data`` against ``shapes``; one finding per SHACL validation result.

    The data graph is validated in place (pySHACL does not change it without inference or rules).
    """
    _conforms, report, _text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        inplace=True,
        do_owl_imports=False,
        allow_warnings=True,
    )
    assert isinstance(report, Graph)
    findings = list(_findings(report, shapes, data, locator))
    logger.info("shacl: %d result(s)", len(findings))
    return findings
