"""The benchmark's synthetic graph: the built graph's schema, any size, deterministic from a seed."""

from __future__ import annotations

import pyoxigraph
import pytest

from nmdkg.paths import Project
from nmdkg.queries import QueryLibrary
from nmdkg.store import EmbeddedStore
from nmdkg.synthetic import curated_triples, load, synthetic_graph

SIZE = 30_000
TYPES = "SELECT DISTINCT ?type WHERE { ?s a ?type }"
PREDICATES = "SELECT DISTINCT ?p WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def curated(built: Project) -> list[object]:
    return curated_triples(built.build)


@pytest.fixture(scope="module")
def synthetic(curated: list[object]) -> EmbeddedStore:
    store = pyoxigraph.Store()
    load(synthetic_graph(curated, size=SIZE, seed=7), store)
    assert len(store) == SIZE
    return EmbeddedStore(store)


def test_deterministic_from_the_seed(curated: list[object]) -> None:
    assert synthetic_graph(curated, size=SIZE, seed=7) == synthetic_graph(curated, size=SIZE, seed=7)
    assert synthetic_graph(curated, size=SIZE, seed=7) != synthetic_graph(curated, size=SIZE, seed=8)


def test_same_schema_as_the_built_graph(synthetic: EmbeddedStore, store: EmbeddedStore) -> None:
    for query in (TYPES, PREDICATES):
        assert set(synthetic.select(query).values()) == set(store.select(query).values())


def test_headline_has_answers_in_every_copy(
    synthetic: EmbeddedStore, store: EmbeddedStore, library: QueryLibrary
) -> None:
    headline = "b-cell-therapies-igm-neuropathies"
    assert len(library.run(headline, synthetic)) > 2 * len(library.run(headline, store)) > 0


def test_names_still_resolve_to_the_original(synthetic: EmbeddedStore, library: QueryLibrary) -> None:
    rows = library.run("treatment-options", synthetic, {"disorder": "multifocal motor neuropathy"})
    assert {row["disorder"].value for row in rows} == {"multifocal motor neuropathy"}


def test_too_small_a_size_is_refused(curated: list[object]) -> None:
    with pytest.raises(ValueError, match="smaller than the built graph"):
        synthetic_graph(curated, size=10)
