"""docs/benchmarks.md from the suite's raw figures; the targets are judged from the figures, never written in.

A measurement stopped at its deadline keeps what it measured until then (its load, some queries);
the report shows those figures and says which are missing.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

__all__ = ["Target", "render", "targets"]

#: One measurement's figures (bench/measure.py's JSON lines, merged); ``{}`` where it is not in the run.
Figures = dict[str, Any]

ENGINES = {"disk": "Oxigraph on disk", "memory": "Oxigraph in memory", "rdflib": "rdflib"}
#: The embedded default: what `nmdkg query` and `nmdkg serve` open (build/store).
DEFAULT = "disk"
OTHERS = {"graph": "synthetic graph", "asserted": "asserted graph", "reason": "HermiT", "shacl": "SHACL"}


def label(size: int) -> str:
    """10000 -> 10^4; other sizes with thousands separators."""
    return f"10^{len(str(size)) - 1}" if str(size).strip("0") == "1" else f"{size:,}"


def ms(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.1f}" if value < 100 else f"{value:,.0f}"


def sec(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if value < 10 else f"{value:,.0f}"


def count(graph: Figures) -> str:
    return f"{graph['triples']:,}" if "triples" in graph else "-"


def mb(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def ratio(theirs: float | None, ours: float | None) -> str:
    if theirs is None or not ours:
        return "-"
    return f"{theirs / ours:.1f}x" if theirs / ours < 10 else f"{theirs / ours:,.0f}x"


def done(figures: Figures) -> bool:
    """Whether a measurement ran to its end (not skipped, not failed, not stopped)."""
    return bool(figures) and "error" not in figures and "skipped" not in figures


def why_not(figures: Figures) -> str:
    return str(figures.get("skipped") or figures.get("error") or "not in this run")


def queries(figures: Figures) -> dict[str, Figures]:
    return figures.get("queries") or {}


def query_ms(figures: Figures, name: str) -> float | None:
    return queries(figures).get(name, {}).get("ms")


def peak(figures: Figures) -> str:
    """Peak memory; ``>=`` for a measurement stopped early (its peak until then)."""
    if "peak_mb" not in figures:
        return "-"
    return ("" if done(figures) else ">=") + mb(figures["peak_mb"])


def slowest(figures: Figures) -> tuple[str, float] | None:
    """The named query with the highest median, or None if none answered."""
    answered = [(name, q["ms"]) for name, q in queries(figures).items() if "ms" in q]
    return max(answered, key=lambda item: item[1]) if answered else None


def part(results: Figures, size: int, name: str) -> Figures:
    """One measurement at one size; ``{}`` if the size is not in the run."""
    found = next((s for s in results["sizes"] if s["size"] == size), {})
    return found.get(name) or {}


def query_names(results: Figures) -> list[str]:
    """Every named query any engine measured at any size."""
    return sorted({n for size in results["sizes"] for e in ENGINES for n in queries(size.get(e) or {})})


@dataclass(frozen=True)
class Target:
    """One target of the issue: what it asks, what was measured, and whether that meets it (None: not measured)."""

    goal: str
    measured: str
    met: bool | None

    def row(self) -> str:
        verdict = {True: "met", False: "**not met**", None: "not measured"}[self.met]
        return f"| {self.goal} | {self.measured} | {verdict} |"


def load_target(results: Figures) -> Target:
    goal = "load 10^6 triples in under 5 s"
    default, memory = part(results, 10**6, DEFAULT), part(results, 10**6, "memory")
    if "load_s" not in default:
        return Target(goal, why_not(default), None)
    compact = f", then {sec(default['optimize_s'])} s compacting" if "optimize_s" in default else ""
    also = f" (in memory: {sec(memory['load_s'])} s)" if "load_s" in memory else ""
    return Target(goal, f"{sec(default['load_s'])} s on disk{compact}{also}", default["load_s"] < 5.0)


def query_target(results: Figures, size: int, limit_ms: float, goal: str) -> Target:
    default = part(results, size, DEFAULT)
    measured = queries(default)
    if not measured:
        return Target(goal, why_not(default), None)
    over = sorted(name for name, q in measured.items() if q.get("ms", float("inf")) >= limit_ms)
    name, worst = slowest(default) or ("-", 0.0)
    text = f"slowest on disk: `{name}` {ms(worst)} ms"
    if over:
        text += f"; {len(over)} of {len(measured)} at or over: " + ", ".join(f"`{n}`" for n in over)
    missing = len(query_names(results)) - len(measured)
    if missing:
        text += f"; {missing} not measured ({why_not(default)})"
    in_memory = slowest(part(results, size, "memory"))
    if in_memory:
        text += f" (in memory, slowest: {ms(in_memory[1])} ms)"
    return Target(goal, text, False if over else None if missing else True)


def memory_target(results: Figures) -> Target:
    goal = "peak memory under 2 GB at 10^6 triples"
    default = part(results, 10**6, DEFAULT)
    if "peak_mb" not in default:
        return Target(goal, why_not(default), None)
    met = False if default["peak_mb"] >= 2048 else True if done(default) else None  # stopped: its peak until then
    return Target(goal, f"{peak(default)} MB on disk (loading and querying)", met)


def validate_target(results: Figures) -> Target:
    goal = "the curated graph validates in under 10 s (`nmdkg validate`)"
    validate = results["curated"]["validate"]
    if validate["exit"] not in (0, 1):  # 2: an input could not be read
        return Target(goal, f"`nmdkg validate` exited {validate['exit']}", None)
    return Target(goal, f"{sec(validate['wall_s'])} s", validate["wall_s"] < 10.0)


def startup_target(results: Figures) -> Target:
    listing = results["curated"]["cli_list_ms"]
    return Target("CLI start-up under 300 ms (issue 3)", f"`nmdkg query --list`: {ms(listing)} ms", listing < 300.0)


def targets(results: Figures) -> list[Target]:
    """The issue's targets judged from the figures, on the embedded default (Oxigraph on disk)."""
    return [
        load_target(results),
        query_target(results, 10**6, 1000.0, "every named query under 1 s at 10^6 triples"),
        memory_target(results),
        validate_target(results),
        query_target(results, 10**5, 100.0, "every named query under 100 ms at 10^5 triples (issue 3)"),
        startup_target(results),
    ]


def header(results: Figures) -> list[str]:
    m, s, v = results["machine"], results["machine"]["settings"], results["machine"]["versions"]
    return [
        "# Benchmarks: load, reasoning, SHACL, named queries, memory",
        "",
        f"Generated by `.venv/bin/{m['command']}` (`make bench` runs it; `BENCH_SIZES=1e4,1e5 make bench` for a "
        "quick run); do not edit by hand.",
        "",
        f"- date: {m['date']}; the run took {m['minutes']:.0f} minutes",
        f"- machine: {m['cores']} cores (`nproc`), {m['arch']}, {m['kernel']}, "
        f"{m['memory_gb']:.1f} GB memory available at the start; load average {m['load_before']:.1f} at the start, "
        f"{m['load_after']:.1f} at the end (other work on the machine slows every figure)",
        f"- Python {m['python']}, pyoxigraph {v['pyoxigraph']}, rdflib {v['rdflib']}, pyshacl {v['pyshacl']}, "
        f"owlready2 {v['owlready2']} (HermiT; {m['java']}, heap at most {m['java_memory_mb']} MB, owlready2's "
        "default)",
        f"- graphs: `nmdkg.synthetic` copies of the built graph with fresh IRIs (seed {s['seed']}), written once "
        "per size as N-Triples; 10^4 is below the built graph's size, so the built graph itself stands for it.",
        "- each measurement runs in a fresh process (`bench/measure.py`), so peak memory is that process's "
        "`ru_maxrss`: one engine at one size, the Python interpreter included (about 50 MB).",
        "- engines: **Oxigraph on disk**, the embedded default: loaded into a folder as `nmdkg load --store` "
        "does (`nmdkg.bulk_load`: pieces of the file in parallel threads, one more than the cores), compacted "
        "(`optimize`, timed apart), and reopened read-only as `nmdkg query` opens a store; Oxigraph in memory "
        "(`pyoxigraph.Store()`, one bulk load); rdflib's in-memory `Graph` with its own SPARQL engine. Load: "
        "parsing the N-Triples file into the store.",
        "- queries: each named query with its first `#+ example:`'s parameters, which the same engine resolves "
        f"to entities (one more query, as `nmdkg query` does); median of up to {s['runs']} runs after one "
        f"warm-up, fewer once {s['budget']:.0f} s of runs are spent; rdflib gets {s['timeout']:.0f} s per "
        "SPARQL query it runs, past that: `timeout`.",
        "- reasoning: `nmdkg.reasoning.classify` (HermiT through owlready2, as `nmdkg build` runs it); SHACL: "
        "`nmdkg.validation.shacl.run_shacl` with `shapes/` (as `nmdkg validate` runs it); both on the asserted "
        "part of the graph (what those commands check), after parsing it into rdflib.",
        f"- each measurement is stopped after {s['deadline']:.0f} s, keeping what it measured until then; one "
        "that did not finish is not run at the larger sizes, nor one whose load (or reasoning, or SHACL) time "
        "or memory, extrapolated linearly from the size below, would not fit (see [Not measured](#not-measured)).",
        "",
    ]


def targets_section(results: Figures) -> list[str]:
    rows = [t.row() for t in targets(results)]
    return ["## Targets", "", "| target | measured | |", "|---|---|---|", *rows, ""]


def load_row(size: Figures) -> str:
    engines = [size.get(name) or {} for name in ENGINES]
    rdflib, default = size.get("rdflib") or {}, size.get(DEFAULT) or {}
    cells = [label(size["size"]), count(size["graph"])]
    loads = [sec(f.get("load_s")) for f in engines]
    loads.insert(1, sec(default.get("optimize_s")))
    cells += [*loads, ratio(rdflib.get("load_s"), default.get("load_s"))]
    peaks = [peak(f) for f in engines]
    peak_ratio = ratio(rdflib.get("peak_mb"), default.get("peak_mb")) if done(rdflib) and done(default) else "-"
    return "| " + " | ".join([*cells, *peaks, peak_ratio]) + " |"


def median_ratio(size: Figures) -> str:
    """Over the queries both engines answered: the median of rdflib's time over the default's."""
    rdflib, default = size.get("rdflib") or {}, size.get(DEFAULT) or {}
    pairs = [(query_ms(rdflib, name), query_ms(default, name)) for name in queries(default)]
    ratios = [theirs / ours for theirs, ours in pairs if theirs is not None and ours]
    return ratio(statistics.median(ratios), 1.0) if ratios else "-"


def slowest_row(size: Figures) -> str:
    cells = [label(size["size"])]
    for name in ENGINES:
        worst = slowest(size.get(name) or {})
        cells.append(f"{ms(worst[1])} (`{worst[0]}`)" if worst else "-")
    measured = queries(size.get("rdflib") or {})
    timeouts = sum(q.get("error") == "timeout" for q in measured.values())
    cells.append(f"{timeouts} of {len(measured)}" if measured else "-")
    return "| " + " | ".join([*cells, median_ratio(size)]) + " |"


def engines_section(results: Figures) -> list[str]:
    return [
        "## Load and peak memory",
        "",
        "| size | triples | load on disk (s) | then compact (s) | load in memory (s) | load rdflib (s) "
        "| rdflib / disk | peak on disk (MB) | peak in memory (MB) | peak rdflib (MB) | rdflib / disk |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        *(load_row(size) for size in results["sizes"]),
        "",
        "`>=`: the measurement was stopped at its deadline; its peak until then.",
        "",
        "## Named queries: the slowest of each engine",
        "",
        "| size | on disk (ms) | in memory (ms) | rdflib (ms) | rdflib timeouts | rdflib / disk, median over queries |",
        "|---|---|---|---|---|---|",
        *(slowest_row(size) for size in results["sizes"]),
        "",
    ]


def checks_row(size: Figures) -> str:
    reason, shacl = size.get("reason") or {}, size.get("shacl") or {}
    module = f"{reason['module_triples']:,}" if "module_triples" in reason else "-"
    jvm = mb(reason["child_peak_mb"]) if done(reason) else "?"  # the JVM's peak is known once it has ended
    java = f"{peak(reason)} + {jvm}" if "peak_mb" in reason else "-"
    findings = f"{shacl['findings']:,}" if "findings" in shacl else "-"
    cells = [label(size["size"]), count(size["asserted"])]
    cells += [sec(reason.get("parse_s", shacl.get("parse_s"))), module, sec(reason.get("reason_s")), java]
    cells += [sec(shacl.get("shacl_s")), findings, peak(shacl)]
    return "| " + " | ".join(cells) + " |"


def checks_section(results: Figures) -> list[str]:
    return [
        "## Reasoning and SHACL, on the asserted graph",
        "",
        "| size | asserted triples | parse (s) | HermiT's module (triples) | classify (s) | peak, Python + JVM (MB) "
        "| SHACL (s) | SHACL results | peak (MB) |",
        "|---|---|---|---|---|---|---|---|---|",
        *(checks_row(size) for size in results["sizes"]),
        "",
        "The synthetic graph is not curated: beyond the curated graph's own SHACL results (once per copy), a copy "
        "that leaves statements out, or is cut off at the size's end, has more.",
        "",
    ]


def curated_section(results: Figures) -> list[str]:
    curated = results["curated"]
    build, validate = curated["build"], curated["validate"]
    steps = ", ".join(f"{k} {v:.1f} s" for k, v in build.get("seconds", {}).items()) or f"exit {build['exit']}"
    checks = ", ".join(f"{k} {v:.1f} s" for k, v in validate.get("summary", {}).get("seconds", {}).items())
    first = results["sizes"][0] if results["sizes"] else {"size": 0}
    query, table = query_ms(first.get(DEFAULT) or {}, "treatment-options"), curated["cli_query_ms"]
    less = f"less the query on disk at {label(first['size'])} ({ms(query)} ms): {ms(table - query)} ms" if query else ""
    return [
        "## The curated graph: build, validate, CLI start-up",
        "",
        "| command | wall time | |",
        "|---|---|---|",
        f"| `nmdkg build --force` | {sec(build['wall_s'])} s | {steps} |",
        f"| `nmdkg validate` | {sec(validate['wall_s'])} s | {checks}; exit {validate['exit']} |",
        f"| `nmdkg query --list` | {ms(curated['cli_list_ms'])} ms | start-up: nothing is queried |",
        f"| `nmdkg query treatment-options --format csv` | {ms(table)} ms | {less} |",
        "",
    ]


def rows_cell(engines: dict[str, Figures], name: str) -> str:
    """The row count; each engine's where they differ (the engines answer the query differently)."""
    counts = {e: queries(f)[name]["rows"] for e, f in engines.items() if "rows" in queries(f).get(name, {})}
    if len(set(counts.values())) > 1:
        return ", ".join(f"{count:,} ({ENGINES[e]})" for e, count in counts.items())
    return f"{next(iter(counts.values())):,}" if counts else "-"


def query_cell(figures: Figures, name: str, runs: int) -> str:
    query = queries(figures).get(name)
    if query is None:
        return "stopped" if "load_s" in figures else "-"
    if "ms" not in query:
        return "timeout" if query["error"] == "timeout" else "error"
    return ms(query["ms"]) + ("*" if query["runs"] < runs else "")


def query_ratio(engines: dict[str, Figures], name: str, timeout: float) -> str:
    """rdflib's time over the default's; a lower bound (``>``) where rdflib timed out."""
    rdflib, ours = engines["rdflib"], query_ms(engines[DEFAULT], name)
    if queries(rdflib).get(name, {}).get("error") == "timeout" and ours:
        return ">" + ratio(timeout * 1000, ours)
    return ratio(query_ms(rdflib, name), ours)


def query_table(size: Figures, names: list[str], runs: int, timeout: float) -> list[str]:
    graph = size["graph"]
    title = f"### {label(size['size'])} triples"
    if graph.get("triples"):
        title += f" ({graph['triples']:,}; {graph['copies']:,} cop{'y' if graph['copies'] == 1 else 'ies'})"
    engines = {name: size.get(name) or {} for name in ENGINES}
    if not any(queries(f) for f in engines.values()):
        return [title, "", "No engine measured a query at this size (see [Not measured](#not-measured)).", ""]
    lines = [title, "", "| query | rows | on disk | in memory | rdflib | rdflib / disk |", "|---|---|---|---|---|---|"]
    for name in names:
        cells = [f"`{name}`", rows_cell(engines, name), *(query_cell(f, name, runs) for f in engines.values())]
        cells.append(query_ratio(engines, name, timeout))
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def queries_section(results: Figures) -> list[str]:
    s = results["machine"]["settings"]
    lines = [
        "## Named queries by size",
        "",
        f"Median milliseconds. `*`: median of fewer than {s['runs']} runs ({s['budget']:.0f} s spent); "
        f"`timeout`: over {s['timeout']:.0f} s (the ratio is then a lower bound); `stopped`: not reached before "
        "the measurement's deadline; `-`: not measured at this size.",
        "",
    ]
    names = query_names(results)
    for size in results["sizes"]:
        lines += query_table(size, names, s["runs"], s["timeout"])
    return lines


def gap(figures: Figures, names: list[str]) -> str | None:
    """What a measurement left out, or None if nothing."""
    if done(figures):
        failed = [(n, q["error"]) for n, q in queries(figures).items() if q.get("error", "timeout") != "timeout"]
        return "; ".join(f"`{name}`: {error}" for name, error in failed) or None
    if queries(figures):
        return f"{why_not(figures)}, after its load and {len(queries(figures))} of {len(names)} named queries"
    if "module_triples" in figures:
        return (
            f"{why_not(figures)}: HermiT had not finished classifying a module of {figures['module_triples']:,} triples"
        )
    return why_not(figures)


def not_measured(results: Figures) -> list[str]:
    names, gaps = query_names(results), []
    for size in results["sizes"]:
        for key, name in {**OTHERS, **ENGINES}.items():
            figures = size.get(key) or {}
            if key in ("graph", "asserted") and "error" not in figures:
                continue  # not generated: nothing at this size needed it
            missing = gap(figures, names)
            if missing:
                gaps.append(f"- {label(size['size'])}, {name}: {missing}")
    return ["## Not measured", "", *(gaps or ["Everything was measured at every size of this run."]), ""]


def render(results: Figures) -> str:
    """The whole report."""
    sections = [
        header(results),
        targets_section(results),
        engines_section(results),
        checks_section(results),
        curated_section(results),
        queries_section(results),
        not_measured(results),
    ]
    return "\n".join(line for section in sections for line in section).rstrip("\n") + "\n"
