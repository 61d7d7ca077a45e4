"""Reading curated TSV tables into rows that remember their file, line and column."""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CurationError, Location, Problem

__all__ = ["MULTI_SEPARATOR", "Row", "Table", "read_table"]

logger = logging.getLogger(__name__)

#: How several values share one cell.
MULTI_SEPARATOR = "|"


@dataclass(frozen=True)
class Row:
    """One row of a curated table; ``line`` is its 1-based line in the file."""

    file: str
    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        """The cell, stripped; empty if the column is absent."""
        return (self.values.get(column) or "").strip()

    def many(self, column: str) -> list[str]:
        """The cell split on ``|``, each value stripped, empty values dropped."""
        return [v.strip() for v in self.get(column).split(MULTI_SEPARATOR) if v.strip()]

    def at(self, column: str | None = None) -> Location:
        """Where this row (and column) is, for a problem report."""
        return Location(self.file, self.line, column)


@dataclass
class Table:
    """A curated table: its header and rows."""

    path: Path
    header: list[str]
    rows: list[Row] = field(default_factory=list)

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)


def read_table(path: Path, *, required_columns: list[str], display_name: str | None = None) -> Table:
    """Read a TSV table, checking its header and the shape of every row.

    :raises CurationError: if the file is not UTF-8, lacks a required column,
        or has a row with the wrong number of cells.
    """
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CurationError([Problem(Location(name), f"not UTF-8 ({exc.reason} at byte {exc.start})")]) from exc
    except OSError as exc:
        raise CurationError([Problem(Location(name), f"cannot read: {exc.strerror}")]) from exc
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise CurationError([Problem(Location(name, 1), "empty file: the header row is missing")])
    header = next(csv.reader([lines[0]], delimiter="\t", quoting=csv.QUOTE_NONE))
    problems: list[Problem] = []
    missing = [c for c in required_columns if c not in header]
    if missing:
        problems.append(
            Problem(
                Location(name, 1),
                f"header lacks column(s) {', '.join(missing)}",
                f"The header must be: {chr(9).join(required_columns)}",
            )
        )
        raise CurationError(problems)
    table = Table(path=path, header=header)
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(header):
            problems.append(
                Problem(
                    Location(name, number),
                    f"{len(cells)} cells where the header has {len(header)}",
                    "Separate cells with one tab; a cell may not contain a tab",
                )
            )
            continue
        if line != line.rstrip("\r"):
            problems.append(Problem(Location(name, number), "CRLF line ending", "Save the file with LF line endings"))
        table.rows.append(Row(name, number, dict(zip(header, cells, strict=True))))
    if problems:
        raise CurationError(problems)
    return table
