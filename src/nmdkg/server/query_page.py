"""The query page: YASGUI, served from the package, preloaded with the named queries; a plain form otherwise.

YASGUI comes from the npm registry (``web/package.json``, installed by ``make web``) and is copied into
``static/vendor/yasgui/``; it is never loaded from a CDN. Where it is missing, the page still works: a
textarea form that runs the query on the server and shows an HTML table, and a note on how to install.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path

from ..queries import NamedQuery
from ..results import Results
from .entity_page import term_html
from .html import Markup, join, page, tag

__all__ = ["STATIC_DIR", "YASGUI_DIR", "QueryOutcome", "render_query_page", "yasgui_installed"]

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
YASGUI_DIR = STATIC_DIR / "vendor" / "yasgui"
YASGUI_FILES = ("yasgui.min.js", "yasgui.min.css")
HEADLINE = "b-cell-therapies-igm-neuropathies"


def yasgui_installed() -> bool:
    """True when ``make web`` has put YASGUI's built files into the package."""
    return all((YASGUI_DIR / name).is_file() for name in YASGUI_FILES)


class QueryOutcome:
    """What the plain form shows after running a query: a table, a boolean, a graph, or an error."""

    def __init__(
        self,
        *,
        results: Results | None = None,
        boolean: bool | None = None,
        graph: str | None = None,
        error: str | None = None,
    ) -> None:
        self.results, self.boolean, self.graph, self.error = results, boolean, graph, error

    def render(self) -> Markup:
        if self.error is not None:
            return tag("p", self.error, class_="error", role="alert")
        if self.boolean is not None:
            return tag("p", "Answer: ", tag("strong", "yes" if self.boolean else "no"), class_="boolean")
        if self.graph is not None:
            return tag("pre", self.graph, class_="graph")
        if self.results is None:
            return Markup("")
        header = tag("tr", *(tag("th", v) for v in self.results.variables))
        rows = [tag("tr", *(tag("td", "" if t is None else term_html(t)) for t in row)) for row in self.results.rows]
        count = len(self.results)
        return join(
            [
                tag("p", f"{count} row{'s' if count != 1 else ''}", class_="count"),
                tag("div", tag("table", tag("thead", header), tag("tbody", *rows), class_="results"), class_="scroll"),
            ]
        )


def _examples_json(queries: Iterable[NamedQuery]) -> Markup:
    data = [{"name": q.name, "summary": q.summary, "description": q.description, "text": q.text} for q in queries]
    text = json.dumps(data, ensure_ascii=False)
    # Inside <script>, only "</" could end the element; escape every <, > and & to be safe.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/json" id="nmdkg-queries">{text}</script>')


def render_query_page(
    queries: list[NamedQuery],
    *,
    query_text: str | None,
    selected: str | None,
    outcome: QueryOutcome | None,
    limits_note: str,
) -> bytes:
    """The query page; ``query_text``/``outcome`` fill the plain form when it was submitted."""
    by_name = {q.name: q for q in queries}
    chosen = selected if selected in by_name else (HEADLINE if HEADLINE in by_name else next(iter(by_name), None))
    text = query_text if query_text is not None else (by_name[chosen].text if chosen else "")
    options = [tag("option", f"{q.name}: {q.summary}", value=q.name, selected=q.name == chosen) for q in queries]
    picker = tag(
        "form",
        tag(
            "label",
            "Example query ",
            tag("select", *options, name="example", id="nmdkg-examples"),
            for_="nmdkg-examples",
        ),
        tag("button", "Load", type="submit", id="nmdkg-load"),
        tag("button", "Open in a new tab", type="button", id="nmdkg-new-tab", hidden=True),
        action="/query",
        method="get",
        class_="examples",
    )
    description = by_name[chosen].description if chosen else ""
    installed = yasgui_installed()
    fallback_parts: list[object] = []
    if not installed:
        fallback_parts.append(
            tag(
                "p",
                "The SPARQL editor (YASGUI) is not installed on this server, so this is a plain form. "
                "To install it, run ",
                tag("code", "make web"),
                " (which runs ",
                tag("code", "npm ci"),
                " in ",
                tag("code", "web/"),
                ") and restart ",
                tag("code", "nmdkg serve"),
                ".",
                class_="notice",
                id="nmdkg-install-note",
            )
        )
    fallback_parts.append(
        tag(
            "form",
            tag("textarea", text, name="query", rows="18", spellcheck="false", aria_label="SPARQL query"),
            tag("button", "Run query", type="submit"),
            action="/query",
            method="get",
            class_="plain-query",
        )
    )
    if outcome is not None:
        fallback_parts.append(tag("section", outcome.render(), id="nmdkg-results"))
    body = tag(
        "article",
        tag("h1", "Query the graph"),
        tag(
            "p",
            "SPARQL 1.1 endpoint: ",
            tag("a", "/sparql", href="/sparql"),
            f" (read-only; {limits_note}). Pick an example or write your own query.",
            class_="muted",
        ),
        picker,
        tag("p", description, id="nmdkg-example-description", class_="muted"),
        tag("div", id="yasgui", data_endpoint="/sparql") if installed else None,
        tag(
            "section",
            *fallback_parts,
            id="nmdkg-fallback",
            data_keep="true" if (outcome is not None or not installed) else None,
        ),
        _examples_json(queries),
        class_="query",
    )
    scripts = ["/static/vendor/yasgui/yasgui.min.js", "/static/query.js"] if installed else ["/static/query.js"]
    styles = ["/static/vendor/yasgui/yasgui.min.css"] if installed else []
    return page("Query", body, scripts=scripts, styles=styles)
