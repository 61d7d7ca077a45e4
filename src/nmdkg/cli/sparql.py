"""``nmdkg sparql``: run an ad hoc SPARQL query (SELECT/ASK as rows; CONSTRUCT/DESCRIBE as a graph)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..errors import InputError
from .options import add_store_options, format_results, store_for

__all__ = ["add_arguments", "query_form", "run"]

GRAPH_FORMATS = {"turtle": "text/turtle", "jsonld": "application/ld+json", "ntriples": "application/n-triples"}
_GRAPH_FORMS = {"CONSTRUCT", "DESCRIBE"}
# The prologue before the query form: comments, PREFIX and BASE declarations, on one line or many.
_PROLOGUE = re.compile(r"\s*(?:#[^\n]*(?:\n|$)|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)", re.IGNORECASE)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="?", help="the query text")
    parser.add_argument("-f", "--file", type=Path, help="read the query from this file")
    parser.add_argument(
        "--graph-format", choices=GRAPH_FORMATS, default="turtle", help="format for CONSTRUCT/DESCRIBE results"
    )
    add_store_options(parser)


def query_form(text: str) -> str:
    """The query's form keyword (SELECT, ASK, CONSTRUCT, DESCRIBE), upper case; "" if there is none."""
    position = 0
    while match := _PROLOGUE.match(text, position):
        if match.end() == position:
            break
        position = match.end()
    form = re.match(r"\s*([A-Za-z]+)", text[position:])
    return form.group(1).upper() if form else ""


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
    if query_form(text) in _GRAPH_FORMS:
        sys.stdout.buffer.write(store.graph(text, mime=GRAPH_FORMATS[args.graph_format]))
        return 0
    sys.stdout.write(format_results(store.select(text), args.format))
    return 0
