"""The schema and the built ontology: they parse, load in owlready2, and HermiT classifies as expected."""

from __future__ import annotations

import owlready2
import pytest
from rdflib import Graph

from nmdkg.build import load_asserted, load_schema
from nmdkg.namespaces import DCTERMS, NMD, ONTOLOGY_IRI, OWL, RDF, RDFS, entity_iri
from nmdkg.paths import Project
from nmdkg.reasoning import classify

MMN = entity_iri("NMD:0000015")
ANTI_MAG = entity_iri("NMD:0000018")
GBS = entity_iri("NMD:0000003")
MYASTHENIA_GRAVIS = entity_iri("NMD:0000031")
RITUXIMAB = entity_iri("NMD:0002016")
CYCLOPHOSPHAMIDE = entity_iri("NMD:0002010")
PREDNISONE = entity_iri("NMD:0002002")
PLASMA_EXCHANGE = entity_iri("NMD:0002006")
B_CELL_IMMUNOSUPPRESSION = entity_iri("NMD:0003053")


@pytest.fixture(scope="module")
def asserted(project: Project) -> Graph:
    return load_asserted(project).graph


@pytest.fixture(scope="module")
def inferred(asserted: Graph) -> Graph:
    return classify(asserted).inferred


def test_schema_has_ontology_metadata(project: Project) -> None:
    schema = load_schema(project)
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in schema
    for predicate in (OWL.versionIRI, DCTERMS.title, DCTERMS.description, DCTERMS.license, DCTERMS.creator):
        assert schema.value(ONTOLOGY_IRI, predicate) is not None, predicate
    assert str(schema.value(ONTOLOGY_IRI, DCTERMS.license)) == "https://creativecommons.org/licenses/by/4.0/"


def test_schema_loads_in_owlready2(project: Project) -> None:
    world = owlready2.World()
    ontology = world.get_ontology(project.ontology.as_uri()).load(only_local=True)
    assert ontology.base_iri.startswith("https://w3id.org/nmdkg/")
    assert world[str(NMD.IgMTargetNeuropathy)] is not None
    world.close()


def test_every_entity_has_one_label(asserted: Graph) -> None:
    for cls in set(asserted.subjects(RDF.type, OWL.Class)):
        if str(cls).startswith("https://w3id.org/nmdkg/"):
            assert len(list(asserted.objects(cls, RDFS.label))) == 1, cls


def test_hermit_classifies_igm_target_neuropathies(inferred: Graph) -> None:
    igm = set(inferred.subjects(RDF.type, NMD.IgMTargetNeuropathy))
    assert {MMN, ANTI_MAG} <= igm
    assert GBS not in igm, "GBS has no IgM finding of its own; its variant AMAN has"
    assert MYASTHENIA_GRAVIS not in igm, "MG is not a neuropathy"


def test_hermit_classifies_b_cell_therapies(inferred: Graph) -> None:
    b_cell = set(inferred.subjects(RDFS.subClassOf, NMD.BCellTherapy))
    assert {RITUXIMAB, CYCLOPHOSPHAMIDE} <= b_cell
    assert PREDNISONE not in b_cell
    assert PLASMA_EXCHANGE not in b_cell
    assert PREDNISONE in set(inferred.subjects(RDFS.subClassOf, NMD.TCellTherapy))


def test_inconsistency_is_reported(asserted: Graph) -> None:
    broken = Graph()
    for triple in asserted:
        broken.add(triple)
    broken.add((RITUXIMAB, RDFS.subClassOf, B_CELL_IMMUNOSUPPRESSION))  # a therapy that is also a mechanism
    from nmdkg.errors import ReasoningError

    with pytest.raises(ReasoningError, match=r"unsatisfiable classes: .*NMD_0002016"):
        classify(broken)
