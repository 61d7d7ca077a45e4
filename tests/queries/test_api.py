"""The Python API: `from nmdkg import open_graph`, on the embedded store and on an endpoint."""

from __future__ import annotations

import subprocess
import sys

import pytest

import nmdkg
from nmdkg.errors import ParameterError, QueryNotFound
from nmdkg.paths import Project

HEADLINE = "b-cell-therapies-igm-neuropathies"


@pytest.fixture(params=["embedded", pytest.param("remote", marks=pytest.mark.slow)])
def graph(request: pytest.FixtureRequest, built: Project, monkeypatch: pytest.MonkeyPatch) -> nmdkg.KnowledgeGraph:
    monkeypatch.delenv("NMDKG_ENDPOINT", raising=False)
    endpoint = request.getfixturevalue("sparql_endpoint") if request.param == "remote" else None
    return nmdkg.open_graph(endpoint, root=built.root)


def test_named_query_with_parameters(graph: nmdkg.KnowledgeGraph) -> None:
    rows = graph.query("treatment-options", disorder="multifocal motor neuropathy")
    assert rows.variables == ["disorder", "therapy", "option", "note"]
    assert ("multifocal motor neuropathy", "corticosteroids", "NO", "") in rows.values()


def test_headline_rows(graph: nmdkg.KnowledgeGraph) -> None:
    rows = graph.query(HEADLINE)
    assert len(rows) > 0
    assert all(row["therapyLabel"] is not None for row in rows)


def test_ad_hoc_queries(graph: nmdkg.KnowledgeGraph) -> None:
    assert graph.sparql("ASK { ?s ?p ?o }").values() == [("true",)]
    assert graph.construct("DESCRIBE <https://w3id.org/nmdkg/NMD_0000015>").strip()


def test_errors_are_nmdkg_errors(graph: nmdkg.KnowledgeGraph) -> None:
    with pytest.raises(QueryNotFound):
        graph.query("no-such-query")
    with pytest.raises(ParameterError):
        graph.query("antibody-profile")


def test_lists_the_named_queries(graph: nmdkg.KnowledgeGraph) -> None:
    assert HEADLINE in {q.name for q in graph.named_queries()}


def test_dataframe_when_pandas_is_installed(graph: nmdkg.KnowledgeGraph) -> None:
    pandas = pytest.importorskip("pandas", reason="pandas is optional")
    frame = graph.query(HEADLINE).to_dataframe()
    assert isinstance(frame, pandas.DataFrame)


def test_import_is_light() -> None:
    """`import nmdkg` loads no RDF library: the API is imported on first use."""
    code = "import sys, nmdkg; print(sorted(m for m in ('pyoxigraph', 'rdflib', 'SPARQLWrapper') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
