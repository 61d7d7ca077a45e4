"""Shared fixtures: the real checkout, built once per test session into its build/ folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nmdkg.build import build
from nmdkg.paths import Project
from nmdkg.queries import QueryLibrary
from nmdkg.store import EmbeddedStore

ROOT = Path(__file__).resolve().parents[1]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--generate-snapshots",
        action="store_true",
        default=False,
        help="rewrite the golden files (tests/queries/golden/) from the current build instead of comparing",
    )


@pytest.fixture(scope="session")
def project() -> Project:
    """This checkout, or the one ``$NMDKG_ROOT`` names (as the CLI would pick it)."""
    return Project(Path(os.environ["NMDKG_ROOT"]).resolve() if os.environ.get("NMDKG_ROOT") else ROOT)


@pytest.fixture(scope="session")
def built(project: Project) -> Project:
    """The checkout with build/ up to date (built once; skipped if the sources are unchanged)."""
    build(project)
    return project


@pytest.fixture(scope="session")
def store(built: Project) -> EmbeddedStore:
    return EmbeddedStore.open(built.build / "store")


@pytest.fixture(scope="session")
def library(project: Project) -> QueryLibrary:
    return QueryLibrary(project.queries)
