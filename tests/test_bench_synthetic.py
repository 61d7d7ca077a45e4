"""The benchmark's graphs: the same from run to run, one file every engine can read, and HermiT's RDF/XML."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
from rdflib import Graph

from nmdkg.manifest import ASSERTED
from nmdkg.paths import Project
from nmdkg.reasoning import reasoner_module
from nmdkg.synthetic import curated_triples, synthetic_graph, write_ntriples

SIZE = 25_000
LABEL = re.compile(r'<[^>]*-(s[0-9a-f]{8})> <http://www.w3.org/2000/01/rdf-schema#label> "[^"]* \((s[0-9a-f]{8})\)"')


def test_same_graph_from_separate_parses(built: Project) -> None:
    # The parser labels blank nodes at random: the graph must not depend on it.
    first = synthetic_graph(curated_triples(built.build), size=SIZE, seed=3)
    second = synthetic_graph(curated_triples(built.build), size=SIZE, seed=3)
    assert first == second


def test_copies_label_their_entities_with_their_token(built: Project) -> None:
    graph = synthetic_graph(curated_triples(built.build), size=SIZE)
    labels = LABEL.findall(graph.chunks[1])
    assert labels
    assert all(iri_token == label_token for iri_token, label_token in labels)


def test_asserted_graph_file_parses_and_gives_hermit_valid_rdf_xml(built: Project, tmp_path: Path) -> None:
    graph = synthetic_graph(curated_triples(built.build, (ASSERTED,)), size=SIZE)
    path = tmp_path / "graph.nt"
    write_ntriples(graph, path)
    assert len(list(pyoxigraph.parse(path=str(path)))) == graph.triples == SIZE
    parsed = Graph().parse(path, format="nt")
    module = reasoner_module(parsed)
    assert len(Graph().parse(data=module.serialize(format="xml"), format="xml")) == len(module)
