"""The shapes agree with the table spec and the prefix table, and follow the conventions reports rely on."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from nmdkg.curation.spec import COURSES, ISOTYPES, LINES, SETTINGS, STATEMENT_TABLES, Column, Kind, StatementTable
from nmdkg.namespaces import RDF, RDFS, SH, SHAPES
from nmdkg.prefixes import PREFIXES
from nmdkg.validation import xref_shapes
from nmdkg.validation.shacl import load_shapes

ROOT = Path(__file__).resolve().parents[2]
COLUMNS = [pytest.param(t, c, id=f"{t.name}.{c.name}") for t in STATEMENT_TABLES for c in t.columns]


@functools.cache
def shapes() -> Graph:
    return load_shapes(ROOT / "shapes")


def _list(node: Node | None) -> list[Node]:
    return list(Collection(shapes(), node)) if node is not None else []


def _column_shape(table: StatementTable, column: Column) -> URIRef:
    graph = shapes()
    found = [s for s in graph.subjects(SH.targetClass, table.rdf_class) if (s, SH.path, column.predicate) in graph]
    assert len(found) == 1, f"{table.file} [{column.name}]: want one shape on {column.predicate}, found {found}"
    return found[0]  # type: ignore[return-value]


def _is_required_link(column: Column) -> bool:
    return column.kind is Kind.ENTITY and column.required and not column.multi


@pytest.mark.parametrize(("table", "column"), COLUMNS)
def test_every_column_has_its_shape(table: StatementTable, column: Column) -> None:
    graph = shapes()
    shape = _column_shape(table, column)
    single = not column.multi and column.kind is not Kind.ISOTYPE
    assert (graph.value(shape, SH.maxCount) == Literal(1)) is single
    if _is_required_link(column):
        # A required link is checked, for presence and kind, by a *_link shape on (link, subClassOf+).
        links = [
            s
            for s in graph.subjects(SH.targetClass, table.rdf_class)
            if str(s).endswith("_link") and _list(graph.value(s, SH.path))[:1] == [column.predicate]
        ]
        assert len(links) == 1, f"{table.file} [{column.name}]: no *_link shape"
        assert graph.value(shape, SH.minCount) is None
    else:
        assert (graph.value(shape, SH.minCount) == Literal(1)) is column.required
    vocabularies = {Kind.LINE: LINES, Kind.SETTING: SETTINGS, Kind.ISOTYPE: ISOTYPES}
    if column.kind in vocabularies:
        assert _list(graph.value(shape, SH["in"])) == list(vocabularies[column.kind].values())
    if column.kind is Kind.CHOICE:
        assert [str(v) for v in _list(graph.value(shape, SH["in"]))] == list(column.choices)


def test_every_statement_class_needs_a_source() -> None:
    graph = shapes()
    classes = {t.rdf_class for t in STATEMENT_TABLES}
    for name in ("missing_source", "multiple_sources", "source_is_source", "missing_locator", "locator_format"):
        assert set(graph.objects(SHAPES[name], SH.targetClass)) == classes, name


def test_the_course_list_is_the_spec_list() -> None:
    graph = shapes()
    alternatives = _list(graph.value(SHAPES.clinical_feature_course, SH["or"]))
    lists = [graph.value(a, SH["in"]) for a in alternatives if graph.value(a, SH["in"]) is not None]
    assert [str(v) for v in _list(lists[0])] == list(COURSES)


def test_every_reporting_shape_says_what_why_and_how_to_fix() -> None:
    """A finding is only as clear as its shape: message, rule (sh:description) and fix, on a named shape."""
    graph = shapes()
    for shape in set(graph.subjects(SH.severity, None)):
        assert isinstance(shape, URIRef) and str(shape).startswith(str(SHAPES)), shape
        message = graph.value(shape, SH.message) or graph.value(graph.value(shape, SH.sparql), SH.message)
        assert message is not None, f"{shape}: no sh:message"
        assert graph.value(shape, SH.description) is not None, f"{shape}: no sh:description"
        assert graph.value(shape, SHAPES.fix) is not None, f"{shape}: no nmdsh:fix"
    targets = (SH.target, SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
    for node_shape, listed in graph.subject_objects(SH.property):
        if any(graph.value(node_shape, t) is not None for t in targets):
            assert isinstance(listed, URIRef), f"{node_shape}: a property shape it lists must be named"
    for kind_shape in graph.objects(None, SH.node):
        assert graph.value(kind_shape, RDFS.label) is not None, f"{kind_shape}: label it (reports show it)"


def test_shapes_use_core_shacl_except_two_targets_and_one_constraint() -> None:
    """SHACL-SPARQL made pySHACL many times slower: it stays where core SHACL cannot say it."""
    graph = shapes()
    assert {str(s) for s in graph.subjects(SH.sparql, None)} == {str(SHAPES.first_line_and_avoid)}
    sparql_targets = set(graph.subjects(RDF.type, SH.SPARQLTarget))
    assert len(sparql_targets) == 2  # the curated entities, and the "avoid" options with a first-line twin


def test_the_xref_shapes_are_generated_from_the_prefix_table() -> None:
    assert (ROOT / "shapes" / xref_shapes.FILE_NAME).read_text(encoding="utf-8") == xref_shapes.render(), (
        "shapes/xrefs.ttl is out of date with src/nmdkg/prefixes.py: run `python -m nmdkg.validation.xref_shapes`"
    )


@pytest.mark.parametrize("prefix", PREFIXES.values(), ids=lambda p: p.name)
def test_the_xref_patterns_take_each_example_and_refuse_a_broken_one(prefix) -> None:
    known, valid = xref_shapes.literal_patterns(list(PREFIXES.values()))
    known_iri, valid_iri = xref_shapes.iri_patterns(list(PREFIXES.values()))
    local = prefix.example.split(":", 1)[1]
    assert re.search(known, prefix.example) and re.search(valid, prefix.example)
    assert re.search(known_iri, prefix.uri_prefix + local) and re.search(valid_iri, prefix.uri_prefix + local)
    broken = f"{prefix.name}:{local}!"
    assert re.search(known, broken) and not re.search(valid, broken)
    assert not re.search(known, "X" + prefix.example)
