"""``nmd.jsonld``: the asserted graph as JSON-LD, with the release context inlined so it reads offline."""

from __future__ import annotations

import json
import logging
from typing import Any

from rdflib import Graph

from .prefixmap import jsonld_context

__all__ = ["render_jsonld"]

logger = logging.getLogger(__name__)


def _normalise(value: Any, /) -> Any:
    """Sort what JSON-LD leaves unordered (node and value arrays), never an ``@list``."""
    if isinstance(value, dict):
        return {
            key: (
                [_normalise(item) for item in item_value]
                if key == "@list" and isinstance(item_value, list)
                else _normalise(item_value)
            )
            for key, item_value in sorted(value.items())
        }
    if isinstance(value, list):
        items = [_normalise(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return value


def render_jsonld(graph: Graph, /, *, prefixes: dict[str, str]) -> bytes:
    """``graph`` as JSON-LD 1.1 whose ``@context`` is the release context object itself.

    The context is the one published as ``context.jsonld`` (https://w3id.org/nmdkg/context.jsonld),
    inlined rather than referenced by IRI: a reader then never has to fetch it, and neither does
    rdflib, which would otherwise try the network. Arrays are sorted so the bytes are reproducible.

    >>> from rdflib import URIRef, Literal, RDFS
    >>> g = Graph(); _ = g.add((URIRef("https://w3id.org/nmdkg/NMD_0000001"), RDFS.label, Literal("x")))
    >>> doc = json.loads(render_jsonld(g, prefixes={"rdfs": str(RDFS)}))
    >>> doc["@context"]["rdfs"], doc["@graph"][0]["rdfs:label"]
    ('http://www.w3.org/2000/01/rdf-schema#', 'x')
    """
    context = jsonld_context(prefixes)
    text = graph.serialize(format="json-ld", context=context, auto_compact=False)
    document = json.loads(text)
    if isinstance(document, list):  # rdflib writes a bare array when there is no context
        document = {"@graph": document}
    document.pop("@context", None)
    # rdflib writes one node as the top-level object, several as "@graph": always write "@graph".
    nodes = document.get("@graph", [document] if document else [])
    body = {"@context": context, "@graph": _normalise(nodes if isinstance(nodes, list) else [nodes])}
    return (json.dumps(body, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
