"""Routing: which function answers which path, and how failures become readable error responses.

Routes take a :class:`~nmdkg.server.messages.Request` and return a
:class:`~nmdkg.server.messages.Response`; nothing here touches sockets, so tests can call
:meth:`App.handle` directly. Any exception that is not an :class:`HttpError` is logged and answered
with a generic 500: stack traces and file paths never reach a client.
"""

from __future__ import annotations

import json
import logging
import mimetypes
from collections.abc import Callable

from ..pictures import facts
from ..pictures.diagram import GraphvizError
from ..pictures.matrix import ERAS, Filters, build_matrix
from ..queries import NamedQuery
from ..results import Results
from .config import ServerConfig
from .conneg import ENTITY_TYPES, FORMAT_NAMES, Format, for_graph, negotiate, wants_html
from .entities import EntityReader, iri_for_path
from .entity_page import render_entity
from .entity_pictures import DiagramCache, entity_pictures, is_disorder
from .guard import Refused, inspect_query
from .html import page, tag
from .matrix_page import render_matrix
from .messages import HttpError, Request, Response, text_response
from .query_page import STATIC_DIR, QueryOutcome, render_query_page
from .search import MAX_QUERY_CHARS, render_search, search
from .serialize import Limits, TooLarge, write_graph
from .sparql import SparqlEndpoint

__all__ = ["App"]

logger = logging.getLogger(__name__)

HTML = "text/html; charset=utf-8"
STATIC_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}
ENTITY_MAX_TRIPLES = 200_000
ENTITY_MAX_BYTES = 64 * 1024 * 1024
ROBOTS = b"User-agent: *\nDisallow: /sparql\nDisallow: /query\nDisallow: /search\nDisallow: /matrix\n"
SVG = "image/svg+xml"


class App:
    """The whole site: query page, SPARQL endpoint, search, entity pages and static files."""

    def __init__(
        self,
        *,
        config: ServerConfig,
        endpoint: SparqlEndpoint,
        entities: EntityReader,
        queries: list[NamedQuery],
        prefixes: dict[str, str],
    ) -> None:
        self.config = config
        self.endpoint = endpoint
        self.entities = entities
        self.queries = queries
        self.prefixes = prefixes
        # An entity's own description is bounded by the graph, not by the user: a source cited by every
        # statement is still one document. The caps only guard against a pathological graph.
        self.limits = Limits(max(config.max_rows, ENTITY_MAX_TRIPLES), max(config.max_bytes, ENTITY_MAX_BYTES))
        self.diagrams = DiagramCache(entities.lookups)
        self.routes: dict[str, Callable[[Request], Response]] = {
            "/": self.query_page,
            "/query": self.query_page,
            "/sparql": self.endpoint.handle,
            "/search": self.search,
            "/matrix": self.matrix,
            "/robots.txt": lambda request: Response(200, ROBOTS, "text/plain; charset=utf-8"),
        }

    def handle(self, request: Request) -> Response:
        """Answer ``request``; never raises."""
        try:
            return self._route(request)
        except HttpError as exc:
            return self.error(request, exc.status, exc.message, headers=exc.headers)
        except Exception:
            logger.exception("internal error on %s %s", request.method, request.path)
            return text_response(500, "internal error; the server log has the details")

    def _route(self, request: Request) -> Response:
        allowed = ("GET", "HEAD", "POST") if request.path == "/sparql" else ("GET", "HEAD")
        if request.method not in allowed:
            raise HttpError(405, f"{request.method} is not allowed here", headers={"Allow": ", ".join(allowed)})
        route = self.routes.get(request.path)
        if route is not None:
            return route(request)
        if request.path.startswith("/static/"):
            return self.static(request)
        if request.path.startswith("/diagram/") and request.path.endswith(".svg"):
            return self.diagram(request)
        iri = iri_for_path(request.path)
        if iri is None:
            raise HttpError(404, f"nothing is served at {request.path}")
        return self.entity(request, iri)

    def error(self, request: Request, status: int, message: str, *, headers: dict[str, str] | None = None) -> Response:
        """An error as HTML for a browser, as plain text for everything else (SPARQL clients)."""
        if wants_html(request.header("accept")):
            body = tag("article", tag("h1", f"Error {status}"), tag("p", message, class_="error"))
            return Response(status, page(f"Error {status}", body), HTML, dict(headers or {}))
        return text_response(status, message, headers=headers)

    def query_page(self, request: Request) -> Response:
        """The query editor; with ``?query=`` (the plain form), the answer as an HTML table."""
        query = request.param("query")
        outcome = self._run_for_page(query) if query and query.strip() else None
        body = render_query_page(
            self.queries,
            query_text=query,
            selected=request.param("example"),
            outcome=outcome,
            limits_note=self.config.limits_note(),
        )
        return Response(200, body, HTML)

    def _run_for_page(self, query: str) -> QueryOutcome:
        try:
            inspect_query(query, graphs=self.endpoint.graphs)
            answer = self.endpoint.run(query, accept="application/sparql-results+json, text/turtle;q=0.9")
        except Refused as exc:
            return QueryOutcome(error=exc.message)
        except HttpError as exc:
            return QueryOutcome(error=exc.message)
        if answer.status != 200:
            return QueryOutcome(error=answer.body.decode("utf-8", "replace"))
        if answer.content_type.startswith("text/turtle"):
            return QueryOutcome(graph=answer.body.decode("utf-8"))
        data = json.loads(answer.body)
        if "boolean" in data:
            return QueryOutcome(boolean=bool(data["boolean"]))
        return QueryOutcome(results=Results.from_json(data))

    def search(self, request: Request) -> Response:
        """Search labels and synonyms; JSON for ``Accept: application/json`` (or ``format=json``)."""
        text = request.param("q") or ""
        if len(text) > MAX_QUERY_CHARS:
            raise HttpError(400, f"the search text is longer than {MAX_QUERY_CHARS} characters")
        wants_json = (request.param("format") or "").lower() == "json" or negotiate(
            request.header("accept"), {"text/html": Format.HTML, "application/json": Format.JSON}, default=Format.HTML
        ) is Format.JSON
        result = search(self.entities.lookups, text)
        if wants_json:
            return Response(200, result.to_json(), "application/json", {"Vary": "Accept"})
        return Response(200, render_search(result), HTML, {"Vary": "Accept"})

    def entity(self, request: Request, iri: str) -> Response:
        """An entity as HTML, Turtle, N-Triples, JSON-LD or RDF/XML, as negotiated (or ``?format=``)."""
        named = FORMAT_NAMES.get((request.param("format") or "").lower())
        fmt = (
            for_graph(named)
            if named is not None
            else negotiate(request.header("accept"), ENTITY_TYPES, default=Format.TURTLE)
        )
        if fmt is None or fmt not in ENTITY_TYPES.values():
            raise HttpError(406, "an entity is available as HTML, Turtle, N-Triples, JSON-LD or RDF/XML")
        headers = {"Vary": "Accept"}
        if fmt is Format.HTML:
            entity = self.entities.read(iri)
            if entity.empty:
                raise HttpError(404, f"the graph has nothing about <{iri}>")
            return Response(200, render_entity(entity, pictures=entity_pictures(entity, self.diagrams)), HTML, headers)
        triples = self.entities.triples(iri)
        if not triples:
            raise HttpError(404, f"the graph has nothing about <{iri}>")
        try:
            body = write_graph(triples, fmt, self.limits, prefixes=self.prefixes)
        except TooLarge as exc:
            raise HttpError(422, str(exc)) from None
        return Response(200, body, fmt.value, headers)

    def matrix(self, request: Request) -> Response:
        """The treatment matrix, filtered by ``source`` (IRI or era), ``group`` and ``mechanism`` (IRIs)."""
        options = facts.options(self.entities.lookups)
        labels, mechanisms_of = facts.mechanism_classes(self.entities.lookups)
        filters = Filters(
            source=request.param("source") or None,
            group=request.param("group") or None,
            mechanism=request.param("mechanism") or None,
        )
        known = {
            "source": {o.source for o in options} | set(ERAS),
            "group": {o.group for o in options if o.group},
            "mechanism": set(labels),
        }
        for name, allowed in known.items():
            value = getattr(filters, name)
            if value is not None and value not in allowed:
                raise HttpError(400, f"unknown {name} {value!r}: choose one the form offers")
        matrix = build_matrix(options, filters, mechanism_labels=labels, mechanisms_of=mechanisms_of)
        return Response(200, render_matrix(matrix), HTML)

    def diagram(self, request: Request) -> Response:
        """A disorder's diagram as an SVG file: ``/diagram/NMD_0000015.svg``."""
        iri = iri_for_path(request.path[len("/diagram") : -len(".svg")])
        entity = self.entities.read(iri) if iri else None
        if entity is None or entity.empty or not is_disorder(entity):
            raise HttpError(404, "diagrams are drawn for disorders; no disorder has this path")
        try:
            svg = self.diagrams.svg(entity.iri, entity.label)
        except GraphvizError as exc:
            raise HttpError(503, str(exc)) from None
        return Response(200, svg.encode("utf-8"), SVG, {"Cache-Control": "public, max-age=3600"})

    def static(self, request: Request) -> Response:
        """A file under ``static/`` (the site's script and style, and YASGUI's built files)."""
        relative = request.path[len("/static/") :]
        parts = relative.split("/")
        if not relative or any(p in ("", ".", "..") or p.startswith(".") for p in parts):
            raise HttpError(404, "no such file")
        path = (STATIC_DIR / relative).resolve()
        suffix = path.suffix.lower()
        if not path.is_relative_to(STATIC_DIR) or suffix not in STATIC_TYPES or not path.is_file():
            raise HttpError(404, "no such file")
        content_type = STATIC_TYPES.get(suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return Response(200, path.read_bytes(), content_type, {"Cache-Control": "public, max-age=3600"})
