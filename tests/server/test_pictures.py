"""The pictures over HTTP: the treatment matrix page and its filters, disorder diagrams, antibody charts."""

from __future__ import annotations

import json
import re
import urllib.parse
import xml.etree.ElementTree as ET

from .conftest import RunningServer

BROWSER = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"
TABLE = "https://w3id.org/nmdkg/source/lecture-treatment-table"


def _cell(html: str, disorder: str, therapy: str) -> str:
    match = re.search(rf'<td data-disorder="{disorder}" data-therapy="{therapy}"[^>]*>(.*?)</td>', html, re.S)
    assert match, f"no cell {disorder} x {therapy}"
    return match.group(0)


def test_the_matrix_page_shows_every_option_with_links_to_statement_and_source(server: RunningServer) -> None:
    status, headers, body = server.get("/matrix", accept=BROWSER)
    assert status == 200 and headers["content-type"].startswith("text/html")
    html = body.decode()
    cell = _cell(html, "multifocal motor neuropathy", "corticosteroids")
    assert 'data-lines="avoid' in cell
    assert re.search(r'<a href="/NMD_TO\d{4}" class="chip line-Avoid"[^>]*>NO</a>', cell)
    assert 'href="/source/lecture-treatment-table"' in cell
    assert re.search(r"\d+ disorders × \d+ therapies, 20\d options\.", html)


def test_the_lecture_filter_shows_the_table(server: RunningServer) -> None:
    query = urllib.parse.urlencode({"source": TABLE})
    status, _, body = server.get(f"/matrix?{query}", accept=BROWSER)
    html = body.decode()
    assert status == 200
    assert "9 disorders × 7 therapies, 47 options." in html
    assert 'class="chip line-Crisis"' in _cell(html, "myasthenia gravis", "intravenous immunoglobulin")
    assert f'<option value="{TABLE}" selected>' in html


def test_an_unknown_filter_value_is_400(server: RunningServer) -> None:
    status, _, body = server.get("/matrix?group=%3Cscript%3E", accept=BROWSER)
    assert status == 400
    assert b"unknown group" in body and b"<script>" not in body


def test_a_disorder_page_embeds_its_diagram_and_antibody_profile(server: RunningServer) -> None:
    status, _, body = server.get("/NMD_0000015", accept=BROWSER)
    html = body.decode()
    assert status == 200
    assert '<section id="pictures">' in html
    assert 'id="node_ab_NMD_0001011"' in html and 'class="antibody-chart"' in html
    assert "<?xml" not in html and "<!DOCTYPE svg" not in html


def test_the_diagram_is_an_svg_file(server: RunningServer) -> None:
    status, headers, body = server.get("/diagram/NMD_0000015.svg")
    assert status == 200 and headers["content-type"] == "image/svg+xml"
    titles = {t.text for t in ET.fromstring(body).iter("{http://www.w3.org/2000/svg}title")}
    assert "line_Avoid_NMD_0002001" in titles


def test_only_disorders_have_diagrams(server: RunningServer) -> None:
    assert server.get("/diagram/NMD_0002016.svg")[0] == 404  # rituximab
    assert server.get("/diagram/NMD_9999999.svg")[0] == 404
    assert server.get("/diagram/../etc/passwd.svg")[0] == 404


def test_a_target_page_charts_the_disorders_with_its_antibodies(server: RunningServer) -> None:
    status, _, body = server.get("/NMD_0001001", accept=BROWSER)  # acetylcholine receptor
    html = body.decode()
    assert status == 200
    assert 'class="antibody-chart"' in html and "generalized myasthenia gravis" in html
    assert 'id="diagram"' not in html


def test_a_search_with_no_hit_suggests_close_matches(server: RunningServer) -> None:
    status, _, body = server.get("/search?q=myastenia&format=json")
    data = json.loads(body)
    assert status == 200 and data["results"] == []
    assert [(s["label"], s["url"]) for s in data["suggestions"]] == [("myasthenia gravis", "/NMD_0000031")]
    html = server.get("/search?q=myastenia", accept=BROWSER)[2].decode()
    assert "Did you mean:" in html and 'href="/NMD_0000031"' in html
