"""A synthetic graph with the built graph's schema at any size, so that query latency can be measured at scale.

The built graph (asserted and inferred triples) is copied: copy 0 is the graph itself; each further
copy gives every curated entity and statement (every IRI under ``NMD_``: disorders, therapies,
targets, antibody findings, treatment options, ...) a fresh IRI, and its labels and synonyms a
suffix, so that names still resolve to the original entities. Triples about the schema, the value
sets and the sources are shared by all copies. The inferred types and subclass links are copied with
their entities, so the defined classes (and the headline query) have answers in every copy.

A seed makes the graph deterministic: it picks each copy's IRI token and which statements a copy
leaves out (``drop``), so that copies are not all alike. Out of scope: realistic distributions.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .base import ENTITY_STEM
from .manifest import GRAPH_FILES

__all__ = ["SyntheticGraph", "curated_triples", "load", "synthetic_graph", "write_ntriples"]

logger = logging.getLogger(__name__)

#: The build files that make up the graph a query sees.
#: Literals of these predicates are names; a copy's names get its token, to stay unique.
NAME_PREDICATES = frozenset(
    {
        "http://www.w3.org/2000/01/rdf-schema#label",
        "http://www.geneontology.org/formats/oboInOwl#hasExactSynonym",
    }
)
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_OWL_CLASS = "http://www.w3.org/2002/07/owl#Class"
#: A copy's token in a triple template until the copy is made; printable, as literals escape control characters.
_MARK = "@@TOKEN@@"


@dataclass(frozen=True)
class SyntheticGraph:
    """N-Triples chunks (one per copy) and their triple count."""

    chunks: tuple[str, ...]
    triples: int
    copies: int


def curated_triples(build: Path, files: Sequence[str] = GRAPH_FILES) -> list[object]:
    """The triples of the built graph (``build/nmd.ttl`` and ``build/nmd-inferred.ttl``) as pyoxigraph triples.

    Blank nodes are labelled ``b0``, ``b1``, ... in order: the parser's labels are random (the graph
    would differ from run to run) and may start with a digit, which RDF/XML (HermiT's input) refuses.

    :param files: which build files; ``("nmd.ttl",)`` for the asserted graph, which HermiT and SHACL check.
    """
    import pyoxigraph

    labels: dict[str, object] = {}

    def relabel(node: object) -> object:
        if isinstance(node, pyoxigraph.BlankNode):
            return labels.setdefault(node.value, pyoxigraph.BlankNode(f"b{len(labels)}"))
        return node

    triples: list[object] = []
    for name in files:
        for quad in pyoxigraph.parse(path=str(build / name)):
            triples.append(pyoxigraph.Triple(relabel(quad.subject), quad.predicate, relabel(quad.object)))  # type: ignore[arg-type]
    return triples


def _is_copied(node: object) -> bool:
    import pyoxigraph

    return isinstance(node, pyoxigraph.NamedNode) and node.value.startswith(ENTITY_STEM)


def _copied_blank_nodes(triples: list[object]) -> frozenset[str]:
    """Blank nodes joined (directly or through other blank nodes) to a copied IRI: OWL restrictions and
    lists of curated entities. They are copied with them; the schema's own blank nodes are shared."""
    import pyoxigraph

    found: set[str] = set()
    while True:
        before = len(found)
        for triple in triples:
            ends = (triple.subject, triple.object)  # type: ignore[attr-defined]
            blanks = {n.value for n in ends if isinstance(n, pyoxigraph.BlankNode)}
            if blanks and any(
                _is_copied(n) or (isinstance(n, pyoxigraph.BlankNode) and n.value in found) for n in ends
            ):
                found |= blanks
        if len(found) == before:
            return frozenset(found)


def _template(triple: object, blanks: frozenset[str]) -> str:
    """The triple in N-Triples, with the token where a copy changes it (braces escaped for str.format)."""
    import pyoxigraph

    parts = []
    for position, node in enumerate((triple.subject, triple.predicate, triple.object)):  # type: ignore[attr-defined]
        if _is_copied(node):
            parts.append("<" + node.value + "-" + _MARK + ">")
        elif isinstance(node, pyoxigraph.BlankNode) and node.value in blanks:
            parts.append("_:" + node.value + "x" + _MARK)
        elif position == 2 and isinstance(node, pyoxigraph.Literal) and triple.predicate.value in NAME_PREDICATES:  # type: ignore[attr-defined]
            named = pyoxigraph.Literal(node.value + " (" + _MARK + ")", language=node.language)
            parts.append(str(named))
        else:
            parts.append(str(node))
    line = " ".join(parts) + " ."
    return line.replace("{", "{{").replace("}", "}}").replace(_MARK, "{t}")


def synthetic_graph(triples: Iterable[object], *, size: int, seed: int = 0, drop: float = 0.1) -> SyntheticGraph:
    """Copies of ``triples`` (see the module's docstring) up to exactly ``size`` triples.

    :param triples: the built graph, e.g. from :func:`curated_triples`.
    :param size: the number of triples wanted; at least the built graph's.
    :param seed: makes the copies' tokens and left-out statements deterministic.
    :param drop: the share of statements each further copy leaves out.
    :raises ValueError: if ``size`` is smaller than the built graph.
    """
    import pyoxigraph

    unique = list(dict.fromkeys(triples))  # asserted and inferred files may share triples
    if size < len(unique):
        raise ValueError(f"size {size} is smaller than the built graph ({len(unique)} triples)")
    entities = {t.subject.value for t in unique if t.predicate.value == _RDF_TYPE and t.object.value == _OWL_CLASS}
    blanks = _copied_blank_nodes(unique)

    def is_copied(node: object) -> bool:
        return _is_copied(node) or (isinstance(node, pyoxigraph.BlankNode) and node.value in blanks)

    copied = [t for t in unique if is_copied(t.subject) or is_copied(t.object)]
    statements = sorted({t.subject.value for t in copied if _is_copied(t.subject)} - entities)
    templates = [(t.subject.value, _template(t, blanks)) for t in copied]
    rng = random.Random(seed)  # noqa: S311 - test data, not security
    chunks = ["".join(f"{t} .\n" for t in unique)]
    count = len(unique)
    while count < size:
        token = f"s{rng.getrandbits(32):08x}"
        left_out = {s for s in statements if rng.random() < drop}
        lines = [tpl.format(t=token) for subject, tpl in templates if subject not in left_out]
        lines = lines[: size - count]
        chunks.append("\n".join(lines) + "\n")
        count += len(lines)
    return SyntheticGraph(tuple(chunks), count, len(chunks))


def load(graph: SyntheticGraph, store: object) -> None:
    """Bulk-load the synthetic graph into a pyoxigraph store."""
    import pyoxigraph

    for chunk in graph.chunks:
        store.bulk_load(chunk.encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)  # type: ignore[attr-defined]


def write_ntriples(graph: SyntheticGraph, path: Path) -> None:
    """Write the synthetic graph to one N-Triples file, so that each engine's load is timed from the same file."""
    with path.open("w", encoding="utf-8") as out:
        out.writelines(graph.chunks)
