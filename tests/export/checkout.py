"""The fixture checkout the release tests export: the real schema plus a tiny hand-written curation."""

from __future__ import annotations

import shutil
from pathlib import Path

from nmdkg.namespaces import entity_iri
from nmdkg.paths import Project

__all__ = ["FIXTURE_CURATION", "MULTIFOCAL_MOTOR_NEUROPATHY", "RITUXIMAB", "VERSION", "make_checkout"]

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_CURATION = Path(__file__).parent / "fixtures" / "curation"
VERSION = "2026-11-23"
MULTIFOCAL_MOTOR_NEUROPATHY = entity_iri("NMD:0000015")
RITUXIMAB = entity_iri("NMD:0002016")


def make_checkout(root: Path) -> Project:
    """A checkout at ``root`` with the real ``ontology/nmd.owl`` and the fixture curation."""
    (root / "ontology").mkdir(parents=True)
    shutil.copy(ROOT / "ontology" / "nmd.owl", root / "ontology" / "nmd.owl")
    shutil.copytree(FIXTURE_CURATION, root / "curation")
    return Project(root)
