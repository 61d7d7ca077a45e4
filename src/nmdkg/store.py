"""The store seam: the embedded Oxigraph store by default, any SPARQL 1.1 endpoint when one machine is not enough.

Both backends take a query and its bindings and return the same :class:`~nmdkg.results.Results`.
Out of scope here: updates (the graph is read-only to queries) and loading data (see ``nmdkg build``).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from .errors import EndpointError, InputError, QueryError
from .results import Results, Term

__all__ = ["EmbeddedStore", "RemoteStore", "Store", "open_store", "require_store_folder"]

logger = logging.getLogger(__name__)

Bindings = Mapping[str, Term]


class Store(Protocol):
    """What the query layer needs from a backend."""

    def select(self, query: str, /, *, bindings: Bindings | None = None) -> Results:
        """Run a SELECT (or ASK, as one row with ``?result``) query with variables bound to terms."""
        ...

    def graph(self, query: str, /, *, bindings: Bindings | None = None, mime: str = "text/turtle") -> bytes:
        """Run a CONSTRUCT or DESCRIBE query; return the graph serialised as ``mime``."""
        ...


_VALUES_UNDEF = "VALUES ?{name} {{ UNDEF }}"


def bind_values(query: str, bindings: Bindings) -> str:
    """Put bindings into a query's ``VALUES ?name { UNDEF }`` slots, as escaped N-Triples terms.

    This is how parameters reach an endpoint that has no binding API: the slot is
    declared in the query file, and only a serialised RDF term ever replaces it.

    :raises QueryError: if the query has no slot for a bound variable.
    """
    for name, term in bindings.items():
        slot = _VALUES_UNDEF.format(name=name)
        if slot not in query:
            raise QueryError(f"the query has no `{slot}` slot for parameter {name!r}")
        query = query.replace(slot, f"VALUES ?{name} {{ {term.to_ntriples()} }}")
    return query


def require_store_folder(path: Path) -> None:
    """:raises InputError: if ``path`` is not an Oxigraph store folder (RocksDB's ``CURRENT`` file is missing)."""
    if not (path / "CURRENT").is_file():
        raise InputError(f"{path} is not an Oxigraph store folder (`nmdkg load --store {path}` writes one)")


class EmbeddedStore:
    """The built graph in an Oxigraph store on disk (``build/store``), opened read-only."""

    def __init__(self, store: object) -> None:
        self._store = store

    @classmethod
    def open(cls, path: Path) -> EmbeddedStore:
        """:raises InputError: if ``path`` is not an Oxigraph store folder."""
        import pyoxigraph

        require_store_folder(path)
        return cls(pyoxigraph.Store.read_only(str(path)))

    @classmethod
    def from_file(cls, path: Path) -> EmbeddedStore:
        """An in-memory store of one RDF file (for tests and small graphs)."""
        import pyoxigraph

        store = pyoxigraph.Store()
        store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.from_extension(path.suffix.lstrip(".")))
        return cls(store)

    def _query(self, query: str, bindings: Bindings | None) -> object:
        # Bindings go through the query's VALUES slots, as for a remote endpoint, so that both
        # backends give the same answers (Oxigraph's substitutions do not reach into subqueries).
        query = bind_values(query, bindings or {})
        try:
            return self._store.query(query)  # type: ignore[attr-defined]
        except SyntaxError as exc:
            raise QueryError(f"malformed query: {exc}") from exc
        except (OSError, ValueError) as exc:
            raise QueryError(str(exc)) from exc

    def select(self, query: str, /, *, bindings: Bindings | None = None) -> Results:
        import pyoxigraph

        answer = self._query(query, bindings)
        if isinstance(answer, pyoxigraph.QueryBoolean):
            return Results(["result"], [(Term.literal(str(bool(answer)).lower(), datatype=_XSD_BOOLEAN),)])
        if not isinstance(answer, pyoxigraph.QuerySolutions):
            raise QueryError("this is a CONSTRUCT or DESCRIBE query; it returns a graph, not rows")
        variables = [v.value for v in answer.variables]
        rows = [tuple(_from_oxigraph(solution[v]) for v in variables) for solution in answer]
        return Results(variables, rows)

    def graph(self, query: str, /, *, bindings: Bindings | None = None, mime: str = "text/turtle") -> bytes:
        import pyoxigraph

        answer = self._query(query, bindings)
        if not isinstance(answer, pyoxigraph.QueryTriples):
            raise QueryError("this is a SELECT or ASK query; it returns rows, not a graph")
        fmt = pyoxigraph.RdfFormat.from_media_type(mime)
        if fmt is None:
            raise QueryError(f"unknown graph format {mime!r}")
        return answer.serialize(format=fmt)  # type: ignore[no-any-return]


_XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


def _from_oxigraph(node: object) -> Term | None:
    import pyoxigraph

    if node is None:
        return None
    if isinstance(node, pyoxigraph.NamedNode):
        return Term.iri(node.value)
    if isinstance(node, pyoxigraph.BlankNode):
        return Term("bnode", node.value)
    assert isinstance(node, pyoxigraph.Literal)
    return Term.literal(node.value, datatype=node.datatype.value, lang=node.language)


#: SPARQLWrapper's name for each media type we ask for (the Accept header is set explicitly too).
_RETURN_FORMATS = {"application/sparql-results+json": "json", "application/ld+json": "json-ld"}


class RemoteStore:
    """Any SPARQL 1.1 Protocol endpoint, through SPARQLWrapper."""

    def __init__(self, endpoint: str, *, timeout: float = 30.0) -> None:
        if not re.match(r"^https?://", endpoint):
            raise EndpointError(f"endpoint {endpoint!r} is not an http(s) URL")
        self.endpoint = endpoint
        self.timeout = timeout

    def _wrapper(self, query: str, accept: str, kind: str) -> object:
        import warnings

        from SPARQLWrapper import POST, SPARQLWrapper

        wrapper = SPARQLWrapper(self.endpoint)
        wrapper.setMethod(POST)
        wrapper.setTimeout(int(self.timeout))
        with warnings.catch_warnings():
            # SPARQLWrapper guesses the query type with a regex and warns when it cannot.
            warnings.simplefilter("ignore", RuntimeWarning)
            wrapper.setQuery(query)
        # Its guess also reads comments: a comment saying "drop" made it send a SELECT as an update.
        # The caller knows what it asked for, so the guess is overridden.
        wrapper.queryType = kind  # type: ignore[attr-defined]
        wrapper.addCustomHttpHeader("Accept", accept)
        wrapper.setReturnFormat(_RETURN_FORMATS.get(accept, "turtle"))
        return wrapper

    def _send(self, query: str, accept: str, kind: str) -> bytes:
        import urllib.error
        import warnings

        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        wrapper = self._wrapper(query, accept, kind)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # our Accept header is meant, not a mistake
                response = wrapper.query().response  # type: ignore[attr-defined]
            return response.read()  # type: ignore[no-any-return]
        except SPARQLWrapperException as exc:
            raise QueryError(f"{self.endpoint} refused the query: {_endpoint_message(str(exc))}") from exc
        except urllib.error.HTTPError as exc:
            raise EndpointError(f"{self.endpoint} answered HTTP {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise EndpointError(f"cannot reach {self.endpoint}: {reason}") from exc

    def select(self, query: str, /, *, bindings: Bindings | None = None) -> Results:
        body = self._send(bind_values(query, bindings or {}), "application/sparql-results+json", "SELECT")
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise EndpointError(f"{self.endpoint} did not answer with SPARQL JSON results") from exc
        if "boolean" in data:
            return Results(["result"], [(Term.literal(str(data["boolean"]).lower(), datatype=_XSD_BOOLEAN),)])
        return Results.from_json(data)

    def graph(self, query: str, /, *, bindings: Bindings | None = None, mime: str = "text/turtle") -> bytes:
        return self._send(bind_values(query, bindings or {}), mime, "CONSTRUCT")


def _endpoint_message(text: str) -> str:
    """One line from SPARQLWrapper's error: its summary, and the endpoint's own first line if it sent one."""
    summary = text.splitlines()[0].strip() if text.strip() else "unknown error"
    match = re.search(r"Response:\s*b?(['\"])(?P<body>.*?)\1\s*$", text, re.DOTALL)
    if not match:
        return summary
    body = match["body"].replace("\\n", "\n").strip().splitlines()
    return f"{summary.split(':', 1)[0]}: {body[0][:300]}" if body else summary


def open_store(*, endpoint: str | None = None, store_path: Path | None = None) -> Store:
    """The remote endpoint if one is given, else the embedded store at ``store_path``."""
    if endpoint:
        return RemoteStore(endpoint)
    if store_path is None:
        raise ValueError("open_store() needs an endpoint or a store path")
    return EmbeddedStore.open(store_path)
