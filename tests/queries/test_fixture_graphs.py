"""Queries whose answer on the curated graph is empty, checked on tiny hand-written graphs that must trigger them."""

from __future__ import annotations

from pathlib import Path

import pytest

from nmdkg.queries import QueryLibrary
from nmdkg.store import EmbeddedStore

PREFIXES = """
@prefix nmd: <https://w3id.org/nmdkg/> .
@prefix NMD: <https://w3id.org/nmdkg/NMD_> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix source: <https://w3id.org/nmdkg/source/> .
"""

SUPERSEDED = """
NMD:0000001 rdfs:label "myasthenia gravis"@en .
NMD:0002001 rdfs:label "rituximab"@en .
nmd:ThirdLine rdfs:label "third"@en .
nmd:SecondLine rdfs:label "second"@en .
source:old dcterms:title "Old lecture" .
source:new dcterms:title "New guideline" ; dcterms:issued "2025-10-23" .
NMD:TO0001 a nmd:TreatmentOption ; nmd:disorder NMD:0000001 ; nmd:therapy NMD:0002001 ;
    nmd:lineOfTherapy nmd:ThirdLine ; dcterms:source source:old .
NMD:TO0002 a nmd:TreatmentOption ; nmd:disorder NMD:0000001 ; nmd:therapy NMD:0002001 ;
    nmd:lineOfTherapy nmd:SecondLine ; nmd:recommendationStrength "strong" ;
    nmd:supersedes NMD:TO0001 ; dcterms:source source:new .
"""

UNSOURCED = """
nmd:DisorderMechanismStatement rdfs:subClassOf nmd:Statement .
NMD:0000001 rdfs:subClassOf nmd:Disorder ; dcterms:source source:lecture .
NMD:0000002 rdfs:subClassOf nmd:Disorder .
nmd:BCellTherapy rdfs:subClassOf nmd:Therapy .
NMD:DM0001 a nmd:DisorderMechanismStatement ; dcterms:source source:lecture .
NMD:DM0002 a nmd:DisorderMechanismStatement .
"""

MECHANISMS = """
NMD:0003060 rdfs:label "FcRn antagonism"@en .
NMD:0000001 rdfs:label "myasthenia gravis"@en .
NMD:0002105 rdfs:label "efgartigimod alfa"@en .
NMD:0002106 rdfs:label "rozanolixizumab"@en .
source:adapt dcterms:title "ADAPT" .
NMD:TM0001 a nmd:TherapyMechanismStatement ; nmd:therapy NMD:0002105 ; nmd:mechanism NMD:0003060 .
NMD:TM0002 a nmd:TherapyMechanismStatement ; nmd:therapy NMD:0002106 ; nmd:mechanism NMD:0003060 .
NMD:TO0001 a nmd:TreatmentOption ; nmd:disorder NMD:0000001 ; nmd:therapy NMD:0002105 ; dcterms:source source:adapt .
"""


def _store(tmp_path: Path, body: str) -> EmbeddedStore:
    path = tmp_path / "fixture.ttl"
    path.write_text(PREFIXES + body, encoding="utf-8")
    return EmbeddedStore.from_file(path)


def test_changed_options_shows_before_and_after(tmp_path: Path, library: QueryLibrary) -> None:
    rows = library.run("changed-options", _store(tmp_path, SUPERSEDED))
    assert [r[:7] for r in rows.values()] == [
        ("myasthenia gravis", "rituximab", "third", "Old lecture", "second, strong", "New guideline", "2025-10-23")
    ]


def test_facts_lacking_source_finds_curated_facts_only(tmp_path: Path, library: QueryLibrary) -> None:
    rows = library.run("facts-lacking-source", _store(tmp_path, UNSOURCED))
    assert [r[0] for r in rows.values()] == [
        "https://w3id.org/nmdkg/NMD_0000002",
        "https://w3id.org/nmdkg/NMD_DM0002",
    ]


def test_therapies_by_mechanism_keeps_a_therapy_without_options(tmp_path: Path, library: QueryLibrary) -> None:
    rows = library.run("therapies-by-mechanism", _store(tmp_path, MECHANISMS), {"mechanism": "FcRn antagonism"})
    assert [r[1:] for r in rows.values()] == [
        ("efgartigimod alfa", "FcRn antagonism", "myasthenia gravis", "", "ADAPT"),
        ("rozanolixizumab", "FcRn antagonism", None, None, None),
    ]


@pytest.mark.parametrize("name", ["changed-options", "facts-lacking-source"])
def test_nothing_to_report_on_an_empty_graph(tmp_path: Path, library: QueryLibrary, name: str) -> None:
    assert len(library.run(name, _store(tmp_path, ""))) == 0
