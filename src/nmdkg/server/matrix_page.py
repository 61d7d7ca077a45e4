"""The treatment matrix page: disorders x therapies, cells coloured by line, filters, legend, sources.

Every chip in a cell links to its statement's page (with the source's words as a tooltip), and its
superscript to the source; the filters are a plain GET form, so a filtered matrix has a URL to share.
"""

from __future__ import annotations

from ..pictures.facts import Option
from ..pictures.lines import LINES, MENTIONED, Line
from ..pictures.matrix import ERAS, Matrix
from .entities import local_path
from .html import Markup, join, link, page, tag

__all__ = ["render_matrix"]


def _chip_class(line: Line) -> str:
    return f"chip line-{line.name}"


def _select(name: str, label: str, choices: list[tuple[str, str]], chosen: str | None) -> Markup:
    options = [tag("option", "all", value="")]
    options += [tag("option", text, value=value, selected=value == chosen) for value, text in choices]
    return tag("label", label, " ", tag("select", *options, name=name, id=f"filter-{name}"))


def _filters(matrix: Matrix) -> Markup:
    sources = [(key, text) for key, text in ERAS.items()]
    sources += [(iri, f"{title} ({when})") for iri, title, when in matrix.sources]
    return tag(
        "form",
        _select("source", "Source", sources, matrix.filters.source),
        _select("group", "Disorder group", matrix.groups, matrix.filters.group),
        _select("mechanism", "Therapy mechanism", matrix.mechanisms, matrix.filters.mechanism),
        tag("button", "Show", type="submit"),
        link("/matrix", "reset"),
        action="/matrix",
        method="get",
        class_="filters",
    )


def _legend() -> Markup:
    items = [tag("li", tag("span", line.code, class_=_chip_class(line)), " ", line.words) for line in LINES.values()]
    items.append(tag("li", tag("span", MENTIONED.code, class_=_chip_class(MENTIONED)), " ", MENTIONED.words))
    return tag("ul", *items, class_="legend", aria_label="Legend")


def _detail(option: Option) -> str:
    parts = [option.words]
    if option.qualifier:
        parts.append(option.qualifier)
    if option.patient_group:
        parts.append(f"in {option.patient_group}")
    if option.partner:
        parts.append(f"with {option.partner}")
    quote = f": “{option.quote}”" if option.quote else ""
    return f"{'; '.join(parts)} ({option.locator or 'no locator'}){quote}"


def _chip(same: list[Option], footnote: int) -> Markup:
    """One chip per line for options of one source with the same lines; it links to the first statement.

    The lecture names some therapies for a disorder on several slides: those statements share a chip,
    its tooltip quotes each, and the count says how many there are.
    """
    first = same[0]
    title = f"{first.source_title} ({first.when}) — " + " | ".join(_detail(o) for o in same)
    chips = [
        link(local_path(first.iri) or "", line.code, class_=_chip_class(line), title=title)
        for line in first.lines or [MENTIONED]
    ]
    count = tag("span", f"×{len(same)}", class_="times", title=f"{len(same)} statements") if len(same) > 1 else None
    source = link(local_path(first.source) or "", str(footnote), title=first.source_title, class_="source-ref")
    return tag("span", join(chips, " "), count, tag("sup", source), class_="option")


def _chips(options: list[Option], footnotes: dict[str, int]) -> Markup:
    grouped: dict[tuple[str, str], list[Option]] = {}
    for option in options:
        grouped.setdefault((option.source, option.codes), []).append(option)
    return join((_chip(same, footnotes[same[0].source]) for same in grouped.values()), " ")


def render_matrix(matrix: Matrix) -> bytes:
    """The matrix page as UTF-8 HTML."""
    footnotes: dict[str, int] = {}
    for options in matrix.cells.values():
        for option in options:
            footnotes.setdefault(option.source, len(footnotes) + 1)
    header = tag(
        "tr",
        tag("th", "disorder \\ therapy", class_="corner"),
        *(tag("th", link(local_path(c.iri) or "", c.label), scope="col", class_="therapy") for c in matrix.columns),
    )
    rows = []
    for row in matrix.rows:
        cells = [tag("th", link(local_path(row.iri) or "", row.label), scope="row", class_="disorder", title=row.group)]
        for column in matrix.columns:
            options = matrix.cell(row, column)
            words = "; ".join(o.words for o in options)
            cells.append(
                tag(
                    "td",
                    _chips(options, footnotes),
                    data_disorder=row.label,
                    data_therapy=column.label,
                    data_lines=words or None,
                    class_="cell" if options else "cell empty",
                )
            )
        rows.append(tag("tr", *cells))
    titles = {o.source: (o.source_title, o.when) for cell in matrix.cells.values() for o in cell}
    notes = [
        tag("li", link(local_path(iri) or "", titles[iri][0]), f" ({titles[iri][1]})", value=number)
        for iri, number in footnotes.items()
    ]
    body = tag(
        "article",
        tag("h1", "Treatment matrix"),
        tag(
            "p",
            "Treatment options of each disorder as the sources state them, by line of therapy and setting. ",
            "Each code links to its statement; the small number to its source. With the source set to the lecture's ",
            "table, the matrix is that table. A year such as ≥2011 is the earliest the source can date from. ",
            tag("strong", "Research resource, not medical advice."),
            class_="muted",
        ),
        _filters(matrix),
        _legend(),
        tag(
            "p",
            f"{len(matrix.rows)} disorders × {len(matrix.columns)} therapies, {matrix.options} options.",
            class_="count",
        ),
        tag(
            "div",
            tag("table", tag("thead", header), tag("tbody", *rows), class_="matrix", id="matrix"),
            class_="scroll",
        )
        if matrix.rows
        else tag("p", "No option matches these filters.", class_="notice"),
        tag("h2", "Sources"),
        tag("ol", *notes, class_="sources"),
        class_="matrix-page",
    )
    return page("Treatment matrix", body)
