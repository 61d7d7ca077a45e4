"""A headless Chromium (Debian's package, installed by `make browser`) uses the query page and an entity page.

Driven by Playwright's Python API with the system Chromium: Playwright downloads no browser, and
the browser is started with every background network feature off, so the test runs offline.
Screenshots go to test-artifacts/ (git-ignored). A missing browser or editor fails the test with
the command that installs it; it is never skipped.
"""

from __future__ import annotations

import os
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
        pytest.fail(
            f"no Chromium at {CHROMIUM}: run `make browser` (scripts/setup-browser.sh installs Debian's chromium)"
        )
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
