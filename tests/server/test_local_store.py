"""``nmdkg serve --store DIR``: the server answers from a store folder that ``nmdkg load --store`` wrote."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from nmdkg.cli import main
from nmdkg.paths import Project
from nmdkg.store import EmbeddedStore

from .conftest import ROOT, running_server

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
EXTRA = "<https://example.org/s> <https://example.org/p> <https://example.org/o> .\n"


def _count(answer: bytes) -> int:
    return int(json.loads(answer)["results"]["bindings"][0]["n"]["value"])


def test_serves_a_merged_store(built: Project, tmp_path: Path) -> None:
    extra = tmp_path / "extra.nt"
    extra.write_text(EXTRA)
    folder = tmp_path / "merged"
    assert main(["load", "--store", str(folder), str(built.build / "nmd.ttl"), str(extra)]) == 0
    asserted = EmbeddedStore.from_file(built.build / "nmd.ttl").select(COUNT).values()[0][0]
    with running_server("--store", str(folder)) as server:
        status, _, body = server.query(COUNT, accept="application/sparql-results+json")
        asked = "ASK { <https://example.org/s> <https://example.org/p> <https://example.org/o> }"
        _, _, answer = server.query(asked, accept="application/sparql-results+json")
    assert status == 200
    assert _count(body) == int(asserted) + 1  # the asserted graph and the extra triple (no inferred graph)
    assert json.loads(answer)["boolean"] is True


def test_refuses_a_folder_that_is_not_a_store(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "nmdkg.cli", "serve", "--port", "0", "--store", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert "is not an Oxigraph store folder" in done.stderr
