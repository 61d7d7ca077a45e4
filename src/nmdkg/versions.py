"""Loading one version of the graph for a diff: an RDF file, a checkout or curation folder, or a git revision.

A version is named as on the command line of ``nmdkg diff``:

- an RDF file (``build/nmd.ttl``, ``release/nmd.owl``, ``old.nt``): parsed as it is;
- a checkout (a folder with ``ontology/nmd.owl`` and ``curation/``) or a ``curation/`` folder:
  the asserted graph, as the build makes it (a bare curation folder takes the current schema);
- a git revision of the current checkout (``HEAD``, ``v1.0``, ``main~3``): its ``curation/`` and
  ``ontology/`` are extracted with ``git archive`` into a temporary folder and loaded like a
  checkout; ``REV:path/to/file.ttl`` takes one RDF file from that revision (``git show``).
"""

from __future__ import annotations

import io
import logging
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .curation.to_rdf import load_curation
from .errors import InputError
from .paths import Project
from .prefixes import prefix_map

__all__ = ["RDF_FORMATS", "Version", "load_version"]

logger = logging.getLogger(__name__)

RDF_FORMATS = {".ttl": "turtle", ".owl": "xml", ".rdf": "xml", ".nt": "nt", ".jsonld": "json-ld"}


@dataclass
class Version:
    """A loaded version: its graph and what it was loaded from (for the report header)."""

    name: str
    graph: Graph


def _new_graph() -> Graph:
    graph = Graph()
    for prefix, iri in prefix_map().items():
        graph.bind(prefix, iri)
    return graph


def _parse(data: bytes | Path, suffix: str, name: str) -> Graph:
    fmt = RDF_FORMATS.get(suffix.lower())
    if fmt is None:
        raise InputError(f"{name}: not an RDF file ({', '.join(RDF_FORMATS)}), a folder or a git revision")
    graph = _new_graph()
    try:
        if isinstance(data, Path):
            graph.parse(data, format=fmt)
        else:
            graph.parse(data=data, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific exception types
        raise InputError(f"{name}: not valid {fmt}: {str(exc).splitlines()[0] if str(exc) else exc}") from exc
    return graph


def _load_checkout(root: Path, schema: Path) -> Graph:
    graph = _parse(schema, schema.suffix, str(schema))
    return load_curation(root, graph).graph


def _git(project: Project, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(project.root), *args], capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise InputError("git is not installed: name versions as files or folders instead") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return done.stdout


def _from_git(spec: str, project: Project) -> Graph:
    revision, _, path = spec.partition(":")
    if path:
        return _parse(_git(project, "show", f"{revision}:{path}"), Path(path).suffix, spec)
    _git(project, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    archive = _git(project, "archive", "--format=tar", revision, "curation", "ontology")
    with tempfile.TemporaryDirectory(prefix="nmdkg-diff-") as folder, tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
        checkout = Project(Path(folder))
        return _load_checkout(checkout.curation, checkout.ontology)


def load_version(spec: str, project: Project) -> Version:
    """The graph that ``spec`` names (see the module docstring).

    :raises InputError: if ``spec`` is neither an RDF file, a folder nor a git revision.
    :raises CurationError: if the curated tables of that version do not load.
    """
    path = Path(spec)
    if path.is_file():
        return Version(spec, _parse(path, path.suffix, spec))
    if path.is_dir():
        if (path / "ontology" / "nmd.owl").is_file() and (path / "curation").is_dir():
            checkout = Project(path)
            return Version(spec, _load_checkout(checkout.curation, checkout.ontology))
        if (path / "sources.tsv").is_file():
            schema = path.parent / "ontology" / "nmd.owl"
            return Version(spec, _load_checkout(path, schema if schema.is_file() else project.ontology))
        raise InputError(f"{spec}: a folder must be a checkout (ontology/ and curation/) or a curation folder")
    if path.suffix.lower() in RDF_FORMATS and ":" not in spec:
        raise InputError(f"{spec}: no such file")
    return Version(spec, _from_git(spec, project))
