"""``nmdkg load --endpoint URL``: upload the built graph to a SPARQL 1.1 Graph Store Protocol endpoint."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from ..errors import InputError
from ..graph_store import upload
from ..paths import find_project

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--endpoint",
        required=True,
        metavar="URL",
        help="the Graph Store Protocol URL, e.g. http://localhost:7878/store",
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
        "files", nargs="*", type=Path, help="N-Triples files (default: the built graph, asserted + inferred)"
    )


def _built_ntriples(folder: Path) -> list[Path]:
    """The built graph as N-Triples files in ``folder`` (asserted + inferred)."""
    from rdflib import Graph

    from ..build import build

    project = find_project()
    build(project)
    paths = []
    for name in ("nmd.ttl", "nmd-inferred.ttl"):
        graph = Graph()
        graph.parse(project.build / name, format="turtle")
        path = folder / name.replace(".ttl", ".nt")
        graph.serialize(destination=path, format="nt", encoding="utf-8")
        paths.append(path)
    return paths


def run(args: argparse.Namespace) -> int:
    if args.chunk_size < 1:
        raise InputError("--chunk-size must be at least 1")
    if not args.endpoint.startswith(("http://", "https://")):
        raise InputError(f"endpoint {args.endpoint!r} is not an http(s) URL")
    auth = (args.user, os.environ.get("NMDKG_ENDPOINT_PASSWORD", "")) if args.user else None

    def progress(sent: int) -> None:
        print(f"\rsent {sent} triples", end="", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="nmdkg-load-") as tmp:
        files = args.files or _built_ntriples(Path(tmp))
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
