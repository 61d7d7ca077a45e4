"""Antibody profile charts: how often each antibody is found, as bars over 0-100 %, in SVG.

A finding with a range ("22-85%") is a bar from low to high; a single figure ("80%") a short mark;
a finding the source gives only in words ("frequently") is listed with its words and no bar, so the
chart never shows a number the source did not give. Built with the same escaping element builder as
the pages (:mod:`nmdkg.server.html`): no label from the graph can become markup.
"""

from __future__ import annotations

from ..server.entities import local_path
from ..server.html import Markup, tag
from .facts import Finding

__all__ = ["antibody_chart"]

ROW = 24
LABEL_WIDTH = 330
MAX_NAME = 46
BAR_WIDTH = 360
TEXT_WIDTH = 230
TOP = 28
BAR_COLOUR = "#0072B2"


def _percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def antibody_chart(findings: list[Finding], *, by: str = "antibody", title: str = "") -> Markup:
    """An SVG bar chart of ``findings``; rows named by antibody (a disorder's chart) or by disorder (a target's)."""
    rows = sorted(
        findings, key=lambda f: (-(f.high or f.low or -1), f.antibody if by == "antibody" else f.disorder_label)
    )
    width = LABEL_WIDTH + BAR_WIDTH + TEXT_WIDTH
    height = TOP + ROW * len(rows) + 8
    parts: list[Markup] = [tag("title", title or "Antibody profile")]
    for tick in (0, 25, 50, 75, 100):
        x = LABEL_WIDTH + BAR_WIDTH * tick / 100
        parts.append(tag("line", x1=x, y1=TOP - 6, x2=x, y2=height - 8, stroke="#dddddd"))
        parts.append(tag("text", f"{tick}%", x=x, y=TOP - 10, text_anchor="middle", class_="tick"))
    for i, finding in enumerate(rows):
        parts.append(_row(finding, TOP + ROW * i, by))
    return tag(
        "svg",
        *parts,
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {width} {height}",
        width=width,
        height=height,
        role="img",
        class_="antibody-chart",
        font_family="DejaVu Sans, Arial, sans-serif",
        font_size=12,
        aria_label=title or "Antibody profile",
    )


def _row(finding: Finding, y: int, by: str) -> Markup:
    name, iri = (finding.antibody, finding.target) if by == "antibody" else (finding.disorder_label, finding.disorder)
    if finding.patient_group:
        name = f"{name} ({finding.patient_group})"
    if len(name) > MAX_NAME:
        name = name[: MAX_NAME - 1] + "…"
    path = local_path(iri) if iri else None
    label = tag("text", name, x=LABEL_WIDTH - 8, y=y + 16, text_anchor="end", class_="name")
    if path:
        label = tag("a", label, href=path)
    source = f"{finding.source_title}, {finding.locator}" if finding.locator else finding.source_title
    words = " · ".join(p for p in (finding.isotype_label if by != "antibody" else None, finding.frequency) if p)
    low, high = finding.low, finding.high if finding.high is not None else finding.low
    if low is None and high is not None:
        low = high
    shapes: list[Markup] = []
    if low is not None and high is not None:
        x = LABEL_WIDTH + BAR_WIDTH * low
        bar = max(BAR_WIDTH * (high - low), 4)
        shapes.append(
            tag(
                "rect",
                x=round(x - (2 if high == low else 0), 1),
                y=y + 5,
                width=round(bar, 1),
                height=14,
                rx=3,
                fill=BAR_COLOUR,
                class_="bar",
                data_low=_percent(low),
                data_high=_percent(high),
            )
        )
        text_x = LABEL_WIDTH + BAR_WIDTH * high + 8
    else:
        text_x = LABEL_WIDTH + 4
        words = f"{words or 'reported'} (no figure given)"
    shapes.append(tag("text", words, x=round(text_x, 1), y=y + 16, class_="value"))
    return tag(
        "g",
        tag("title", f"{finding.antibody} in {finding.disorder_label}: {finding.frequency or 'reported'} ({source})"),
        label,
        *shapes,
        class_="finding",
        data_finding=finding.iri,
    )
