"""``nmdkg export``: write a release (OWL, Turtle, N-Triples, JSON-LD, SSSOM, VoID) into release/, atomically.

Examples::

    nmdkg export                                   # release/, versioned today
    nmdkg export --version 2026-12-01 --output dist/nmdkg-2026-12-01
"""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Write the release files into a folder, replacing it as a whole only once every file is written "
        "(a failure leaves the previous release as it was). Builds first if build/ is stale. "
        "See docs/releases.md."
    )
    parser.add_argument(
        "--output", "-o", type=Path, metavar="DIR", help="release folder (default: release/ of the checkout)"
    )
    parser.add_argument(
        "--version", metavar="YYYY-MM-DD", help="release version, used in owl:versionIRI (default: today)"
    )


def run(args: argparse.Namespace) -> int:
    from ..export import export_release
    from ..paths import find_project

    result = export_release(find_project(), output=args.output, version=args.version)
    built = " (built first)" if result.built else ""
    print(
        f"release {result.version}{built}: {result.asserted_triples} asserted + {result.inferred_triples} inferred "
        f"triples, {len(result.sizes)} files in {result.folder}"
    )
    return 0
