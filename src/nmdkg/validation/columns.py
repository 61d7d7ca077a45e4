"""Which TSV column a predicate comes from, so a finding can name the cell to fix."""

from __future__ import annotations

import logging

from rdflib import URIRef

from ..curation.spec import ENTITY_TABLES, FREQ, STATEMENT_TABLES
from ..namespaces import DCTERMS, DEFINITION, NMD, OBOINOWL, RDFS, SKOS

__all__ = ["column_for"]

logger = logging.getLogger(__name__)

_PROVENANCE: dict[URIRef, str] = {
    DCTERMS.source: "source",
    NMD.sourceLocator: "locator",
    NMD.sourceQuote: "quote",
    RDFS.comment: "comment",
}
_ENTITY: dict[URIRef, str] = {
    RDFS.label: "label",
    RDFS.subClassOf: "parents",
    NMD.subtypeOf: "parents",
    DEFINITION: "definition",
    OBOINOWL.hasExactSynonym: "synonyms",
    SKOS.exactMatch: "xrefs",
    OBOINOWL.hasDbXref: "xrefs",
    SKOS.closeMatch: "close_xrefs",
    **_PROVENANCE,
}
_SOURCE: dict[URIRef, str] = {
    RDFS.label: "title",
    DCTERMS.title: "title",
    NMD.sourceKind: "kind",
    DCTERMS.issued: "issued",
    NMD.notBefore: "not_before",
    DCTERMS.creator: "authors",
    DCTERMS.publisher: "publisher",
    DCTERMS.identifier: "identifier",
    DCTERMS.isPartOf: "part_of",
    NMD.sourceFile: "file",
    RDFS.comment: "comment",
}
# Numbers the build parses out of a text column belong to that column.
_PARSED: dict[URIRef, URIRef] = {
    NMD.frequencyLow: FREQ.predicate,
    NMD.frequencyHigh: FREQ.predicate,
    NMD.doseLow: NMD.doseText,
    NMD.doseHigh: NMD.doseText,
    NMD.valueLow: NMD.valueText,
    NMD.valueHigh: NMD.valueText,
    NMD.ratePer: NMD.valueText,
}


def _by_file() -> dict[str, dict[URIRef, str]]:
    tables: dict[str, dict[URIRef, str]] = {t.file: _ENTITY for t in ENTITY_TABLES}
    tables["sources.tsv"] = _SOURCE
    for table in STATEMENT_TABLES:
        columns = {c.predicate: c.name for c in table.columns}
        columns |= {parsed: columns[text] for parsed, text in _PARSED.items() if text in columns}
        tables[table.file] = {**_PROVENANCE, **columns}
    return tables


_BY_FILE = _by_file()


def column_for(file: str, predicate: URIRef | None) -> str | None:
    """The column of the curated table ``file`` (``curation/dosing.tsv``) that holds ``predicate``.

    >>> column_for("curation/dosing.tsv", NMD.doseHigh)
    'dose'
    >>> column_for("curation/disorders.tsv", SKOS.exactMatch)
    'xrefs'
    """
    if predicate is None:
        return None
    name = file.replace("\\", "/").rsplit("/", 1)[-1]
    return _BY_FILE.get(name, {}).get(predicate)
