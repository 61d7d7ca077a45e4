"""Query inspection before execution: refuse updates, SERVICE and FROM graphs outside the dataset.

Why a lexer and not a parser: the engine (Oxigraph) parses the query itself; all the guard must know
is whether certain *keywords* occur outside strings, IRIs and comments. SPARQL keywords are reserved
words, so an update or a SERVICE clause cannot be written without the bare word ``INSERT``/``SERVICE``
appearing as a token. A token-level check therefore has no false negatives as long as the lexer agrees
with the engine on where strings, IRIs and comments begin and end, which the SPARQL grammar fixes.
Anything the lexer cannot tokenise is refused rather than passed on.

This is the first of two lines of defence against outbound requests: Oxigraph *does* send HTTP
requests for SERVICE clauses, so the query workers also run without network access where the
operating system allows it (see :mod:`nmdkg.server.worker`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass

__all__ = ["QueryInfo", "Refused", "inspect_query"]

logger = logging.getLogger(__name__)

#: Words that only occur in SPARQL Update requests (SPARQL 1.1 Update grammar).
UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


class Refused(Exception):
    """A request the endpoint will not run; ``status`` is the HTTP status to answer with."""

    def __init__(self, message: str, *, status: int = 403) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class QueryInfo:
    """What the guard learned about a query it lets through."""

    form: str | None


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str


# Order matters: comments, strings and IRIs first, so that keywords inside them are not seen.
_TOKEN = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\n\r]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''
               |\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n\r]|\\.)*'
               |"(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
    | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
    | (?P<bnode>_:[\w.\-\u00b7]+)
    | (?P<pname>(?:[A-Za-z\u00c0-\uffff][\w.\-\u00b7]*)?:(?:[\w:%\-\u00b7]|\\[_~.\-!$&'()*+,;=/?\#@%]|\.(?=[\w:%\-]))*)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<number>[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)
    | (?P<word>[A-Za-z_][\w]*)
    | (?P<punct>\^\^|\|\||&&|!=|<=|>=|<<|>>|[{}()\[\];,.=<>!+\-*/|^?$@])
    """,
    re.VERBOSE | re.DOTALL,
)


def _tokens(query: str) -> Iterator[_Token]:
    position = 0
    while position < len(query):
        match = _TOKEN.match(query, position)
        if match is None:
            line = query.count("\n", 0, position) + 1
            raise Refused(f"cannot read the query at line {line}: unexpected {query[position]!r}", status=400)
        position = match.end()
        kind = match.lastgroup or "punct"
        if kind not in ("ws", "comment"):
            yield _Token(kind, match.group())


def inspect_query(query: str, *, graphs: Collection[str] = ()) -> QueryInfo:
    """Check a query before it runs; return what it is, or raise :class:`Refused`.

    :param query: the SPARQL query text.
    :param graphs: the named graphs of the dataset; ``FROM``/``FROM NAMED`` may name only these.
    :raises Refused: 403 for an update, a SERVICE clause or a graph outside the dataset;
        400 for text that cannot be tokenised as SPARQL.

    >>> inspect_query("SELECT * WHERE { ?s ?p 'SERVICE' } # SERVICE in a comment").form
    'SELECT'
    >>> inspect_query("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    nmdkg.server.guard.Refused: SERVICE (federated query) is not allowed: this endpoint sends no requests ...
    """
    tokens = list(_tokens(query))
    prefixes: dict[str, str] = {}
    form: str | None = None
    for index, token in enumerate(tokens):
        if token.kind != "word":
            continue
        word = token.text.upper()
        if word in UPDATE_WORDS:
            raise Refused(f"{word} is a SPARQL Update operation; this endpoint is read-only")
        if word == "SERVICE":
            raise Refused("SERVICE (federated query) is not allowed: this endpoint sends no requests to other servers")
        if word == "PREFIX" and index + 2 < len(tokens) and tokens[index + 2].kind == "iri":
            prefixes[tokens[index + 1].text] = tokens[index + 2].text[1:-1]
        elif word == "FROM":
            _check_from(tokens, index, prefixes, graphs)
        elif word in QUERY_FORMS and form is None:
            form = word
    return QueryInfo(form)


def _check_from(tokens: list[_Token], index: int, prefixes: dict[str, str], graphs: Collection[str]) -> None:
    following = tokens[index + 1 : index + 3]
    if following and following[0].kind == "word" and following[0].text.upper() == "NAMED":
        following = following[1:]
    iri = None
    if following and following[0].kind == "iri":
        iri = following[0].text[1:-1]
    elif following and following[0].kind == "pname":
        prefix, _, local = following[0].text.partition(":")
        if prefix + ":" in prefixes:
            iri = prefixes[prefix + ":"] + local
    check_graphs([iri or "?"], graphs)


def check_graphs(requested: Collection[str], graphs: Collection[str]) -> None:
    """Refuse a dataset (FROM, FROM NAMED, ``default-graph-uri``, ``named-graph-uri``) outside the store.

    :raises Refused: naming the first graph that the store does not hold.
    """
    for iri in requested:
        if iri not in graphs:
            held = ", ".join(sorted(graphs)) or "none: all data is in the default graph"
            raise Refused(
                f"graph <{iri}> is not in this dataset and this endpoint fetches nothing from elsewhere "
                f"(named graphs here: {held}); remove the FROM / FROM NAMED clause"
            )
