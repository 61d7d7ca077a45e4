"""One measurement of the benchmark suite, run by bench/suite.py in a fresh process of its own.

A process per measurement, so that its peak memory (``ru_maxrss``) is that of one engine at one
size, and so that a measurement past its deadline can be stopped without losing the others. Prints
its figures on stdout as they come, one JSON object a line (the suite merges them), so that a
measurement stopped at its deadline still tells what it measured until then::

    python bench/measure.py generate --size 1000000 --out g.nt [--asserted] [--seed 0]
    python bench/measure.py oxigraph g.nt [--disk]     # load + every named query, embedded Oxigraph
    python bench/measure.py rdflib g.nt [--timeout 10]  # the same on rdflib's in-memory Graph
    python bench/measure.py reason g.nt                 # HermiT, as `nmdkg build` classifies
    python bench/measure.py shacl g.nt                  # pySHACL with shapes/, as `nmdkg validate` runs it
"""

from __future__ import annotations

import argparse
import json
import resource
import shlex
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from nmdkg.bulk_load import load_files
from nmdkg.errors import NmdkgError
from nmdkg.manifest import ASSERTED, GRAPH_FILES
from nmdkg.paths import find_project
from nmdkg.queries import NamedQuery, QueryLibrary
from nmdkg.results import Results, Term
from nmdkg.store import Bindings, EmbeddedStore, Store, bind_values
from nmdkg.synthetic import curated_triples, synthetic_graph, write_ntriples

__all__ = ["RdflibStore", "example_params", "main", "median_ms"]


class Timeout(BaseException):
    """A query ran past its deadline (a BaseException, so that no ``except Exception`` in rdflib swallows it)."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`Timeout` in the block after ``seconds`` (SIGALRM: rdflib's engine is pure Python, so it stops)."""

    def alarm(signum: int, frame: object) -> None:
        raise Timeout

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def seconds(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def median_ms(run: Callable[[], object], runs: int, budget: float) -> tuple[float, int]:
    """Median ms of up to ``runs`` timed runs (the caller warms up first), and how many ran.

    Stops early once ``budget`` seconds of timed runs are spent (at least one run), so that a slow
    engine at a large size still finishes in minutes; the report gives the count.
    """
    times: list[float] = []
    while len(times) < runs and (not times or sum(times) < budget):
        times.append(seconds(run))
    return statistics.median(times) * 1000, len(times)


def example_params(query: NamedQuery) -> dict[str, str]:
    """The parameters of the query's first ``#+ example:`` (what a user would copy)."""
    for example in query.examples:
        words = shlex.split(example)
        pairs = [words[i + 1] for i, w in enumerate(words[:-1]) if w in ("--param", "-p")]
        return dict(pair.split("=", 1) for pair in pairs)
    return {}


def emit(**figures: Any) -> None:
    """Print figures as one JSON line, with the peak resident memory (MB) so far of this process and of
    its largest finished child (HermiT's JVM)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({**figures, "peak_mb": own, "child_peak_mb": children}), flush=True)


class RdflibStore:
    """rdflib's in-memory Graph behind nmdkg's Store protocol, so the named queries run on it unchanged.

    Parameters are resolved and bound the same way as on Oxigraph (``VALUES`` slots), so the two
    engines answer the same query text.
    """

    def __init__(self, rdf: Any, timeout: float) -> None:
        self.rdf = rdf
        self.timeout = timeout

    def select(self, query: str, /, *, bindings: Bindings | None = None) -> Results:
        with deadline(self.timeout):
            answer = self.rdf.query(bind_values(query, bindings or {}))
            variables = [str(v) for v in answer.vars]
            rows = [tuple(_from_rdflib(row[v]) for v in variables) for row in answer]
        return Results(variables, rows)

    def graph(self, query: str, /, *, bindings: Bindings | None = None, mime: str = "text/turtle") -> bytes:
        with deadline(self.timeout):
            return self.rdf.query(bind_values(query, bindings or {})).serialize(format=mime)  # type: ignore[no-any-return]


def _from_rdflib(node: Any) -> Term | None:
    from rdflib import BNode, Literal, URIRef

    if node is None:
        return None
    if isinstance(node, URIRef):
        return Term.iri(str(node))
    if isinstance(node, BNode):
        return Term("bnode", str(node))
    assert isinstance(node, Literal)
    datatype = str(node.datatype) if node.datatype else None
    return Term.literal(str(node), datatype=datatype, lang=node.language)


def query_figures(store: Store, runs: int, budget: float) -> None:
    """Emit per named query: median ms (resolving its example's parameters included, as `nmdkg query` does),
    rows, runs; or ``error`` ("timeout", or why it failed)."""
    library = QueryLibrary(find_project().queries)
    for query in library:
        params = example_params(query)

        def run(q: NamedQuery = query, p: dict[str, str] = params) -> Results:
            return library.run(q.name, store, p)

        try:
            rows = len(run())  # warm-up (caches, lazily compiled regexes), and the row count
            ms, count = median_ms(run, runs, budget)
        except Timeout:
            emit(queries={query.name: {"error": "timeout"}})
        except NmdkgError as exc:
            emit(queries={query.name: {"error": str(exc)}})
        else:
            emit(queries={query.name: {"ms": ms, "rows": rows, "runs": count}})


def generate(args: argparse.Namespace) -> None:
    """Write the synthetic graph (the whole built graph, or only its asserted part) to an N-Triples file."""
    files = (ASSERTED,) if args.asserted else GRAPH_FILES
    start = time.perf_counter()
    triples = curated_triples(find_project().build, files)
    size = max(args.size, len(set(triples)))  # below the built graph's size: the built graph itself
    graph = synthetic_graph(triples, size=size, seed=args.seed)
    write_ntriples(graph, args.out)
    emit(triples=graph.triples, copies=graph.copies, seconds=time.perf_counter() - start)


def oxigraph(args: argparse.Namespace) -> None:
    """Load into Oxigraph: on disk as `nmdkg load --store` does (pieces in parallel, then compacted) and reopened
    read-only as `nmdkg query` opens a store; or in memory (one bulk load: threads only contend there)."""
    import pyoxigraph

    with tempfile.TemporaryDirectory(prefix="nmdkg-bench-", dir=args.input.parent) as folder:
        start = time.perf_counter()
        if args.disk:
            store = pyoxigraph.Store(folder)
            load_files(store, [args.input])
            loaded = time.perf_counter()
            store.optimize()
            del store  # closes it: then opened as the CLI opens a store
            store = pyoxigraph.Store.read_only(folder)
            emit(load_s=loaded - start, optimize_s=time.perf_counter() - loaded, triples=len(store))
        else:
            store = pyoxigraph.Store()
            store.bulk_load(path=str(args.input), format=pyoxigraph.RdfFormat.N_TRIPLES)
            emit(load_s=time.perf_counter() - start, triples=len(store))
        query_figures(EmbeddedStore(store), args.runs, args.budget)
        del store


def rdflib_(args: argparse.Namespace) -> None:
    """Parse into rdflib's in-memory Graph and run the named queries on its own SPARQL engine."""
    from rdflib import Graph

    graph = Graph()
    emit(load_s=seconds(lambda: graph.parse(args.input, format="nt")), triples=len(graph))
    query_figures(RdflibStore(graph, args.timeout), args.runs, args.budget)


def reason(args: argparse.Namespace) -> None:
    """HermiT on the asserted graph, through the build's own ``classify`` (its module, RDF/XML, owlready2)."""
    from rdflib import Graph

    from nmdkg.reasoning import classify, reasoner_module

    graph = Graph()
    emit(parse_s=seconds(lambda: graph.parse(args.input, format="nt")))
    emit(module_triples=len(reasoner_module(graph)))  # what HermiT gets (classify builds it again)
    start = time.perf_counter()
    result = classify(graph)
    emit(reason_s=time.perf_counter() - start, inferred=result.subclass_links + result.type_links)


def shacl(args: argparse.Namespace) -> None:
    """pySHACL with shapes/*.ttl on the asserted graph, through validation's own ``run_shacl``."""
    from rdflib import Graph

    from nmdkg.validation.locate import Locator
    from nmdkg.validation.shacl import load_shapes, run_shacl

    project = find_project()
    graph = Graph()
    emit(parse_s=seconds(lambda: graph.parse(args.input, format="nt")))
    shapes = load_shapes(project.shapes, root=project.root)
    start = time.perf_counter()
    findings = run_shacl(graph, shapes, Locator(graph))
    emit(shacl_s=time.perf_counter() - start, findings=len(findings))


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    tasks = parser.add_subparsers(dest="task", required=True)
    gen = tasks.add_parser("generate", help=generate.__doc__)
    gen.add_argument("--size", type=int, required=True)
    gen.add_argument("--seed", type=int, default=0)
    gen.add_argument("--asserted", action="store_true", help="copy only build/nmd.ttl (the reasoner's input)")
    gen.add_argument("--out", type=Path, required=True)
    gen.set_defaults(run=generate)
    for name, run in (("oxigraph", oxigraph), ("rdflib", rdflib_), ("reason", reason), ("shacl", shacl)):
        task = tasks.add_parser(name, help=run.__doc__)
        task.add_argument("input", type=Path, help="an N-Triples file")
        task.set_defaults(run=run)
        if name in ("oxigraph", "rdflib"):
            task.add_argument("--runs", type=int, default=5, help="timed runs per query (median)")
            task.add_argument("--budget", type=float, default=5.0, help="seconds of timed runs per query at most")
        if name == "oxigraph":
            task.add_argument("--disk", action="store_true", help="on disk, reopened read-only, as build/store")
        if name == "rdflib":
            task.add_argument("--timeout", type=float, default=10.0, help="seconds per query execution")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.run(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
