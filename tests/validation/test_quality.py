"""Every quality check (queries/qc/*-violation.rq and the Python xref check) fails on a fixture and passes on one."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from nmdkg.validation.findings import Finding, Severity
from nmdkg.validation.locate import Locator
from nmdkg.validation.quality import SUFFIX, QualityCheck, load_checks, oxigraph_copy, run_checks
from nmdkg.validation.xrefs import CHECK, check_xref_forms

from .fixture_files import FIXTURES, Expectation, expectations, with_base

ROOT = Path(__file__).resolve().parents[2]
QC = ROOT / "queries" / "qc"
FAILING = sorted((FIXTURES / "qc").glob("*.fail.ttl"))
PASSING = sorted((FIXTURES / "qc").glob("*.pass.ttl"))
EXPECTED = [e for path in FAILING for e in expectations(path)]
MUST_FAIL = [e for e in EXPECTED if not e.passes]


@functools.cache
def checks() -> tuple[QualityCheck, ...]:
    return tuple(load_checks(QC))


@functools.cache
def findings(path: Path | None) -> tuple[Finding, ...]:
    graph = with_base(path) if path else with_base()
    locator = Locator(graph)
    return tuple(run_checks(oxigraph_copy(graph), checks(), locator) + check_xref_forms(graph, locator))


def check_ids() -> set[str]:
    return {c.id for c in checks()} | {str(CHECK["id"])}


def test_base_fixture_passes_every_check() -> None:
    assert findings(None) == ()


@pytest.mark.parametrize("expected", MUST_FAIL, ids=str)
def test_check_fails_on_its_fixture(expected: Expectation) -> None:
    found = [f for f in findings(FIXTURES / "qc" / expected.file) if f.check == expected.check]
    on_focus = [f for f in found if f.focus == str(expected.focus)]
    assert on_focus, f"{expected}: no {expected.check} finding on {expected.focus}; it found: {found}"
    assert any(expected.message in f.message for f in on_focus), [f.message for f in on_focus]


def _show(found: list[Finding]) -> str:
    return "\n".join(f"{f.check} on {f.focus}: {f.message} ({f.value})" for f in found)


@pytest.mark.parametrize("path", FAILING, ids=lambda p: p.name)
def test_fail_fixture_finds_nothing_unexpected(path: Path) -> None:
    """Nothing but the expected errors and warnings (INFO notes, e.g. missing_xref, only where asked)."""
    wanted = {(e.check, str(e.focus)) for e in expectations(path) if not e.passes}
    unexpected = [f for f in findings(path) if (f.check, f.focus) not in wanted and f.severity is not Severity.INFO]
    assert not unexpected, _show(unexpected)


@pytest.mark.parametrize("path", PASSING + FAILING, ids=lambda p: p.name)
def test_pass_fixture_passes(path: Path) -> None:
    """A subject marked `# pass CHECK` gets no CHECK finding; a pass file has no error or warning."""
    passes = {(e.check, str(e.focus)) for e in expectations(path) if e.passes}
    wrong = [f for f in findings(path) if (f.check, f.focus) in passes]
    if path in PASSING:
        wrong += [f for f in findings(path) if f.severity is not Severity.INFO]
    assert not wrong, _show(wrong)


def test_every_check_has_a_failing_and_a_passing_fixture() -> None:
    failing = {e.check for e in MUST_FAIL}
    passing = {e.check for path in PASSING + FAILING for e in expectations(path) if e.passes}
    assert check_ids() - failing == set(), "checks without a failing fixture (add `# expect ID: message`)"
    assert check_ids() - passing == set(), "checks without a passing fixture (add `# pass ID`)"
    assert (failing | passing) - check_ids() == set(), "fixtures name checks that do not exist"


@pytest.mark.parametrize("check", sorted(QC.glob(f"*{SUFFIX}")), ids=lambda p: p.name)
def test_query_follows_the_house_rules(check: Path) -> None:
    """ODK naming, a full header, an ORDER BY, and anti-joins with MINUS (Oxigraph)."""
    text = check.read_text(encoding="utf-8")
    parsed = QualityCheck.from_file(check)
    assert parsed.id.replace("_", "-") + SUFFIX == check.name
    assert "ORDER BY" in text
    assert "NOT EXISTS" not in text.upper(), "write anti-joins with MINUS"
    assert "?entity" in text
