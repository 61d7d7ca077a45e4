"""A canonical copy of a graph, so that every release file is byte-for-byte reproducible.

Parsers give blank nodes fresh random labels, and rdflib's stores iterate in insertion order: a
graph read twice serialises differently. Relabelling blank nodes by their neighbourhood (rdflib's
canonicaliser) and inserting triples in sorted order makes serialisers write the same bytes for
the same triples, so two releases of unchanged sources are identical and diffs of releases are real.
"""

from __future__ import annotations

import logging

from rdflib import Graph
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

__all__ = ["canonical_graph", "sorted_ntriples"]

logger = logging.getLogger(__name__)


def _key(triple: tuple[Node, Node, Node]) -> tuple[str, str, str]:
    return (triple[0].n3(), triple[1].n3(), triple[2].n3())


def canonical_graph(graph: Graph, /) -> Graph:
    """A copy of ``graph`` with canonical blank node labels, triples inserted in sorted order.

    Namespace bindings of ``graph`` are kept.

    >>> from rdflib import BNode, Literal, RDFS
    >>> g = Graph(); _ = g.add((BNode(), RDFS.label, Literal("x")))
    >>> [s for s, _, _ in canonical_graph(g)] == [s for s, _, _ in canonical_graph(g)]
    True
    """
    result = Graph(bind_namespaces="none")
    for prefix, namespace in graph.namespaces():
        result.bind(prefix, namespace, override=True, replace=True)
    for triple in sorted(to_canonical_graph(graph), key=_key):
        result.add(triple)
    return result


def sorted_ntriples(graph: Graph, /) -> bytes:
    """``graph`` as N-Triples (UTF-8), one triple a line, lines sorted and unique.

    Sorted lines make a release diffable with ``diff`` and loadable by every store.

    >>> from rdflib import URIRef, RDFS, Literal
    >>> g = Graph()
    >>> for name in "ba":
    ...     _ = g.add((URIRef(f"urn:{name}"), RDFS.label, Literal(name)))
    >>> print(sorted_ntriples(g).decode(), end="")
    <urn:a> <http://www.w3.org/2000/01/rdf-schema#label> "a" .
    <urn:b> <http://www.w3.org/2000/01/rdf-schema#label> "b" .
    """
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
