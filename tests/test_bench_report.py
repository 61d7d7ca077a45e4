"""The benchmark report judges the targets from the figures it is given (bench/report.py; no timing here)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture(scope="module")
def report() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_report", BENCH / "report.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def engine(load_s: float, peak_mb: float, **queries: float | None) -> dict[str, Any]:
    figures = {name.replace("_", "-"): {"ms": ms, "rows": 1, "runs": 5} for name, ms in queries.items()}
    figures.update({name.replace("_", "-"): {"error": "timeout"} for name, ms in queries.items() if ms is None})
    return {"load_s": load_s, "peak_mb": peak_mb, "child_peak_mb": 0.0, "queries": figures}


def results(**at_million: Any) -> dict[str, Any]:
    curated = {"validate": {"wall_s": 4.0, "exit": 0}, "cli_list_ms": 150.0}
    return {"curated": curated, "sizes": [{"size": 10**6, **at_million}]}


def verdicts(report: ModuleType, figures: dict[str, Any]) -> list[bool | None]:
    return [target.met for target in report.targets(figures)]


def test_met_and_missed_follow_the_figures(report: ModuleType) -> None:
    fast = results(disk=engine(3.0, 900.0, a=200.0, b=900.0))
    slow = results(disk=engine(7.5, 2500.0, a=200.0, b=1500.0))
    assert verdicts(report, fast) == [True, True, True, True, None, True]
    assert verdicts(report, slow) == [False, False, False, True, None, True]


def test_a_timed_out_query_misses_the_query_target(report: ModuleType) -> None:
    assert verdicts(report, results(disk=engine(3.0, 900.0, a=200.0, b=None)))[1] is False


def test_a_size_not_measured_is_said_so(report: ModuleType) -> None:
    skipped = results(disk={"skipped": "not run: too big"})
    assert verdicts(report, skipped)[:3] == [None, None, None]
    assert "not run: too big" in report.targets(skipped)[0].measured
