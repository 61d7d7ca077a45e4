"""One validation: read the inputs, then run the quality checks, the SHACL shapes and HermiT."""

from __future__ import annotations

import logging
import re
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from ..curation.to_rdf import load_curation
from ..errors import CurationError, Location, Problem
from ..namespaces import entity_iri
from ..paths import Project
from .consistency import check_consistency
from .findings import Engine, Finding, Report, Severity
from .inputs import Inputs, ParsedRdf, parse_rdf, prepare_inputs
from .locate import Locator, RdfFile
from .quality import load_checks, oxigraph_copy, run_checks
from .shacl import load_shapes, run_shacl
from .xrefs import check_xref_forms

__all__ = ["Loaded", "load_inputs", "validate"]

logger = logging.getLogger(__name__)

_INPUT_RULE = "Every input can be read: TSV tables in the curation format, RDF files in valid syntax."
_ROW_ID = re.compile(r"NMD:(\d{7}|[A-Z]{2}\d{4})")


@dataclass
class Loaded:
    """The graph to validate and how to locate its nodes."""

    graph: Graph
    locator: Locator


def _rdf_file(parsed: ParsedRdf, *, added: bool) -> RdfFile:
    graph = parsed.graph if added else None  # the schema's graph holds everything: never ask it
    return RdfFile(parsed.source.path, parsed.source.display, parsed.namespaces, graph)


def load_inputs(inputs: Inputs) -> Loaded:
    """Schema + curated tables + extra RDF in one graph, like the build's asserted graph.

    :raises CurationError: with every problem found in any input, located in the user's files.
    """
    problems: list[Problem] = []
    try:
        schema = parse_rdf(inputs.schema)
    except CurationError as exc:
        problems.extend(exc.problems)
        schema = None
    graph = schema.graph if schema is not None else Graph()
    locations: dict[URIRef, Location] = {}
    try:
        curated = load_curation(inputs.curation, graph)
        locations = {iri: inputs.display(location) for iri, location in curated.locations.items()}
    except CurationError as exc:
        problems.extend(Problem(inputs.display(p.location), p.message, p.hint) for p in exc.problems)
    extras: list[ParsedRdf] = []
    for source in inputs.extra:
        try:
            extras.append(parse_rdf(source))
        except CurationError as exc:
            problems.extend(exc.problems)
    if problems:
        raise CurationError(problems)
    for parsed in extras:
        graph += parsed.graph
    rdf_files = [_rdf_file(p, added=True) for p in extras]
    if schema is not None:
        rdf_files.append(_rdf_file(schema, added=False))
    return Loaded(graph, Locator(graph, locations=locations, rdf_files=rdf_files))


def _row_of(location: Location, inputs: Inputs) -> tuple[str | None, str | None]:
    """The id (as an IRI) and label of the TSV row at ``location``, to name it in the report."""
    name = location.file.replace("\\", "/").rsplit("/", 1)[-1]
    path = inputs.curation / name
    if location.line is None or not name.endswith(".tsv") or not path.is_file():
        return None, None
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    if not 1 < location.line <= len(lines):
        return None, None
    header, cells = lines[0].split("\t"), lines[location.line - 1].split("\t")
    row = dict(zip(header, cells, strict=False))
    curie = row.get("id", "").strip()
    if not _ROW_ID.fullmatch(curie):
        return None, None
    return str(entity_iri(curie)), (row.get("label") or "").strip() or None


def _input_findings(problems: Sequence[Problem], inputs: Inputs | None) -> list[Finding]:
    findings = []
    for p in problems:
        focus, label = _row_of(p.location, inputs) if inputs is not None else (None, None)
        findings.append(
            Finding(
                check="input_error",
                severity=Severity.ERROR,
                message=p.message,
                engine=Engine.INPUT,
                focus=focus,
                label=label,
                file=p.location.file,
                line=p.location.line,
                column=p.location.column,
                rule=_INPUT_RULE,
                fix=p.hint,
            )
        )
    return findings


def validate(project: Project, files: Sequence[Path] = (), *, reasoner: bool = True) -> Report:
    """Validate the curated sources of ``project``, with ``files`` standing in for their namesakes.

    Never writes to the project or to ``files``: replaced tables go to a temporary copy.

    :param project: the checkout (its ``curation/``, ``ontology/``, ``shapes/`` and ``queries/qc/``).
    :param files: edited tables (``*.tsv``), a replacement ``nmd.owl``, or extra RDF to add.
    :param reasoner: run HermiT (about 1-2 s); off for a quick check of an edit.
    :return: the report; its ``exit_code`` is 2 if an input could not be read.
    :raises InputError: for a file that does not exist or is neither a table nor RDF.
    """
    report = Report()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="nmdkg-validate-") as scratch:
        inputs = prepare_inputs(project, files, Path(scratch))
        report.inputs = inputs.files
        try:
            loaded = load_inputs(inputs)
            shapes = load_shapes(project.shapes, root=project.root)
        except CurationError as exc:
            report.extend(_input_findings(exc.problems, inputs))
            report.seconds["load"] = time.perf_counter() - started
            return report
    report.triples = len(loaded.graph)
    checks = load_checks(project.queries / "qc")
    report.seconds["load"] = time.perf_counter() - started

    started = time.perf_counter()
    report.extend(run_checks(oxigraph_copy(loaded.graph), checks, loaded.locator))
    report.extend(check_xref_forms(loaded.graph, loaded.locator))
    report.seconds["quality checks"] = time.perf_counter() - started

    started = time.perf_counter()
    report.extend(run_shacl(loaded.graph, shapes, loaded.locator))
    report.seconds["shacl"] = time.perf_counter() - started

    # HermiT last and not in a thread beside pySHACL: both need the GIL for most of their time
    # (measured: 0.2 s gained of 3.4 s), and the OWL check matters least for a quick edit loop.
    if reasoner:
        started = time.perf_counter()
        report.extend(check_consistency(loaded.graph, loaded.locator))
        report.seconds["hermit"] = time.perf_counter() - started
    else:
        report.skipped.append("OWL consistency (HermiT): --no-reasoner")
    return report
