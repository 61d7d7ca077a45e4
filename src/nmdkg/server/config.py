"""The server's settings, with the defaults ``nmdkg serve`` documents (docs/server.md)."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field

__all__ = ["ServerConfig"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServerConfig:
    """How to listen, and the limits every request runs under."""

    host: str = "127.0.0.1"
    #: 0 picks a free port (the server prints the one it got).
    port: int = 7878
    #: Seconds a query may run (and wait for a free worker) before it is stopped.
    timeout: float = 10.0
    #: Most rows (solutions, or triples of a graph) one answer may have; more is refused (422).
    max_rows: int = 10_000
    #: Most bytes one serialised answer may have; more is refused (422).
    max_bytes: int = 10 * 1024 * 1024
    #: Most bytes of a request (body, or the query string of a GET); more is refused (413/414).
    max_request_bytes: int = 128 * 1024
    #: Origins allowed to read answers from a browser (CORS); ``*`` allows any, empty none.
    cors_origins: tuple[str, ...] = ("*",)
    #: Query worker processes (4 on 2 cores served 1.6x the queries/s of 2: docs/server.md).
    workers: int = field(default_factory=lambda: max(4, os.cpu_count() or 4))
    #: Memory a query may use in its worker, in bytes, on top of the open store; past it the query is
    #: stopped. 0 for no cap.
    worker_memory: int = 1024 * 1024 * 1024
    #: Open connections served at once; more get 503 straight away.
    max_connections: int = 128
    #: Seconds an idle or slow connection is kept (per read).
    socket_timeout: float = 15.0
    #: The public URL of the server (for the service description); default http://HOST:PORT.
    base_url: str | None = None

    def public_url(self, port: int) -> str:
        """The base URL clients use, without a trailing slash."""
        if self.base_url:
            return self.base_url.rstrip("/")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{port}"

    def limits_note(self) -> str:
        """The limits in one line, for pages and the service description."""
        return f"each query at most {self.timeout:g} s, {self.max_rows:,} rows and {self.max_bytes / 1_048_576:g} MiB"
