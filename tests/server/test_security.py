"""Hardening, shown against the running server: read-only, no outbound requests, deadlines, caps."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator

import pytest

from .conftest import MAX_REQUEST_BYTES, MAX_ROWS, ROOT, TIMEOUT, RunningServer

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
SIMPLE = "ASK { ?s ?p ?o }"
#: A regex that backtracking engines take exponential time on, applied to a long generated string on
#: every pair of triples: Oxigraph's regex engine is linear, so here the time goes into volume.
CATASTROPHIC_REGEX = (
    'SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y . BIND("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" AS ?s0) '
    + " ".join(f"BIND(CONCAT(?s{i}, ?s{i}) AS ?s{i + 1})" for i in range(10))
    + ' FILTER(REGEX(CONCAT(?s10, "!"), "^(a+)+$")) }'
)
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p1 ?x . ?b ?p2 ?y . ?c ?p3 ?z . ?d ?p4 ?w . ?e ?p5 ?v }"


def _count(server: RunningServer) -> int:
    status, _, body = server.query(COUNT)
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def _no_leak(body: bytes) -> None:
    text = body.decode("utf-8", "replace")
    assert "Traceback" not in text and 'File "' not in text
    assert str(ROOT) not in text and "site-packages" not in text


UPDATES = [
    'INSERT DATA { <https://example.org/s> <https://example.org/p> "o" }',
    "DELETE WHERE { ?s ?p ?o }",
    "CLEAR DEFAULT",
    "DROP ALL",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "CREATE GRAPH <https://example.org/g>",
]


@pytest.mark.parametrize("update", UPDATES)
@pytest.mark.parametrize("how", ["update-body", "update-form", "as-query"])
def test_updates_are_refused_and_change_nothing(server: RunningServer, update: str, how: str) -> None:
    before = _count(server)
    if how == "update-body":
        status, _, body = _post(server, update.encode(), "application/sparql-update")
    elif how == "update-form":
        status, _, body = _post(
            server, urllib.parse.urlencode({"update": update}).encode(), "application/x-www-form-urlencoded"
        )
    else:
        status, _, body = server.query(update, method="form")
    assert status in (400, 403), body
    assert b"read-only" in body or b"Update" in body
    _no_leak(body)
    assert _count(server) == before


def _post(server: RunningServer, body: bytes, content_type: str) -> tuple[int, dict[str, str], bytes]:
    import urllib.request

    from .conftest import _send

    request = urllib.request.Request(server.sparql, data=body, headers={"Content-Type": content_type}, method="POST")
    return _send(request, 10)


class Listener:
    """A TCP listener on loopback that records every connection made to it."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.connections: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with connection:
                connection.settimeout(1)
                try:
                    self.connections.append(connection.recv(4096))
                except OSError:
                    self.connections.append(b"")

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.socket.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    recorder = Listener()
    yield recorder
    recorder.close()


OUTBOUND = [
    "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "select * where {{ service silent <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "PREFIX ex: <http://127.0.0.1:{port}/>\nSELECT * WHERE {{ SERVICE ex:sparql {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ BIND(<http://127.0.0.1:{port}/sparql> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    "SELECT * FROM <http://127.0.0.1:{port}/data.ttl> WHERE {{ ?s ?p ?o }}",
    "SELECT * FROM NAMED <http://127.0.0.1:{port}/data.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    "PREFIX ex: <http://127.0.0.1:{port}/>\nSELECT * FROM ex:data.ttl WHERE {{ ?s ?p ?o }}",
]


@pytest.mark.parametrize("template", OUTBOUND, ids=lambda t: t.split("{{")[0].split("\n")[-1][:40].strip())
def test_outbound_requests_are_refused_and_never_made(server: RunningServer, listener: Listener, template: str) -> None:
    query = template.format(port=listener.port)
    for method in ("GET", "form", "direct"):
        status, _, body = server.query(query, method=method)
        assert status == 403, body
        assert b"SERVICE" in body or b"graph" in body
        _no_leak(body)
    time.sleep(0.3)
    assert listener.connections == []


def test_dataset_parameters_outside_the_store_are_refused(server: RunningServer, listener: Listener) -> None:
    for name in ("default-graph-uri", "named-graph-uri"):
        params = urllib.parse.urlencode(
            {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1", name: f"http://127.0.0.1:{listener.port}/g"}
        )
        status, _, body = server.get("/sparql?" + params)
        assert status == 403, body
    time.sleep(0.3)
    assert listener.connections == []


def test_the_listener_would_have_seen_a_connection(listener: Listener) -> None:
    """The listener records connections (so an empty record above means none was made)."""
    with socket.create_connection(("127.0.0.1", listener.port), timeout=2) as connection:
        connection.sendall(b"hello")
    time.sleep(0.5)
    assert listener.connections == [b"hello"]


def test_slow_queries_hit_the_deadline_while_others_are_answered(server: RunningServer) -> None:
    slow: dict[str, tuple[int, bytes, float]] = {}

    def run(name: str, query: str) -> None:
        start = time.monotonic()
        status, _, body = server.query(query, timeout=TIMEOUT + 20)
        slow[name] = (status, body, time.monotonic() - start)

    threads = [
        threading.Thread(target=run, args=("regex", CATASTROPHIC_REGEX)),
        threading.Thread(target=run, args=("cross product", CROSS_PRODUCT)),
    ]
    for thread in threads:
        thread.start()
    time.sleep(TIMEOUT / 4)
    quick = []
    while any(t.is_alive() for t in threads) and len(quick) < 10:
        start = time.monotonic()
        status, _, _ = server.query(SIMPLE)
        quick.append((status, time.monotonic() - start))
        status, _, _ = server.get("/NMD_0000015", accept="text/turtle")
        quick.append((status, time.monotonic() - start))
        time.sleep(0.1)
    for thread in threads:
        thread.join(TIMEOUT + 30)
    assert quick, "the slow queries ended before the quick ones ran"
    assert all(status == 200 for status, _ in quick), quick
    assert max(seconds for _, seconds in quick) < 1.5, quick
    for name, (status, body, seconds) in slow.items():
        assert status == 503, (name, body)
        assert f"longer than {TIMEOUT:g} s".encode() in body or b"memory" in body, (name, body)
        assert seconds < TIMEOUT + 5, (name, seconds)
        _no_leak(body)
    # the killed workers were replaced: the server still answers queries
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        results = [server.query(SIMPLE)[0] for _ in range(4)]
        if results == [200] * 4:
            break
        time.sleep(0.2)
    assert results == [200] * 4


def _raw(server: RunningServer, request: bytes) -> bytes:
    """Send raw bytes; read the reply until the server closes the connection."""
    host = urllib.parse.urlsplit(server.url)
    with socket.create_connection((host.hostname, host.port), timeout=10) as connection:
        connection.sendall(request)
        chunks = []
        while chunk := connection.recv(4096):
            chunks.append(chunk)
    return b"".join(chunks)


def test_an_oversized_request_body_is_refused_before_it_is_read(server: RunningServer) -> None:
    reply = _raw(
        server,
        b"POST /sparql HTTP/1.1\r\nHost: test\r\nContent-Type: application/sparql-query\r\n"
        + f"Content-Length: {MAX_REQUEST_BYTES * 16}\r\n\r\n".encode()
        + b"SELECT * WHERE { ?s ?p ?o } # ",
    )
    assert reply.startswith(b"HTTP/1.1 413 "), reply
    assert f"{MAX_REQUEST_BYTES:,} bytes".encode() in reply


def test_an_oversized_form_post_is_refused(server: RunningServer) -> None:
    padding = "#" + "x" * (MAX_REQUEST_BYTES + 10)
    status, _, body = _post(
        server, urllib.parse.urlencode({"query": "ASK {}\n" + padding}).encode(), "application/x-www-form-urlencoded"
    )
    assert status == 413, body


def test_an_oversized_query_string_is_refused(server: RunningServer) -> None:
    status, _, _ = server.get("/sparql?" + urllib.parse.urlencode({"query": "ASK {} #" + "x" * MAX_REQUEST_BYTES}))
    assert status == 414


def test_a_chunked_body_is_refused(server: RunningServer) -> None:
    reply = _raw(
        server,
        b"POST /sparql HTTP/1.1\r\nHost: test\r\nContent-Type: application/sparql-query\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n5\r\nASK{}\r\n0\r\n\r\n",
    )
    assert reply.startswith(b"HTTP/1.1 411 "), reply


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "text/csv", "application/sparql-results+xml"])
def test_a_result_over_the_row_cap_is_refused_not_truncated(server: RunningServer, accept: str) -> None:
    status, headers, body = server.query("SELECT * WHERE { ?s ?p ?o }", accept=accept)
    assert status == 422, body[:200]
    assert headers["content-type"].startswith("text/plain")
    assert f"more than {MAX_ROWS:,} rows".encode() in body and b"LIMIT" in body


def test_a_result_at_the_row_cap_is_complete(server: RunningServer) -> None:
    status, _, body = server.query(f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS}")
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == MAX_ROWS


def test_a_graph_over_the_row_cap_is_refused(server: RunningServer) -> None:
    status, _, body = server.query("CONSTRUCT WHERE { ?s ?p ?o }")
    assert status == 422 and b"rows" in body


def test_errors_do_not_leak_internals(server: RunningServer) -> None:
    for path in ("/static/../../../etc/passwd", "/static/%2e%2e/x", "/NMD_9999999", "/source/no-such-source"):
        status, _, body = server.get(path)
        assert status == 404, path
        _no_leak(body)
    status, _, body = server.query("SELECT * WHERE { ?s ?p ?o . FILTER(?o > ) }")
    assert status == 400
    _no_leak(body)
