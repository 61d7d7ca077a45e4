"""Internal lookups (entity pages, search, pictures, ``nmdkg show``): ``queries/internal/*.rq`` with bindings.

Why in-process and not through the server's worker pool: these queries have fixed shapes, take
milliseconds and bind only escaped RDF terms, so they need no deadline; and a pool saturated by slow
user queries must not take the entity pages down with it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from .queries import NamedQuery
from .results import Results, Term
from .store import EmbeddedStore, bind_values

__all__ = ["Lookups"]

logger = logging.getLogger(__name__)

#: The internal queries; each must exist in ``queries/internal/``.
NAMES = (
    "antibody-findings",
    "disorder-neighbourhood",
    "entity-description",
    "entity-facts",
    "entity-incoming",
    "entity-referrers",
    "entity-restrictions",
    "entity-statements",
    "entity-names",
    "search",
    "therapy-mechanism-classes",
    "treatment-matrix",
)


class Lookups:
    """Internal named queries on an in-process, read-only pyoxigraph store."""

    def __init__(self, store: object, folder: Path) -> None:
        """Load the internal queries from ``folder`` (``queries/internal``).

        :raises ValueError: if a query file is missing its ``#+ summary:`` header.
        :raises FileNotFoundError: if one of :data:`NAMES` is missing.
        """
        self._store = store
        self._embedded = EmbeddedStore(store)
        self.queries = {name: NamedQuery.from_file(folder / f"{name}.rq") for name in NAMES}

    def select(self, name: str, /, *, bindings: Mapping[str, Term]) -> Results:
        """Run the SELECT query ``name`` with ``bindings`` in its ``VALUES`` slots."""
        return self._embedded.select(self.queries[name].text, bindings=bindings)

    def triples(self, name: str, /, *, bindings: Mapping[str, Term]) -> list[object]:
        """Run the CONSTRUCT or DESCRIBE query ``name``; the triples as pyoxigraph objects."""
        query = bind_values(self.queries[name].text, bindings)
        return list(self._store.query(query))  # type: ignore[attr-defined]
