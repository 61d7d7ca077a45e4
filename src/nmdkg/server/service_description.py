"""The SPARQL 1.1 Service Description answered at GET /sparql without a query."""

from __future__ import annotations

import logging

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import VOID

from ..namespaces import DCTERMS, FORMATS, RDF, RDFS, SD
from .conneg import Format

__all__ = ["service_description"]

logger = logging.getLogger(__name__)

_RESULT_FORMATS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "JSON-LD",
    "RDF_XML",
)
_RDFLIB_FORMATS = {
    Format.TURTLE: "turtle",
    Format.N_TRIPLES: "nt",
    Format.JSON_LD: "json-ld",
    Format.RDF_XML: "xml",
}


def service_description(endpoint: str, *, triples: int, limits: str, fmt: Format = Format.TURTLE) -> bytes:
    """Describe the endpoint at ``endpoint``: language, result formats, dataset size and limits.

    No ``sd:feature sd:BasicFederatedQuery``: SERVICE is refused.
    """
    graph = Graph()
    graph.bind("sd", SD)
    graph.bind("formats", FORMATS)
    graph.bind("void", VOID)
    graph.bind("dcterms", DCTERMS)
    service, dataset, default_graph = BNode("service"), BNode("dataset"), BNode("default")
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, URIRef(endpoint)))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    for name in _RESULT_FORMATS:
        graph.add((service, SD.resultFormat, FORMATS[name]))
    graph.add((service, DCTERMS.title, Literal("nmdkg SPARQL endpoint", lang="en")))
    graph.add(
        (
            service,
            RDFS.comment,
            Literal(
                f"Read-only; no SERVICE and no FROM outside this dataset; {limits}. "
                "Research resource, not medical advice.",
                lang="en",
            ),
        )
    )
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, SD.defaultGraph, default_graph))
    graph.add((default_graph, RDF.type, SD.Graph))
    graph.add((default_graph, VOID.triples, Literal(triples)))
    return graph.serialize(format=_RDFLIB_FORMATS.get(fmt, "turtle"), encoding="utf-8")
