"""``nmdkg build``: build the graph into build/ (skipped when the sources are unchanged)."""

from __future__ import annotations

import argparse

from ..build import build
from ..paths import find_project

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true", help="rebuild even if the sources are unchanged")


def run(args: argparse.Namespace) -> int:
    result = build(find_project(), force=args.force)
    if result.rebuilt:
        timing = ", ".join(f"{step} {secs:.2f} s" for step, secs in result.seconds.items())
        print(f"built {result.asserted_triples} asserted + {result.inferred_triples} inferred triples ({timing})")
    else:
        print(f"up to date: {result.asserted_triples} asserted + {result.inferred_triples} inferred triples")
    return 0
