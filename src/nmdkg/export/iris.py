"""The IRIs of a release (files, dataset, JSON-LD context) and of the vocabularies it describes, spelled once."""

from __future__ import annotations

import logging
import re

from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL, RDF, RDFS, SKOS, VANN, VOID, XSD

from ..base import BASE_IRI
from ..namespaces import IAO, OBOINOWL, SH

__all__ = [
    "CONTEXT_IRI",
    "DATASET_IRI",
    "DCAT_VERSION",
    "DEFAULT_LICENSE",
    "INFERRED_DATASET_IRI",
    "MEDIA_TYPES",
    "SEMAPV",
    "SPARQL_ENDPOINT",
    "SSSOM_SPEC",
    "STANDARD_PREFIXES",
    "VERSION_PATTERN",
    "VOCABULARIES",
    "XML_PREFIXES",
    "media_type_iri",
    "release_file_iri",
]

logger = logging.getLogger(__name__)

#: A release version is the date it was cut (as ODK does): ``2026-11-22``.
VERSION_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")

_RELEASES = Namespace(BASE_IRI + "releases/")
#: The dataset as a whole, across versions (VoID / DCAT subject).
DATASET_IRI = URIRef(BASE_IRI + "dataset")
#: The part of the dataset that HermiT infers (``nmd-inferred.ttl``), a VoID subset.
INFERRED_DATASET_IRI = URIRef(BASE_IRI + "dataset/inferred")
#: Where the JSON-LD context is published; releases inline it, so nothing ever fetches it.
CONTEXT_IRI = URIRef(BASE_IRI + "context.jsonld")
#: Where ``nmdkg serve`` answers SPARQL by default (its --host and --port change it).
SPARQL_ENDPOINT = URIRef("http://127.0.0.1:7878/sparql")
#: Used when the ontology header has no ``dcterms:license``.
DEFAULT_LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
#: Semantic Mapping Vocabulary, for SSSOM mapping justifications.
SEMAPV = Namespace("https://w3id.org/semapv/vocab/")
#: The SSSOM specification, which ``nmd.sssom.tsv`` conforms to.
SSSOM_SPEC = URIRef("https://w3id.org/sssom/")
_IANA = Namespace("https://www.iana.org/assignments/media-types/")

#: Release file name -> IANA media type.
MEDIA_TYPES: dict[str, str] = {
    "nmd.owl": "application/rdf+xml",
    "nmd.ttl": "text/turtle",
    "nmd.nt": "application/n-triples",
    "nmd.jsonld": "application/ld+json",
    "nmd-inferred.ttl": "text/turtle",
    "nmd.sssom.tsv": "text/tab-separated-values",
    "context.jsonld": "application/ld+json",
    "prefixes.json": "application/json",
    "void.ttl": "text/turtle",
    "RELEASE-NOTES.md": "text/markdown",
}

#: Prefixes of standard vocabularies a release may use, beyond :func:`nmdkg.prefixes.prefix_map`.
STANDARD_PREFIXES: dict[str, str] = {
    "dcat": str(DCAT),
    "dcterms": str(DCTERMS),
    "IAO": str(IAO),
    "oboInOwl": str(OBOINOWL),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "semapv": str(SEMAPV),
    "sh": str(SH),
    "skos": str(SKOS),
    "vann": str(VANN),
    "void": str(VOID),
    "xsd": str(XSD),
}

#: Extra prefixes for RDF/XML only, where a local name cannot start with a digit (``obo:IAO_0000115``).
XML_PREFIXES: dict[str, str] = {"obo": "http://purl.obolibrary.org/obo/"}

#: DCAT 3 ``dcat:version`` (rdflib's ``DCAT`` namespace is DCAT 2, which lacks it).
DCAT_VERSION = URIRef(str(DCAT) + "version")

#: Namespace stem -> the vocabulary IRI that ``void:vocabulary`` names.
VOCABULARIES: dict[str, URIRef] = {
    BASE_IRI: URIRef(BASE_IRI + "nmd.owl"),
    str(IAO): URIRef("http://purl.obolibrary.org/obo/iao.owl"),
    **{str(ns): URIRef(str(ns)) for ns in (DCAT, DCTERMS, OBOINOWL, OWL, RDF, RDFS, SH, SKOS, VANN, VOID, XSD)},
}


def release_file_iri(version: str, name: str) -> URIRef:
    """The permanent IRI of file ``name`` of release ``version``.

    >>> release_file_iri("2026-11-22", "nmd.owl")
    rdflib.term.URIRef('https://w3id.org/nmdkg/releases/2026-11-22/nmd.owl')
    """
    return _RELEASES[f"{version}/{name}"]


def media_type_iri(name: str) -> URIRef:
    """The IANA IRI of the media type of release file ``name`` (for ``dcat:mediaType``).

    >>> media_type_iri("nmd.ttl")
    rdflib.term.URIRef('https://www.iana.org/assignments/media-types/text/turtle')
    """
    return _IANA[MEDIA_TYPES[name]]
