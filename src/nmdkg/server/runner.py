"""Putting the server together on a built store, and running it until interrupted."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from ..base import SOURCE_STEM
from ..lookups import Lookups
from ..manifest import STORE
from ..namespaces import DCTERMS, IAO, OBOINOWL, OWL, RDF, RDFS, SKOS, XSD
from ..paths import Project
from ..prefixes import prefix_map
from ..queries import QueryLibrary
from .app import App
from .config import ServerConfig
from .conneg import Format
from .entities import EntityReader
from .httpd import NmdkgServer
from .pool import WorkerPool
from .serialize import Limits
from .service_description import service_description
from .sparql import SparqlEndpoint
from .worker import WorkerSettings

__all__ = ["Server", "announce", "open_server", "serve_prefixes"]

logger = logging.getLogger(__name__)


def serve_prefixes() -> dict[str, str]:
    """The prefixes of Turtle answers: nmdkg's own and cross-reference prefixes, and the common vocabularies."""
    standard = {"rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD, "skos": SKOS, "dcterms": DCTERMS}
    return {
        **{name: str(ns) for name, ns in standard.items()},
        "oboInOwl": str(OBOINOWL),
        "IAO": str(IAO),
        **prefix_map(),
        "source": SOURCE_STEM,
    }


class Server:
    """A running server: the HTTP listener, its worker pool, and how to stop both."""

    def __init__(self, httpd: NmdkgServer, pool: WorkerPool) -> None:
        self.httpd = httpd
        self.pool = pool

    @property
    def url(self) -> str:
        return self.httpd.config.public_url(self.httpd.port)

    def serve_forever(self) -> None:
        """Serve until :meth:`shutdown` (or SIGTERM/SIGINT in the main thread); then stop the workers."""
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=self.httpd.shutdown, daemon=True).start())
        try:
            self.httpd.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            pass
        finally:
            self.close()

    def shutdown(self) -> None:
        self.httpd.shutdown()

    def close(self) -> None:
        self.httpd.server_close()
        self.pool.close()


def open_server(project: Project, config: ServerConfig, *, store_path: Path | None = None) -> Server:
    """Bind the listener, open the built store and start the query workers (not yet serving).

    The address is bound first, so that a port in use fails before any worker starts.

    :raises OSError: if the address is in use, or the store or a query file cannot be opened.
    :raises RuntimeError: if a query worker fails to start.
    """
    import pyoxigraph

    httpd = NmdkgServer(config)
    pool: WorkerPool | None = None
    try:
        path = store_path or project.build / STORE
        store = pyoxigraph.Store.read_only(str(path))
        graphs = {g.value for g in store.named_graphs()}  # type: ignore[union-attr]
        triples = len(store)
        prefixes = serve_prefixes()
        library = QueryLibrary(project.queries)
        lookups = Lookups(store, project.queries / "internal")
        endpoint_url = config.public_url(httpd.port) + "/sparql"
        descriptions: dict[Format, bytes] = {}

        def describe(fmt: Format) -> bytes:
            if fmt not in descriptions:
                descriptions[fmt] = service_description(
                    endpoint_url, triples=triples, limits=config.limits_note(), fmt=fmt
                )
            return descriptions[fmt]

        memory = config.worker_memory or None
        settings = WorkerSettings(str(path), Limits(config.max_rows, config.max_bytes), prefixes, memory)
        pool = WorkerPool(settings, size=config.workers, timeout=config.timeout)
        pool.start()
        httpd.app = App(
            config=config,
            endpoint=SparqlEndpoint(pool=pool, graphs=graphs, description=describe),
            entities=EntityReader(lookups),
            queries=list(library),
            prefixes=prefixes,
        )
    except BaseException:
        if pool is not None:
            pool.close()
        httpd.server_close()
        raise
    return Server(httpd, pool)


def announce(server: Server, *, out: Callable[[str], None] | None = None) -> None:
    """Tell the operator where the server listens (tests read the port from this line)."""
    write = out or (lambda text: print(text, file=sys.stderr, flush=True))
    isolated = "yes" if server.pool.network_isolated else "no (the query guard still refuses SERVICE)"
    write(f"nmdkg serve: listening on {server.url}/ (SPARQL endpoint {server.url}/sparql)")
    write(f"nmdkg serve: {server.pool.size} query workers; workers without network: {isolated}; Ctrl-C stops")
