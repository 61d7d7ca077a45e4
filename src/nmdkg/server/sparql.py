"""The SPARQL 1.1 Protocol endpoint: GET, POST urlencoded and POST direct; read-only; guarded; pooled.

Every query passes the guard (:mod:`nmdkg.server.guard`) before it reaches a worker, and runs in the
pool (:mod:`nmdkg.server.pool`) under the deadline; its answer is negotiated and capped by the worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from urllib.parse import parse_qs

from .conneg import ENTITY_TYPES, Format, negotiate
from .guard import Refused, check_graphs, inspect_query
from .html import page, tag
from .messages import HttpError, Request, Response
from .pool import Busy, Deadline, PoolError, WorkerCrashed, WorkerPool
from .worker import Answer, Job

__all__ = ["SparqlEndpoint", "form_params"]

logger = logging.getLogger(__name__)

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"
READ_ONLY = "this endpoint is read-only: SPARQL Update is not accepted"
#: At most this many form fields are parsed (a request with more is refused).
MAX_FIELDS = 100


def form_params(text: str) -> dict[str, list[str]]:
    """Decode ``a=1&b=2`` form or query-string parameters.

    :raises HttpError: 400 for more than :data:`MAX_FIELDS` fields.
    """
    try:
        return parse_qs(text, keep_blank_values=True, max_num_fields=MAX_FIELDS)
    except ValueError:
        raise HttpError(400, f"too many parameters (at most {MAX_FIELDS})") from None


class SparqlEndpoint:
    """Answers ``/sparql``; :meth:`run` is also what the query page's plain form uses."""

    def __init__(
        self,
        *,
        pool: WorkerPool,
        graphs: Collection[str],
        description: Callable[[Format], bytes],
    ) -> None:
        self.pool = pool
        self.graphs = frozenset(graphs)
        self.description = description

    def handle(self, request: Request) -> Response:
        """Answer a GET, HEAD or POST on /sparql.

        :raises HttpError: for anything refused, malformed or over a limit.
        """
        params = {key: list(values) for key, values in request.params.items()}
        query: str | None
        if request.method == "POST":
            if request.content_type == UPDATE:
                raise HttpError(403, READ_ONLY)
            if request.content_type == FORM:
                for key, values in form_params(_decode(request.body)).items():
                    params.setdefault(key, []).extend(values)
                query = _single(params, "query")
            elif request.content_type == DIRECT:
                query = _decode(request.body)
            else:
                raise HttpError(
                    415, f"send the query as {DIRECT}, or as a 'query' field in {FORM} (got {request.content_type!r})"
                )
        else:
            query = _single(params, "query")
        if "update" in params:
            raise HttpError(403, READ_ONLY)
        if query is None:
            return self._describe(request)
        if not query.strip():
            raise HttpError(400, "the query is empty")
        try:
            check_graphs(params.get("default-graph-uri", []) + params.get("named-graph-uri", []), self.graphs)
            inspect_query(query, graphs=self.graphs)
        except Refused as exc:
            raise HttpError(exc.status, exc.message) from None
        answer = self.run(
            query, accept=request.header("accept"), fmt=_single(params, "format") or _single(params, "output")
        )
        return Response(answer.status, answer.body, answer.content_type, {"Vary": "Accept"})

    def run(self, query: str, *, accept: str | None, fmt: str | None = None) -> Answer:
        """Run a query that passed the guard on the pool.

        :raises HttpError: 503 when it ran past the deadline, crashed its worker, or found no free worker.
        """
        try:
            return self.pool.run(Job(query, accept=accept, format=fmt))
        except Busy as exc:
            raise HttpError(503, str(exc), headers={"Retry-After": "1"}) from None
        except (Deadline, WorkerCrashed, PoolError) as exc:
            raise HttpError(503, str(exc)) from None

    def _describe(self, request: Request) -> Response:
        fmt = negotiate(request.header("accept"), ENTITY_TYPES, default=Format.TURTLE)
        if fmt is None:
            raise HttpError(406, "the service description is available as Turtle, N-Triples, JSON-LD or RDF/XML")
        if fmt is Format.HTML:
            turtle = self.description(Format.TURTLE).decode("utf-8")
            body = tag(
                "article",
                tag("h1", "SPARQL endpoint"),
                tag(
                    "p",
                    "This is a SPARQL 1.1 Protocol endpoint; send a query as ",
                    tag("code", "?query="),
                    " or POST it. To write one in the browser, use the ",
                    tag("a", "query page", href="/query"),
                    ".",
                ),
                tag("h2", "Service description"),
                tag("pre", turtle, class_="graph"),
            )
            return Response(200, page("SPARQL endpoint", body), "text/html; charset=utf-8", {"Vary": "Accept"})
        return Response(200, self.description(fmt), fmt.value, {"Vary": "Accept"})


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise HttpError(400, "the request body is not UTF-8") from None


def _single(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise HttpError(400, f"parameter {name!r} is given {len(values)} times; give one {name}")
    return values[0] if values else None
