"""Entity parameters: an exact label or synonym is looked up first, any case only when nothing matches exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from nmdkg.errors import ParameterError
from nmdkg.paths import Project
from nmdkg.queries import resolve_entity
from nmdkg.store import EmbeddedStore, RemoteStore

NAMES = """
@prefix NMD: <https://w3id.org/nmdkg/NMD_> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix oboInOwl: <http://www.geneontology.org/formats/oboInOwl#> .
NMD:0000001 rdfs:label "myasthenia gravis"@en ; oboInOwl:hasExactSynonym "MG"@en .
NMD:0000002 rdfs:label "Mg"@en .
NMD:0000003 rdfs:label "plain label" .
NMD:0000004 rdfs:label "twin"@en .
NMD:0000005 oboInOwl:hasExactSynonym "Twin"@en .
"""


@pytest.fixture
def names(tmp_path: Path) -> EmbeddedStore:
    path = tmp_path / "names.ttl"
    path.write_text(NAMES, encoding="utf-8")
    return EmbeddedStore.from_file(path)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("myasthenia gravis", "0000001"),  # label
        ("MG", "0000001"),  # synonym, exactly: not also "Mg"
        ("Mg", "0000002"),
        ("Myasthenia Gravis", "0000001"),  # no exact match: any case
        ("plain label", "0000003"),  # a label without a language tag
        ("PLAIN LABEL", "0000003"),
        ("NMD:0000042", "0000042"),  # ids are not looked up
    ],
)
def test_resolves(names: EmbeddedStore, project: Project, text: str, number: str) -> None:
    assert resolve_entity(text, names, project.queries).value == f"https://w3id.org/nmdkg/NMD_{number}"


def test_names_shared_in_any_case_are_ambiguous(names: EmbeddedStore, project: Project) -> None:
    with pytest.raises(ParameterError, match="'TWIN' names several entities"):
        resolve_entity("TWIN", names, project.queries)


def test_unknown_name(names: EmbeddedStore, project: Project) -> None:
    with pytest.raises(ParameterError, match="no entity is labelled 'myasthenia'"):
        resolve_entity("myasthenia", names, project.queries)


@pytest.mark.parametrize("text", ["AChR", "acetylcholine receptor", "Acetylcholine Receptor"])
def test_remote_endpoint_resolves_as_the_embedded_store(
    store: EmbeddedStore, remote: RemoteStore, project: Project, text: str
) -> None:
    assert resolve_entity(text, remote, project.queries) == resolve_entity(text, store, project.queries)
