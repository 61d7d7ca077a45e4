"""The benchmark suite (issue 7): load, reasoning, SHACL, named queries and peak memory at 10^4-10^7 triples.

For each size, on synthetic graphs (``nmdkg.synthetic``: copies of the built graph, seeded), each
in a fresh process (bench/measure.py) so that peak memory is one engine's at one size:

- the embedded default, Oxigraph on disk as ``nmdkg query`` opens build/store; Oxigraph in memory;
  and rdflib's in-memory Graph: load time from one N-Triples file, every named query's median
  latency, peak memory; the report gives rdflib / Oxigraph ratios from the same run;
- HermiT classification as ``nmdkg build`` does it, and pySHACL with shapes/ as ``nmdkg validate``
  runs it, on the asserted part of the graph (what those two commands check).

Also on the curated graph: ``nmdkg build --force`` and ``nmdkg validate`` wall times, CLI start-up.
A measurement is skipped where the same one failed at a smaller size, or where its load (or its
reasoning, or SHACL) time or its memory, extrapolated linearly, would not fit. Writes docs/benchmarks.md.

    .venv/bin/python bench/suite.py [--sizes 1e4,1e5,1e6,1e7] [--runs 5] [--deadline 600]
    make bench                          # all sizes: about 40 minutes on 2 cores
    BENCH_SIZES=1e4,1e5 make bench      # a quick run: about 4 minutes

Not a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import owlready2.reasoning
from report import label, render

from nmdkg.atomic import write_text
from nmdkg.manifest import MANIFEST
from nmdkg.paths import Project, find_project

__all__ = ["main"]

MEASURE = Path(__file__).with_name("measure.py")
DEFAULT_SIZES = "1e4,1e5,1e6,1e7"
#: Share of the available memory a measurement may be predicted to need.
MEMORY_SHARE = 0.8
#: The engines' measurements: name in the results -> arguments of bench/measure.py.
ENGINES = {"disk": ["oxigraph", "--disk"], "memory": ["oxigraph"], "rdflib": ["rdflib"]}
#: The asserted graph's measurements -> the seconds that grow with the graph.
CHECKS = {"reason": ("parse_s", "reason_s"), "shacl": ("parse_s", "shacl_s")}

Figures = dict[str, Any]


@dataclass(frozen=True)
class Settings:
    """How the suite runs; recorded in the report."""

    sizes: list[int]
    #: Timed runs per query (median), and the seconds of timed runs after which fewer will do.
    runs: int = 5
    budget: float = 5.0
    #: rdflib: seconds per query execution.
    timeout: float = 10.0
    #: Seconds a measurement process may take.
    deadline: float = 600.0
    seed: int = 0


def parse_sizes(text: str) -> list[int]:
    """``1e4,1e5`` -> [10000, 100000] (the notation of BENCH_SIZES)."""
    return sorted({int(float(word)) for word in text.replace(" ", ",").split(",") if word})


def available_mb() -> float:
    """MemAvailable from /proc/meminfo, in MB."""
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) / 1024
    return float("inf")


def merge(lines: Iterable[str]) -> Figures:
    """The JSON lines a measurement printed, as one object (its named queries' figures gathered)."""
    figures: Figures = {}
    for line in lines:
        part = json.loads(line)
        figures.setdefault("queries", {}).update(part.pop("queries", {}))
        figures.update(part)
    if not figures.get("queries"):
        figures.pop("queries", None)
    return figures


def child(args: list[str], deadline: float) -> Figures:
    """Run a command in a process group of its own; its figures (JSON lines) and wall time.

    At the deadline the whole group is killed (HermiT's JVM included): the figures printed until then
    are kept, with an ``error`` that says it was stopped.
    """
    start = time.perf_counter()
    with subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    ) as proc:
        try:
            out, err = proc.communicate(timeout=deadline)
            error = None
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            error = f"timeout: stopped after {deadline:.0f} s"
    figures = {
        **merge(line for line in out.splitlines() if line.startswith("{")),
        "wall_s": time.perf_counter() - start,
    }
    if error is None and proc.returncode != 0:
        last = (err.strip().splitlines() or ["no message"])[-1]
        error = f"failed (exit {proc.returncode}): {last[:300]}"
    return {**figures, "error": error} if error else figures


def measure(name: str, task: list[str], deadline: float) -> Figures:
    """One run of bench/measure.py; its progress on stderr."""
    print(f"  {name} ...", file=sys.stderr, flush=True)
    figures = child([sys.executable, str(MEASURE), *task], deadline)
    done = figures.get("error") or f"{figures['wall_s']:.1f} s"
    print(f"    {done}", file=sys.stderr, flush=True)
    return figures


def skip_reason(name: str, size: int, earlier: list[Figures], settings: Settings) -> str | None:
    """Why measurement ``name`` is not run at ``size``, judged from the same one at the last smaller size.

    Linear extrapolation is a lower bound here: no engine gets faster per triple as the graph grows.
    """
    if not earlier:
        return None
    before = earlier[-1]
    last, factor = before[name], size / before["size"]
    if "skipped" in last:
        return f"not run: not run at {label(before['size'])} triples either"
    if "error" in last:
        return f"not run: at {label(before['size'])} triples, {last['error']}"
    taken = sum(last[key] for key in (("load_s",) if name in ENGINES else CHECKS[name]))
    limit = settings.deadline / 2 if name in ENGINES else settings.deadline  # engines: half left for the queries
    peak = last["peak_mb"] + last["child_peak_mb"]
    basis = f"not run: at {label(before['size'])} triples"
    if taken * factor > limit:
        what = "loading" if name in ENGINES else "parsing and " + ("reasoning" if name == "reason" else "SHACL")
        return (
            f"{basis} {what} took {taken:.0f} s: x{factor:.0f} is at least {taken * factor:.0f} s (limit {limit:.0f})"
        )
    free = available_mb()
    if peak * factor > MEMORY_SHARE * free:
        return f"{basis} the peak was {peak:,.0f} MB: x{factor:.0f} is {peak * factor:,.0f} MB ({free:,.0f} MB free)"
    return None


def measure_size(size: int, folder: Path, earlier: list[Figures], settings: Settings) -> Figures:
    """Every measurement at one size: the engines on the whole graph, HermiT and SHACL on its asserted part."""
    print(f"{label(size)} triples", file=sys.stderr, flush=True)
    whole, asserted = folder / f"{size}.nt", folder / f"{size}-asserted.nt"
    queries = ["--runs", str(settings.runs), "--budget", str(settings.budget)]
    tasks = {name: [*task, str(whole), *queries] for name, task in ENGINES.items()}
    tasks["rdflib"] += ["--timeout", str(settings.timeout)]
    tasks.update({name: [name, str(asserted)] for name in CHECKS})
    skipped = {name: skip_reason(name, size, earlier, settings) for name in tasks}
    figures: Figures = {"size": size}
    generate = ["generate", "--size", str(size), "--seed", str(settings.seed), "--out"]
    for name, path, extra in (("graph", whole, []), ("asserted", asserted, ["--asserted"])):
        needed = any(not skipped[n] for n in (ENGINES if name == "graph" else CHECKS))
        figures[name] = measure(name, [*generate, str(path), *extra], settings.deadline) if needed else {}
    for name, task in tasks.items():
        figures[name] = {"skipped": skipped[name]} if skipped[name] else measure(name, task, settings.deadline)
    whole.unlink(missing_ok=True)
    asserted.unlink(missing_ok=True)
    return figures


def nmdkg(project: Project, args: list[str], deadline: float) -> Figures:
    """Wall time of one ``nmdkg`` command on this checkout, and its output if it is JSON."""
    env = {**os.environ, "NMDKG_ROOT": str(project.root)}
    env.pop("NMDKG_ENDPOINT", None)
    command = [str(Path(sys.executable).with_name("nmdkg")), *args]
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=deadline, check=False)
    figures: Figures = {"wall_s": time.perf_counter() - start, "exit": done.returncode}
    if args[0] == "validate" and done.stdout.startswith("{"):
        figures["summary"] = json.loads(done.stdout)["summary"]
    return figures


def cli_ms(project: Project, args: list[str], runs: int) -> float:
    """Median wall time (ms) of a CLI command after one warm-up: start-up included, as a user waits for it."""
    nmdkg(project, args, 60)
    return statistics.median(nmdkg(project, args, 60)["wall_s"] for _ in range(runs)) * 1000


def curated(project: Project, settings: Settings) -> Figures:
    """``nmdkg build --force`` and ``nmdkg validate`` on the curated sources, and CLI start-up."""
    print("curated graph: build, validate, CLI start-up", file=sys.stderr, flush=True)
    build = nmdkg(project, ["build", "--force"], settings.deadline)
    if build["exit"] == 0:
        build["seconds"] = json.loads((project.build / MANIFEST).read_text(encoding="utf-8"))["seconds"]
    return {
        "build": build,
        "validate": nmdkg(project, ["validate", "--format", "json"], settings.deadline),
        "cli_list_ms": cli_ms(project, ["query", "--list"], settings.runs),
        "cli_query_ms": cli_ms(project, ["query", "treatment-options", "--format", "csv"], settings.runs),
    }


def java_version() -> str:
    try:
        done = subprocess.run(["java", "-version"], capture_output=True, text=True, check=False, timeout=30)
    except OSError:
        return "none"
    return (done.stderr.strip().splitlines() or ["unknown"])[0]


def machine(command: str, settings: Settings) -> Figures:
    """Where and with what the figures were taken."""
    versions = {name: importlib.metadata.version(name) for name in ("pyoxigraph", "rdflib", "pyshacl", "owlready2")}
    return {
        "date": datetime.date.today().isoformat(),
        "cores": os.cpu_count(),
        "arch": platform.machine(),
        "kernel": f"{platform.system()} {platform.release()}",
        "memory_gb": available_mb() / 1024,
        "load_before": os.getloadavg()[0],
        "python": platform.python_version(),
        "versions": versions,
        "java": java_version(),
        "java_memory_mb": owlready2.reasoning.JAVA_MEMORY,
        "command": command,
        "settings": asdict(settings),
    }


def run(project: Project, settings: Settings, command: str) -> Figures:
    """The whole suite; the curated graph is rebuilt first, then copied at each size."""
    start = time.perf_counter()
    results: Figures = {"machine": machine(command, settings), "curated": curated(project, settings), "sizes": []}
    if results["curated"]["build"]["exit"] != 0:
        print("warning: `nmdkg build` failed; measuring the last build", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="nmdkg-bench-") as folder:
        for size in settings.sizes:
            results["sizes"].append(measure_size(size, Path(folder), results["sizes"], settings))
    results["machine"]["minutes"] = (time.perf_counter() - start) / 60
    results["machine"]["load_after"] = os.getloadavg()[0]
    return results


def command_line(settings: Settings) -> str:
    """The command that measures with these settings (output options left out: they change no figure)."""
    sizes = ",".join(
        f"{size:.0e}".replace("e+0", "e") if str(size).strip("0") == "1" else str(size) for size in settings.sizes
    )
    words = ["python bench/suite.py", f"--sizes {sizes}"]
    defaults = Settings([])
    for key in ("runs", "budget", "timeout", "deadline", "seed"):
        if getattr(settings, key) != getattr(defaults, key):
            words.append(f"--{key} {getattr(settings, key):g}")
    return " ".join(words)


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sizes, d = os.environ.get("BENCH_SIZES") or DEFAULT_SIZES, Settings([])
    parser.add_argument("--sizes", default=sizes, help=f"comma-separated (default $BENCH_SIZES or {DEFAULT_SIZES})")
    parser.add_argument("--runs", type=int, default=d.runs, help=f"timed runs per query, median ({d.runs})")
    parser.add_argument(
        "--budget", type=float, default=d.budget, help=f"seconds of runs per query, then fewer ({d.budget:g})"
    )
    parser.add_argument("--timeout", type=float, default=d.timeout, help=f"rdflib: seconds per query ({d.timeout:g})")
    parser.add_argument("--deadline", type=float, default=d.deadline, help=f"seconds per measurement ({d.deadline:g})")
    parser.add_argument("--seed", type=int, default=d.seed, help=f"seed of the synthetic graphs ({d.seed})")
    parser.add_argument("--output", type=Path, help="markdown file (default docs/benchmarks.md)")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--from-json", type=Path, help="render these raw figures instead of measuring")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    project = find_project()
    if args.from_json:
        results = json.loads(args.from_json.read_text(encoding="utf-8"))
    else:
        settings = Settings(parse_sizes(args.sizes), args.runs, args.budget, args.timeout, args.deadline, args.seed)
        results = run(project, settings, command_line(settings))
    if args.json:
        write_text(args.json, json.dumps(results, indent=1))
    text = render(results)
    write_text(args.output or project.root / "docs" / "benchmarks.md", text)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
