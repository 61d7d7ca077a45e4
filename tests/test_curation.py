"""The curated tables: canonical form, provenance that can be checked against the seeds, and build errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from nmdkg.curation.spec import ENTITY_COLUMNS, ENTITY_TABLES, STATEMENT_TABLES
from nmdkg.curation.tables import read_table
from nmdkg.curation.to_rdf import load_curation
from nmdkg.errors import CurationError
from nmdkg.paths import Project

ROOT = Path(__file__).resolve().parents[1]
PROJECT = Project(ROOT)
TABLES = {t.file: ENTITY_COLUMNS for t in ENTITY_TABLES} | {t.file: t.header for t in STATEMENT_TABLES}
SOURCES = {
    row.get("id"): row.get("file")
    for row in read_table(PROJECT.curation / "sources.tsv", required_columns=["id", "file"]).rows
}


def _rows(file: str) -> list:
    return read_table(PROJECT.curation / file, required_columns=TABLES[file]).rows


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("file", sorted(TABLES))
def test_table_is_canonical(file: str) -> None:
    """Sorted by id, no duplicate ids, LF endings, no stray whitespace in cells."""
    raw = (PROJECT.curation / file).read_bytes()
    assert b"\r" not in raw, f"{file}: CRLF line endings; save with LF"
    rows = _rows(file)
    ids = [row.get("id") for row in rows]
    assert len(ids) == len(set(ids)), f"{file}: duplicate ids"
    assert ids == sorted(ids), f"{file}: rows are not sorted by id; sort them (e.g. `sort -t$'\\t' -k1,1`)"
    for row in rows:
        for column, value in row.values.items():
            assert value == value.strip(), f"{file}:{row.line} [{column}]: leading or trailing whitespace"


QUOTED_ROWS = [
    pytest.param(file, row, id=f"{file}:{row.line}")
    for file in sorted(TABLES)
    for row in _rows(file)
    if row.get("quote")
]


@pytest.mark.skipif(not PROJECT.shared.is_dir(), reason="the source texts (../shared) are not beside the checkout")
@pytest.mark.parametrize(("file", "row"), QUOTED_ROWS)
def test_quote_is_in_the_source_at_the_locator(file: str, row) -> None:
    """Every curated fact quotes its source, and the quote is really there, at the lines given."""
    seed = PROJECT.shared / SOURCES[row.get("source")]
    lines = seed.read_text(encoding="utf-8").splitlines()
    match = re.fullmatch(r"L(\d+)(?:-L(\d+))?", row.get("locator"))
    assert match, f"{file}:{row.line}: bad locator {row.get('locator')!r}"
    start, end = int(match[1]), int(match[2] or match[1])
    window = _norm(" ".join(lines[start - 1 : end]))
    assert _norm(row.get("quote")) in window, (
        f"{file}:{row.line}: quote not found at {row.get('locator')} of {seed.name}"
    )


def test_every_row_has_a_source() -> None:
    missing = [f"{f}:{r.line}" for f in TABLES for r in _rows(f) if not r.get("source")]
    assert not missing, f"rows without a source: {missing}"


@pytest.fixture
def curation_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "curation"
    shutil.copytree(PROJECT.curation, folder)
    return folder


def _append(folder: Path, file: str, cells: list[str]) -> None:
    with (folder / file).open("a", encoding="utf-8") as handle:
        handle.write("\t".join(cells) + "\n")


def _problems(folder: Path) -> list[str]:
    with pytest.raises(CurationError) as caught:
        load_curation(folder)
    return [str(p) for p in caught.value.problems]


def test_unknown_label_names_file_line_and_column(curation_copy: Path) -> None:
    row = [
        "NMD:TO9999",
        "multifocal motor neuropathy",
        "unobtainium",
        "first",
        *[""] * 8,
        "lecture",
        "L1",
        "",
        "",
    ]
    _append(curation_copy, "treatment_options.tsv", row)
    lines = len((curation_copy / "treatment_options.tsv").read_text().splitlines())
    problems = _problems(curation_copy)
    assert any(
        p.startswith(f"curation/treatment_options.tsv:{lines} [therapy]: unknown entity 'unobtainium'")
        for p in problems
    )


def test_frequency_of_170_percent_is_rejected(curation_copy: Path) -> None:
    _append(
        curation_copy,
        "antibody_findings.tsv",
        ["NMD:AF9999", "multifocal motor neuropathy", "", "IgM", "170%", "", "lecture", "L1", "", ""],
    )
    assert any("[frequency]: frequency '170%' is outside 0-100%" in p for p in _problems(curation_copy))


def test_statement_without_source_is_rejected(curation_copy: Path) -> None:
    _append(
        curation_copy,
        "treatment_options.tsv",
        ["NMD:TO9999", "multifocal motor neuropathy", "rituximab", "first", *[""] * 12],
    )
    assert any("[source]: no source" in p for p in _problems(curation_copy))


def test_wrong_cell_count_is_reported(curation_copy: Path) -> None:
    _append(curation_copy, "triggers.tsv", ["NMD:TR9999", "too few cells"])
    assert any(
        p.startswith("curation/triggers.tsv:") and "cells where the header has" in p for p in _problems(curation_copy)
    )


def test_reference_into_the_wrong_table_is_rejected(curation_copy: Path) -> None:
    _append(
        curation_copy,
        "treatment_options.tsv",
        ["NMD:TO9999", "rituximab", "rituximab", "first", *[""] * 8, "lecture", "L1", "", ""],
    )
    assert any("[disorder]: 'rituximab' is in therapies.tsv" in p for p in _problems(curation_copy))
