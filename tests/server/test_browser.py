"""A headless Chromium (Debian's package, installed by `make browser`) uses the query page and an entity page.

Driven by Playwright's Python API with the system Chromium: Playwright downloads no browser, and
the browser is started with every background network feature off, so the test runs offline.
Screenshots go to test-artifacts/ (git-ignored). A missing browser or editor fails the test with
the command that installs it; it is never skipped.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nmdkg.server.query_page import yasgui_installed

from .conftest import ROOT, RunningServer

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
HEADLINE = "b-cell-therapies-igm-neuropathies"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)) and not shutil.which(CHROMIUM):
        pytest.fail(f"no Chromium at {CHROMIUM}: run `make browser` (scripts/apt-ensure.sh installs Debian's chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the playwright package is missing: run `make` (pip install -e '.[test]')")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS, viewport={"width": 1280, "height": 900}
        )
        yield context
        context.close()


def _page(browser: Any) -> tuple[Any, list[str], list[str]]:
    page = browser.new_page()
    problems: list[str] = []
    outside: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on(
        "request",
        lambda request: None if request.url.startswith(("http://127.0.0.1", "data:")) else outside.append(request.url),
    )
    return page, problems, outside


def test_the_query_page_runs_a_named_query_and_shows_the_table(server: RunningServer, browser: Any) -> None:
    if not yasgui_installed():
        pytest.fail("YASGUI is not installed: run `make web` (npm ci in web/, copied into the package)")
    ARTIFACTS.mkdir(exist_ok=True)
    page, problems, outside = _page(browser)
    page.goto(server.url + "/query")
    page.wait_for_selector("#yasgui .CodeMirror", timeout=15_000)
    page.select_option("#nmdkg-examples", HEADLINE)
    assert HEADLINE in page.evaluate(
        "window.nmdkgYasgui.getTab().getQuery()"
    ) or "IgMTargetNeuropathy" in page.evaluate("window.nmdkgYasgui.getTab().getQuery()")
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table tbody tr", timeout=15_000)
    rows = page.locator(".yasr table tbody tr")
    assert rows.count() > 0
    headers = page.locator(".yasr table thead th").all_inner_texts()
    assert any("therapyLabel" in h for h in headers), headers
    page.screenshot(path=str(ARTIFACTS / "query-page.png"), full_page=True)
    assert outside == [], "the page fetched something from outside the server"
    assert problems == [], problems
    page.close()


def test_an_entity_page_shows_its_label(server: RunningServer, browser: Any) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page, problems, outside = _page(browser)
    page.goto(server.url + "/NMD_0000015")
    assert page.locator("h1").inner_text() == "multifocal motor neuropathy"
    assert page.locator("section#statements table").count() > 0
    page.screenshot(path=str(ARTIFACTS / "entity-page.png"), full_page=True)
    page.click("section#facts a[href^='/NMD_']")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text()
    assert outside == [] and problems == [], (outside, problems)
    page.close()


def test_the_search_box_leads_to_the_entity(server: RunningServer, browser: Any) -> None:
    page, problems, _ = _page(browser)
    page.goto(server.url + "/")
    page.fill("header input[name=q]", "multifocal")
    page.press("header input[name=q]", "Enter")
    page.wait_for_selector("ol.hits a")
    page.click("ol.hits a >> text=multifocal motor neuropathy")
    page.wait_for_selector("h1")
    assert page.url.endswith("/NMD_0000015")
    assert problems == [], problems
    page.close()


def test_the_treatment_matrix_shows_mmn_corticosteroids_as_avoid(server: RunningServer, browser: Any) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page, problems, outside = _page(browser)
    page.goto(server.url + "/matrix")
    cell = page.locator('td[data-disorder="multifocal motor neuropathy"][data-therapy="corticosteroids"]')
    assert cell.get_attribute("data-lines").split("; ")[0] == "avoid"
    chip = cell.locator("a.chip").first
    assert chip.inner_text() == "NO"
    assert chip.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(213, 94, 0)"  # the legend's avoid
    page.screenshot(path=str(ARTIFACTS / "treatment-matrix.png"), full_page=True)
    page.select_option("#filter-source", "https://w3id.org/nmdkg/source/lecture-treatment-table")
    page.click("form.filters button")
    page.wait_for_selector("p.count")
    assert page.locator("p.count").inner_text() == "9 disorders × 7 therapies, 47 options."
    assert page.locator("table.matrix tbody th.disorder").all_inner_texts()[:3] == [
        "chronic inflammatory demyelinating polyradiculoneuropathy",
        "Guillain-Barre syndrome",
        "multifocal motor neuropathy",
    ]
    page.screenshot(path=str(ARTIFACTS / "treatment-matrix-lecture-table.png"), full_page=True)
    chip = page.locator('td[data-disorder="multifocal motor neuropathy"][data-therapy="corticosteroids"] a.chip')
    chip.click()
    page.wait_for_selector("h1")
    assert re.search(r"/NMD_TO\d{4}$", page.url)
    assert "avoid" in page.locator("section#facts").inner_text()
    assert outside == [] and problems == [], (outside, problems)
    page.close()


def test_a_disorder_page_draws_its_diagram_and_antibody_profile(server: RunningServer, browser: Any) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page, problems, outside = _page(browser)
    page.goto(server.url + "/NMD_0000015")
    diagram = page.locator("figure#diagram svg")
    assert diagram.locator("g.node").count() > 20
    assert diagram.locator("g#node_NMD_0000015 text").text_content() == "multifocal motor neuropathy"
    assert diagram.locator("g#node_ab_NMD_0001011 text").text_content() == "anti-ganglioside GM1"
    assert diagram.locator("g#node_line_Avoid_NMD_0002001 text").text_content() == "corticosteroids"
    assert diagram.bounding_box()["width"] > 300
    bars = page.locator("figure#antibody-profile svg rect.bar")
    assert bars.count() >= 6
    page.locator("figure#diagram").screenshot(path=str(ARTIFACTS / "disorder-diagram.png"))
    page.locator("figure#antibody-profile").screenshot(path=str(ARTIFACTS / "antibody-profile.png"))
    page.screenshot(path=str(ARTIFACTS / "disorder-page.png"), full_page=True)
    diagram.locator("g#node_ab_NMD_0001011 a").first.click()
    page.wait_for_selector("h1")
    assert page.url.endswith("/NMD_0001011")
    assert page.locator("figure#antibody-profile svg rect.bar").count() >= 3  # a target's chart
    assert outside == [] and problems == [], (outside, problems)
    page.close()
