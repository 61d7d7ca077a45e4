"""Every named query, with every parameter set of cases.py, against its golden file, on both backends."""

from __future__ import annotations

import shlex

import pytest

from nmdkg.queries import QueryLibrary
from nmdkg.results import Results
from nmdkg.store import EmbeddedStore, RemoteStore

from .cases import CASES, GOLDEN, Case
from .golden import FLAG, canonical_rows, mismatch, read_golden, set_columns, write_golden

CASE_PARAMS = [pytest.param(case, id=case.slug) for case in CASES]


def _run(library: QueryLibrary, store: EmbeddedStore | RemoteStore, case: Case) -> tuple[Results, frozenset[str]]:
    return library.run(case.query, store, case.params), set_columns(library[case.query].text)


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_embedded_store_gives_the_golden_result(
    case: Case, library: QueryLibrary, store: EmbeddedStore, request: pytest.FixtureRequest
) -> None:
    results, as_sets = _run(library, store, case)
    actual = canonical_rows(results, as_sets)
    if request.config.getoption("generate_snapshots") and not case.handwritten:
        write_golden(case.golden, actual)
        return
    if not case.golden.is_file():
        how = "transcribe it by hand from the source" if case.handwritten else f"run `pytest tests/queries {FLAG}`"
        pytest.fail(f"no golden file {case.golden.relative_to(GOLDEN.parent)}; {how}")
    expected = read_golden(case.golden, as_sets)
    assert actual == expected, mismatch(case.golden, expected, actual)


@pytest.mark.slow
@pytest.mark.parametrize("case", CASE_PARAMS)
def test_remote_endpoint_gives_the_same_rows(
    case: Case, library: QueryLibrary, store: EmbeddedStore, remote: RemoteStore
) -> None:
    """The same terms (kind, datatype, language) in the same order, through a real SPARQL server."""
    embedded, as_sets = _run(library, store, case)
    served, _ = _run(library, remote, case)
    assert served.variables == embedded.variables

    def typed(results: Results) -> list[tuple[object, ...]]:
        return [
            tuple(
                frozenset(t.value.split("; ")) if t is not None and v in as_sets else t
                for v, t in zip(results.variables, row, strict=True)
            )
            for row in results.rows
        ]

    assert typed(served) == typed(embedded)


def test_every_named_query_has_a_golden_case(library: QueryLibrary) -> None:
    """A new query in queries/ fails here until it has a case in cases.py (and a golden file)."""
    untested = sorted(set(library.queries) - {c.query for c in CASES})
    assert not untested, f"named queries without a golden case in tests/queries/cases.py: {', '.join(untested)}"
    unknown = sorted({c.query for c in CASES} - set(library.queries))
    assert not unknown, f"cases for queries that do not exist: {', '.join(unknown)}"


def test_every_golden_file_belongs_to_a_case() -> None:
    stale = sorted(p.name for p in GOLDEN.glob("*.csv") if p not in {c.golden for c in CASES})
    assert not stale, f"golden files of no case (remove them): {', '.join(stale)}"


def test_case_names_are_unique() -> None:
    slugs = [c.slug for c in CASES]
    assert len(slugs) == len(set(slugs))


def test_every_header_example_is_a_case(library: QueryLibrary) -> None:
    """The examples users copy from `nmdkg query --list` are tested too (as parameter sets)."""
    cases = {(c.query, tuple(sorted(c.params))) for c in CASES}
    for query in library:
        for example in query.examples:
            words = shlex.split(example)
            params = sorted(words[i + 1].split("=", 1)[0] for i, w in enumerate(words[:-1]) if w in ("--param", "-p"))
            assert (query.name, tuple(params)) in cases, f"{query.name}: no case with the parameters of {example!r}"
