"""What `nmdkg validate FILES` reads: edited tables in a scratch copy of curation/, and RDF files.

The user's files are only ever read. A TSV named like a curated table replaces that table in a
temporary copy of ``curation/``; ``nmd.owl`` replaces the schema; any other ``.ttl``, ``.owl``,
``.rdf`` or ``.nt`` file is added to the graph.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax import SAXParseException

from rdflib import Graph
from rdflib.plugins.parsers.notation3 import BadSyntax

from ..curation.spec import ENTITY_TABLES, STATEMENT_TABLES
from ..errors import CurationError, InputError, Location, Problem
from ..paths import Project
from ..prefixes import prefix_map

__all__ = ["RDF_FORMATS", "TABLE_FILES", "Inputs", "ParsedRdf", "RdfInput", "parse_rdf", "prepare_inputs"]

logger = logging.getLogger(__name__)

#: The curated table files a TSV argument may replace.
TABLE_FILES = frozenset({"sources.tsv"} | {t.file for t in ENTITY_TABLES} | {t.file for t in STATEMENT_TABLES})
#: File suffix -> rdflib parser.
RDF_FORMATS = {".ttl": "turtle", ".owl": "xml", ".rdf": "xml", ".nt": "nt"}
SCHEMA_FILE = "nmd.owl"


@dataclass(frozen=True)
class RdfInput:
    """An RDF file to read, and the name reports give it."""

    path: Path
    display: str

    @property
    def format(self) -> str:
        return RDF_FORMATS[self.path.suffix.lower()]


@dataclass
class ParsedRdf:
    """An RDF file that parsed, with the prefixes it declares (to find a subject's line)."""

    source: RdfInput
    graph: Graph
    namespaces: dict[str, str] = field(default_factory=dict)


@dataclass
class Inputs:
    """The sources of one validation: a curation folder, a schema file and extra RDF files."""

    curation: Path
    schema: RdfInput
    extra: list[RdfInput] = field(default_factory=list)
    #: ``curation/<table>.tsv`` -> the user's file that replaced it, for locations in reports.
    replaced: dict[str, str] = field(default_factory=dict)

    def display(self, location: Location) -> Location:
        """A location in the scratch copy, renamed to the user's file it came from."""
        if location.file in self.replaced:
            return Location(self.replaced[location.file], location.line, location.column)
        return location

    @property
    def files(self) -> list[str]:
        """What was validated, for the report header."""
        return ["curation/", self.schema.display, *self.replaced.values(), *(r.display for r in self.extra)]


def _syntax_line(exc: Exception, source: RdfInput) -> int | None:
    if isinstance(exc, BadSyntax):
        return int(exc.lines) + 1  # rdflib counts lines from 0
    if isinstance(exc, SAXParseException):
        return exc.getLineNumber()
    if source.format == "nt":  # rdflib names the bad line but not its number: find it
        for number, line in enumerate(source.path.read_text(encoding="utf-8").splitlines(), start=1):
            try:
                Graph().parse(data=line, format="nt")
            except Exception:  # any parser error marks the line
                return number
    return None


def _syntax_message(exc: Exception) -> str:
    if isinstance(exc, BadSyntax):
        return str(exc._why)  # the reason, without rdflib's dump of the input
    if isinstance(exc, SAXParseException):
        return str(exc.getMessage())
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def parse_rdf(source: RdfInput) -> ParsedRdf:
    """Parse one RDF file (never following owl:imports).

    :raises CurationError: naming the file and, where the parser says, the line of a syntax error.
    """
    graph = Graph()
    for prefix, iri in prefix_map().items():
        graph.bind(prefix, iri)
    try:
        text = source.path.read_bytes()
    except OSError as exc:
        raise CurationError([Problem(Location(source.display), f"cannot read: {exc.strerror}")]) from exc
    try:
        graph.parse(data=text, format=source.format, publicID=source.path.resolve().as_uri())
    except Exception as exc:  # rdflib raises many parser-specific exception types
        kind = {"turtle": "Turtle", "xml": "RDF/XML", "nt": "N-Triples"}[source.format]
        problem = Problem(
            Location(source.display, _syntax_line(exc, source)),
            f"not valid {kind}: {_syntax_message(exc)}",
            "Fix the syntax at that line (an unclosed quote or bracket, a missing ' .' or ';')",
        )
        raise CurationError([problem]) from exc
    namespaces = {prefix: str(iri) for prefix, iri in graph.namespaces()}
    return ParsedRdf(source, graph, namespaces)


def prepare_inputs(project: Project, files: Sequence[Path], scratch: Path) -> Inputs:
    """Sort the user's files into table replacements, a schema replacement and extra RDF.

    Copies ``curation/`` into ``scratch`` only if a table is replaced.

    :raises InputError: for a file that does not exist or that is neither a curated table nor RDF.
    """
    inputs = Inputs(project.curation, RdfInput(project.ontology, "ontology/nmd.owl"))
    tables: dict[str, Path] = {}
    for path in files:
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        suffix = path.suffix.lower()
        if suffix == ".tsv":
            if path.name not in TABLE_FILES:
                known = ", ".join(sorted(TABLE_FILES))
                raise InputError(f"{path}: not the name of a curated table; a TSV must be named as one of: {known}")
            if path.name in tables:
                raise InputError(f"{path}: two files replace {path.name}; give one")
            tables[path.name] = path
        elif suffix in RDF_FORMATS:
            if path.name == SCHEMA_FILE:
                inputs.schema = RdfInput(path, str(path))
            else:
                inputs.extra.append(RdfInput(path, str(path)))
        else:
            raise InputError(f"{path}: not a curated table (.tsv) or an RDF file (.ttl, .owl, .rdf, .nt)")
    if tables:
        copy = scratch / "curation"
        shutil.copytree(project.curation, copy)
        for name, path in tables.items():
            shutil.copyfile(path, copy / name)
            inputs.replaced[f"curation/{name}"] = str(path)
        inputs.curation = copy
    return inputs
