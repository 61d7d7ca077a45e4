"""``nmdkg load`` against a real Graph Store Protocol server (the Oxigraph server) on loopback."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from nmdkg.api import open_graph
from nmdkg.cli import main
from nmdkg.graph_store import chunk_lines
from nmdkg.paths import Project
from nmdkg.queries import QueryLibrary
from nmdkg.store import EmbeddedStore, RemoteStore

from .cases import CASES
from .conftest import free_port, wait_until_ready


@pytest.fixture(scope="module")
def writable_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An empty, writable Oxigraph server on loopback; yields its base URL."""
    binary = Path(sys.executable).with_name("oxigraph")
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph-gsp")
    process = subprocess.Popen(
        [str(binary), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(f"{base}/query", process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_chunks_keep_whole_lines() -> None:
    lines = [b"<a> <b> <c> .\n", b"# comment\n", b"<d> <e> <f> .\n", b"<g> <h> <i> ."]
    assert [len(c) for c in chunk_lines(lines, 2)] == [2, 1]


def test_load_then_every_named_query_matches_embedded(
    writable_server: str,
    built: Project,
    store: EmbeddedStore,
    library: QueryLibrary,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["load", "--endpoint", f"{writable_server}/store", "--chunk-size", "1000"]) == 0
    assert "loaded" in capsys.readouterr().out
    remote = RemoteStore(f"{writable_server}/query")
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert remote.select(count).values() == store.select(count).values()
    for case in CASES:
        expected = library.run(case.query, store, case.params).values()
        assert library.run(case.query, remote, case.params).values() == expected, case.slug


def test_append_and_named_graph(writable_server: str, built: Project, tmp_path: Path) -> None:
    data = tmp_path / "extra.nt"
    data.write_text("<https://example.org/s> <https://example.org/p> <https://example.org/o> .\n")
    graph = "https://example.org/graph"
    assert main(["load", "--endpoint", f"{writable_server}/store", "--graph", graph, str(data)]) == 0
    assert main(["load", "--endpoint", f"{writable_server}/store", "--graph", graph, "--append", str(data)]) == 0
    remote = RemoteStore(f"{writable_server}/query")
    rows = remote.select("SELECT ?o WHERE { GRAPH <https://example.org/graph> { ?s ?p ?o } }")
    assert rows.values() == [("https://example.org/o",)]


def test_refusal_is_one_clear_line(writable_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "bad.nt"
    data.write_text("this is not N-Triples .\n")
    assert main(["load", "--endpoint", f"{writable_server}/store", str(data)]) != 0
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert "refused the upload (PUT): HTTP 400" in err


def test_unreachable_endpoint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "one.nt"
    data.write_text("<https://example.org/s> <https://example.org/p> <https://example.org/o> .\n")
    assert main(["load", "--endpoint", "http://127.0.0.1:9/store", str(data)]) == 3
    assert "cannot reach http://127.0.0.1:9/store" in capsys.readouterr().err


def test_local_store_answers_every_named_query_as_build_store(
    built: Project, store: EmbeddedStore, library: QueryLibrary, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "merged"
    extra = tmp_path / "extra.ttl"
    extra.write_text("<https://example.org/s> <https://example.org/p> <https://example.org/o> .\n")
    files = [str(built.build / "nmd.ttl"), str(built.build / "nmd-inferred.ttl"), str(extra)]
    assert main(["load", "--store", str(folder), "--workers", "2", *files]) == 0
    assert f"from 3 file(s) into {folder}" in capsys.readouterr().out
    local = EmbeddedStore.open(folder)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(local.select(count).values()[0][0]) == int(store.select(count).values()[0][0]) + 1
    for case in CASES:
        expected = library.run(case.query, store, case.params).values()
        assert library.run(case.query, local, case.params).values() == expected, case.slug
    from_python = open_graph(store=folder, root=built.root).query("antibody-profile", disorder="MMN")
    assert from_python.values() == library.run("antibody-profile", store, {"disorder": "MMN"}).values()
    headline = ["query", "--store", str(folder), "b-cell-therapies-igm-neuropathies", "--format", "csv"]
    assert main(headline) == 0
    assert capsys.readouterr().out.count("\n") == 1 + len(library.run("b-cell-therapies-igm-neuropathies", store))


def test_local_store_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--store", str(tmp_path / "none"), "treatment-options"]) == 2
    assert "is not an Oxigraph store folder" in capsys.readouterr().err
    assert main(["load", "--store", str(tmp_path / "s"), "--graph", "https://example.org/g", __file__]) == 2
    assert "apply to --endpoint only" in capsys.readouterr().err
