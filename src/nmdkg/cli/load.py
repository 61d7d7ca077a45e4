"""``nmdkg load``: the built graph, and any other RDF files, into a Graph Store Protocol endpoint or a local store.

``--endpoint URL`` uploads to a SPARQL 1.1 Graph Store Protocol endpoint; ``--store DIR`` writes an Oxigraph store
folder (loaded on every core, see bulk_load.py) that ``nmdkg query/sparql/serve --store DIR`` then query.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from ..errors import InputError
from ..graph_store import upload
from ..manifest import GRAPH_FILES
from ..paths import find_project

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--endpoint", metavar="URL", help="the Graph Store Protocol URL, e.g. http://localhost:7878/store"
    )
    target.add_argument(
        "--store",
        metavar="DIR",
        type=Path,
        help="write a local Oxigraph store folder instead (replaced whole, only once loading has succeeded)",
    )
    local = parser.add_argument_group("with --store")
    local.add_argument("--workers", type=int, help="loading threads (default: one more than the cores)")
    local.add_argument("--lenient", action="store_true", help="skip IRI validation: faster, for files you trust")
    local.add_argument(
        "--no-optimize",
        dest="optimize",
        action="store_false",
        help="skip compacting the store after loading (faster load, slower queries)",
    )
    parser.add_argument("--graph", metavar="IRI", help="the named graph to load into (default: the default graph)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--replace", dest="replace", action="store_true", default=True, help="replace the graph (default)"
    )
    mode.add_argument("--append", dest="replace", action="store_false", help="add to the graph")
    parser.add_argument("--chunk-size", type=int, default=50_000, help="triples per request (default 50000)")
    parser.add_argument("--user", help="user for HTTP basic authentication (password from $NMDKG_ENDPOINT_PASSWORD)")
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        help="RDF files (N-Triples with --endpoint; any RDF format with --store; default: the built graph)",
    )


def _built_files() -> list[Path]:
    """The built graph's Turtle files (asserted + inferred), built first if the sources changed."""
    from ..build import build

    project = find_project()
    build(project)
    return [project.build / name for name in GRAPH_FILES]


def _as_ntriples(files: list[Path], folder: Path) -> list[Path]:
    """``files`` as N-Triples in ``folder``: what the Graph Store upload sends, in chunks of lines."""
    from rdflib import Graph

    paths = []
    for file in files:
        path = folder / (file.stem + ".nt")
        Graph().parse(file, format="turtle").serialize(destination=path, format="nt", encoding="utf-8")
        paths.append(path)
    return paths


def run(args: argparse.Namespace) -> int:
    if args.store:
        return _to_store(args)
    if args.chunk_size < 1:
        raise InputError("--chunk-size must be at least 1")
    if not args.endpoint.startswith(("http://", "https://")):
        raise InputError(f"endpoint {args.endpoint!r} is not an http(s) URL")
    auth = (args.user, os.environ.get("NMDKG_ENDPOINT_PASSWORD", "")) if args.user else None

    def progress(sent: int) -> None:
        print(f"\rsent {sent} triples", end="", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="nmdkg-load-") as tmp:
        files = args.files or _as_ntriples(_built_files(), Path(tmp))
        missing = [str(f) for f in files if not f.is_file()]
        if missing:
            raise InputError(f"no such file: {', '.join(missing)}")
        report = upload(
            files, args.endpoint, graph=args.graph, replace=args.replace, chunk_size=args.chunk_size,
            auth=auth, progress=progress,
        )  # fmt: skip
    print(file=sys.stderr)
    where = f"graph <{report.graph}>" if report.graph else "the default graph"
    print(f"loaded {report.triples} triples into {where} of {args.endpoint} in {report.requests} request(s)")
    return 0


def _to_store(args: argparse.Namespace) -> int:
    import time

    from ..bulk_load import write_store

    if args.graph or not args.replace or args.user:
        raise InputError("--graph, --append and --user apply to --endpoint only")
    if args.workers is not None and args.workers < 1:
        raise InputError("--workers must be at least 1")
    start = time.perf_counter()
    files = args.files or _built_files()  # Turtle: a store reads any RDF format
    triples = write_store(args.store, files, workers=args.workers, lenient=args.lenient, optimize=args.optimize)
    took = time.perf_counter() - start
    print(f"loaded {triples} triples from {len(files)} file(s) into {args.store} in {took:.1f} s")
    return 0
