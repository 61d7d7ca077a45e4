"""The fixture checkout, built and released once per session.

The release tests do not use the real curation/: it is edited in parallel, and a release test
should fail for a release bug, not for a curation in progress.
"""

from __future__ import annotations

import pytest

from nmdkg.export import ExportResult, export_release
from nmdkg.paths import Project

from .checkout import VERSION, make_checkout


@pytest.fixture(scope="session")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return make_checkout(tmp_path_factory.mktemp("checkout"))


@pytest.fixture(scope="session")
def release(checkout: Project) -> ExportResult:
    """The fixture checkout exported (building first) into its release/ folder."""
    return export_release(checkout, version=VERSION)
