"""Golden files of query results: canonical rows, comparison, and (re)generation.

Rows are SPARQL CSV values ("" where unbound). A column made by ``GROUP_CONCAT(...; separator="; ")``
has no defined order of its parts, so its cells are compared as sorted sets of those parts.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Sequence
from pathlib import Path

from nmdkg.results import Results

__all__ = [
    "FLAG",
    "SET_SEPARATOR",
    "canonical_rows",
    "mismatch",
    "read_golden",
    "set_columns",
    "to_csv_text",
    "write_golden",
]

SET_SEPARATOR = "; "
FLAG = "--generate-snapshots"
_SEPARATOR = re.compile(r'separator\s*=\s*"(?P<sep>[^"]*)"')
_ALIAS = re.compile(r"\bAS\s+\?(?P<name>\w+)")


def set_columns(query_text: str) -> frozenset[str]:
    """The result columns built by a ``GROUP_CONCAT`` with the ``"; "`` separator."""
    columns = set()
    for match in re.finditer(r"GROUP_CONCAT\s*\(", query_text):
        rest = query_text[match.end() :]
        separator, alias = _SEPARATOR.search(rest), _ALIAS.search(rest)
        if separator and alias and separator.start() < alias.start() and separator["sep"] == SET_SEPARATOR:
            columns.add(alias["name"])
    return frozenset(columns)


def _canonical_cell(value: str, as_set: bool) -> str:
    if not as_set or not value:
        return value
    return SET_SEPARATOR.join(sorted(set(value.split(SET_SEPARATOR))))


def canonical_rows(results: Results, as_sets: frozenset[str]) -> list[list[str]]:
    """The header, then each row as CSV values, with set-valued cells sorted."""
    flags = [v in as_sets for v in results.variables]
    rows = [list(results.variables)]
    for row in results.values():
        rows.append([_canonical_cell(v or "", flag) for v, flag in zip(row, flags, strict=True)])
    return rows


def to_csv_text(rows: Sequence[Sequence[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def read_golden(path: Path, as_sets: frozenset[str] = frozenset()) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [list(r) for r in csv.reader(handle)]
    if not rows:
        return rows
    flags = [v in as_sets for v in rows[0]]
    return [rows[0], *([_canonical_cell(v, f) for v, f in zip(r, flags, strict=True)] for r in rows[1:])]


def write_golden(path: Path, rows: Sequence[Sequence[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_csv_text(rows), encoding="utf-8", newline="")


def mismatch(path: Path, expected: Sequence[Sequence[str]], actual: Sequence[Sequence[str]]) -> str:
    """A readable diff, and how to accept the change if it is intended."""
    diff = difflib.unified_diff(
        to_csv_text(expected).splitlines(), to_csv_text(actual).splitlines(), str(path), "actual", lineterm=""
    )
    return "\n".join(
        [f"results differ from {path.name}:", *diff, f"If the change is intended, run `pytest tests/queries {FLAG}`."]
    )
