"""``nmdkg query NAME``: run a named query with parameters, on the embedded store or an endpoint."""

from __future__ import annotations

import argparse
import sys

from ..errors import ParameterError
from ..paths import find_project
from ..queries import QueryLibrary
from .options import add_store_options, format_results, store_for

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", nargs="?", help="the query's name (its file name in queries/ without .rq)")
    parser.add_argument(
        "--param", "-p", action="append", default=[], metavar="NAME=VALUE", help="a parameter (repeatable)"
    )
    parser.add_argument("--list", action="store_true", help="list the named queries with their parameters")
    add_store_options(parser)


def _parse_params(pairs: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise ParameterError(f"--param {pair!r} is not NAME=VALUE")
        params[name.strip()] = value.strip()
    return params


def _print_list(library: QueryLibrary) -> None:
    for query in library:
        print(f"{query.name}\n    {query.summary}")
        for p in query.parameters:
            need = "required" if p.required else (f"default {p.default}" if p.default else "optional")
            print(f"    --param {p.name}=<{p.type}>  ({need}) {p.description}")
        for example in query.examples:
            print(f"    e.g. {example}")


def run(args: argparse.Namespace) -> int:
    project = find_project()
    library = QueryLibrary(project.queries)
    if args.list or not args.name:
        _print_list(library)
        return 0 if args.list else 2
    params = _parse_params(args.param)
    library[args.name]  # an unknown name fails before any build or connection
    results = library.run(args.name, store_for(args, project), params)
    sys.stdout.write(format_results(results, args.format))
    return 0
