"""User mistakes and unreachable endpoints give one line on stderr and an exit code, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from nmdkg.errors import ParameterError
from nmdkg.queries import QueryLibrary
from nmdkg.store import EmbeddedStore

UNREACHABLE = "http://127.0.0.1:9/sparql"  # the discard port: nothing listens there

CASES = [
    pytest.param(["sparql", "SELEC * WHERE { ?s ?p ?o }"], 2, "malformed query", id="malformed-query"),
    pytest.param(["query", "no-such-query"], 2, "no named query 'no-such-query'", id="unknown-query"),
    pytest.param(["query", "antibody-profile"], 2, "needs --param disorder=", id="missing-parameter"),
    pytest.param(
        ["query", "antibody-profile", "-p", "disorder=MMN", "-p", "colour=red"],
        2,
        "has no parameter 'colour'",
        id="unknown-parameter",
    ),
    pytest.param(["query", "antibody-profile", "-p", "disorder"], 2, "is not NAME=VALUE", id="parameter-not-a-pair"),
    pytest.param(
        ["query", "antibody-profile", "-p", "disorder=no such disorder"],
        2,
        "no entity is labelled",
        id="unknown-entity",
    ),
    pytest.param(
        ["query", "antibody-profile", "-p", "disorder=multifocal motor neuropaty"],
        2,
        "did you mean: multifocal motor neuropathy (NMD:0000015)?",
        id="misspelt-entity-gets-close-matches",
    ),
    pytest.param(
        ["query", "treatment-options", "--endpoint", UNREACHABLE], 3, "cannot reach", id="unreachable-endpoint"
    ),
    pytest.param(["sparql", "ASK { }", "--endpoint", "ftp://example.org/"], 3, "not an http(s) URL", id="bad-endpoint"),
]


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nmdkg.cli", *args], capture_output=True, text=True, check=False, env=env, timeout=60
    )


def _assert_one_line_error(done: subprocess.CompletedProcess[str], code: int, words: str) -> None:
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("nmdkg "), lines[0]
    assert words in lines[0]
    assert done.returncode == code, done.stderr


@pytest.mark.parametrize(("args", "code", "words"), CASES)
def test_one_line_error(args: list[str], code: int, words: str, cli_env: dict[str, str]) -> None:
    _assert_one_line_error(_run(args, cli_env), code, words)


@pytest.mark.slow
def test_malformed_query_on_the_endpoint(sparql_endpoint: str, cli_env: dict[str, str]) -> None:
    done = _run(["sparql", "SELEC * WHERE { ?s ?p ?o }", "--endpoint", sparql_endpoint], cli_env)
    _assert_one_line_error(done, 2, "refused the query")


def test_mistyped_number_parameter(tmp_path: Path, store: EmbeddedStore) -> None:
    """No curated query takes a number yet; a small query file checks the type check."""
    (tmp_path / "top-n.rq").write_text(
        "#+ summary: a test query\n#+ param: n integer required  how many\nSELECT ?n WHERE { VALUES ?n { UNDEF } }\n",
        encoding="utf-8",
    )
    library = QueryLibrary(tmp_path)
    with pytest.raises(ParameterError, match="must be a integer, not 'ten'"):
        library.run("top-n", store, {"n": "ten"})
    with pytest.raises(ParameterError, match="whole number"):
        library.run("top-n", store, {"n": "2.5"})
    assert library.run("top-n", store, {"n": "3"}).values() == [("3",)]
