"""Median latency of every named query: on the curated graph and on synthetic graphs of 10^5 and 10^6 triples.

Also: load time of each graph, CLI start-up (``nmdkg query --list``) and, for a ratio, rdflib's
in-memory engine on the curated graph. Writes a markdown report to stdout and docs/benchmarks.md.

    .venv/bin/python bench/query_latency.py [--runs 5] [--sizes 100000 1000000] [--seed 0]

Not a test: figures depend on the machine. Targets (issue 3): every named query under 100 ms at
10^5 triples and under 1 s at 10^6; CLI start-up under 300 ms.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shlex
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph

from nmdkg.atomic import write_text
from nmdkg.errors import NmdkgError
from nmdkg.manifest import is_up_to_date
from nmdkg.paths import Project, find_project
from nmdkg.queries import NamedQuery, QueryLibrary
from nmdkg.store import EmbeddedStore, bind_values
from nmdkg.synthetic import curated_triples, load, synthetic_graph

__all__ = ["main"]

TARGET_MS = {100_000: 100.0, 1_000_000: 1000.0}
STARTUP_TARGET_MS = 300.0
RDFLIB_TIMEOUT_S = 10


def example_params(query: NamedQuery) -> dict[str, str]:
    """The parameters of the query's first ``#+ example:`` (what a user would copy)."""
    for example in query.examples:
        words = shlex.split(example)
        pairs = [words[i + 1] for i, w in enumerate(words[:-1]) if w in ("--param", "-p")]
        return dict(pair.split("=", 1) for pair in pairs)
    return {}


def median_ms(run: Callable[[], object], runs: int) -> float:
    run()  # warm-up: caches, lazily compiled regexes
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def query_times(library: QueryLibrary, store: EmbeddedStore, runs: int) -> dict[str, tuple[float | None, int]]:
    """Per query: median ms (parameter resolution included, as the CLI does it) and row count.

    None where the example's parameters do not resolve on this graph (reported, not fatal).
    """
    out: dict[str, tuple[float | None, int]] = {}
    for query in library:
        params = example_params(query)
        try:
            rows = len(library.run(query.name, store, params))
        except NmdkgError as exc:
            print(f"{query.name}: {exc}", file=sys.stderr)
            out[query.name] = (None, 0)
            continue
        out[query.name] = (median_ms(lambda q=query, p=params: library.run(q.name, store, p), runs), rows)
    return out


class _Timeout(Exception):
    pass


def rdflib_times(project: Project, library: QueryLibrary, store: EmbeddedStore, runs: int) -> dict[str, float | None]:
    """rdflib's engine on the same queries and bindings; None where it took over RDFLIB_TIMEOUT_S."""
    from rdflib import Graph

    graph = Graph()
    for name in ("nmd.ttl", "nmd-inferred.ttl"):
        graph.parse(project.build / name, format="turtle")

    def alarm(signum: int, frame: object) -> None:
        raise _Timeout

    signal.signal(signal.SIGALRM, alarm)
    out: dict[str, float | None] = {}
    for query in library:
        try:
            text = bind_values(query.text, library.bindings(query, store, example_params(query)))
        except NmdkgError:
            out[query.name] = None
            continue
        try:
            signal.alarm(RDFLIB_TIMEOUT_S)
            out[query.name] = median_ms(lambda t=text: list(graph.query(t)), runs)
        except _Timeout:
            out[query.name] = None
        finally:
            signal.alarm(0)
    return out


def cli_ms(args: list[str], project: Project, runs: int) -> float:
    command = [str(Path(sys.executable).with_name("nmdkg")), *args]
    env = {**os.environ, "NMDKG_ROOT": str(project.root)}
    env.pop("NMDKG_ENDPOINT", None)
    return median_ms(lambda: subprocess.run(command, env=env, check=True, capture_output=True), runs)


def _fmt(ms: float | None) -> str:
    if ms is None:
        return "-"
    return f"{ms:.1f}" if ms < 100 else f"{ms:.0f}"


def report(args: argparse.Namespace, project: Project) -> str:
    library = QueryLibrary(project.queries)
    curated_store = EmbeddedStore.open(project.build / "store")
    curated_size = len(curated_store._store)  # type: ignore[attr-defined]
    columns: list[tuple[str, dict[str, tuple[float, int]]]] = [
        (f"curated ({curated_size:,} triples)", query_times(library, curated_store, args.runs))
    ]
    loads = []
    triples = curated_triples(project.build)
    for size in args.sizes:
        start = time.perf_counter()
        graph = synthetic_graph(triples, size=size, seed=args.seed)
        generated = time.perf_counter() - start
        store = pyoxigraph.Store()
        start = time.perf_counter()
        load(graph, store)
        loaded = time.perf_counter() - start
        loads.append((size, graph.copies, generated, loaded))
        columns.append(
            (f"{size:.0e} triples".replace("e+0", "e"), query_times(library, EmbeddedStore(store), args.runs))
        )
        del store
    slow = None if args.no_rdflib else rdflib_times(project, library, curated_store, min(args.runs, 3))

    lines = [
        "# Benchmarks: named query latency",
        "",
        "Generated by `.venv/bin/python bench/query_latency.py"
        + (f" --runs {args.runs}" if args.runs != 5 else "")
        + "` (`make bench`); do not edit by hand.",
        "",
        f"- date: {datetime.date.today().isoformat()}",
        f"- machine: {os.cpu_count()} cores (`nproc`), {platform.machine()}, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, pyoxigraph {pyoxigraph.__version__}",
        f"- median of {args.runs} runs after one warm-up; parameters from each query's first `#+ example:`;",
        "  times include resolving parameter names to entities (one more query), as `nmdkg query` does.",
        "- curated: the built store on disk (`build/store`); synthetic: in-memory stores from",
        f"  `nmdkg.synthetic` (copies of the curated graph with fresh IRIs, seed {args.seed}).",
        "",
    ]
    header = ["query", *(name for name, _ in columns), "rows (curated)"]
    if slow is not None:
        header += ["rdflib (curated)", "rdflib / Oxigraph"]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    misses = []
    for query in library:
        cells = [f"`{query.name}`"]
        for (_name, times), size in zip(columns, [None, *args.sizes], strict=True):
            ms = times[query.name][0]
            cells.append(_fmt(ms))
            if ms is None:
                if size is None:  # once per query
                    misses.append(f"{query.name}: its example's parameters do not resolve (see stderr)")
            elif size in TARGET_MS and ms > TARGET_MS[size]:
                misses.append(f"{query.name} at {size:,} triples: {ms:.0f} ms (target {TARGET_MS[size]:.0f} ms)")
        cells.append(str(columns[0][1][query.name][1]))
        if slow is not None:
            theirs, ours = slow[query.name], columns[0][1][query.name][0]
            cells += [_fmt(theirs), "-" if theirs is None or not ours else f"{theirs / ours:.0f}x"]
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        "All times in milliseconds; `-`: no answer (parameters did not resolve, or rdflib timed out).",
        "",
        "## Loading",
        "",
        "| graph | copies | generate (s) | load (s) |",
        "|---|---|---|---|",
    ]
    for size, copies, generated, loaded in loads:
        lines.append(f"| {size:,} triples | {copies} | {generated:.2f} | {loaded:.2f} |")
    listing = cli_ms(["query", "--list"], project, args.runs)
    table_cli = cli_ms(["query", "treatment-options", "--format", "csv"], project, args.runs)
    table_query = columns[0][1]["treatment-options"][0] or 0.0
    lines += [
        "",
        "## CLI start-up",
        "",
        "| command | wall time (ms) |",
        "|---|---|",
        f"| `nmdkg query --list` | {listing:.0f} |",
        f"| `nmdkg query treatment-options --format csv` | {table_cli:.0f} |",
        f"| the same, less the query itself ({table_query:.1f} ms) | {table_cli - table_query:.0f} |",
        "",
    ]
    if listing > STARTUP_TARGET_MS or table_cli - table_query > STARTUP_TARGET_MS:
        misses.append(f"CLI start-up over {STARTUP_TARGET_MS:.0f} ms")
    lines += ["## Targets", ""]
    lines += [f"- MISSED: {m}" for m in misses] or [
        "All met: every named query under 100 ms at 10^5 triples and under 1 s at 10^6; CLI start-up under 300 ms."
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per query (median; default 5)")
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000], help="synthetic graph sizes")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic graphs")
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib comparison")
    parser.add_argument("--output", type=Path, default=None, help="markdown file (default: docs/benchmarks.md)")
    args = parser.parse_args(argv)
    project = find_project()
    if not (project.build / "store").is_dir():
        print("no build/store: run `nmdkg build` first", file=sys.stderr)
        return 2
    if not is_up_to_date(project):
        print("warning: the sources changed since the last build; measuring the last build", file=sys.stderr)
    text = report(args, project)
    sys.stdout.write(text)
    write_text(args.output or project.root / "docs" / "benchmarks.md", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
