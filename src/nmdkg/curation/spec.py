"""What each curated table holds: its columns, their kinds, and the RDF they become."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from rdflib import URIRef

from ..namespaces import NMD

__all__ = [
    "ENTITY_COLUMNS",
    "ENTITY_TABLES",
    "PROVENANCE_COLUMNS",
    "SOURCE_COLUMNS",
    "STATEMENT_TABLES",
    "Column",
    "EntityTable",
    "Kind",
    "StatementTable",
]

PROVENANCE_COLUMNS = ["source", "locator", "quote", "comment"]
ENTITY_COLUMNS = [
    "id", "label", "type", "parents", "definition", "synonyms", "xrefs", "close_xrefs", *PROVENANCE_COLUMNS,
]  # fmt: skip
SOURCE_COLUMNS = [
    "id",
    "title",
    "kind",
    "issued",
    "not_before",
    "authors",
    "publisher",
    "identifier",
    "part_of",
    "file",
    "comment",
]


@dataclass(frozen=True)
class EntityTable:
    """An entity table; ``types`` maps the ``type`` column to the schema class of the row."""

    name: str
    types: dict[str, URIRef]

    @property
    def file(self) -> str:
        return f"{self.name}.tsv"


ENTITY_TABLES: list[EntityTable] = [
    EntityTable("disorders", {"disorder": NMD.Disorder}),
    EntityTable(
        "targets", {"protein": NMD.ProteinAntigen, "glycolipid": NMD.GlycolipidAntigen, "antigen": NMD.AntigenTarget}
    ),
    EntityTable("therapies", {"drug": NMD.Drug, "procedure": NMD.Procedure, "therapy class": NMD.TherapyClass}),
    EntityTable("mechanisms", {"immune mechanism": NMD.ImmuneMechanism, "therapy mechanism": NMD.TherapyMechanism}),
    EntityTable(
        "conditions",
        {
            "neoplasm": NMD.Neoplasm,
            "disease": NMD.Disease,
            "clinical state": NMD.ClinicalState,
            "adverse effect": NMD.AdverseEffect,
            "laboratory test": NMD.LaboratoryTest,
            "clinical finding": NMD.ClinicalFinding,
        },
    ),
    EntityTable(
        "agents",
        {
            "virus": NMD.Virus,
            "bacterium": NMD.Bacterium,
            "vaccination": NMD.Vaccination,
            "drug exposure": NMD.DrugExposure,
            "infection": NMD.Infection,
        },
    ),
]


class Kind(Enum):
    """How a statement column becomes RDF."""

    ENTITY = "a reference to an entity (label or NMD id)"
    ISOTYPE = "IgG, IgM or IgA"
    LINE = "a line of therapy"
    SETTING = "a treatment setting"
    CHOICE = "one value of a controlled list"
    TEXT = "free text"
    FREQUENCY = "a frequency such as 43% or 22-85%"
    AMOUNT = "an amount such as 2 or 0.75-1.5"
    AGE_OR_TEXT = "text; an onset age is also read as a number range"
    RATE_OR_TEXT = "text; a rate such as 1-2/100,000 is also read as numbers"
    INTEGER = "a whole number"
    STATEMENT = "the NMD id of another statement"


@dataclass(frozen=True)
class Column:
    """A statement column: its kind, its predicate, and what it may reference or hold."""

    name: str
    kind: Kind
    predicate: URIRef
    required: bool = False
    references: str | None = None  # the entity table an ENTITY column points into
    choices: tuple[str, ...] = ()
    multi: bool = False


@dataclass(frozen=True)
class StatementTable:
    """A statement table: its id kind (``AF``), schema class and columns."""

    name: str
    id_kind: str
    rdf_class: URIRef
    columns: tuple[Column, ...]

    @property
    def file(self) -> str:
        return f"{self.name}.tsv"

    @property
    def header(self) -> list[str]:
        return ["id", *(c.name for c in self.columns), *PROVENANCE_COLUMNS]


def _ref(name: str, table: str, predicate: URIRef, *, required: bool = True, multi: bool = False) -> Column:
    return Column(name, Kind.ENTITY, predicate, required=required, references=table, multi=multi)


def _choice(name: str, predicate: URIRef, choices: tuple[str, ...], *, required: bool = False) -> Column:
    return Column(name, Kind.CHOICE, predicate, required=required, choices=choices)


LINES = {
    "first": NMD.FirstLine,
    "second": NMD.SecondLine,
    "third": NMD.ThirdLine,
    "individual cases": NMD.IndividualCases,
    "avoid": NMD.Avoid,
}
SETTINGS = {"crisis": NMD.Crisis, "maintenance": NMD.Maintenance, "initial": NMD.Initial}
ISOTYPES = {"IgG": NMD.IgG, "IgM": NMD.IgM, "IgA": NMD.IgA}
STRENGTHS = ("strong", "weak", "good practice point")
QUALIFIERS = ("treatment of choice", "effective", "uncertain", "add-on", "severe cases")
CAUTION_KINDS = ("caution", "contraindication", "monitoring")
DOSE_UNITS = ("mg", "g", "mg/day", "g/day", "%", "sessions")
BODY_MEASURES = ("kg", "m2")
ROUTES = ("oral", "intravenous", "subcutaneous", "extracorporeal", "surgical")
ASPECTS = (
    "involvement", "weakness distribution", "symmetry", "limb predominance", "onset age", "course",
    "progression", "symptom", "sign", "pain",
)  # fmt: skip
COURSES = ("monophasic", "chronic", "relapsing", "slowly progressive", "progressive")
MEASURES = ("incidence", "prevalence", "rate", "sex ratio", "age distribution")
RELATIONS = ("associated condition", "associated neoplasm", "increased risk", "context")
FREQ = Column("frequency", Kind.FREQUENCY, NMD.frequencyText)

STATEMENT_TABLES: list[StatementTable] = [
    StatementTable(
        "antibody_findings",
        "AF",
        NMD.AntibodyFinding,
        (
            _ref("disorder", "disorders", NMD.disorder),
            _ref("target", "targets", NMD.target, required=False),
            Column("isotype", Kind.ISOTYPE, NMD.isotype, multi=True),
            FREQ,
            Column("patient_group", Kind.TEXT, NMD.patientGroup),
        ),
    ),
    StatementTable(
        "treatment_options",
        "TO",
        NMD.TreatmentOption,
        (
            _ref("disorder", "disorders", NMD.disorder),
            _ref("therapy", "therapies", NMD.therapy),
            Column("line", Kind.LINE, NMD.lineOfTherapy),
            Column("setting", Kind.SETTING, NMD.setting),
            _ref("combined_with", "therapies", NMD.combinedWith, required=False, multi=True),
            Column("patient_group", Kind.TEXT, NMD.patientGroup),
            _choice("qualifier", NMD.qualifier, QUALIFIERS),
            Column("order", Kind.INTEGER, NMD.sourceOrder),
            _ref("eligible_antibodies", "targets", NMD.eligibleAntibody, required=False, multi=True),
            _choice("strength", NMD.recommendationStrength, STRENGTHS),
            Column("supersedes", Kind.STATEMENT, NMD.supersedes, references="treatment_options"),
        ),
    ),
    StatementTable(
        "therapy_mechanisms",
        "TM",
        NMD.TherapyMechanismStatement,
        (_ref("therapy", "therapies", NMD.therapy), _ref("mechanism", "mechanisms", NMD.mechanism)),
    ),
    StatementTable(
        "disorder_mechanisms",
        "DM",
        NMD.DisorderMechanismStatement,
        (_ref("disorder", "disorders", NMD.disorder), _ref("mechanism", "mechanisms", NMD.mechanism)),
    ),
    StatementTable(
        "dosing",
        "DR",
        NMD.DosingRegimen,
        (
            _ref("therapy", "therapies", NMD.therapy),
            _ref("disorder", "disorders", NMD.disorder, required=False),
            Column("setting", Kind.SETTING, NMD.setting),
            Column("dose", Kind.AMOUNT, NMD.doseText, required=True),
            _choice("unit", NMD.doseUnit, DOSE_UNITS, required=True),
            _choice("per", NMD.perBodyMeasure, BODY_MEASURES),
            Column("frequency", Kind.TEXT, NMD.doseFrequency),
            Column("duration", Kind.TEXT, NMD.duration),
            _choice("route", NMD.route, ROUTES),
        ),
    ),
    StatementTable(
        "cautions",
        "CA",
        NMD.Caution,
        (
            _ref("therapy", "therapies", NMD.therapy),
            _ref("condition", "conditions", NMD.condition),
            _choice("kind", NMD.cautionKind, CAUTION_KINDS, required=True),
        ),
    ),
    StatementTable(
        "side_effects",
        "SE",
        NMD.SideEffect,
        (_ref("therapy", "therapies", NMD.therapy), _ref("effect", "conditions", NMD.effect), FREQ),
    ),
    StatementTable(
        "clinical_features",
        "CF",
        NMD.ClinicalFeature,
        (
            _ref("disorder", "disorders", NMD.disorder),
            _choice("aspect", NMD.aspect, ASPECTS, required=True),
            Column("value", Kind.AGE_OR_TEXT, NMD.valueText, required=True),
            FREQ,
        ),
    ),
    StatementTable(
        "epidemiology",
        "EP",
        NMD.EpidemiologicalMeasure,
        (
            _ref("disorder", "disorders", NMD.disorder),
            _choice("measure", NMD.measure, MEASURES, required=True),
            Column("value", Kind.RATE_OR_TEXT, NMD.valueText, required=True),
        ),
    ),
    StatementTable(
        "associations",
        "AS",
        NMD.ConditionAssociation,
        (
            _ref("disorder", "disorders", NMD.disorder),
            _ref("condition", "conditions", NMD.condition),
            _choice("relation", NMD.relation, RELATIONS, required=True),
            FREQ,
        ),
    ),
    StatementTable(
        "triggers",
        "TR",
        NMD.Trigger,
        (_ref("disorder", "disorders", NMD.disorder), _ref("agent", "agents", NMD.agent), FREQ),
    ),
    StatementTable(
        "diagnostic_findings",
        "DF",
        NMD.DiagnosticFinding,
        (
            _ref("disorder", "disorders", NMD.disorder),
            _ref("test", "conditions", NMD.test),
            Column("finding", Kind.TEXT, NMD.finding, required=True),
            Column("value", Kind.TEXT, NMD.valueText),
        ),
    ),
    StatementTable(
        "immunotherapy_response",
        "IR",
        NMD.ImmunotherapyResponse,
        (_ref("disorder", "disorders", NMD.disorder), Column("rank", Kind.INTEGER, NMD.rank, required=True)),
    ),
    StatementTable(
        "principles",
        "PR",
        NMD.ClinicalPrinciple,
        (
            Column("statement", Kind.TEXT, NMD.statementText, required=True),
            _ref("therapy", "therapies", NMD.therapy, required=False),
        ),
    ),
]
