"""The search box: entities whose label or synonym contains the text, ignoring case, as HTML or JSON."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field

from ..lookups import Lookups
from ..prefixes import compact
from ..results import Term
from ..suggest import rank
from .entities import local_path
from .html import escape, link, page, tag

__all__ = ["MAX_QUERY_CHARS", "MAX_RESULTS", "Hit", "SearchResult", "render_search", "search"]

logger = logging.getLogger(__name__)

#: How many entities one search returns.
MAX_RESULTS = 50
#: The longest search text accepted (longer is a 400).
MAX_QUERY_CHARS = 200


@dataclass(frozen=True)
class Hit:
    """One entity found: its IRI, CURIE, label, local path, and the name that matched."""

    iri: str
    curie: str
    label: str
    url: str | None
    matched: str


@dataclass(frozen=True)
class SearchResult:
    """The hits for one text, at most :data:`MAX_RESULTS`; ``more`` says whether there were others."""

    text: str
    hits: list[Hit]
    more: bool
    suggestions: list[Hit] = field(default_factory=list)

    def to_json(self) -> bytes:
        data = {
            "q": self.text,
            "limit": MAX_RESULTS,
            "truncated": self.more,
            "results": [asdict(h) for h in self.hits],
            "suggestions": [asdict(h) for h in self.suggestions],
        }
        return json.dumps(data, ensure_ascii=False).encode("utf-8")


def search(lookups: Lookups, text: str) -> SearchResult:
    """Entities whose label or synonym contains ``text`` (case-insensitive), best first.

    Exact matches come first, then matches at the start of a name, then anywhere.
    """
    text = text.strip()
    if not text:
        return SearchResult(text, [], more=False)
    found = lookups.select("search", bindings={"text": Term.literal(text)})
    hits: dict[str, Hit] = {}
    for row in found:
        entity, label, name = row["entity"], row["label"], row["name"]
        if entity is None or label is None or name is None or entity.value in hits:
            continue
        hits[entity.value] = Hit(entity.value, compact(entity.value), label.value, local_path(entity.value), name.value)
    ordered = list(hits.values())
    suggestions = []
    if not ordered:
        names = lookups.select("entity-names", bindings={})
        suggestions = [Hit(s.iri, compact(s.iri), s.label, local_path(s.iri), s.matched) for s in rank(text, names)]
    return SearchResult(text, ordered[:MAX_RESULTS], more=len(ordered) > MAX_RESULTS, suggestions=suggestions)


def render_search(result: SearchResult) -> bytes:
    """The search page: the form, then the hits as a list."""
    form = tag(
        "form",
        tag("input", type="search", name="q", value=result.text, autofocus=True, aria_label="Search text"),
        tag("button", "Search", type="submit"),
        action="/search",
        method="get",
        class_="search-page",
    )
    parts = [tag("h1", "Search"), tag("p", "Labels and synonyms, ignoring case.", class_="muted"), form]
    if result.text:
        count = f"{len(result.hits)}{'+' if result.more else ''} match{'es' if len(result.hits) != 1 else ''}"
        parts.append(tag("p", count, " for ", tag("q", result.text), class_="count"))
        items = []
        for hit in result.hits:
            matched = tag("span", " (", hit.matched, ")", class_="muted") if hit.matched != hit.label else None
            name = link(hit.url, hit.label) if hit.url else escape(hit.label)
            items.append(tag("li", name, matched, " ", tag("span", hit.curie, class_="curie")))
        parts.append(tag("ol", *items, class_="hits"))
        if result.suggestions:
            close = [
                tag("li", link(s.url, s.label) if s.url else escape(s.label), " ", tag("span", s.curie, class_="curie"))
                for s in result.suggestions
            ]
            parts.append(tag("p", "Did you mean:", class_="count"))
            parts.append(tag("ul", *close, class_="suggestions"))
        if result.more:
            parts.append(
                tag("p", f"Only the first {MAX_RESULTS} are shown; type more to narrow the search.", class_="muted")
            )
    return page("Search", tag("article", *parts))
