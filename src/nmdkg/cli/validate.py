"""``nmdkg validate [FILES...]``: SHACL, OWL consistency and quality checks on the curated sources.

Examples::

    nmdkg validate                                   # curation/ + ontology/nmd.owl
    nmdkg validate ~/edits/treatment_options.tsv     # an edited table, with the rest of the graph
    nmdkg validate new-terms.ttl --format markdown --output report.md
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["add_arguments", "run"]

EXIT_CODES = "exit codes: 0 valid (warnings allowed); 1 errors found; 2 bad input (syntax error, unreadable table)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Validate the curated sources: quality checks (queries/qc), SHACL shapes (shapes/) and OWL "
        "consistency (HermiT). FILES are edits: a TSV named like a curated table stands in for it "
        "(in a temporary copy; your files are never changed), nmd.owl for the schema, and other "
        ".ttl/.owl/.rdf/.nt files are added to the graph."
    )
    parser.epilog = EXIT_CODES
    parser.add_argument("files", nargs="*", type=Path, metavar="FILES", help="edited tables or RDF files")
    parser.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help="report format (default: text)"
    )
    parser.add_argument("--output", "-o", type=Path, metavar="FILE", help="write the report here (atomically)")
    parser.add_argument(
        "--show",
        choices=("error", "warn", "info"),
        default="info",
        help="lowest severity to list (default: info); the exit code does not depend on it",
    )
    parser.add_argument(
        "--no-reasoner", action="store_true", help="skip the OWL consistency check (HermiT, about 1-2 s)"
    )


def run(args: argparse.Namespace) -> int:
    from ..atomic import write_text
    from ..paths import find_project
    from ..validation.findings import Severity
    from ..validation.render import Format, render
    from ..validation.runner import validate

    report = validate(find_project(), args.files, reasoner=not args.no_reasoner)
    lowest = {"error": Severity.ERROR, "warn": Severity.WARN, "info": Severity.INFO}[args.show]
    text = render(report, Format(args.format), lowest=lowest)
    if args.output:
        write_text(args.output, text)
        print(f"nmdkg validate: wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return report.exit_code
