"""Load test: the named queries, several concurrent clients, against `nmdkg serve` and the Oxigraph server.

Bounded and local: both servers listen on 127.0.0.1 only, the run stops after ``--seconds`` or
``--requests`` per server, and both servers are stopped at the end. Every client keeps one HTTP/1.1
connection and POSTs the named queries in turn (``application/sparql-query``, asking for SPARQL JSON),
as a SPARQL client would. Reported per server: requests, errors, sustained queries per second, and
p50/p99 latency; ``--write`` puts the figures into docs/server.md.

Run it with ``make loadtest`` (or ``.venv/bin/python bench/load_test.py --help``).
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import logging
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from nmdkg.build import build
from nmdkg.manifest import ASSERTED, INFERRED, is_up_to_date
from nmdkg.paths import Project, find_project
from nmdkg.queries import QueryLibrary

__all__ = ["Figures", "main", "measure"]

logger = logging.getLogger(__name__)

#: Where --write puts the figures: the docs of the checkout this script is in.
DOC = Path(__file__).resolve().parents[1] / "docs" / "server.md"
BEGIN, END = "<!-- load-test:begin -->", "<!-- load-test:end -->"
START_SECONDS = 240


@dataclass
class Figures:
    """What one server did under load."""

    name: str
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: int = 0

    @property
    def requests(self) -> int:
        return len(self.latencies) + self.errors

    @property
    def qps(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        """Latency in milliseconds at ``share`` (0-1) of the sorted answers."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000

    def line(self) -> str:
        return (
            f"| {self.name} | {self.requests} | {self.errors} | {self.qps:.0f} | "
            f"{self.percentile(0.5):.1f} | {self.percentile(0.99):.1f} |"
        )


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(url_host: str, port: int, path: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(url_host, port, timeout=2)
            connection.request("GET", path)
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answered on {url_host}:{port} within {seconds:g} s")


def _stop(process: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def nmdkg_server(project: Project, *, workers: int | None) -> Iterator[tuple[str, int, str]]:
    """``nmdkg serve`` on a free loopback port, with its default limits; yields (host, port, path)."""
    port = _free_port()
    command = [sys.executable, "-m", "nmdkg.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    if workers:
        command += ["--workers", str(workers)]
    env = {**os.environ, "NMDKG_ROOT": str(project.root)}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for("127.0.0.1", port, "/sparql", START_SECONDS)
        yield "127.0.0.1", port, "/sparql"
    finally:
        _stop(process)


@contextmanager
def oxigraph_server(project: Project, *, timeout: int) -> Iterator[tuple[str, int, str]]:
    """The Oxigraph server (read-only) on the same two files; yields (host, port, path)."""
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if binary is None:
        raise RuntimeError("no `oxigraph` command: pip install -e '.[test]' installs it (the oxigraph package)")
    with tempfile.TemporaryDirectory(prefix="nmdkg-oxigraph-") as folder:
        files = [str(project.build / ASSERTED), str(project.build / INFERRED)]
        subprocess.run([binary, "load", "--location", folder, "--file", *files], check=True, capture_output=True)
        port = _free_port()
        command = [binary, "serve-read-only", "--location", folder, "--bind", f"127.0.0.1:{port}"]
        process = subprocess.Popen(
            [*command, "--timeout-s", str(timeout)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            _wait_for("127.0.0.1", port, "/", 30)
            yield "127.0.0.1", port, "/query"
        finally:
            _stop(process)


def _rows(body: bytes) -> int:
    data = json.loads(body)
    return 1 if "boolean" in data else len(data["results"]["bindings"])


def _ask(connection: http.client.HTTPConnection, path: str, query: str) -> tuple[int, bytes]:
    headers = {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"}
    connection.request("POST", path, body=query.encode("utf-8"), headers=headers)
    response = connection.getresponse()
    return response.status, response.read()


def measure(
    name: str, address: tuple[str, int, str], queries: Sequence[str], *, clients: int, seconds: float, requests: int
) -> Figures:
    """Run ``clients`` threads, each cycling through ``queries``, for ``seconds`` or ``requests`` in all."""
    host, port, path = address
    figures = Figures(name, seconds)
    lock = threading.Lock()
    issued = [0]
    stop_at = time.monotonic() + seconds

    def client(offset: int) -> None:
        connection = http.client.HTTPConnection(host, port, timeout=60)
        latencies, errors, index = [], 0, offset
        while time.monotonic() < stop_at:
            with lock:
                if issued[0] >= requests:
                    break
                issued[0] += 1
            query = queries[index % len(queries)]
            index += 1
            start = time.perf_counter()
            try:
                status, _ = _ask(connection, path, query)
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(host, port, timeout=60)
                status = 0
            if status == 200:
                latencies.append(time.perf_counter() - start)
            else:
                errors += 1
        connection.close()
        with lock:
            figures.latencies.extend(latencies)
            figures.errors += errors

    start = time.monotonic()
    threads = [threading.Thread(target=client, args=(i * 3,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    figures.seconds = time.monotonic() - start
    return figures


def check_same_answers(addresses: dict[str, tuple[str, int, str]], queries: dict[str, str]) -> None:
    """Both servers give each named query the same number of rows (else the comparison is void)."""
    counts: dict[str, dict[str, int]] = {}
    for server, (host, port, path) in addresses.items():
        connection = http.client.HTTPConnection(host, port, timeout=60)
        for name, text in queries.items():
            status, body = _ask(connection, path, text)
            if status != 200:
                raise RuntimeError(f"{server} answered {status} to {name}: {body[:200]!r}")
            counts.setdefault(name, {})[server] = _rows(body)
        connection.close()
    differing = {name: c for name, c in counts.items() if len(set(c.values())) > 1}
    if differing:
        raise RuntimeError(f"the servers disagree on row counts: {differing}")


def machine() -> str:
    model = "unknown CPU"
    try:
        text = Path("/proc/cpuinfo").read_text()
        found = re.search(r"^model name\s*:\s*(.+)$", text, re.MULTILINE)
        model = found.group(1).strip() if found else model
    except OSError:
        pass
    system = f"{platform.system()} {platform.release()}"
    return f"{os.cpu_count()} cores ({model}), {system}, Python {platform.python_version()}"


def report(results: list[Figures], *, clients: int, seconds: float, command: str, queries: int) -> str:
    ours, theirs = results
    ratio = theirs.qps / ours.qps if ours.qps else float("inf")
    verdict = "within" if ratio <= 2 else "outside"
    lines = [
        BEGIN,
        f"Measured {datetime.date.today().isoformat()} on {machine()}; {clients} concurrent clients, "
        f"{seconds:g} s per server in alternating rounds, the {queries} named queries in turn (POST, SPARQL JSON), "
        "keep-alive connections, "
        "client and servers on the same machine.",
        "",
        "| server | requests | errors | queries/s | p50 ms | p99 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        *(f.line() for f in results),
        "",
        f"The Oxigraph server answers {ratio:.2f}x as many queries per second as `nmdkg serve`: "
        f"{verdict} the 2x target.",
        "",
        f"Command: `{command}`",
        END,
    ]
    return "\n".join(lines)


def write_report(text: str) -> Path:
    path = DOC
    document = path.read_text(encoding="utf-8") if path.exists() else f"# nmdkg serve\n\n{BEGIN}\n{END}\n"
    if BEGIN not in document or END not in document:
        document += f"\n{BEGIN}\n{END}\n"
    head, _, rest = document.partition(BEGIN)
    _, _, tail = rest.partition(END)
    path.write_text(head + text + tail, encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients (default: 4)")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long each server is loaded (default: 20)")
    parser.add_argument("--requests", type=int, default=200_000, help="most requests per server (default: 200000)")
    parser.add_argument("--rounds", type=int, default=4, help="alternating rounds the time is split into (default: 4)")
    parser.add_argument("--workers", type=int, default=None, help="nmdkg serve --workers (default: its own default)")
    parser.add_argument("--write", action="store_true", help=f"put the figures into {DOC}")
    args = parser.parse_args(argv)
    if args.clients < 1 or args.rounds < 1 or args.seconds <= 0 or args.seconds > 600:
        parser.error("need 1+ clients, 1+ rounds and 0 < seconds <= 600")

    project = find_project()
    if not is_up_to_date(project):
        print("load test: building the graph first", file=sys.stderr)
        build(project)
    library = QueryLibrary(project.queries)
    queries = {q.name: q.text for q in library}
    texts = list(queries.values())

    names = ("`nmdkg serve`", "Oxigraph server 0.5 (`oxigraph serve-read-only`)")
    results = [Figures(name, 0.0) for name in names]
    with nmdkg_server(project, workers=args.workers) as ours, oxigraph_server(project, timeout=10) as theirs:
        check_same_answers({"nmdkg serve": ours, "oxigraph": theirs}, queries)
        addresses = (ours, theirs)
        for name, address in zip(names, addresses, strict=True):
            measure(name, address, texts, clients=args.clients, seconds=min(2.0, args.seconds), requests=args.requests)
        # Alternate the servers in short rounds, so that a change in the machine's load (other jobs
        # on a shared CI machine) falls on both alike.
        share = args.seconds / args.rounds
        for round_ in range(args.rounds):
            for index in (0, 1) if round_ % 2 == 0 else (1, 0):
                part = measure(
                    names[index], addresses[index], texts, clients=args.clients, seconds=share, requests=args.requests
                )
                results[index].latencies.extend(part.latencies)
                results[index].errors += part.errors
                results[index].seconds += part.seconds
    command = (
        "make loadtest"
        if os.environ.get("MAKELEVEL")
        else " ".join(["python", "bench/load_test.py", *(argv or sys.argv[1:])])
    )
    text = report(results, clients=args.clients, seconds=args.seconds, command=command, queries=len(texts))
    print(text)
    for figures in results:
        if figures.latencies:
            mean = statistics.fmean(figures.latencies) * 1000
            print(f"{figures.name}: mean {mean:.1f} ms over {len(figures.latencies)} answers", file=sys.stderr)
    if args.write:
        print(f"load test: wrote {write_report(text)}", file=sys.stderr)
    return 0 if all(f.errors == 0 for f in results) else 1


if __name__ == "__main__":
    sys.exit(main())
