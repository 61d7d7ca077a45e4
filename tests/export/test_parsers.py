"""Every RDF file of a release parses with two independent parsers (rdflib, pyoxigraph) to the same triples."""

from __future__ import annotations

import warnings

import pyoxigraph
import pytest
from rdflib import Graph

from nmdkg.export import ExportResult

#: release file -> (rdflib format, pyoxigraph format)
RDF_FILES = {
    "nmd.owl": ("xml", pyoxigraph.RdfFormat.RDF_XML),
    "nmd.ttl": ("turtle", pyoxigraph.RdfFormat.TURTLE),
    "nmd.nt": ("nt", pyoxigraph.RdfFormat.N_TRIPLES),
    "nmd.jsonld": ("json-ld", pyoxigraph.RdfFormat.JSON_LD),
    "nmd-inferred.ttl": ("turtle", pyoxigraph.RdfFormat.TURTLE),
    "void.ttl": ("turtle", pyoxigraph.RdfFormat.TURTLE),
}
ASSERTED_DUMPS = ("nmd.owl", "nmd.ttl", "nmd.nt", "nmd.jsonld")


def rdflib_graph(release: ExportResult, name: str) -> Graph:
    with warnings.catch_warnings():  # rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph
        warnings.simplefilter("ignore", DeprecationWarning)
        return Graph().parse(release.folder / name, format=RDF_FILES[name][0])


def oxigraph_triples(release: ExportResult, name: str) -> set[pyoxigraph.Triple]:
    return {quad.triple for quad in pyoxigraph.parse(path=release.folder / name, format=RDF_FILES[name][1])}


def test_the_release_holds_every_file(release: ExportResult) -> None:
    assert sorted(p.name for p in release.folder.iterdir()) == sorted(release.sizes)
    assert len(release.sizes) == 10


@pytest.mark.parametrize("name", RDF_FILES)
def test_rdflib_and_pyoxigraph_read_the_same_number_of_triples(release: ExportResult, name: str) -> None:
    triples = len(rdflib_graph(release, name))
    assert triples > 0
    assert triples == len(oxigraph_triples(release, name))


@pytest.mark.parametrize("name", ASSERTED_DUMPS)
def test_every_dump_holds_the_asserted_graph(release: ExportResult, name: str) -> None:
    assert len(rdflib_graph(release, name)) == release.asserted_triples
    assert len(oxigraph_triples(release, name)) == release.asserted_triples


def test_nt_lines_are_sorted_and_unique(release: ExportResult) -> None:
    lines = (release.folder / "nmd.nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(set(lines))
    assert len(lines) == release.asserted_triples


def test_inferred_file_holds_only_what_hermit_added(release: ExportResult) -> None:
    asserted = rdflib_graph(release, "nmd.ttl")
    inferred = rdflib_graph(release, "nmd-inferred.ttl")
    assert len(inferred) == release.inferred_triples > 0
    assert not set(inferred) & set(asserted)
