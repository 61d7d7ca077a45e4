"""The SPARQL 1.1 Protocol over raw HTTP: GET and both POSTs, content negotiation, service description."""

from __future__ import annotations

import csv
import http.client
import io
import json
import urllib.parse
import xml.etree.ElementTree as ET

import pytest
import rdflib
from rdflib.namespace import RDF

from nmdkg.namespaces import SD

from .conftest import ROOT, RunningServer

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
LABELS = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?entity ?label WHERE {
  ?entity rdfs:label ?label FILTER(STRSTARTS(STR(?entity), "https://w3id.org/nmdkg/NMD_"))
} ORDER BY ?entity LIMIT 5"""
MMN = "https://w3id.org/nmdkg/NMD_0000015"
CONSTRUCT = f"CONSTRUCT {{ <{MMN}> ?p ?o }} WHERE {{ <{MMN}> ?p ?o }}"
ASK = f"ASK {{ <{MMN}> ?p ?o }}"
RESULTS_XML = "{http://www.w3.org/2005/sparql-results#}"


def _count(body: bytes) -> int:
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize("method", ["GET", "form", "direct"])
def test_each_way_of_sending_a_query_gets_the_same_answer(server: RunningServer, method: str) -> None:
    status, headers, body = server.query(LABELS, method=method)
    assert status == 200, body
    assert headers["content-type"] == "application/sparql-results+json"
    data = json.loads(body)
    assert data["head"]["vars"] == ["entity", "label"]
    assert len(data["results"]["bindings"]) == 5
    assert server.query(LABELS, method="GET")[2] == body


def test_the_store_is_not_empty(server: RunningServer) -> None:
    status, _, body = server.query(COUNT)
    assert status == 200
    assert _count(body) > 1000


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/json", "application/sparql-results+json"),
        ("application/xml;q=0.9, text/csv;q=0.5", "application/sparql-results+xml"),
        ("*/*", "application/sparql-results+json"),
    ],
)
def test_select_results_are_negotiated(server: RunningServer, accept: str, media_type: str) -> None:
    status, headers, body = server.query(LABELS, accept=accept)
    assert status == 200, body
    assert headers["content-type"] == media_type
    assert "accept" in headers.get("vary", "").lower()
    text = body.decode("utf-8")
    if media_type.endswith("+xml"):
        results = ET.fromstring(body).findall(f".//{RESULTS_XML}result")
        assert len(results) == 5
    elif media_type == "text/csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0] == ["entity", "label"] and len(rows) == 6
        assert rows[1][0].startswith("https://w3id.org/nmdkg/")
    elif media_type == "text/tab-separated-values":
        lines = text.splitlines()
        assert lines[0] == "?entity\t?label" and len(lines) == 6
        assert lines[1].startswith("<https://w3id.org/nmdkg/")


def test_a_format_parameter_overrides_the_accept_header(server: RunningServer) -> None:
    path = "/sparql?" + urllib.parse.urlencode({"query": LABELS, "format": "csv"})
    status, headers, _ = server.get(path, accept="application/sparql-results+json")
    assert status == 200 and headers["content-type"] == "text/csv"


@pytest.mark.parametrize(
    ("accept", "media_type", "rdflib_format"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        (None, "text/turtle", "turtle"),
    ],
)
def test_graph_results_are_negotiated(
    server: RunningServer, accept: str | None, media_type: str, rdflib_format: str
) -> None:
    status, headers, body = server.query(CONSTRUCT, accept=accept)
    assert status == 200, body
    assert headers["content-type"] == media_type
    graph = rdflib.Graph().parse(data=body, format=rdflib_format)
    assert (rdflib.URIRef(MMN), rdflib.RDFS.label, rdflib.Literal("multifocal motor neuropathy", lang="en")) in graph


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("application/sparql-results+json", b'"boolean": true'),
        ("application/sparql-results+xml", b"<boolean>true</boolean>"),
    ],
)
def test_ask_answers_in_json_and_xml(server: RunningServer, accept: str, expected: bytes) -> None:
    status, _, body = server.query(ASK, accept=accept)
    assert status == 200 and expected in body


def test_an_unacceptable_format_is_406_and_names_the_formats(server: RunningServer) -> None:
    status, _, body = server.query(LABELS, accept="image/png")
    assert status == 406
    assert b"application/sparql-results+json" in body


def test_the_service_description_is_turtle_and_names_the_endpoint(server: RunningServer) -> None:
    status, headers, body = server.get("/sparql")
    assert status == 200 and headers["content-type"] == "text/turtle"
    graph = rdflib.Graph().parse(data=body, format="turtle")
    services = list(graph.subjects(RDF.type, SD.Service))
    assert len(services) == 1
    assert graph.value(services[0], SD.endpoint) == rdflib.URIRef(server.sparql)
    assert (services[0], SD.supportedLanguage, SD.SPARQL11Query) in graph


def test_the_service_description_is_also_json_ld(server: RunningServer) -> None:
    status, headers, body = server.get("/sparql", accept="application/ld+json")
    assert status == 200 and headers["content-type"] == "application/ld+json"
    assert any(True for _ in rdflib.Graph().parse(data=body, format="json-ld").subjects(RDF.type, SD.Service))


@pytest.mark.parametrize(
    "query",
    ["SELECT * WHERE { ?s ?p }", "SELEKT ?s WHERE { ?s ?p ?o }", "SELECT * WHERE { ?s ?p ?o"],
)
def test_a_malformed_query_is_400_with_a_readable_message(server: RunningServer, query: str) -> None:
    status, headers, body = server.query(query)
    assert status == 400
    assert headers["content-type"].startswith("text/plain")
    text = body.decode()
    assert text.startswith("malformed query: ")
    assert "Traceback" not in text and str(ROOT) not in text and len(text) < 600


def test_an_empty_query_is_400(server: RunningServer) -> None:
    assert server.query("   ")[0] == 400


def test_a_repeated_query_parameter_is_400(server: RunningServer) -> None:
    status, _, body = server.get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D")
    assert status == 400
    assert b"given 2 times" in body


def test_a_post_of_another_media_type_is_415(server: RunningServer) -> None:
    host = urllib.parse.urlsplit(server.url)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
    connection.request("POST", "/sparql", body=b"{}", headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    assert response.status == 415
    assert b"application/sparql-query" in response.read()


def test_head_answers_headers_only(server: RunningServer) -> None:
    host = urllib.parse.urlsplit(server.url)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
    connection.request("HEAD", "/sparql?" + urllib.parse.urlencode({"query": ASK}))
    response = connection.getresponse()
    assert response.status == 200 and int(response.headers["Content-Length"]) > 0
    assert response.read() == b""


def test_cors_is_on_for_reads_by_default(server: RunningServer) -> None:
    _, headers, _ = server.query(ASK)
    assert headers["access-control-allow-origin"] == "*"


def test_a_cors_preflight_is_answered(server: RunningServer) -> None:
    host = urllib.parse.urlsplit(server.url)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
    connection.request(
        "OPTIONS",
        "/sparql",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    response = connection.getresponse()
    assert response.status == 204
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "content-type" in response.headers["Access-Control-Allow-Headers"].lower()


def test_unknown_paths_and_methods_are_refused(server: RunningServer) -> None:
    assert server.get("/no/such/page")[0] == 404
    host = urllib.parse.urlsplit(server.url)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
    connection.request("PUT", "/sparql", body=b"x")
    response = connection.getresponse()
    assert response.status == 405


def test_responses_carry_no_version_banner(server: RunningServer) -> None:
    _, headers, _ = server.query(ASK)
    assert headers["server"] == "nmdkg"
    assert headers["x-content-type-options"] == "nosniff"
