"""`nmdkg query treatment-options --format csv` reproduces the lecture's treatment table exactly.

The expected file, golden/treatment-options.csv, was transcribed by hand from the lecture
(seeds/003_c51bfbe5f91505d9.txt, lines 785-831), independently of the curated tables; it is
never regenerated from the query.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from nmdkg.cli import main
from nmdkg.paths import Project

from .cases import GOLDEN

EXPECTED = GOLDEN / "treatment-options.csv"
HEADER = "disorder,therapy,option,note"


def _expected_text() -> str:
    return EXPECTED.read_text(encoding="utf-8")


def _lf(text: str) -> str:
    """SPARQL CSV ends lines with CRLF; the checked-in file uses LF."""
    assert "\n" not in text.replace("\r\n", ""), "a CSV line does not end with CRLF"
    return text.replace("\r\n", "\n")


def test_the_transcription_has_the_tables_shape() -> None:
    lines = _expected_text().splitlines()
    assert lines[0] == HEADER
    assert len(lines) == 1 + 45  # 9 disorders x 7 therapies, less the 18 cells marked "-"


def test_cli_in_process(built: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NMDKG_ROOT", str(built.root))
    monkeypatch.delenv("NMDKG_ENDPOINT", raising=False)
    assert main(["query", "treatment-options", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert _lf(out) == _expected_text()


def test_cli_subprocess(cli_env: dict[str, str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "nmdkg.cli", "query", "treatment-options", "--format", "csv"],
        capture_output=True,
        check=False,
        env=cli_env,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert _lf(done.stdout.decode("utf-8")) == _expected_text()


@pytest.mark.slow
def test_cli_on_the_remote_endpoint(
    sparql_endpoint: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, built: Project
) -> None:
    monkeypatch.setenv("NMDKG_ROOT", str(built.root))
    assert main(["query", "treatment-options", "--format", "csv", "--endpoint", sparql_endpoint]) == 0
    assert _lf(capsys.readouterr().out) == _expected_text()


@pytest.mark.slow
def test_endpoint_from_the_environment(sparql_endpoint: str, cli_env: dict[str, str]) -> None:
    """`NMDKG_ENDPOINT` sends the query to the server (a build folder is not needed)."""
    done = subprocess.run(
        [sys.executable, "-m", "nmdkg.cli", "query", "treatment-options", "--format", "csv"],
        capture_output=True,
        check=False,
        env={**cli_env, "NMDKG_ENDPOINT": sparql_endpoint},
    )
    assert done.returncode == 0, done.stderr.decode()
    assert _lf(done.stdout.decode("utf-8")) == _expected_text()
