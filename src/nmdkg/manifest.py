"""Whether build/ is up to date with the sources, cheaply (no RDF library imported)."""

from __future__ import annotations

import hashlib
import json
import logging

from .paths import Project

logger = logging.getLogger(__name__)

__all__ = ["ASSERTED", "GRAPH_FILES", "INFERRED", "MANIFEST", "STORE", "ensure_built", "is_up_to_date", "source_digest"]

#: What ``nmdkg build`` writes into build/: the asserted graph, HermiT's additions, both in Oxigraph, the digest.
ASSERTED = "nmd.ttl"
INFERRED = "nmd-inferred.ttl"
GRAPH_FILES = (ASSERTED, INFERRED)
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


def ensure_built(project: Project) -> bool:
    """Build the graph if the sources changed since the last build; True if it built.

    Checks the digest first, so that an up-to-date checkout never imports the RDF libraries.
    """
    if is_up_to_date(project):
        return False
    from .build import build

    logger.warning("the curated sources changed; building the graph first")
    build(project)
    return True
