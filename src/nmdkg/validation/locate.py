"""Finding where a node was curated (TSV row or RDF file line) and what to call it in a report."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ..errors import Location
from ..namespaces import NMD, OWL, RDF, RDFS
from ..prefixes import compact
from .columns import column_for

__all__ = ["Locator", "RdfFile"]

logger = logging.getLogger(__name__)

_MAX_DEPTH = 12


@dataclass
class RdfFile:
    """An RDF file that was read, with its prefixes, so that a subject's line can be found."""

    path: Path
    display: str
    namespaces: dict[str, str] = field(default_factory=dict)
    #: The file's own triples, to tell which file a triple came from (None: do not ask this file).
    graph: Graph | None = None
    _lines: list[str] | None = None

    def states(self, subject: Node, predicate: URIRef | None, value: Node | None) -> bool:
        """True if this file itself has a triple ``subject predicate value`` (None matches any)."""
        return self.graph is not None and (subject, predicate, value) in self.graph

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.path.read_text(encoding="utf-8", errors="replace").splitlines()
        return self._lines

    def line_of(self, iri: str) -> int | None:
        """The first line where ``iri`` is a subject, else the first where it appears at all."""
        forms = [f"<{iri}>", f'rdf:about="{iri}"']
        for prefix, stem in self.namespaces.items():
            if iri.startswith(stem) and len(iri) > len(stem):
                forms.append(f"{prefix}:{iri[len(stem) :]}")
        patterns = [re.compile(re.escape(form) + r"(?![\w-])") for form in forms]
        anywhere: int | None = None
        for number, text in enumerate(self.lines, start=1):
            stripped = text.lstrip()
            for form, pattern in zip(forms, patterns, strict=True):
                match = pattern.search(stripped)
                if match is None:
                    continue
                if match.start() == 0 or form.startswith("rdf:about"):
                    return number
                if anywhere is None:
                    anywhere = number
        return anywhere


class Locator:
    """Maps graph nodes to the row or line they were curated at, and to readable names.

    Curated entities, statements and sources have their TSV row (``CuratedGraph.locations``);
    other subjects are looked up in the RDF files that were read, in order.
    """

    def __init__(
        self,
        graph: Graph,
        *,
        locations: Mapping[URIRef, Location] | None = None,
        rdf_files: Sequence[RdfFile] = (),
    ) -> None:
        self.graph = graph
        self.locations = dict(locations or {})
        self.rdf_files = list(rdf_files)

    def owner(self, node: Node) -> Node:
        """The named subject a blank node belongs to (an axiom's source, or the subject above it).

        A named node is its own owner; a blank node nothing points to stays as it is.
        """
        seen: set[Node] = set()
        current = node
        for _ in range(_MAX_DEPTH):
            if not isinstance(current, BNode) or current in seen:
                return current
            seen.add(current)
            source = self.graph.value(current, OWL.annotatedSource)
            parent = source if source is not None else next(iter(self.graph.subjects(None, current)), None)
            if parent is None:
                return current
            current = parent
        return current

    def where(self, node: Node, predicate: URIRef | None = None, value: Node | None = None) -> Location | None:
        """Where ``node`` was curated: the file, line and (for a TSV row) column.

        If an added RDF file states the triple at fault (``node predicate value``), that file.
        """
        if not isinstance(node, URIRef):
            return None
        if predicate is not None:
            for rdf in self.rdf_files:
                if rdf.states(node, predicate, value):
                    line = rdf.line_of(str(node))
                    return Location(rdf.display, line) if line is not None else Location(rdf.display)
        found = self.locations.get(node)
        if found is not None:
            return Location(found.file, found.line, column_for(found.file, predicate) or found.column)
        for rdf in self.rdf_files:
            line = rdf.line_of(str(node))
            if line is not None:
                return Location(rdf.display, line)
        return None

    def label(self, node: Node) -> str | None:
        """The label of an entity; for a statement, its kind and the labels of what it links."""
        if not isinstance(node, URIRef):
            return None
        label = self.graph.value(node, RDFS.label)
        if label is not None:
            return str(label)
        kinds = [k for k in self.graph.objects(node, RDF.type) if k != OWL.NamedIndividual]
        kind_label = next((str(self.graph.value(k, RDFS.label)) for k in kinds if self.graph.value(k, RDFS.label)), "")
        linked = [
            str(self.graph.value(o, RDFS.label))
            for p in _LINKS
            for o in sorted(self.graph.objects(node, p))
            if self.graph.value(o, RDFS.label) is not None
        ]
        if not kind_label and not linked:
            return None
        return f"{kind_label}: {', '.join(linked)}" if linked else kind_label

    def show(self, node: Node | None) -> str | None:
        """A node as a report shows it: a CURIE with its label, or a literal's text."""
        if node is None:
            return None
        if isinstance(node, Literal):
            return str(node)
        if isinstance(node, URIRef):
            text = compact(str(node))
            label = self.graph.value(node, RDFS.label)
            return f"{text} ({label})" if label is not None and str(label) != text else text
        return "(blank node)"


# The links that name a statement, in the order of the table columns.
_LINKS = (NMD.disorder, NMD.therapy, NMD.target, NMD.mechanism, NMD.condition, NMD.effect, NMD.agent, NMD.test)
