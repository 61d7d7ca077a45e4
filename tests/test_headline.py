"""The headline question, derived by HermiT and the query, checked against the sources and a second engine."""

from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import Graph

from nmdkg.paths import Project
from nmdkg.queries import QueryLibrary
from nmdkg.store import EmbeddedStore

HEADLINE = "b-cell-therapies-igm-neuropathies"

# What the lecture supports: neuropathies with an IgM antibody finding (MMN, anti-MAG, GALOP,
# anti-sulfatide, CIDP "IgM or IgG") and the drugs its neuropathy table lists under
# "B-cell immunosuppression" (cyclophosphamide, rituximab, fludarabine), joined by stated options.
EXPECTED_PAIRS = {
    ("GALOP syndrome", "cyclophosphamide"),
    ("anti-MAG neuropathy", "cyclophosphamide"),
    ("anti-MAG neuropathy", "fludarabine"),
    ("anti-MAG neuropathy", "rituximab"),
    ("anti-sulfatide neuropathy", "cyclophosphamide"),
    ("chronic inflammatory demyelinating polyradiculoneuropathy", "cyclophosphamide"),
    ("chronic inflammatory demyelinating polyradiculoneuropathy", "rituximab"),
    ("multifocal motor neuropathy", "cyclophosphamide"),
    ("multifocal motor neuropathy", "rituximab"),
}


@pytest.fixture(scope="module")
def rows(store: EmbeddedStore, library: QueryLibrary) -> dict[tuple[str, str], dict[str, str]]:
    results = library.run(HEADLINE, store)
    return {
        (r["disorderLabel"].value, r["therapyLabel"].value): {k: v.value for k, v in r.items() if v is not None}
        for r in results
    }


def test_one_row_per_disorder_and_therapy(rows: dict) -> None:
    assert set(rows) == EXPECTED_PAIRS


@pytest.mark.parametrize(
    ("disorder", "therapy", "line"),
    [
        ("multifocal motor neuropathy", "rituximab", "third"),
        ("multifocal motor neuropathy", "cyclophosphamide", "second"),
        ("chronic inflammatory demyelinating polyradiculoneuropathy", "rituximab", "third"),
        ("anti-MAG neuropathy", "rituximab", "individual cases"),
    ],
)
def test_lines_come_from_the_treatment_table(rows: dict, disorder: str, therapy: str, line: str) -> None:
    assert line in rows[(disorder, therapy)]["lines"].split("; ")


def test_combination_partner_and_sources(rows: dict) -> None:
    assert rows[("anti-MAG neuropathy", "cyclophosphamide")]["combinedWith"] == "plasma exchange"
    for row in rows.values():
        assert row["sources"], row


def test_rdflib_engine_gives_the_same_answer(built: Project, rows: dict) -> None:
    """An independent SPARQL engine over the built files agrees with Oxigraph."""
    graph = Graph()
    graph.parse(built.build / "nmd.ttl", format="turtle")
    graph.parse(built.build / "nmd-inferred.ttl", format="turtle")
    query = QueryLibrary(built.queries)[HEADLINE].text
    theirs = {(str(r.disorderLabel), str(r.therapyLabel)): str(r.lines or "") for r in graph.query(query)}
    assert {k: set(v.split("; ")) for k, v in theirs.items()} == {
        k: set(v.get("lines", "").split("; ")) for k, v in rows.items()
    }


def test_main_job_from_the_command_line(built: Project) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "nmdkg.cli", "query", HEADLINE, "--format", "csv"],
        capture_output=True,
        text=True,
        check=False,
        cwd=built.root,
    )
    assert done.returncode == 0, done.stderr
    assert (
        done.stdout.splitlines()[0]
        == "disorder,disorderLabel,therapy,therapyLabel,lines,combinedWith,patientGroups,sources"
    )
    assert len(done.stdout.splitlines()) == 1 + len(EXPECTED_PAIRS)
