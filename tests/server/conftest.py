"""One real ``nmdkg serve`` per test session, on a free loopback port, with short limits for the tests.

The server runs as a subprocess exactly as a user starts it (building first if the sources changed),
and every test talks to it over HTTP. ``$NMDKG_ROOT`` selects another checkout, as for the CLI.
"""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from nmdkg.paths import Project, find_project

ROOT = Path(__file__).resolve().parents[2]
#: Short limits, so that the deadline tests take seconds.
TIMEOUT = 2.0
MAX_ROWS = 2000
MAX_REQUEST_BYTES = 64 * 1024
WORKERS = 3
#: How long the server may take to start, a build included.
START_SECONDS = 240
_LISTENING = re.compile(r"listening on (http://\S+?)/ ")


@dataclass
class RunningServer:
    """The server under test: its base URL, its process and what it wrote to stderr."""

    url: str
    process: subprocess.Popen[str]
    log: list[str] = field(default_factory=list)

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"

    def get(self, path: str, *, accept: str | None = None, timeout: float = 30) -> tuple[int, dict[str, str], bytes]:
        """GET ``path``; the status, the headers (lower-case names) and the body, whatever the status."""
        request = urllib.request.Request(self.url + path, headers={"Accept": accept} if accept else {})
        return _send(request, timeout)

    def query(
        self, query: str, *, accept: str | None = None, method: str = "GET", timeout: float = 30
    ) -> tuple[int, dict[str, str], bytes]:
        """Send a SPARQL query by GET, POST form (``form``) or POST direct (``direct``)."""
        headers = {"Accept": accept} if accept else {}
        if method == "GET":
            request = urllib.request.Request(
                self.sparql + "?" + urllib.parse.urlencode({"query": query}), headers=headers
            )
        elif method == "form":
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urllib.parse.urlencode({"query": query}).encode()
            request = urllib.request.Request(self.sparql, data=body, headers=headers, method="POST")
        else:
            headers["Content-Type"] = "application/sparql-query"
            request = urllib.request.Request(self.sparql, data=query.encode(), headers=headers, method="POST")
        return _send(request, timeout)


def _send(request: urllib.request.Request, timeout: float) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


@pytest.fixture(scope="session")
def served_project() -> Project:
    """The checkout the server serves (the real one, or ``$NMDKG_ROOT``)."""
    return find_project(ROOT)


@contextmanager
def running_server(*options: str) -> Iterator[RunningServer]:
    """``nmdkg serve OPTIONS`` on a free loopback port, as a user starts it; stopped on leaving."""
    command = [
        sys.executable, "-m", "nmdkg.cli", "serve", "--host", "127.0.0.1", "--port", "0",
        "--timeout", str(TIMEOUT), "--max-rows", str(MAX_ROWS), "--max-request-bytes", str(MAX_REQUEST_BYTES),
        "--workers", str(WORKERS), *options,
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    log: list[str] = []
    found: list[str] = []
    ready = threading.Event()

    def drain() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            log.append(line.rstrip("\n"))
            match = _LISTENING.search(line)
            if match and not found:
                found.append(match.group(1))
                ready.set()
        ready.set()

    threading.Thread(target=drain, daemon=True).start()
    deadline = time.monotonic() + START_SECONDS
    while not ready.wait(0.2):
        if time.monotonic() > deadline:
            break
    if not found:
        process.kill()
        process.wait()
        tail = "\n".join(log[-30:])
        pytest.fail(f"`nmdkg serve` did not start (exit code {process.returncode}); its output:\n{tail}")
    try:
        yield RunningServer(found[0], process, log)
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def server() -> Iterator[RunningServer]:
    """``nmdkg serve`` on a free loopback port, stopped at the end of the session."""
    with running_server() as running:
        yield running
