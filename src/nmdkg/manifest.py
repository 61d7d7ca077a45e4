"""Whether build/ is up to date with the sources, cheaply (no RDF library imported)."""

from __future__ import annotations

import hashlib
import json

from .paths import Project

__all__ = ["MANIFEST", "STORE", "is_up_to_date", "source_digest"]

STORE = "store"
MANIFEST = "manifest.json"


def source_digest(project: Project) -> str:
    """A digest of every build input, so that an unchanged checkout is not rebuilt."""
    digest = hashlib.sha256()
    for path in [project.ontology, *sorted(project.curation.glob("*.tsv"))]:
        digest.update(path.relative_to(project.root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def is_up_to_date(project: Project) -> bool:
    """True when build/ holds a store built from exactly the current sources."""
    manifest = project.build / MANIFEST
    if not manifest.is_file() or not (project.build / STORE).is_dir():
        return False
    try:
        return json.loads(manifest.read_text(encoding="utf-8")).get("sources") == source_digest(project)
    except (ValueError, OSError):
        return False
