"""``nmdkg diff OLD NEW``: what changed between two versions of the graph, entity by entity.

Examples::

    nmdkg diff HEAD .                          # the working tree against the last commit
    nmdkg diff v0.1.0 v0.2.0 --format markdown # release notes
    nmdkg diff old/nmd.ttl build/nmd.ttl       # two built graphs
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Semantic diff of two versions of the graph: entities, statements, sources and schema terms "
        "added, removed or changed, with the facts added and removed for each. A version is an RDF "
        "file, a checkout or curation folder, a git revision of this checkout (HEAD, v0.1.0), or "
        "REV:path for one RDF file of a revision."
    )
    parser.epilog = "exit codes: 0 done (1 with --exit-code if the versions differ); 2 a version cannot be loaded"
    parser.add_argument("old", metavar="OLD", help="the old version")
    parser.add_argument("new", metavar="NEW", help="the new version")
    parser.add_argument("--format", choices=("text", "markdown"), default="text", help="output format (default: text)")
    parser.add_argument("--output", "-o", type=Path, metavar="FILE", help="write the diff here (atomically)")
    parser.add_argument("--exit-code", action="store_true", help="exit with 1 if the versions differ (like git diff)")


def run(args: argparse.Namespace) -> int:
    from ..atomic import write_text
    from ..diff import diff_graphs, render_diff
    from ..paths import find_project
    from ..versions import load_version

    project = find_project()
    old = load_version(args.old, project)
    new = load_version(args.new, project)
    diff = diff_graphs(old.graph, new.graph, old_name=old.name, new_name=new.name)
    text = render_diff(diff, args.format)
    if args.output:
        write_text(args.output, text)
        print(f"nmdkg diff: wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 1 if args.exit_code and not diff.empty else 0
