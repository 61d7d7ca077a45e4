"""OWL consistency: HermiT's verdicts become findings on the class or the ontology at fault.

HermiT takes 1-2 s a run, so each fixture is classified once, for the whole module.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nmdkg.validation.consistency import check_consistency
from nmdkg.validation.findings import Engine, Finding, Severity
from nmdkg.validation.locate import Locator

from .fixture_files import FIXTURES, expectations, with_base

FIXTURE_FILES = sorted((FIXTURES / "owl").glob("*.ttl"))


@pytest.fixture(scope="module")
def verdicts() -> dict[str, list[Finding]]:
    """The findings of HermiT on base.ttl plus each fixture (one reasoner run per fixture)."""
    results = {}
    for path in FIXTURE_FILES:
        graph = with_base(path)
        results[path.name] = check_consistency(graph, Locator(graph))
    return results


@pytest.mark.parametrize("path", [p for p in FIXTURE_FILES if p.name.endswith(".fail.ttl")], ids=lambda p: p.name)
def test_hermit_rejects(path: Path, verdicts: dict[str, list[Finding]]) -> None:
    found = verdicts[path.name]
    for expected in (e for e in expectations(path) if not e.passes):
        on_focus = [f for f in found if f.check == expected.check and f.focus == str(expected.focus)]
        assert on_focus, f"{expected}: got {found}"
        assert all(expected.message in f.message for f in on_focus)
        assert all(f.severity is Severity.ERROR and f.engine is Engine.OWL for f in on_focus)


def test_hermit_accepts_two_parents_of_one_kind(verdicts: dict[str, list[Finding]]) -> None:
    assert verdicts["consistent.pass.ttl"] == []
    passing = {e.check for e in expectations(FIXTURES / "owl" / "consistent.pass.ttl") if e.passes}
    failing = {e.check for p in FIXTURE_FILES if p.name.endswith(".fail.ttl") for e in expectations(p) if not e.passes}
    assert passing == failing == {"unsatisfiable_class", "inconsistent_ontology"}
