"""The treatment matrix: disorders x therapies, each cell the options the sources state, with filters.

Rows and columns follow the lecture's table (the source whose options carry a table position,
``nmd:sourceOrder``: row x 100 + column x 10 + code), so that the table reads off the matrix as it
was printed; disorders and therapies the table does not have follow, by group and by name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .facts import Option

__all__ = ["ERAS", "Axis", "Filters", "Matrix", "build_matrix"]

#: Filters by when a source was stated: the lecture (2011 or later) against the 2020-2026 sources.
ERAS = {"before-2020": "the lecture and other sources before 2020", "since-2020": "guidelines and trials since 2020"}
_LAST = 10**9


@dataclass(frozen=True)
class Filters:
    """What the matrix shows: one source (IRI) or era, one disorder group (IRI), one mechanism class (IRI)."""

    source: str | None = None
    group: str | None = None
    mechanism: str | None = None

    def keeps(self, option: Option, mechanisms_of: dict[str, set[str]]) -> bool:
        if self.source in ERAS:
            year = int(option.year) if option.year and option.year.isdigit() else None
            recent = year is not None and year >= 2020
            if recent != (self.source == "since-2020"):
                return False
        elif self.source and option.source != self.source:
            return False
        if self.group and option.group != self.group:
            return False
        return not (self.mechanism and self.mechanism not in mechanisms_of.get(option.therapy, set()))


@dataclass(frozen=True)
class Axis:
    """A row (disorder) or column (therapy) of the matrix."""

    iri: str
    label: str
    group: str | None = None


@dataclass
class Matrix:
    """The grid, the choices each filter offers, and the filters applied."""

    rows: list[Axis]
    columns: list[Axis]
    cells: dict[tuple[str, str], list[Option]]
    filters: Filters
    sources: list[tuple[str, str, str]] = field(default_factory=list)
    groups: list[tuple[str, str]] = field(default_factory=list)
    mechanisms: list[tuple[str, str]] = field(default_factory=list)

    def cell(self, row: Axis, column: Axis) -> list[Option]:
        return self.cells.get((row.iri, column.iri), [])

    @property
    def options(self) -> int:
        return sum(len(c) for c in self.cells.values())


def _table_source(options: list[Option]) -> str | None:
    """The source whose options carry the most table positions: the lecture's treatment table."""
    counted = Counter(o.source for o in options if o.order is not None)
    return counted.most_common(1)[0][0] if counted else None


def build_matrix(
    options: list[Option],
    filters: Filters,
    *,
    mechanism_labels: dict[str, str] | None = None,
    mechanisms_of: dict[str, set[str]] | None = None,
) -> Matrix:
    """Arrange the options that pass ``filters`` as a grid in the lecture table's order."""
    mechanisms_of = mechanisms_of or {}
    table = _table_source(options)
    kept = [o for o in options if filters.keeps(o, mechanisms_of)]
    row_rank: dict[str, int] = {}
    column_rank: dict[str, int] = {}
    for o in options:
        if o.source == table and o.order is not None:
            row_rank[o.disorder] = min(row_rank.get(o.disorder, _LAST), o.order // 100)
            column_rank[o.therapy] = min(column_rank.get(o.therapy, _LAST), o.order % 100 // 10)
    rows = {o.disorder: Axis(o.disorder, o.disorder_label, o.group_label) for o in kept}
    columns = {o.therapy: Axis(o.therapy, o.therapy_label) for o in kept}
    cells: dict[tuple[str, str], list[Option]] = {}
    for o in sorted(kept, key=lambda o: (o.source != table, o.year or "", o.order or 0, o.iri)):
        cells.setdefault((o.disorder, o.therapy), []).append(o)
    return Matrix(
        rows=sorted(rows.values(), key=lambda a: (row_rank.get(a.iri, _LAST), a.group or "", a.label.lower())),
        columns=sorted(columns.values(), key=lambda a: (column_rank.get(a.iri, _LAST), a.label.lower())),
        cells=cells,
        filters=filters,
        sources=sorted({(o.source, o.source_title, o.when) for o in options}, key=lambda s: (s[2], s[1])),
        groups=sorted({(o.group, o.group_label) for o in options if o.group and o.group_label}, key=lambda g: g[1]),
        mechanisms=sorted((mechanism_labels or {}).items(), key=lambda m: m[1].lower()),
    )
