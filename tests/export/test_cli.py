"""``nmdkg export`` on the command line: output, version, and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from nmdkg.cli import main
from nmdkg.paths import Project


def test_export_writes_the_release(
    checkout: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NMDKG_ROOT", str(checkout.root))
    assert main(["export", "--output", str(tmp_path / "out"), "--version", "2026-11-30"]) == 0
    assert "release 2026-11-30" in capsys.readouterr().out
    assert (tmp_path / "out" / "nmd.owl").is_file()


def test_a_bad_version_exits_2(
    checkout: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NMDKG_ROOT", str(checkout.root))
    assert main(["export", "--output", str(tmp_path / "out"), "--version", "tomorrow"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
