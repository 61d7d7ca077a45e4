"""Fixtures for the query tests: a real Oxigraph SPARQL server on loopback, loaded with the built graph."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from nmdkg.manifest import GRAPH_FILES
from nmdkg.paths import Project
from nmdkg.store import RemoteStore

STARTUP_SECONDS = 30.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_ready(url: str, server: subprocess.Popen[bytes]) -> None:
    probe = url + "?" + urllib.parse.urlencode({"query": "ASK { }"})
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            error = server.stderr.read().decode(errors="replace") if server.stderr else ""
            pytest.fail(f"the Oxigraph server exited with code {server.returncode}: {error.strip()}")
        try:
            with urllib.request.urlopen(probe, timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    pytest.fail(f"the Oxigraph server did not answer at {url} within {STARTUP_SECONDS:.0f} s")


@pytest.fixture(scope="session")
def sparql_endpoint(built: Project, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a read-only Oxigraph server (``oxigraph serve-read-only``) holding the built graph."""
    binary = Path(sys.executable).with_name("oxigraph")
    if not binary.is_file():
        pytest.fail(f"no Oxigraph server at {binary}: install the test extra (pip install -e '.[test]')")
    location = tmp_path_factory.mktemp("oxigraph-store")
    files = [str(built.build / name) for name in GRAPH_FILES]
    subprocess.run(
        [str(binary), "load", "--location", str(location), "--file", *files], check=True, capture_output=True
    )
    port = free_port()
    server = subprocess.Popen(
        [str(binary), "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        wait_until_ready(url, server)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="session")
def remote(sparql_endpoint: str) -> RemoteStore:
    return RemoteStore(sparql_endpoint)


@pytest.fixture
def cli_env(built: Project) -> dict[str, str]:
    """The environment for running ``nmdkg`` in a subprocess on the built checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("NMDKG_ENDPOINT", "NMDKG_STORE")}
    env["NMDKG_ROOT"] = str(built.root)
    return env
