"""``nmdkg serve``: the graph over HTTP (SPARQL endpoint, entity pages, query editor, search); see docs/server.md."""

from __future__ import annotations

import argparse
import errno
import sys

from ..paths import find_project
from ..server.config import ServerConfig
from ..store import require_store_folder
from .options import add_local_store_option

__all__ = ["add_arguments", "run"]

DEFAULTS = ServerConfig()
_LISTEN_ERRORS = {errno.EADDRINUSE, errno.EADDRNOTAVAIL, errno.EACCES}


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default=DEFAULTS.host, help=f"address to listen on (default: {DEFAULTS.host})")
    parser.add_argument(
        "--port", type=int, default=DEFAULTS.port, help=f"port (default: {DEFAULTS.port}; 0 picks a free one)"
    )
    parser.add_argument(
        "--timeout",
        type=_positive_float,
        default=DEFAULTS.timeout,
        metavar="SECONDS",
        help=f"deadline per query; a query past it is stopped (default: {DEFAULTS.timeout:g})",
    )
    parser.add_argument(
        "--max-rows",
        type=_positive_int,
        default=DEFAULTS.max_rows,
        metavar="N",
        help=f"most rows (or triples) one answer may have; more is refused with 422 (default: {DEFAULTS.max_rows})",
    )
    parser.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=DEFAULTS.max_bytes,
        metavar="N",
        help=f"most bytes one answer may have; more is refused with 422 (default: {DEFAULTS.max_bytes})",
    )
    parser.add_argument(
        "--max-request-bytes",
        type=_positive_int,
        default=DEFAULTS.max_request_bytes,
        metavar="N",
        help="most bytes of a request body or query string; more is refused with 413 (default: %(default)s)",
    )
    parser.add_argument(
        "--cors-origin",
        action="append",
        metavar="ORIGIN",
        help="an origin allowed to read answers in a browser (repeatable; default: * for any; 'none' for no CORS)",
    )
    parser.add_argument(
        "--workers",
        type=_positive_int,
        default=DEFAULTS.workers,
        metavar="N",
        help=f"query worker processes (default: {DEFAULTS.workers})",
    )
    parser.add_argument(
        "--worker-memory",
        type=int,
        default=DEFAULTS.worker_memory // 1048576,
        metavar="MIB",
        help="memory one query may use, in MiB; a query needing more is stopped (default: %(default)s; 0: no cap)",
    )
    parser.add_argument(
        "--max-connections",
        type=_positive_int,
        default=DEFAULTS.max_connections,
        metavar="N",
        help=f"open connections served at once; more get 503 (default: {DEFAULTS.max_connections})",
    )
    parser.add_argument("--base-url", metavar="URL", help="the server's public URL, for the service description")
    add_local_store_option(parser)


def _config(args: argparse.Namespace) -> ServerConfig:
    origins = tuple(args.cors_origin) if args.cors_origin else DEFAULTS.cors_origins
    if any(o.lower() == "none" for o in origins):
        origins = ()
    return ServerConfig(
        host=args.host,
        port=args.port,
        timeout=args.timeout,
        max_rows=args.max_rows,
        max_bytes=args.max_bytes,
        max_request_bytes=args.max_request_bytes,
        cors_origins=origins,
        workers=args.workers,
        worker_memory=max(0, args.worker_memory) * 1048576,
        max_connections=args.max_connections,
        base_url=args.base_url,
    )


def run(args: argparse.Namespace) -> int:
    from ..manifest import ensure_built
    from ..server.runner import announce, open_server

    project = find_project()
    if args.store:
        require_store_folder(args.store)
    else:
        ensure_built(project)
    try:
        server = open_server(project, _config(args), store_path=args.store)
    except OSError as exc:
        if exc.errno in _LISTEN_ERRORS:
            print(f"nmdkg serve: error: cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
        else:
            print(f"nmdkg serve: error: cannot start: {exc}", file=sys.stderr)
        return 3
    except RuntimeError as exc:  # a query worker did not start
        print(f"nmdkg serve: error: {exc}", file=sys.stderr)
        return 3
    announce(server)
    server.serve_forever()
    return 0
