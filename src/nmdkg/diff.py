"""A semantic diff of two versions of the graph: entities added, removed and changed, fact by fact.

Triples are grouped by the named subject they describe: an entity, a statement (whose links and
values are its facts), a source or a schema term. A blank node is not a subject of its own: it is
written out inside the fact that points to it (``rdfs:subClassOf [owl:onProperty …]``), and an OWL
axiom annotation belongs to its annotated source. So a diff never shows blank node ids, which
change at every parse.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from .base import BASE_IRI, ENTITY_STEM, SOURCE_STEM
from .namespaces import NMD, OWL, RDF, RDFS, XSD
from .prefixes import compact

__all__ = ["Change", "EntityDiff", "GraphDiff", "Status", "diff_graphs", "render_diff"]

logger = logging.getLogger(__name__)

_TOP_KINDS = {
    NMD.Disorder: "disorders",
    NMD.AntigenTarget: "antigen targets",
    NMD.Therapy: "therapies",
    NMD.Mechanism: "mechanisms",
    NMD.Condition: "conditions",
    NMD.Agent: "agents",
}
_KIND_ORDER = [*_TOP_KINDS.values(), "statements", "sources", "schema", "other"]
_PLAIN = {XSD.integer, XSD.decimal, XSD.double, XSD.boolean}
_LINKS = (NMD.disorder, NMD.therapy, NMD.target, NMD.mechanism, NMD.condition, NMD.effect, NMD.agent, NMD.test)
#: Where a blank node that nothing points to, and that annotates nothing, is listed.
_ANONYMOUS = BNode("anonymous")


class Status(Enum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True, order=True)
class Change:
    """One fact of a subject, as text: ``predicate object``; ``shown`` adds labels for readers."""

    key: str
    shown: str


@dataclass
class EntityDiff:
    """What changed about one named subject."""

    iri: str
    label: str | None
    kind: str
    status: Status
    added: list[Change] = field(default_factory=list)
    removed: list[Change] = field(default_factory=list)


@dataclass
class GraphDiff:
    """The differences between an old and a new graph, subject by subject."""

    old: str
    new: str
    entities: list[EntityDiff] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(1 for e in self.entities if e.status is status)

    @property
    def empty(self) -> bool:
        return not self.entities


class _Facts:
    """The facts of each named subject of a graph, blank nodes written out in place."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.labels: dict[Node, str] = {s: str(o) for s, o in graph.subject_objects(RDFS.label)}

    def term(self, node: Node, *, labelled: bool, seen: frozenset[Node] = frozenset()) -> str:
        if isinstance(node, URIRef):
            text = compact(str(node))
            label = self.labels.get(node)
            return f"{text} ({label})" if labelled and label and label != text else text
        if isinstance(node, Literal):
            if node.datatype in _PLAIN:
                return str(node)
            if node.datatype is None or node.datatype == XSD.string:  # the same literal in RDF 1.1
                return Literal(str(node), lang=node.language).n3()
            return f"{Literal(str(node)).n3()}^^{compact(str(node.datatype))}"
        if node in seen:
            return "[…]"
        seen = seen | {node}
        if (node, RDF.first, None) in self.graph:
            items = (self.term(i, labelled=labelled, seen=seen) for i in Collection(self.graph, node))
            return "( " + " ".join(items) + " )"
        parts = sorted(
            f"{self.term(p, labelled=False)} {self.term(o, labelled=labelled, seen=seen)}"
            for p, o in self.graph.predicate_objects(node)
        )
        return "[ " + " ; ".join(parts) + " ]"

    def facts(self, subject: Node) -> set[Change]:
        found = set()
        for p, o in self.graph.predicate_objects(subject):
            key = f"{self.term(p, labelled=False)} {self.term(o, labelled=False)}"
            found.add(Change(key, f"{self.term(p, labelled=False)} {self.term(o, labelled=True)}"))
        return found

    def owners(self) -> dict[Node, set[Change]]:
        """Every named subject with its facts; orphan blank nodes (axioms) go to their source."""
        owned: dict[Node, set[Change]] = {}
        for subject in set(self.graph.subjects()):
            if isinstance(subject, URIRef):
                owned.setdefault(subject, set()).update(self.facts(subject))
            elif isinstance(subject, BNode) and (None, None, subject) not in self.graph:
                owner = self.graph.value(subject, OWL.annotatedSource)
                whole = self.term(subject, labelled=False)
                shown = self.term(subject, labelled=True)
                key = owner if owner is not None else _ANONYMOUS
                owned.setdefault(key, set()).add(Change(f"axiom {whole}", f"axiom {shown}"))
        return owned

    def kind(self, subject: Node) -> str:
        iri = str(subject)
        if iri.startswith(SOURCE_STEM):
            return "sources"
        if not iri.startswith(ENTITY_STEM):
            return "schema" if iri.startswith(BASE_IRI) else "other"
        if any(
            True for t in self.graph.objects(subject, RDF.type) if (t, RDFS.subClassOf, NMD.Statement) in self.graph
        ):
            return "statements"
        for ancestor in self.graph.transitive_objects(subject, RDFS.subClassOf):
            if ancestor in _TOP_KINDS:
                return _TOP_KINDS[ancestor]  # type: ignore[index]
        return "statements" if iri[len(ENTITY_STEM) :][:2].isalpha() else "other"

    def label(self, subject: Node) -> str | None:
        """The label; for a statement, its kind and the labels of what it links, in column order."""
        label = self.labels.get(subject)
        if label is not None:
            return label
        linked = [self.labels[o] for p in _LINKS for o in sorted(self.graph.objects(subject, p)) if o in self.labels]
        kinds = sorted(self.labels[t] for t in self.graph.objects(subject, RDF.type) if t in self.labels)
        if not linked:
            return kinds[0] if kinds else None
        return f"{kinds[0]}: {', '.join(linked)}" if kinds else ", ".join(linked)


def diff_graphs(old: Graph, new: Graph, *, old_name: str = "old", new_name: str = "new") -> GraphDiff:
    """Compare two graphs subject by subject.

    >>> from rdflib import Graph
    >>> head = "@prefix NMD: <https://w3id.org/nmdkg/NMD_> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ."
    >>> old = Graph().parse(data=head + ' NMD:0000015 rdfs:label "MMN" .', format="turtle")
    >>> new = Graph().parse(data=head + ' NMD:0000015 rdfs:label "multifocal motor neuropathy" .', format="turtle")
    >>> [(e.iri, e.status.value, [c.key for c in e.added]) for e in diff_graphs(old, new).entities]
    [('https://w3id.org/nmdkg/NMD_0000015', 'changed', ['rdfs:label "multifocal motor neuropathy"'])]
    """
    before, after = _Facts(old), _Facts(new)
    old_facts, new_facts = before.owners(), after.owners()
    result = GraphDiff(old_name, new_name)
    for subject in sorted(set(old_facts) | set(new_facts), key=str):
        was, now = old_facts.get(subject, set()), new_facts.get(subject, set())
        if was == now:
            continue
        status = Status.ADDED if not was else Status.REMOVED if not now else Status.CHANGED
        side = after if now else before
        was_keys, now_keys = {c.key for c in was}, {c.key for c in now}
        result.entities.append(
            EntityDiff(
                iri=str(subject),
                label=side.label(subject) or before.label(subject),
                kind=side.kind(subject),
                status=status,
                added=sorted(c for c in now if c.key not in was_keys),
                removed=sorted(c for c in was if c.key not in now_keys),
            )
        )
    result.entities.sort(key=lambda e: (_KIND_ORDER.index(e.kind), e.iri))
    return result


def _title(entity: EntityDiff) -> str:
    return compact(entity.iri) + (f" {entity.label}" if entity.label else "")


def _by_kind(entities: Iterable[EntityDiff]) -> Iterator[tuple[str, list[EntityDiff]]]:
    groups: dict[str, list[EntityDiff]] = {}
    for entity in entities:
        groups.setdefault(entity.kind, []).append(entity)
    yield from ((kind, groups[kind]) for kind in _KIND_ORDER if kind in groups)


def _summary(diff: GraphDiff) -> str:
    if diff.empty:
        return "no differences"
    return ", ".join(f"{diff.count(s)} {s.value}" for s in Status)


def _text(diff: GraphDiff) -> str:
    out = [f"nmdkg diff {diff.old} {diff.new}: {_summary(diff)}"]
    for kind, entities in _by_kind(diff.entities):
        out += ["", f"{kind}"]
        for entity in entities:
            out.append(f"  {entity.status.value.upper():8} {_title(entity)}")
            out += [f"      - {c.shown}" for c in entity.removed]
            out += [f"      + {c.shown}" for c in entity.added]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("`", "'")


def _markdown(diff: GraphDiff) -> str:
    out = [f"# Changes from `{diff.old}` to `{diff.new}`", "", f"**{_summary(diff)}**"]
    for kind, entities in _by_kind(diff.entities):
        out += ["", f"## {kind.capitalize()}", ""]
        for status in Status:
            chosen = [e for e in entities if e.status is status]
            if not chosen:
                continue
            out += [f"### {status.value.capitalize()} ({len(chosen)})", ""]
            for entity in chosen:
                out.append(f"- **{_md(_title(entity))}**")
                if status is Status.CHANGED:  # added and removed entities: titles only, for release notes
                    out += [f"  - removed: `{_md(c.shown)}`" for c in entity.removed]
                    out += [f"  - added: `{_md(c.shown)}`" for c in entity.added]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def render_diff(diff: GraphDiff, fmt: str = "text") -> str:
    """The diff as ``text`` (for a terminal or a review) or ``markdown`` (for release notes)."""
    if fmt == "markdown":
        return _markdown(diff)
    if fmt == "text":
        return _text(diff)
    raise ValueError(f"unknown diff format {fmt!r}")
