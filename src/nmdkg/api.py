"""The Python API: open the graph (embedded or remote) and run named or ad hoc queries on it."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

from .paths import Project, find_project
from .queries import NamedQuery, QueryLibrary
from .results import Results
from .store import Store, open_store

__all__ = ["ENDPOINT_VARIABLE", "STORE_VARIABLE", "KnowledgeGraph", "open_graph"]

logger = logging.getLogger(__name__)

#: The environment variable naming a default remote endpoint (shared with the CLI's ``--endpoint``).
ENDPOINT_VARIABLE = "NMDKG_ENDPOINT"
#: The environment variable naming a default store folder (shared with the CLI's ``--store``).
STORE_VARIABLE = "NMDKG_STORE"

GRAPH_MIME = {"turtle": "text/turtle", "jsonld": "application/ld+json", "ntriples": "application/n-triples"}


class KnowledgeGraph:
    """The graph behind one store, with the named query library of a checkout.

    Out of scope: updates and loading data (``nmdkg build`` writes the store).
    """

    def __init__(self, store: Store, library: QueryLibrary) -> None:
        self.store = store
        self.library = library

    def query(self, name: str, /, **params: str | int | float) -> Results:
        """Run the named query ``name`` (a file in ``queries/``) with its parameters.

        Parameters are given as text, as on the command line: labels, synonyms, NMD ids or IRIs
        for entities; numbers for numeric parameters.

        :raises QueryNotFound: if there is no such query.
        :raises ParameterError: for a missing, unknown or mistyped parameter.
        :raises EndpointError: if a remote endpoint cannot be reached.
        """
        return self.library.run(name, self.store, {key: str(value) for key, value in params.items()})

    def sparql(self, text: str, /) -> Results:
        """Run an ad hoc SELECT or ASK query.

        :raises QueryError: if the query is malformed or returns a graph.
        """
        return self.store.select(text)

    def construct(self, text: str, /, *, graph_format: str = "turtle") -> bytes:
        """Run a CONSTRUCT or DESCRIBE query; the graph in ``turtle``, ``jsonld`` or ``ntriples``.

        :raises QueryError: if the query is malformed or returns rows.
        """
        try:
            mime = GRAPH_MIME[graph_format]
        except KeyError:
            raise ValueError(f"graph_format must be one of {', '.join(GRAPH_MIME)}, not {graph_format!r}") from None
        return self.store.graph(text, mime=mime)

    def named_queries(self) -> Iterator[NamedQuery]:
        """The named queries, with their summaries and parameters."""
        return iter(self.library)


def open_graph(endpoint: str | None = None, *, store: Path | None = None, root: Path | None = None) -> KnowledgeGraph:
    """Open the knowledge graph: a remote SPARQL endpoint if given, else a store folder, else the embedded store.

    ``endpoint`` defaults to ``$NMDKG_ENDPOINT``; ``store`` (an Oxigraph folder such as one ``nmdkg load --store``
    wrote, e.g. the graph merged with MONDO) to ``$NMDKG_STORE``. Without either, the embedded store of the
    checkout at ``root`` (default: as the CLI finds it) is used, built first if the curated sources changed.
    Named queries always come from the checkout's ``queries/``.

    :raises EndpointError: if ``endpoint`` is not an http(s) URL.
    :raises InputError: if ``store`` is not an Oxigraph store folder.
    :raises CurationError: if the store has to be built and the curated sources have errors.

    Example (needs a checkout)::

        from nmdkg import open_graph
        graph = open_graph()
        rows = graph.query("antibody-profile", disorder="MMN")
        frame = rows.to_dataframe()  # with pandas installed
    """
    project = Project(root.resolve()) if root is not None else find_project()
    endpoint = endpoint or os.environ.get(ENDPOINT_VARIABLE) or None
    folder = store or os.environ.get(STORE_VARIABLE) or None
    if endpoint:
        backend = open_store(endpoint=endpoint)
    elif folder:
        backend = open_store(store_path=Path(folder))
    else:
        backend = _embedded(project)
    return KnowledgeGraph(backend, QueryLibrary(project.queries))


def _embedded(project: Project) -> Store:
    from .manifest import ensure_built

    ensure_built(project)
    return open_store(store_path=project.build / "store")
