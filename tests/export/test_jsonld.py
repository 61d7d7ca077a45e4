"""``nmd.jsonld`` stands alone offline, and the published context expands nmdkg CURIEs correctly."""

from __future__ import annotations

import json
import socket
import warnings

import pyoxigraph
import pytest
from rdflib import Graph

from nmdkg.export import ExportResult

from .checkout import MULTIFOCAL_MOTOR_NEUROPATHY


def parse_jsonld(data: str) -> Graph:
    with warnings.catch_warnings():  # rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph
        warnings.simplefilter("ignore", DeprecationWarning)
        return Graph().parse(data=data, format="json-ld")


def test_nmd_jsonld_inlines_the_published_context(release: ExportResult) -> None:
    document = json.loads((release.folder / "nmd.jsonld").read_text(encoding="utf-8"))
    context = json.loads((release.folder / "context.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == context["@context"]


def test_nmd_jsonld_parses_without_network(release: ExportResult, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("JSON-LD parsing tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    graph = parse_jsonld((release.folder / "nmd.jsonld").read_text(encoding="utf-8"))
    assert len(graph) == release.asserted_triples


@pytest.mark.parametrize("curie", ["NMD:0000015", "nmd:Disorder", "MONDO:0018979"])
def test_context_expands_curies_in_rdflib_and_pyoxigraph(release: ExportResult, curie: str) -> None:
    context = json.loads((release.folder / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    prefixes = json.loads((release.folder / "prefixes.json").read_text(encoding="utf-8"))
    prefix, _, local = curie.partition(":")
    expected = prefixes[prefix] + local
    document = json.dumps({"@context": context, "@id": curie, "http://example.org/p": "x"})
    assert {str(s) for s, _, _ in parse_jsonld(document)} == {expected}
    quads = pyoxigraph.parse(document.encode(), format=pyoxigraph.RdfFormat.JSON_LD)
    assert {quad.subject.value for quad in quads} == {expected}


def test_prefixes_json_extends_the_nmdkg_prefix_map(release: ExportResult) -> None:
    from nmdkg.prefixes import prefix_map

    prefixes = json.loads((release.folder / "prefixes.json").read_text(encoding="utf-8"))
    assert prefix_map().items() <= prefixes.items()
    assert prefixes["NMD"] + "0000015" == str(MULTIFOCAL_MOTOR_NEUROPATHY)
    assert {"rdfs", "owl", "skos"} <= set(prefixes)
