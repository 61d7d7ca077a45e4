"""The ``nmdkg`` command: one module per subcommand, imported only when that subcommand runs."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from ..errors import NmdkgError

__all__ = ["main"]

#: subcommand -> (module under nmdkg.cli, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "build": ("build", "build the graph from the curated sources (classified by HermiT) into build/"),
    "query": ("query", "run a named query from queries/ (use --list to see them)"),
    "sparql": ("sparql", "run an ad hoc SPARQL query"),
    "show": ("show", "print an entity's facts with their sources as a tree; --svg FILE writes its diagram"),
    "validate": ("validate", "validate curated sources: SHACL, OWL consistency, quality checks"),
    "diff": ("diff", "semantic diff between two versions of the graph"),
    "serve": ("serve", "serve the graph over HTTP: SPARQL endpoint, entity pages, query editor"),
    "load": ("load", "load the built graph and other RDF files into a SPARQL endpoint or a local store"),
    "export": ("export", "write release files (OWL, Turtle, N-Triples, JSON-LD, SSSOM, VoID) atomically"),
}

EXIT_CODES = """exit codes: 0 success; 1 findings (validation violations, inconsistent ontology);
2 bad input (syntax error, unknown query or parameter, curation error); 3 internal or endpoint error"""


def _parser() -> tuple[argparse.ArgumentParser, dict[str, object]]:
    parser = argparse.ArgumentParser(
        prog="nmdkg",
        description="nmdkg: knowledge graph of autoimmune neuromuscular disorders (research use, not medical advice)",
        epilog=EXIT_CODES,
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules: dict[str, object] = {}
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        try:
            module = importlib.import_module(f"{__name__}.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{module_name}":
                raise
            continue
        sub = subparsers.add_parser(name, help=help_text, description=help_text, epilog=EXIT_CODES)
        module.add_arguments(sub)  # type: ignore[attr-defined]
        modules[name] = module
    return parser, modules


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; user errors become one line on stderr and an exit code, never a traceback."""
    parser, modules = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    if not args.command:
        parser.print_help()
        return 2
    try:
        return int(modules[args.command].run(args))  # type: ignore[attr-defined]
    except NmdkgError as exc:
        print(f"nmdkg {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
