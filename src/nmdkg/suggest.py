"""Close matches for a name that names nothing: "did you mean …" by label or synonym.

Why difflib and not the store: a typo ("myastenia") is not a substring of anything, so the search
query cannot find it; the graph has a few thousand names, which difflib ranks in milliseconds.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from .prefixes import compact
from .results import Results
from .store import Store

__all__ = ["Suggestion", "close_matches", "did_you_mean", "rank"]

#: How similar (difflib ratio, 0-1) a name must be to be suggested.
CUTOFF = 0.6
#: How far below the best match a suggestion may be: a near-exact match hides the merely similar.
MARGIN = 0.1


@dataclass(frozen=True)
class Suggestion:
    """An entity whose label or synonym resembles the text."""

    iri: str
    label: str
    matched: str
    score: float

    def __str__(self) -> str:
        via = f", {self.matched!r}" if self.matched.lower() != self.label.lower() else ""
        return f"{self.label} ({compact(self.iri)}{via})"


def close_matches(text: str, store: Store, folder: Path, *, limit: int = 5) -> list[Suggestion]:
    """Entities whose label or synonym is like ``text`` (ignoring case), best first, one per entity."""
    query = (folder / "internal" / "entity-names.rq").read_text(encoding="utf-8")
    return rank(text, store.select(query), limit=limit)


def rank(text: str, names: Results, *, limit: int = 5) -> list[Suggestion]:
    """The rows of ``entity-names.rq`` (entity, label, name) most like ``text``, best first, one per entity.

    A name that contains the text, or is contained in it, counts as a close match too ("sulfatide").
    """
    wanted = text.strip().lower()
    if not wanted:
        return []
    best: dict[str, Suggestion] = {}
    for row in names:
        entity, label, name = row["entity"], row["label"], row["name"]
        if entity is None or label is None or name is None:
            continue
        folded = name.value.lower()
        score = difflib.SequenceMatcher(None, wanted, folded).ratio()
        if len(wanted) >= 3 and (wanted in folded or folded in wanted):
            score = max(score, 0.8)
        if score >= CUTOFF and score > best.get(entity.value, Suggestion("", "", "", -1)).score:
            best[entity.value] = Suggestion(entity.value, label.value, name.value, score)
    ranked = sorted(best.values(), key=lambda s: (-s.score, len(s.label), s.label.lower()))
    return [s for s in ranked if s.score >= ranked[0].score - MARGIN][:limit]


def did_you_mean(text: str, store: Store, folder: Path) -> str:
    """A sentence naming the close matches of ``text``, or "" when there are none."""
    found = close_matches(text, store, folder)
    return f"; did you mean: {'; '.join(str(s) for s in found)}?" if found else ""
