"""Antibody profile charts: a bar per figure the source gives, words where it gives none."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from nmdkg.lookups import Lookups
from nmdkg.pictures import facts
from nmdkg.pictures.chart import antibody_chart

from .conftest import ACHR, MMN

SVG = "{http://www.w3.org/2000/svg}"


def bars(svg: str) -> dict[str, tuple[str, str]]:
    """Each finding's bar as (low, high) percentages, by the finding's text."""
    out = {}
    for group in ET.fromstring(svg).iter(f"{SVG}g"):
        rect = group.find(f"{SVG}rect")
        name = group.find(f".//{SVG}text")
        if rect is not None and name is not None:
            out[f"{name.text} {rect.get('data-low')}"] = (rect.get("data-low"), rect.get("data-high"))
    return out


def test_a_disorder_profile_draws_ranges_and_single_figures(lookups: Lookups) -> None:
    svg = antibody_chart(facts.antibody_findings(lookups, disorder=MMN), title="MMN")
    drawn = bars(svg)
    assert drawn["IgM anti-ganglioside GM1 22%"] == ("22%", "85%")
    assert drawn["IgG anti-ganglioside GM1 1%"] == ("1%", "1%")


def test_a_finding_without_a_figure_gets_no_bar(lookups: Lookups) -> None:
    findings = facts.antibody_findings(lookups, target=ACHR)
    svg = antibody_chart(findings, by="disorder", title="AChR")
    worded = [f for f in findings if f.low is None and f.high is None]
    assert worded, "expected a finding the source gives only in words"
    assert svg.count("<rect") == len(findings) - len(worded)
    assert "(no figure given)" in svg


def test_a_target_chart_lists_the_disorders_with_that_antibody(lookups: Lookups) -> None:
    findings = facts.antibody_findings(lookups, target=ACHR)
    assert {f.target_label for f in findings} == {"acetylcholine receptor"}
    svg = antibody_chart(findings, by="disorder", title="AChR")
    assert "generalized myasthenia gravis" in svg and "85%" in svg


def test_labels_are_escaped() -> None:
    finding = facts.Finding("x", "d", "<b>evil</b>", None, None, None, "1%", 0.01, 0.01, None, "s & t", None)
    svg = antibody_chart([finding], by="disorder")
    assert "<b>" not in svg and "&lt;b&gt;evil" in svg
    ET.fromstring(svg)
