"""The server's parts without a server: the query guard, content negotiation, escaping, page rendering."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import nmdkg.server
from nmdkg.results import Term
from nmdkg.server import query_page
from nmdkg.server.conneg import ENTITY_TYPES, SOLUTION_TYPES, Format, negotiate
from nmdkg.server.entities import Entity, Fact, Statement, iri_for_path, local_path
from nmdkg.server.entity_page import render_entity
from nmdkg.server.guard import Refused, inspect_query
from nmdkg.server.html import safe_href

ALLOWED = [
    pytest.param("SELECT * WHERE { ?s ?p 'SERVICE' }", id="keyword in a string"),
    pytest.param('SELECT * WHERE { ?s ?p """a\nINSERT DATA { }\n""" }', id="keyword in a long string"),
    pytest.param("SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> DROP ALL", id="keywords in a comment"),
    pytest.param("PREFIX ex: <http://x/>\nSELECT * WHERE { ?s ex:service ex:insert }", id="keywords as local names"),
    pytest.param("SELECT ?service ?from WHERE { ?service ?from ?drop }", id="keywords as variables"),
    pytest.param("SELECT * WHERE { ?s <http://example.org/SERVICE/FROM> ?o }", id="keywords in an IRI"),
    pytest.param("SELECT * WHERE { ?s ?p ?o FILTER(?o < 3 && ?o > 1) }", id="comparison operators"),
    pytest.param("ASK { ?s ?p 'it''s' }", id="ask"),
    pytest.param("PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:a\\#b ?o }", id="escaped local name"),
]


@pytest.mark.parametrize("query", ALLOWED)
def test_the_guard_lets_queries_through(query: str) -> None:
    inspect_query(query)


REFUSED = [
    pytest.param("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", "SERVICE", id="service"),
    pytest.param("SELECT * WHERE { service<http://x/>{?s ?p ?o} }", "SERVICE", id="service, lower case, no spaces"),
    pytest.param("SELECT * WHERE { ?s ?p 'x' . SERVICE SILENT ?x { } }", "SERVICE", id="service silent after a string"),
    pytest.param("SELECT * WHERE { ?s ?p ?o FILTER(?o<?p)SERVICE<http://x/>{} }", "SERVICE", id="service after <"),
    pytest.param("SELECT * FROM <http://x/g> WHERE { ?s ?p ?o }", "graph <http://x/g>", id="from"),
    pytest.param(
        "PREFIX x: <http://x/>\nSELECT * FROM NAMED x:g WHERE { ?s ?p ?o }", "graph <http://x/g>", id="from named"
    ),
    pytest.param("INSERT DATA { <a:b> <a:c> <a:d> }", "read-only", id="insert"),
    pytest.param("WITH <a:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "read-only", id="with delete"),
    pytest.param("LOAD <http://x/data.ttl>", "read-only", id="load"),
    pytest.param("SELECT * WHERE { ?s ?p ?o } ; CLEAR ALL", "read-only", id="clear after a query"),
]


@pytest.mark.parametrize(("query", "message"), REFUSED)
def test_the_guard_refuses(query: str, message: str) -> None:
    with pytest.raises(Refused) as refused:
        inspect_query(query)
    assert refused.value.status == 403
    assert message in refused.value.message


def test_the_guard_refuses_what_it_cannot_read() -> None:
    """Unicode escapes outside strings and IRIs are not SPARQL tokens: refused, not passed on."""
    with pytest.raises(Refused) as refused:
        inspect_query("SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }")
    assert refused.value.status == 400


def test_the_guard_allows_graphs_of_the_dataset() -> None:
    inspect_query("SELECT * FROM <https://example.org/g> WHERE { ?s ?p ?o }", graphs={"https://example.org/g"})


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, Format.RESULTS_JSON),
        ("", Format.RESULTS_JSON),
        ("*/*", Format.RESULTS_JSON),
        ("text/*", Format.CSV),
        ("text/tab-separated-values, text/csv;q=0.5", Format.TSV),
        ("application/sparql-results+xml;q=0.2, application/sparql-results+json;q=0.1", Format.RESULTS_XML),
        ("text/csv;q=0, */*", Format.RESULTS_JSON),
        ("image/png", None),
    ],
)
def test_results_negotiation(accept: str | None, expected: Format | None) -> None:
    assert negotiate(accept, SOLUTION_TYPES, default=Format.RESULTS_JSON) is expected


def test_entity_negotiation_prefers_html_for_browsers_and_turtle_otherwise() -> None:
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"
    assert negotiate(browser, ENTITY_TYPES, default=Format.TURTLE) is Format.HTML
    assert negotiate("*/*", ENTITY_TYPES, default=Format.TURTLE) is Format.TURTLE
    assert negotiate("application/ld+json", ENTITY_TYPES, default=Format.TURTLE) is Format.JSON_LD


def test_paths_and_iris_map_both_ways() -> None:
    for path in ("/NMD_0000015", "/NMD_TO0001", "/source/lecture-treatment-table", "/IgMTargetNeuropathy"):
        iri = iri_for_path(path)
        assert iri is not None and local_path(iri) == path
    for path in ("/sparql", "/static/x.js", "/NMD_1/extra", "/../etc", "/a b"):
        assert iri_for_path(path) is None
    assert local_path("http://purl.obolibrary.org/obo/MONDO_0018979") is None


@pytest.mark.parametrize("href", ["javascript:alert(1)", "data:text/html,x", "//evil.example/x", " /x", "vbscript:x"])
def test_unsafe_link_targets_are_not_links(href: str) -> None:
    assert safe_href(href) is None


def _hostile_entity() -> Entity:
    evil = '<img src=x onerror="alert(1)">'
    iri = "https://w3id.org/nmdkg/NMD_0000015"
    label_fact = Fact(Term.iri("https://w3id.org/nmdkg/target"), evil, Term.iri("javascript:alert(1)"), evil)
    statement = Statement(
        "https://w3id.org/nmdkg/NMD_AF0001",
        "https://w3id.org/nmdkg/AntibodyFinding",
        evil,
        values=[label_fact, Fact(Term.iri("https://w3id.org/nmdkg/disorder"), "disorder", Term.iri(iri), evil)],
        sources=[
            Fact(Term.iri("http://purl.org/dc/terms/source"), None, Term.iri("https://w3id.org/nmdkg/source/x"), evil)
        ],
        locator="L1-L2",
        quote=evil,
        comments=[evil],
    )
    return Entity(
        iri,
        labels=[evil],
        definitions=[evil],
        synonyms=[("exact", evil)],
        xrefs=[("exact match", "http://purl.obolibrary.org/obo/MONDO_0018979"), ("close match", "javascript:alert(1)")],
        facts=[
            label_fact,
            Fact(Term.iri("http://www.w3.org/2000/01/rdf-schema#comment"), None, Term.literal(evil, lang="en"), None),
        ],
        statements=[statement],
    )


def test_an_entity_page_escapes_everything_from_the_graph() -> None:
    html = render_entity(_hostile_entity()).decode()
    assert "<img" not in html
    assert 'href="javascript' not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert 'href="http://purl.obolibrary.org/obo/MONDO_0018979"' in html
    assert 'href="/source/x"' in html and 'href="/NMD_AF0001"' in html


def test_the_query_page_falls_back_to_a_form_and_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(query_page, "yasgui_installed", lambda: False)
    html = query_page.render_query_page([], query_text=None, selected=None, outcome=None, limits_note="x").decode()
    assert 'id="nmdkg-install-note"' in html and "make web" in html
    assert "<textarea" in html and "yasgui.min.js" not in html


def test_the_query_page_data_cannot_close_its_script_element() -> None:
    from pathlib import Path

    from nmdkg.queries import NamedQuery

    query = NamedQuery("x", Path("x.rq"), "SELECT * { ?s ?p '</script><script>alert(1)</script>' }", "</script>")
    html = query_page.render_query_page([query], query_text=None, selected=None, outcome=None, limits_note="x").decode()
    data = html.split('id="nmdkg-queries">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and "\\u003c/script\\u003e" in data


def _server_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(nmdkg.server.__path__, "nmdkg.server."))


@pytest.mark.parametrize("name", _server_modules())
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
