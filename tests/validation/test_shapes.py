"""Every SHACL shape in shapes/ fails on a fixture written to break it, and passes on one that does not."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from rdflib import Graph

from nmdkg.namespaces import RDF, SH, SHAPES
from nmdkg.validation.findings import Finding
from nmdkg.validation.locate import Locator
from nmdkg.validation.shacl import load_shapes, run_shacl

from .fixture_files import FIXTURES, Expectation, expectations, with_base

ROOT = Path(__file__).resolve().parents[2]
FAILING = sorted((FIXTURES / "shapes").glob("*.fail.ttl"))
PASSING = sorted((FIXTURES / "shapes").glob("*.pass.ttl"))
EXPECTED = [e for path in FAILING for e in expectations(path) if not e.passes]


@functools.cache
def shapes() -> Graph:
    return load_shapes(ROOT / "shapes")


@functools.cache
def findings(path: Path) -> tuple[Finding, ...]:
    graph = with_base(path)
    return tuple(run_shacl(graph, shapes(), Locator(graph)))


def reporting_shapes() -> set[str]:
    """Shapes that report (they have a severity), by check id; container and kind shapes do not."""
    graph = shapes()
    return {
        str(s)[len(str(SHAPES)) :]
        for s in graph.subjects(SH.severity, None)
        if (s, RDF.type, SH.PropertyShape) in graph or (s, RDF.type, SH.NodeShape) in graph
    }


def test_base_fixture_passes_every_shape() -> None:
    graph = with_base()
    assert run_shacl(graph, shapes(), Locator(graph)) == []


@pytest.mark.parametrize("expected", EXPECTED, ids=str)
def test_shape_fails_on_its_fixture(expected: Expectation) -> None:
    found = [f for f in findings(FIXTURES / "shapes" / expected.file) if f.check == expected.check]
    on_focus = [f for f in found if f.focus == str(expected.focus)]
    assert on_focus, f"{expected}: no {expected.check} finding on {expected.focus}; it found: {found}"
    assert any(expected.message in f.message for f in on_focus), [f.message for f in on_focus]


@pytest.mark.parametrize("path", FAILING, ids=lambda p: p.name)
def test_fail_fixture_finds_nothing_unexpected(path: Path) -> None:
    wanted = {(e.check, str(e.focus)) for e in expectations(path) if not e.passes}
    unexpected = [f for f in findings(path) if (f.check, f.focus) not in wanted]
    assert not unexpected, "\n".join(f"{f.check} on {f.focus}: {f.message} ({f.value})" for f in unexpected)


@pytest.mark.parametrize("path", PASSING, ids=lambda p: p.name)
def test_pass_fixture_passes(path: Path) -> None:
    assert not findings(path), "\n".join(f"{f.check} on {f.focus}: {f.message} ({f.value})" for f in findings(path))


def test_every_shape_has_a_failing_and_a_passing_fixture() -> None:
    shape_ids = reporting_shapes()
    failing = {e.check for e in EXPECTED}
    passing = {e.check for path in PASSING for e in expectations(path) if e.passes}
    assert shape_ids - failing == set(), "shapes without a failing fixture (add `# expect ID: message`)"
    assert shape_ids - passing == set(), "shapes without a passing fixture (add `# pass ID`)"
    assert (failing | passing) - shape_ids == set(), "fixtures name checks that no shape has"
