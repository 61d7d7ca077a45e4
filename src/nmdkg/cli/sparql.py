"""``nmdkg sparql``: run an ad hoc SPARQL query (SELECT/ASK as rows; CONSTRUCT/DESCRIBE as a graph)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..errors import InputError
from .options import add_store_options, format_results, store_for

__all__ = ["add_arguments", "run"]

GRAPH_FORMATS = {"turtle": "text/turtle", "jsonld": "application/ld+json", "ntriples": "application/n-triples"}
_GRAPH_QUERY = re.compile(r"^\s*(CONSTRUCT|DESCRIBE)\b", re.IGNORECASE | re.MULTILINE)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="?", help="the query text")
    parser.add_argument("-f", "--file", type=Path, help="read the query from this file")
    parser.add_argument(
        "--graph-format", choices=GRAPH_FORMATS, default="turtle", help="format for CONSTRUCT/DESCRIBE results"
    )
    add_store_options(parser)


def _strip_prologue(text: str) -> str:
    lines = [line for line in text.splitlines() if not re.match(r"^\s*(#|PREFIX\b|BASE\b)", line, re.IGNORECASE)]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if args.file is not None:
        try:
            text = args.file.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot read {args.file}: {exc.strerror}") from exc
    elif args.query:
        text = args.query
    else:
        raise InputError("give a query, or -f FILE")
    store = store_for(args)
    if _GRAPH_QUERY.match(_strip_prologue(text)):
        sys.stdout.buffer.write(store.graph(text, mime=GRAPH_FORMATS[args.graph_format]))
        return 0
    sys.stdout.write(format_results(store.select(text), args.format))
    return 0
