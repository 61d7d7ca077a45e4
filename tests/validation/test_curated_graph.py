"""The real curated sources validate clean: no error from the loader, the shapes, HermiT or the quality checks.

Warnings (e.g. entities without a definition) are allowed, as in `nmdkg validate`.
"""

from __future__ import annotations

from nmdkg.paths import Project
from nmdkg.validation.findings import Severity
from nmdkg.validation.render import render
from nmdkg.validation.runner import validate


def test_the_curated_graph_validates_clean(project: Project) -> None:
    report = validate(project)
    assert report.exit_code == 0, "`nmdkg validate` finds errors:\n" + render(report, lowest=Severity.ERROR)
