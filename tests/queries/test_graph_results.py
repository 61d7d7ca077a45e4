"""CONSTRUCT and DESCRIBE through `nmdkg sparql` give Turtle or JSON-LD, the same graph on both backends."""

from __future__ import annotations

import json

import pyoxigraph
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from nmdkg.cli import main
from nmdkg.paths import Project

MMN = "https://w3id.org/nmdkg/NMD_0000015"
CONSTRUCT = (
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "CONSTRUCT { ?d rdfs:label ?label } WHERE { ?d rdfs:subClassOf <https://w3id.org/nmdkg/Disorder> ; "
    "rdfs:label ?label }"
)
DESCRIBE = f"DESCRIBE <{MMN}>"
PARSERS = {"turtle": pyoxigraph.RdfFormat.TURTLE, "jsonld": pyoxigraph.RdfFormat.JSON_LD}


@pytest.fixture(params=["embedded", pytest.param("remote", marks=pytest.mark.slow)])
def backend_args(request: pytest.FixtureRequest, built: Project, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("NMDKG_ROOT", str(built.root))
    monkeypatch.delenv("NMDKG_ENDPOINT", raising=False)
    if request.param == "remote":
        return ["--endpoint", request.getfixturevalue("sparql_endpoint")]
    return []


def _graph(args: list[str], capsysbinary: pytest.CaptureFixture[bytes], fmt: str) -> Graph:
    assert main(["sparql", *args, "--graph-format", fmt]) == 0
    out = capsysbinary.readouterr().out
    if fmt == "jsonld":
        json.loads(out)  # valid JSON, not Turtle
    # Parsed by Oxigraph, compared by rdflib (whose JSON-LD parser warns of its own deprecations).
    triples = pyoxigraph.serialize(pyoxigraph.parse(out, format=PARSERS[fmt]), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return Graph().parse(data=triples, format="nt")


@pytest.mark.parametrize("fmt", PARSERS)
@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE], ids=["construct", "describe"])
def test_graph_query(
    query: str, fmt: str, backend_args: list[str], capsysbinary: pytest.CaptureFixture[bytes], built: Project
) -> None:
    graph = _graph([query, *backend_args], capsysbinary, fmt)
    assert len(graph) > 0
    # The same graph as the Turtle of the embedded store, whichever backend and format gave it.
    assert main(["sparql", query, "--graph-format", "turtle", "--endpoint", ""]) == 0
    reference = Graph().parse(data=capsysbinary.readouterr().out, format="turtle")
    assert isomorphic(graph, reference)


def test_select_gives_rows(built: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NMDKG_ROOT", str(built.root))
    assert main(["sparql", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--format", "json"]) == 0
    assert sorted(json.loads(capsys.readouterr().out)["head"]["vars"]) == ["o", "p", "s"]
