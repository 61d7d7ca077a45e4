"""Dereferencing entity IRIs: which IRI a path names, and what the graph says about it.

A path on the server names an IRI under the one base (``/NMD_0000015`` is
``https://w3id.org/nmdkg/NMD_0000015``, ``/source/lecture`` a source, ``/Disorder`` a schema term), so
the same links work on w3id.org and on a local server. What is known about an entity comes from the
internal queries (``queries/internal/entity-*.rq``), bound to the entity's IRI.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Namespace

from ..base import BASE_IRI
from ..lookups import Lookups
from ..namespaces import DCTERMS, DEFINITION, NMD, OBOINOWL, RDF, RDFS, SKOS, SOURCE
from ..prefixes import compact
from ..results import Results, Term

__all__ = ["Entity", "EntityReader", "Fact", "Statement", "iri_for_path", "local_path"]

logger = logging.getLogger(__name__)

_BASE = Namespace(BASE_IRI)
_SEGMENT = re.compile(r"^[A-Za-z][A-Za-z0-9_.\-]*$")
_SOURCE_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
#: First path segments the server uses itself; no entity is served under them.
RESERVED = frozenset({"sparql", "query", "search", "static", "matrix", "diagram", "favicon.ico", "robots.txt"})

SYNONYMS = {
    str(OBOINOWL.hasExactSynonym): "exact",
    str(OBOINOWL.hasRelatedSynonym): "related",
    str(OBOINOWL.hasNarrowSynonym): "narrow",
    str(OBOINOWL.hasBroadSynonym): "broad",
    str(SKOS.altLabel): "alternative",
}
XREFS = {str(SKOS.exactMatch): "exact match", str(SKOS.closeMatch): "close match"}
LABEL, TYPE, COMMENT = str(RDFS.label), str(RDF.type), str(RDFS.comment)
SOURCE_PROPERTY, LOCATOR, QUOTE = str(DCTERMS.source), str(NMD.sourceLocator), str(NMD.sourceQuote)
#: Properties an entity page shows in their own sections rather than among the facts.
SHOWN_APART = frozenset({LABEL, TYPE, str(DEFINITION), SOURCE_PROPERTY, LOCATOR, QUOTE, *SYNONYMS, *XREFS})
#: How many referring entities a page lists (entity-referrers.rq returns one more, to tell).
MAX_REFERRERS = 1000


def iri_for_path(path: str) -> str | None:
    """The IRI a request path names, or None if it names none.

    >>> iri_for_path("/NMD_0000015")
    'https://w3id.org/nmdkg/NMD_0000015'
    >>> iri_for_path("/source/lecture")
    'https://w3id.org/nmdkg/source/lecture'
    >>> iri_for_path("/sparql") is None
    True
    """
    parts = path.split("/")
    if len(parts) == 2 and _SEGMENT.match(parts[1]) and parts[1] not in RESERVED:
        return str(_BASE[parts[1]])
    if len(parts) == 3 and parts[1] == "source" and _SOURCE_KEY.match(parts[2]):
        return str(SOURCE[parts[2]])
    return None


def local_path(iri: str) -> str | None:
    """The path on this server that serves ``iri``, or None if it is not one of ours.

    >>> local_path("https://w3id.org/nmdkg/NMD_0000015")
    '/NMD_0000015'
    """
    if not iri.startswith(BASE_IRI):
        return None
    path = "/" + iri[len(BASE_IRI) :]
    return path if iri_for_path(path) == iri else None


@dataclass(frozen=True)
class Fact:
    """A property and a value, each with its label where the graph has one."""

    property: Term
    property_label: str | None
    value: Term
    value_label: str | None


@dataclass
class Statement:
    """A curated statement (reified fact) pointing at the entity, with its values and provenance."""

    iri: str
    kind: str
    kind_label: str | None
    values: list[Fact] = field(default_factory=list)
    sources: list[Fact] = field(default_factory=list)
    locator: str | None = None
    quote: str | None = None
    comments: list[str] = field(default_factory=list)


@dataclass
class Entity:
    """Everything an entity page shows."""

    iri: str
    labels: list[str] = field(default_factory=list)
    definitions: list[str] = field(default_factory=list)
    synonyms: list[tuple[str, str]] = field(default_factory=list)
    xrefs: list[tuple[str, str]] = field(default_factory=list)
    types: list[Fact] = field(default_factory=list)
    sources: list[Fact] = field(default_factory=list)
    locator: str | None = None
    quote: str | None = None
    facts: list[Fact] = field(default_factory=list)
    restrictions: list[Fact] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    referrers: list[Fact] = field(default_factory=list)
    more_referrers: bool = False

    @property
    def label(self) -> str:
        """The label to show: the first rdfs:label, else the CURIE."""
        return self.labels[0] if self.labels else compact(self.iri)

    @property
    def empty(self) -> bool:
        """True when the graph says nothing about the IRI (answer 404)."""
        return not (self.labels or self.types or self.facts or self.statements or self.referrers)


def _text(term: Term | None) -> str | None:
    return None if term is None else term.value


def _facts(results: Results) -> list[Fact]:
    facts = []
    for row in results:
        prop, value = row["property"], row["value"]
        if prop is None or value is None:
            continue
        facts.append(Fact(prop, _text(row.get("propertyLabel")), value, _text(row.get("valueLabel"))))
    return facts


class EntityReader:
    """Reads an :class:`Entity` (for HTML) or its triples (for RDF) through the internal queries."""

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups

    def read(self, iri: str) -> Entity:
        """What the graph says about ``iri`` (check :attr:`Entity.empty` for an unknown IRI)."""
        bindings = {"entity": Term.iri(iri)}
        entity = Entity(iri)
        for fact in _facts(self.lookups.select("entity-facts", bindings=bindings)):
            self._place(entity, fact)
        entity.restrictions = _facts(self.lookups.select("entity-restrictions", bindings=bindings))
        entity.statements = self._statements(self.lookups.select("entity-statements", bindings=bindings))
        referrers = [
            Fact(row["property"], _text(row["propertyLabel"]), row["subject"], _text(row["subjectLabel"]))
            for row in self.lookups.select("entity-referrers", bindings=bindings)
            if row["property"] is not None and row["subject"] is not None
        ]
        entity.referrers = referrers[:MAX_REFERRERS]
        entity.more_referrers = len(referrers) > MAX_REFERRERS
        return entity

    @staticmethod
    def _place(entity: Entity, fact: Fact) -> None:
        prop, value = fact.property.value, fact.value
        if prop == LABEL:
            entity.labels.append(value.value)
        elif prop == str(DEFINITION):
            entity.definitions.append(value.value)
        elif prop in SYNONYMS:
            entity.synonyms.append((SYNONYMS[prop], value.value))
        elif prop in XREFS:
            entity.xrefs.append((XREFS[prop], value.value))
        elif prop == TYPE:
            entity.types.append(fact)
        elif prop == SOURCE_PROPERTY:
            entity.sources.append(fact)
        elif prop == LOCATOR:
            entity.locator = value.value
        elif prop == QUOTE:
            entity.quote = value.value
        else:
            entity.facts.append(fact)

    @staticmethod
    def _statements(results: Results) -> list[Statement]:
        statements: dict[str, Statement] = {}
        for row in results:
            subject, kind, prop, value = row["statement"], row["kind"], row["property"], row["value"]
            if subject is None or kind is None or prop is None or value is None:
                continue
            statement = statements.get(subject.value)
            if statement is None:
                statement = Statement(subject.value, kind.value, _text(row["kindLabel"]))
                statements[subject.value] = statement
            fact = Fact(prop, _text(row["propertyLabel"]), value, _text(row["valueLabel"]))
            if prop.value == SOURCE_PROPERTY:
                statement.sources.append(fact)
            elif prop.value == LOCATOR:
                statement.locator = value.value
            elif prop.value == QUOTE:
                statement.quote = value.value
            elif prop.value == COMMENT:
                statement.comments.append(value.value)
            elif prop.value != TYPE:
                statement.values.append(fact)
        return list(statements.values())

    def triples(self, iri: str) -> list[object]:
        """The entity's concise bounded description plus the triples pointing at it (pyoxigraph triples)."""
        bindings = {"entity": Term.iri(iri)}
        seen: dict[str, object] = {}
        for name in ("entity-description", "entity-incoming"):
            for triple in self.lookups.triples(name, bindings=bindings):
                seen.setdefault(str(triple), triple)
        return list(seen.values())


def group_by_kind(statements: list[Statement]) -> dict[str, list[Statement]]:
    """Statements grouped by kind, in the order the kinds first appear."""
    groups: dict[str, list[Statement]] = defaultdict(list)
    for statement in statements:
        groups[statement.kind].append(statement)
    return dict(groups)
