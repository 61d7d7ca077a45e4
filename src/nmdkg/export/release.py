"""Cutting a release: build if stale, render every release file, and swap the release folder in whole."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from ..atomic import write_bytes
from ..errors import InputError
from ..manifest import ASSERTED, INFERRED, ensure_built
from ..paths import Project
from . import jsonld, notes, prefixmap, rdf, sssom, void
from .canonical import canonical_graph
from .folder import replace_folder
from .iris import MEDIA_TYPES, VERSION_PATTERN

__all__ = ["RELEASE_FILES", "ExportResult", "check_version", "export_release"]

logger = logging.getLogger(__name__)

#: Every file a release folder holds, in the order they are written.
RELEASE_FILES = tuple(MEDIA_TYPES)


@dataclass(frozen=True)
class ExportResult:
    """What ``export_release`` wrote: where, which version, each file's size, and the triple counts."""

    folder: Path
    version: str
    asserted_triples: int
    inferred_triples: int
    built: bool
    sizes: dict[str, int] = field(default_factory=dict)


def check_version(version: str, /) -> str:
    """``version`` if it is a real date written YYYY-MM-DD.

    >>> check_version("2026-11-22")
    '2026-11-22'

    :raises InputError: otherwise, saying the expected form.
    """
    try:
        if VERSION_PATTERN.fullmatch(version):
            dt.date.fromisoformat(version)
            return version
    except ValueError:
        pass
    raise InputError(f"release version {version!r} is not a date YYYY-MM-DD (e.g. {dt.date.today().isoformat()})")


def _parse(path: Path) -> Graph:
    return Graph(bind_namespaces="none").parse(path, format="turtle")


def _with_prefixes(graph: Graph, prefixes: dict[str, str]) -> Graph:
    for prefix, stem in prefixes.items():
        graph.bind(prefix, stem, override=True, replace=True)
    return graph


def export_release(project: Project, /, *, output: Path | None = None, version: str | None = None) -> ExportResult:
    """Write a release of ``project`` into ``output`` (default ``release/``), replacing it as a whole.

    Builds first if ``build/`` is stale. Files are rendered one by one into a temporary folder
    beside ``output``; only when all are written does that folder take ``output``'s place, so a
    failure at any point leaves the previous release untouched.

    :param output: the release folder; it may be new, empty or a previous release.
    :param version: the release date, YYYY-MM-DD (default: today).
    :raises InputError: for a malformed version, or an ``output`` holding files that are not a release's.
    :raises CurationError: if a needed build finds problems in the curated sources.
    :raises ReasoningError: if a needed build finds the ontology inconsistent.
    """
    version = check_version(version or dt.date.today().isoformat())
    folder = (output or project.release).resolve()
    built = ensure_built(project)
    asserted = rdf.stamp_version(_parse(project.build / ASSERTED), version=version)
    inferred_raw = _parse(project.build / INFERRED)
    prefixes = prefixmap.release_prefixes(term for triple in asserted + inferred_raw for term in triple)
    graph = _with_prefixes(canonical_graph(asserted), prefixes)
    inferred = _with_prefixes(canonical_graph(inferred_raw), prefixes)
    previous = notes.load_previous(folder)
    license_iri = str(void.license_of(graph))
    sizes: dict[str, int] = {}
    with replace_folder(folder, allowed=RELEASE_FILES) as work:

        def put(name: str, data: bytes) -> None:
            write_bytes(work / name, data)
            sizes[name] = len(data)

        put("nmd.owl", rdf.render_owl(graph, version=version, prefixes=prefixes))
        put("nmd.ttl", rdf.render_turtle(graph, version=version))
        put("nmd.nt", rdf.render_ntriples(graph))
        put("nmd.jsonld", jsonld.render_jsonld(graph, prefixes=prefixes))
        put("nmd-inferred.ttl", rdf.render_inferred(inferred, version=version))
        put("nmd.sssom.tsv", sssom.render_sssom(graph, version=version, prefixes=prefixes, license_iri=license_iri))
        put("context.jsonld", prefixmap.render_context(prefixes))
        put("prefixes.json", prefixmap.render_prefixes(prefixes))
        files = dict(sizes)
        description = void.describe_release(graph, inferred, version=version, sizes=files)
        put("void.ttl", void.render_void(description, version=version))
        put("RELEASE-NOTES.md", notes.render_notes(graph, inferred, version=version, sizes=files, previous=previous))
    logger.info("wrote release %s to %s", version, folder)
    return ExportResult(folder, version, len(graph), len(inferred), built, sizes)
