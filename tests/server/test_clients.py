"""Real SPARQL clients against the running server: SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, SELECT, TURTLE, XML, SPARQLWrapper

from nmdkg.paths import Project
from nmdkg.queries import QueryLibrary
from nmdkg.store import EmbeddedStore

from .conftest import RunningServer

HEADLINE = "b-cell-therapies-igm-neuropathies"
MMN = "https://w3id.org/nmdkg/NMD_0000015"


def _embedded_rows(project: Project, name: str) -> list[tuple[str | None, ...]]:
    store = EmbeddedStore.open(project.build / "store")
    return QueryLibrary(project.queries).run(name, store).values()


def test_sparqlwrapper_json_gives_the_headline_answer(server: RunningServer, served_project: Project) -> None:
    library = QueryLibrary(served_project.queries)
    wrapper = SPARQLWrapper(server.sparql)
    wrapper.setQuery(library[HEADLINE].text)
    # SPARQLWrapper's regex reads "drop" in the header comments as a DROP update; say what the query is.
    wrapper.queryType = SELECT
    wrapper.setReturnFormat(JSON)
    data = wrapper.query().convert()
    variables = data["head"]["vars"]
    rows = [tuple(b.get(v, {}).get("value") for v in variables) for b in data["results"]["bindings"]]
    assert rows, "the headline query has no answer"
    assert rows == _embedded_rows(served_project, HEADLINE)


def test_sparqlwrapper_posts_and_reads_xml(server: RunningServer) -> None:
    wrapper = SPARQLWrapper(server.sparql)
    wrapper.setMethod(POST)
    wrapper.setQuery(f"SELECT ?label WHERE {{ <{MMN}> <http://www.w3.org/2000/01/rdf-schema#label> ?label }}")
    wrapper.setReturnFormat(XML)
    document = wrapper.query().convert()
    values = [node.firstChild.data for node in document.getElementsByTagName("literal")]
    assert values == ["multifocal motor neuropathy"]


def test_sparqlwrapper_reads_csv(server: RunningServer) -> None:
    wrapper = SPARQLWrapper(server.sparql)
    wrapper.setQuery(f"SELECT ?p ?o WHERE {{ <{MMN}> ?p ?o }}")
    wrapper.setReturnFormat(CSV)
    text = wrapper.query().convert().decode()
    assert text.splitlines()[0] == "p,o"
    assert "multifocal motor neuropathy" in text


def test_sparqlwrapper_construct_turtle_parses(server: RunningServer) -> None:
    wrapper = SPARQLWrapper(server.sparql)
    wrapper.setQuery(f"CONSTRUCT {{ <{MMN}> ?p ?o }} WHERE {{ <{MMN}> ?p ?o }}")
    wrapper.setReturnFormat(TURTLE)
    graph = rdflib.Graph().parse(data=wrapper.query().convert(), format="turtle")
    assert graph.value(rdflib.URIRef(MMN), rdflib.RDFS.label) == rdflib.Literal(
        "multifocal motor neuropathy", lang="en"
    )


def test_sparqlwrapper_ask(server: RunningServer) -> None:
    wrapper = SPARQLWrapper(server.sparql)
    wrapper.setQuery(f"ASK {{ <{MMN}> ?p ?o }}")
    wrapper.setReturnFormat(JSON)
    assert wrapper.query().convert()["boolean"] is True


def test_rdflib_sparqlstore_gives_the_headline_answer(server: RunningServer, served_project: Project) -> None:
    library = QueryLibrary(served_project.queries)
    graph = rdflib.Graph(store=SPARQLStore(query_endpoint=server.sparql, returnFormat="xml"))
    rows = [tuple(None if v is None else str(v) for v in row) for row in graph.query(library[HEADLINE].text)]
    assert rows == _embedded_rows(served_project, HEADLINE)


def test_rdflib_sparqlstore_reads_triples(server: RunningServer) -> None:
    graph = rdflib.Graph(store=SPARQLStore(query_endpoint=server.sparql))
    labels = list(graph.objects(rdflib.URIRef(MMN), rdflib.RDFS.label))
    assert labels == [rdflib.Literal("multifocal motor neuropathy", lang="en")]


def test_nmdkg_query_with_endpoint_reads_the_server(server: RunningServer, served_project: Project) -> None:
    """The CLI's remote backend (RemoteStore, over SPARQLWrapper) gets the embedded store's answer."""
    from nmdkg.store import RemoteStore

    remote = RemoteStore(server.sparql)
    rows = QueryLibrary(served_project.queries).run(HEADLINE, remote).values()
    assert rows == _embedded_rows(served_project, HEADLINE)
