"""Classifying the ontology with HermiT (through owlready2) and returning what it infers."""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from .errors import ReasoningError
from .namespaces import NMD, OWL, RDF, RDFS

__all__ = ["Classification", "classify", "reasoner_module"]

logger = logging.getLogger(__name__)


@dataclass
class Classification:
    """What HermiT inferred beyond the asserted graph."""

    inferred: Graph = field(default_factory=Graph)
    subclass_links: int = 0
    type_links: int = 0


def _named(items: object) -> list[URIRef]:
    import owlready2

    return [URIRef(item.iri) for item in items if isinstance(item, owlready2.ThingClass)]  # type: ignore[attr-defined]


def reasoner_module(graph: Graph) -> Graph:
    """The part of ``graph`` HermiT reads, with no punning (owlready2 mishandles punned IRIs).

    Disorders enter as individuals only (their concept-level ``subtypeOf`` and
    ``hasAntibodyIsotype`` links), every other entity as a class only. Statements,
    sources and ``owl:imports`` stay out: SHACL checks statements, and nothing is fetched.
    """
    disorders = set(graph.subjects(RDFS.subClassOf, NMD.Disorder))
    statement_classes = set(graph.subjects(RDFS.subClassOf, NMD.Statement)) | {NMD.Statement}
    left_out = {s for c in statement_classes for s in graph.subjects(RDF.type, c)}
    left_out |= set(graph.subjects(RDF.type, NMD.Source)) | set(graph.subjects(RDF.type, OWL.Axiom))
    module = Graph()
    for s, p, o in graph:
        if s in left_out or p == OWL.imports:
            continue
        if s in disorders:
            if p in (NMD.subtypeOf, NMD.hasAntibodyIsotype, RDFS.label) or (p, o) == (RDF.type, OWL.NamedIndividual):
                module.add((s, p, o))
        elif (p, o) != (RDF.type, OWL.NamedIndividual) and p != NMD.hasAntigenTarget:
            module.add((s, p, o))
    return module


def classify(graph: Graph) -> Classification:
    """Classify ``graph`` with HermiT; return the inferred subclass and type links it lacks.

    Needs Java on the PATH.

    :raises ReasoningError: if the ontology is inconsistent or has unsatisfiable classes,
        naming them; or if Java or HermiT cannot run.
    """
    import owlready2

    module = reasoner_module(graph)
    with tempfile.TemporaryDirectory(prefix="nmdkg-reason-") as tmp:
        path = Path(tmp) / "module.owl"
        module.serialize(destination=path, format="xml")
        world = owlready2.World()
        ontology = world.get_ontology(path.as_uri()).load(only_local=True)
        # owlready2 reports inferences only for entities loaded in Python: load them all first.
        classes, individuals = list(world.classes()), list(world.individuals())
        try:
            with ontology:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError as exc:
            raise ReasoningError(
                "the ontology is inconsistent: HermiT found no model. "
                "Look for an entity typed with two disjoint schema classes (e.g. a disorder used as a therapy)"
            ) from exc
        except (owlready2.OwlReadyJavaError, FileNotFoundError, OSError) as exc:
            raise ReasoningError(f"HermiT could not run (is Java installed and on PATH?): {exc}") from exc
        unsatisfiable = sorted(c.iri for c in world.inconsistent_classes() if c is not owlready2.Nothing)
        if unsatisfiable:
            raise ReasoningError("unsatisfiable classes: " + ", ".join(unsatisfiable))
        result = Classification()
        for cls in classes:
            subject = URIRef(cls.iri)
            for parent in _named(cls.is_a):
                if parent != OWL.Thing and (subject, RDFS.subClassOf, parent) not in graph:
                    result.inferred.add((subject, RDFS.subClassOf, parent))
                    result.subclass_links += 1
        for individual in individuals:
            subject = URIRef(individual.iri)
            for cls in _named(individual.is_a):
                if cls != OWL.Thing and (subject, RDF.type, cls) not in graph:
                    result.inferred.add((subject, RDF.type, cls))
                    result.type_links += 1
        world.close()
    logger.info("HermiT inferred %d subclass and %d type links", result.subclass_links, result.type_links)
    return result
