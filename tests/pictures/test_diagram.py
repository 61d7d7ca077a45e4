"""Disorder diagrams: DOT that no label can break, drawn by the real Graphviz into SVG naming its nodes."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from nmdkg.lookups import Lookups
from nmdkg.pictures import facts
from nmdkg.pictures.diagram import Diagram, GraphvizError, read_diagram, render_svg, to_dot
from nmdkg.pictures.facts import Neighbour

from .conftest import MG, MMN

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"


def svg_nodes(svg: str) -> dict[str, str]:
    """Each node group's id and the text it shows."""
    root = ET.fromstring(svg)
    return {
        g.get("id", ""): " ".join(t.text or "" for t in g.iter(f"{SVG}text"))
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "node"
    }


@pytest.fixture(scope="module")
def mmn(lookups: Lookups, options: list[facts.Option]) -> Diagram:
    return read_diagram(lookups, MMN, "multifocal motor neuropathy", all_options=options)


def test_the_mmn_diagram_names_its_neighbours(mmn: Diagram) -> None:
    nodes = svg_nodes(render_svg(to_dot(mmn)))
    assert nodes["node_NMD_0000015"] == "multifocal motor neuropathy"
    assert nodes["node_ab_NMD_0001011"] == "anti-ganglioside GM1"
    assert nodes["node_line_Avoid_NMD_0002001"] == "corticosteroids"
    assert nodes["node_line_FirstLine_NMD_0002004"] == "intravenous immunoglobulin"
    assert nodes["node_mechanism_NMD_0003006"].startswith("antibody-mediated conduction block")


def test_isotypes_and_frequencies_label_the_antibody_edges(mmn: Diagram) -> None:
    dot = to_dot(mmn)
    assert 'ab_NMD_0001011 -> NMD_0000015 [label="IgA · 5%; IgG · 1%; IgM · 22-85%; IgM · 43%"]' in dot


def test_every_node_links_to_a_page_on_this_server(lookups: Lookups, options: list[facts.Option]) -> None:
    svg = render_svg(to_dot(read_diagram(lookups, MG, "myasthenia gravis", all_options=options)))
    root = ET.fromstring(svg)
    nodes = [g for g in root.iter(f"{SVG}g") if g.get("class") == "node"]
    links = [a.get(XLINK) for g in nodes for a in g.iter(f"{SVG}a") if a.get(XLINK)]
    assert len(links) == len(nodes) > 30
    assert all(link.startswith("/NMD_") for link in links)
    assert "Crisis" in svg and "Maintenance" in svg


def test_labels_cannot_break_the_dot_language() -> None:
    hostile = 'x" -> y [label="owned"]; \\N <script>'
    diagram = Diagram("https://w3id.org/nmdkg/NMD_0000001", hostile)
    diagram.neighbours.append(
        Neighbour("trigger", "https://w3id.org/nmdkg/NMD_0005000", hostile, None, None, None, None)
    )
    svg = render_svg(to_dot(diagram))
    assert "<script>" not in svg
    assert svg_nodes(svg)["node_NMD_0000001"] == hostile


def test_a_missing_graphviz_says_how_to_install_it() -> None:
    with pytest.raises(GraphvizError, match="make graphviz"):
        render_svg("digraph {}", program="nmdkg-no-such-dot")
