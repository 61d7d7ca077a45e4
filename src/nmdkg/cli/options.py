"""Options shared by the query subcommands, and the one place that picks a store for them."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..api import ENDPOINT_VARIABLE, STORE_VARIABLE
from ..paths import Project, find_project
from ..results import Results
from ..store import Store, open_store

__all__ = ["FORMATS", "add_local_store_option", "add_store_options", "format_results", "store_for"]

FORMATS = ("table", "csv", "tsv", "json")


def add_store_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--endpoint",
        metavar="URL",
        default=os.environ.get(ENDPOINT_VARIABLE),
        help=f"query this SPARQL 1.1 endpoint instead of the embedded store (default: ${ENDPOINT_VARIABLE})",
    )
    add_local_store_option(parser)
    parser.add_argument("--format", choices=FORMATS, default="table", help="result format (default: table)")


def add_local_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        metavar="DIR",
        type=Path,
        default=os.environ.get(STORE_VARIABLE) or None,
        help=f"use this Oxigraph store folder (one `nmdkg load --store` wrote) instead of build/store "
        f"(default: ${STORE_VARIABLE})",
    )


def store_for(args: argparse.Namespace, project: Project | None = None) -> Store:
    """The endpoint or the store folder if one was given; else build/store, built first if the sources changed."""
    if args.endpoint:
        return open_store(endpoint=args.endpoint)
    if args.store:
        return open_store(store_path=Path(args.store))
    project = project or find_project()
    from ..manifest import ensure_built

    ensure_built(project)
    return open_store(store_path=project.build / "store")


def format_results(results: Results, fmt: str) -> str:
    if fmt == "csv":
        return results.to_csv()
    if fmt == "tsv":
        return results.to_tsv()
    if fmt == "json":
        return results.to_json() + "\n"
    return results.to_table()
