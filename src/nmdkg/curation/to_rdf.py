"""Turning the curated tables into RDF: entities as OWL classes, statements as cited individuals."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef

from ..errors import CurationError, Location, Problem
from ..namespaces import DCTERMS, DEFINITION, NMD, OBOINOWL, OWL, RDF, RDFS, SKOS, XSD, entity_iri, source_iri
from ..prefixes import expand_xref, xref_problem
from .spec import (
    ENTITY_COLUMNS,
    ENTITY_TABLES,
    ISOTYPES,
    LINES,
    SETTINGS,
    SOURCE_COLUMNS,
    STATEMENT_TABLES,
    Column,
    Kind,
    StatementTable,
)
from .tables import Row, read_table
from .values import ValueProblem, parse_age, parse_amount, parse_frequency, parse_rate

__all__ = ["CuratedGraph", "EntityRecord", "load_curation"]

logger = logging.getLogger(__name__)

ENTITY_ID = re.compile(r"NMD:\d{7}")
LOCATOR = re.compile(r"L(\d+)(?:-L(\d+))?")


@dataclass(frozen=True)
class EntityRecord:
    """An entity as curated: its IRI, table, label and where its row is."""

    iri: URIRef
    table: str
    label: str
    location: Location


@dataclass
class CuratedGraph:
    """The RDF of the curated tables, with where each subject was curated (for reports)."""

    graph: Graph
    entities: dict[URIRef, EntityRecord] = field(default_factory=dict)
    locations: dict[URIRef, Location] = field(default_factory=dict)


class _Builder:
    def __init__(self, folder: Path, graph: Graph) -> None:
        self.folder = folder
        self.graph = graph
        self.problems: list[Problem] = []
        self.by_label: dict[str, list[EntityRecord]] = {}
        self.by_id: dict[str, EntityRecord] = {}
        self.sources: set[str] = set()
        self.statement_refs: list[tuple[Row, Column, URIRef]] = []
        self.result = CuratedGraph(graph)

    # -- helpers
    def problem(self, row: Row, column: str | None, message: str, hint: str = "") -> None:
        self.problems.append(Problem(row.at(column), message, hint))

    def add(self, s: URIRef | BNode, p: URIRef, o: URIRef | BNode | Literal) -> None:
        self.graph.add((s, p, o))

    def table_rows(self, name: str, columns: list[str]) -> list[Row]:
        path = self.folder / f"{name}.tsv"
        if not path.exists():
            self.problems.append(Problem(Location(f"curation/{name}.tsv"), "file is missing"))
            return []
        try:
            return read_table(path, required_columns=columns, display_name=f"curation/{name}.tsv").rows
        except CurationError as exc:
            self.problems.extend(exc.problems)
            return []

    # -- sources
    def load_sources(self) -> None:
        rows = self.table_rows("sources", SOURCE_COLUMNS)
        keys = {row.get("id") for row in rows}
        for row in rows:
            key = row.get("id")
            if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", key):
                self.problem(row, "id", f"source key {key!r} must be lower-case letters, digits and hyphens")
                continue
            if key in self.sources:
                self.problem(row, "id", f"duplicate source key {key!r}")
            self.sources.add(key)
            iri = source_iri(key)
            self.result.locations[iri] = row.at()
            self.add(iri, RDF.type, NMD.Source)
            self.add(iri, RDF.type, OWL.NamedIndividual)
            if not row.get("title"):
                self.problem(row, "title", "a source needs a title")
            self.add(iri, RDFS.label, Literal(row.get("title") or key, lang="en"))
            self.add(iri, DCTERMS.title, Literal(row.get("title") or key, lang="en"))
            self.optional_literal(iri, NMD.sourceKind, row.get("kind"))
            if row.get("issued"):
                try:
                    issued = dt.date.fromisoformat(row.get("issued"))
                    self.add(iri, DCTERMS.issued, Literal(issued, datatype=XSD.date))
                except ValueError:
                    self.problem(row, "issued", f"date {row.get('issued')!r} is not YYYY-MM-DD")
            if row.get("not_before"):
                if not re.fullmatch(r"\d{4}", row.get("not_before")):
                    self.problem(row, "not_before", f"{row.get('not_before')!r} is not a year (YYYY)")
                else:
                    self.add(iri, NMD.notBefore, Literal(row.get("not_before"), datatype=XSD.gYear))
            for author in row.many("authors"):
                self.add(iri, DCTERMS.creator, Literal(author))
            self.optional_literal(iri, DCTERMS.publisher, row.get("publisher"))
            for identifier in row.many("identifier"):
                self.add(iri, DCTERMS.identifier, Literal(identifier))
            if row.get("part_of"):
                if row.get("part_of") not in keys:
                    self.problem(row, "part_of", f"unknown source {row.get('part_of')!r}")
                self.add(iri, DCTERMS.isPartOf, source_iri(row.get("part_of")))
            self.optional_literal(iri, NMD.sourceFile, row.get("file"))
            self.optional_literal(iri, RDFS.comment, row.get("comment"))

    def optional_literal(self, s: URIRef, p: URIRef, value: str, *, lang: str | None = None) -> None:
        if value:
            self.add(s, p, Literal(value, lang=lang))

    # -- entities
    def register_entities(self) -> dict[str, list[Row]]:
        rows_by_table: dict[str, list[Row]] = {}
        for table in ENTITY_TABLES:
            rows = self.table_rows(table.name, ENTITY_COLUMNS)
            rows_by_table[table.name] = rows
            for row in rows:
                curie, label = row.get("id"), row.get("label")
                if not ENTITY_ID.fullmatch(curie):
                    self.problem(row, "id", f"entity id {curie!r} is not NMD: followed by 7 digits")
                    continue
                if curie in self.by_id:
                    first = self.by_id[curie].location
                    self.problem(row, "id", f"duplicate id {curie} (first at {first})", "Give the row a new id")
                    continue
                if not label:
                    self.problem(row, "label", f"{curie} has no label")
                record = EntityRecord(entity_iri(curie), table.name, label, row.at())
                self.by_id[curie] = record
                self.by_label.setdefault(label, []).append(record)
                self.result.entities[record.iri] = record
                self.result.locations[record.iri] = row.at()
        for label, records in self.by_label.items():
            if len(records) > 1 and label:
                places = ", ".join(str(r.location) for r in records)
                self.problems.append(
                    Problem(
                        records[1].location,
                        f"label {label!r} is used by several entities: {places}",
                        "Labels must be unique",
                    )
                )
        return rows_by_table

    def resolve(self, row: Row, column: str, ref: str, table: str | None) -> URIRef | None:
        record = self.by_id.get(ref)
        if record is None:
            candidates = self.by_label.get(ref, [])
            if not candidates:
                hint = "Use the exact label of an entity, or its NMD id"
                close = [label for label in self.by_label if label.lower() == ref.lower()]
                if close:
                    hint = f"Did you mean {close[0]!r}? Labels are case-sensitive"
                self.problem(row, column, f"unknown entity {ref!r}", hint)
                return None
            record = candidates[0]
        if table is not None and record.table != table:
            self.problem(
                row, column, f"{ref!r} is in {record.table}.tsv, but this column needs an entity of {table}.tsv"
            )
            return None
        return record.iri

    def provenance(self, subject: URIRef, row: Row, *, required: bool = True) -> None:
        key = row.get("source")
        if not key:
            if required:
                self.problem(row, "source", "no source", "Every curated fact needs a source key from sources.tsv")
            return
        if key not in self.sources:
            self.problem(row, "source", f"unknown source {key!r}", "Add it to sources.tsv or fix the key")
            return
        self.add(subject, DCTERMS.source, source_iri(key))
        locator = row.get("locator")
        if locator:
            match = LOCATOR.fullmatch(locator)
            if not match or (match[2] and int(match[2]) < int(match[1])):
                self.problem(row, "locator", f"locator {locator!r} is not a line range like L12 or L12-L20")
            self.add(subject, NMD.sourceLocator, Literal(locator))
        elif required:
            self.problem(row, "locator", "no locator", "Give the line range in the source, e.g. L245-L252")
        self.optional_literal(subject, NMD.sourceQuote, row.get("quote"))
        self.optional_literal(subject, RDFS.comment, row.get("comment"), lang="en")

    def emit_entities(self, rows_by_table: dict[str, list[Row]]) -> None:
        for table in ENTITY_TABLES:
            for row in rows_by_table[table.name]:
                record = self.by_id.get(row.get("id"))
                if record is None or record.location != row.at():
                    continue
                self.emit_entity(table.types, record, row)

    def emit_entity(self, types: dict[str, URIRef], record: EntityRecord, row: Row) -> None:
        iri = record.iri
        self.add(iri, RDF.type, OWL.Class)
        # Entities are also individuals (OWL 2 punning) so that statements can point at them.
        self.add(iri, RDF.type, OWL.NamedIndividual)
        self.add(iri, RDFS.label, Literal(record.label, lang="en"))
        kind = row.get("type")
        if kind not in types:
            self.problem(row, "type", f"type {kind!r} is not one of: {', '.join(types)}")
        else:
            self.add(iri, RDFS.subClassOf, types[kind])
        for parent in row.many("parents"):
            parent_iri = self.resolve(row, "parents", parent, record.table)
            if parent_iri is None:
                continue
            if parent_iri == iri:
                self.problem(row, "parents", f"{record.label!r} is its own parent")
                continue
            self.add(iri, RDFS.subClassOf, parent_iri)
            if record.table == "disorders":
                self.add(iri, NMD.subtypeOf, parent_iri)
        if row.get("definition"):
            self.add(iri, DEFINITION, Literal(row.get("definition"), lang="en"))
        for synonym in row.many("synonyms"):
            self.add(iri, OBOINOWL.hasExactSynonym, Literal(synonym, lang="en"))
        for column, match in (("xrefs", SKOS.exactMatch), ("close_xrefs", SKOS.closeMatch)):
            for xref in row.many(column):
                problem = xref_problem(xref)
                if problem:
                    self.problem(row, column, problem)
                    continue
                self.add(iri, match, URIRef(expand_xref(xref)))
                if column == "xrefs":
                    self.add(iri, OBOINOWL.hasDbXref, Literal(xref))
        self.provenance(iri, row)

    # -- statements
    def emit_statements(self, table: StatementTable) -> None:
        seen: set[str] = set()
        for row in self.table_rows(table.name, table.header):
            curie = row.get("id")
            if not re.fullmatch(rf"NMD:{table.id_kind}\d{{4}}", curie):
                self.problem(row, "id", f"statement id {curie!r} must be NMD:{table.id_kind} followed by 4 digits")
                continue
            if curie in seen or curie in self.by_id:
                self.problem(row, "id", f"duplicate id {curie}", "Give the row a new id")
                continue
            seen.add(curie)
            iri = entity_iri(curie)
            self.result.locations[iri] = row.at()
            self.add(iri, RDF.type, table.rdf_class)
            self.add(iri, RDF.type, OWL.NamedIndividual)
            values: dict[str, list[URIRef]] = {}
            for column in table.columns:
                values[column.name] = self.emit_cell(iri, row, column)
            self.provenance(iri, row)
            self.emit_concept_links(table, iri, values)

    def emit_cell(self, iri: URIRef, row: Row, column: Column) -> list[URIRef]:
        cells = row.many(column.name) if column.multi or column.kind is Kind.ISOTYPE else [row.get(column.name)]
        cells = [c for c in cells if c]
        if not cells:
            if column.required:
                self.problem(row, column.name, f"{column.name} is required ({column.kind.value})")
            return []
        found: list[URIRef] = []
        for cell in cells:
            try:
                found.extend(self.emit_value(iri, row, column, cell))
            except ValueProblem as exc:
                self.problem(row, column.name, str(exc))
        return found

    def emit_value(self, iri: URIRef, row: Row, column: Column, cell: str) -> list[URIRef]:
        kind, predicate = column.kind, column.predicate
        vocabularies = {Kind.ISOTYPE: ISOTYPES, Kind.LINE: LINES, Kind.SETTING: SETTINGS}
        if kind is Kind.ENTITY:
            target = self.resolve(row, column.name, cell, column.references)
            if target is None:
                return []
            self.add(iri, predicate, target)
            return [target]
        if kind in vocabularies:
            vocabulary = vocabularies[kind]
            if cell not in vocabulary:
                self.problem(row, column.name, f"{cell!r} is not one of: {', '.join(vocabulary)}")
                return []
            self.add(iri, predicate, vocabulary[cell])
            return [vocabulary[cell]]
        if kind is Kind.CHOICE:
            if cell not in column.choices:
                self.problem(row, column.name, f"{cell!r} is not one of: {', '.join(column.choices)}")
                return []
            self.add(iri, predicate, Literal(cell))
        elif kind is Kind.STATEMENT:
            if not re.fullmatch(r"NMD:[A-Z]{2}\d{4}", cell):
                self.problem(row, column.name, f"{cell!r} is not a statement id such as NMD:TO0001")
                return []
            target = entity_iri(cell)
            self.add(iri, predicate, target)
            self.statement_refs.append((row, column, target))
            return [target]
        elif kind is Kind.INTEGER:
            if not re.fullmatch(r"\d+", cell):
                self.problem(row, column.name, f"{cell!r} is not a whole number")
                return []
            self.add(iri, predicate, Literal(int(cell)))
        elif kind is Kind.FREQUENCY:
            self.add(iri, predicate, Literal(cell))
            self.add_range(iri, parse_frequency(cell), NMD.frequencyLow, NMD.frequencyHigh)
        elif kind is Kind.AMOUNT:
            self.add(iri, predicate, Literal(cell))
            self.add_range(iri, parse_amount(cell), NMD.doseLow, NMD.doseHigh)
        elif kind is Kind.AGE_OR_TEXT:
            self.add(iri, predicate, Literal(cell))
            if row.get("aspect") == "onset age":
                self.add_range(iri, parse_age(cell), NMD.valueLow, NMD.valueHigh)
        elif kind is Kind.RATE_OR_TEXT:
            self.add(iri, predicate, Literal(cell))
            rate = parse_rate(cell)
            if rate is not None:
                self.add_range(iri, rate[0], NMD.valueLow, NMD.valueHigh)
                self.add(iri, NMD.ratePer, Literal(rate[1], datatype=XSD.decimal))
        else:
            self.add(iri, predicate, Literal(cell))
        return []

    def add_range(
        self, iri: URIRef, found: tuple[Decimal | None, Decimal | None] | None, low: URIRef, high: URIRef
    ) -> None:
        if found is None:
            return
        for bound, predicate in zip(found, (low, high), strict=True):
            if bound is not None:
                self.add(iri, predicate, Literal(bound.normalize(), datatype=XSD.decimal))

    def check_statement_refs(self) -> None:
        """A statement may point at another (``supersedes``) only if that one exists, in the right table."""
        tables = {t.name: t.rdf_class for t in STATEMENT_TABLES}
        for row, column, target in self.statement_refs:
            if (target, RDF.type, tables[column.references or ""]) not in self.graph:
                self.problem(row, column.name, f"no statement {row.get(column.name)} in {column.references}.tsv")
            elif target == entity_iri(row.get("id")):
                self.problem(row, column.name, "a statement cannot supersede itself")

    def emit_concept_links(self, table: StatementTable, statement: URIRef, values: dict[str, list[URIRef]]) -> None:
        """Summarise statements as the concept-level links and class axioms the reasoner reads."""
        if table.name == "antibody_findings":
            for disorder in values["disorder"]:
                for isotype in values["isotype"]:
                    self.add(disorder, NMD.hasAntibodyIsotype, isotype)
                for target in values["target"]:
                    self.add(disorder, NMD.hasAntigenTarget, target)
        elif table.name == "therapy_mechanisms":
            for therapy in values["therapy"]:
                for mechanism in values["mechanism"]:
                    self.add_mechanism_axiom(therapy, mechanism, statement)

    def add_mechanism_axiom(self, therapy: URIRef, mechanism: URIRef, statement: URIRef) -> None:
        restriction = BNode()
        self.add(restriction, RDF.type, OWL.Restriction)
        self.add(restriction, OWL.onProperty, NMD.hasTherapyMechanism)
        self.add(restriction, OWL.someValuesFrom, mechanism)
        self.add(therapy, RDFS.subClassOf, restriction)
        # The axiom carries the statement it comes from (OWL axiom annotation).
        axiom = BNode()
        self.add(axiom, RDF.type, OWL.Axiom)
        self.add(axiom, OWL.annotatedSource, therapy)
        self.add(axiom, OWL.annotatedProperty, RDFS.subClassOf)
        self.add(axiom, OWL.annotatedTarget, restriction)
        for source in self.graph.objects(statement, DCTERMS.source):
            self.add(axiom, DCTERMS.source, source)
        self.add(axiom, RDFS.seeAlso, statement)


def load_curation(folder: Path, graph: Graph | None = None) -> CuratedGraph:
    """Read every curated table in ``folder`` into RDF.

    :param folder: the ``curation/`` folder.
    :param graph: a graph to add to (e.g. one holding the schema); a new one if None.
    :raises CurationError: listing every problem found, each with file, line and column.
    """
    builder = _Builder(folder, graph if graph is not None else Graph())
    builder.load_sources()
    rows_by_table = builder.register_entities()
    builder.emit_entities(rows_by_table)
    for table in STATEMENT_TABLES:
        builder.emit_statements(table)
    builder.check_statement_refs()
    if builder.problems:
        raise CurationError(builder.problems)
    return builder.result
