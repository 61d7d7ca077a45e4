"""The project's vocabularies: every IRI the code uses is spelled here, once."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS, XSD, DefinedNamespace

from .base import BASE_IRI, ENTITY_STEM, SHAPES_STEM, SOURCE_STEM

__all__ = [
    "BASE_IRI",
    "DCTERMS",
    "DEFINITION",
    "ENTITY",
    "FORMATS",
    "IAO",
    "NMD",
    "OBOINOWL",
    "ONTOLOGY_IRI",
    "OWL",
    "RDF",
    "RDFS",
    "SD",
    "SH",
    "SHAPES",
    "SKOLEM",
    "SKOS",
    "SOURCE",
    "XSD",
    "entity_iri",
    "source_iri",
]

ONTOLOGY_IRI = URIRef(BASE_IRI + "nmd.owl")

ENTITY = Namespace(ENTITY_STEM)
SOURCE = Namespace(SOURCE_STEM)
OBOINOWL = Namespace("http://www.geneontology.org/formats/oboInOwl#")
#: The SHACL shapes in shapes/*.ttl (``nmdsh:``); a shape's local name is its check id.
SHAPES = Namespace(SHAPES_STEM)
#: Stand-ins for blank nodes when a graph is copied into Oxigraph (which renames blank nodes).
SKOLEM = Namespace("urn:nmdkg:bnode:")
IAO = Namespace("http://purl.obolibrary.org/obo/IAO_")
#: IAO:0000115, the OBO definition property.
DEFINITION = IAO["0000115"]
#: SPARQL 1.1 Service Description (what ``nmdkg serve`` answers at GET /sparql).
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
#: W3C unique URIs for RDF and SPARQL result formats (used in the service description).
FORMATS = Namespace("http://www.w3.org/ns/formats/")


class NMD(DefinedNamespace):
    """The nmdkg schema (classes, properties, value sets), defined in ``ontology/nmd.owl``."""

    _fail = True
    _NS = Namespace(BASE_IRI)

    # Top classes
    Disorder: URIRef  # an autoimmune neuromuscular disorder or a disorder grouping
    AntigenTarget: URIRef  # a molecule that autoantibodies bind
    ProteinAntigen: URIRef
    GlycolipidAntigen: URIRef
    AntibodyIsotype: URIRef  # immunoglobulin class (IgG, IgM, IgA)
    Mechanism: URIRef
    ImmuneMechanism: URIRef  # a pathogenic immune mechanism
    TherapyMechanism: URIRef  # a therapy mechanism class
    Therapy: URIRef
    Drug: URIRef
    Procedure: URIRef
    TherapyClass: URIRef
    Condition: URIRef
    Neoplasm: URIRef
    Disease: URIRef
    ClinicalState: URIRef
    AdverseEffect: URIRef
    LaboratoryTest: URIRef
    ClinicalFinding: URIRef
    Agent: URIRef
    Virus: URIRef
    Bacterium: URIRef
    Vaccination: URIRef
    DrugExposure: URIRef
    Infection: URIRef
    Source: URIRef
    # Statements (reified facts, each with its source)
    Statement: URIRef
    AntibodyFinding: URIRef
    TreatmentOption: URIRef
    TherapyMechanismStatement: URIRef
    DisorderMechanismStatement: URIRef
    DosingRegimen: URIRef
    Caution: URIRef
    SideEffect: URIRef
    ClinicalFeature: URIRef
    EpidemiologicalMeasure: URIRef
    ConditionAssociation: URIRef
    Trigger: URIRef
    DiagnosticFinding: URIRef
    ImmunotherapyResponse: URIRef
    ClinicalPrinciple: URIRef
    # Value sets
    LineOfTherapy: URIRef
    FirstLine: URIRef
    SecondLine: URIRef
    ThirdLine: URIRef
    IndividualCases: URIRef
    Avoid: URIRef
    TreatmentSetting: URIRef
    Crisis: URIRef
    Maintenance: URIRef
    Initial: URIRef
    IgG: URIRef
    IgM: URIRef
    IgA: URIRef
    # Defined classes filled by the reasoner
    IgMTargetNeuropathy: URIRef
    IgGTargetDisorder: URIRef
    IgATargetDisorder: URIRef
    BCellTherapy: URIRef
    TCellTherapy: URIRef
    # Links from statements to entities
    disorder: URIRef
    therapy: URIRef
    target: URIRef
    isotype: URIRef
    mechanism: URIRef
    condition: URIRef
    agent: URIRef
    effect: URIRef
    test: URIRef
    lineOfTherapy: URIRef
    setting: URIRef
    combinedWith: URIRef
    eligibleAntibody: URIRef  # an antibody-defined patient group a treatment option is for
    supersedes: URIRef  # a later statement replacing an earlier one
    # Concept-level links read by the reasoner
    subtypeOf: URIRef
    hasAntibodyIsotype: URIRef
    hasAntigenTarget: URIRef
    hasTherapyMechanism: URIRef
    # Statement values
    frequencyText: URIRef
    frequencyLow: URIRef
    frequencyHigh: URIRef
    patientGroup: URIRef
    qualifier: URIRef
    sourceOrder: URIRef
    doseText: URIRef
    doseLow: URIRef
    doseHigh: URIRef
    doseUnit: URIRef
    perBodyMeasure: URIRef
    doseFrequency: URIRef
    duration: URIRef
    route: URIRef
    cautionKind: URIRef
    aspect: URIRef
    valueText: URIRef
    valueLow: URIRef
    valueHigh: URIRef
    ratePer: URIRef
    measure: URIRef
    relation: URIRef
    finding: URIRef
    rank: URIRef
    statementText: URIRef
    recommendationStrength: URIRef
    # Provenance
    sourceLocator: URIRef
    sourceQuote: URIRef
    sourceFile: URIRef
    sourceKind: URIRef
    notBefore: URIRef


def entity_iri(curie: str) -> URIRef:
    """Expand an ``NMD:`` CURIE (``NMD:0000015``, ``NMD:TO0001``) to its IRI."""
    prefix, _, local = curie.partition(":")
    if prefix != "NMD" or not local:
        raise ValueError(f"not an NMD identifier: {curie!r}")
    return ENTITY[local]


def source_iri(key: str) -> URIRef:
    """The IRI of the source with key ``key`` in ``curation/sources.tsv``."""
    return SOURCE[key]
