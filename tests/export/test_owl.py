"""``nmd.owl`` is an OWL ontology that OWL tools load offline, stamped with the release version."""

from __future__ import annotations

import owlready2
from rdflib import Graph, Literal, URIRef

from nmdkg.export import ExportResult
from nmdkg.namespaces import NMD, ONTOLOGY_IRI, OWL

from .checkout import MULTIFOCAL_MOTOR_NEUROPATHY, VERSION


def test_owlready2_loads_nmd_owl_offline(release: ExportResult) -> None:
    world = owlready2.World()
    try:
        world.get_ontology((release.folder / "nmd.owl").as_uri()).load(only_local=True)
        assert world[str(NMD.Disorder)] is not None
        assert world[str(MULTIFOCAL_MOTOR_NEUROPATHY)] is not None
    finally:
        world.close()


def test_version_iri_and_info_name_the_release(release: ExportResult) -> None:
    graph = Graph().parse(release.folder / "nmd.owl", format="xml")
    version_iri = URIRef(f"https://w3id.org/nmdkg/releases/{VERSION}/nmd.owl")
    assert set(graph.objects(ONTOLOGY_IRI, OWL.versionIRI)) == {version_iri}
    assert set(graph.objects(ONTOLOGY_IRI, OWL.versionInfo)) == {Literal(VERSION)}
