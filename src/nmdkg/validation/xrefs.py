"""The cross-reference check SPARQL cannot do: the CURIE and IRI forms of an exact match agree.

The build writes every exact cross-reference twice: as an ``oboInOwl:hasDbXref`` CURIE and as a
``skos:exactMatch`` IRI. Telling whether the two agree needs the prefix map (``prefixes.py``),
which a query could only repeat; so this check is Python. Malformed CURIEs and IRIs are the SHACL
shapes' job (shapes/xrefs.ttl): this check skips what it cannot expand or compact.
"""

from __future__ import annotations

import logging

from rdflib import Graph, Literal, URIRef

from ..base import BASE_IRI
from ..namespaces import OBOINOWL, SKOS
from ..prefixes import compact, expand_xref, xref_problem
from .findings import Engine, Finding, Severity
from .locate import Locator

__all__ = ["CHECK", "check_xref_forms"]

logger = logging.getLogger(__name__)

#: The check id, severity and texts, as a .rq header would give them.
CHECK = {
    "id": "xref_mismatch",
    "severity": Severity.ERROR,
    "rule": "Each exact cross-reference is written both as an oboInOwl:hasDbXref CURIE and as the "
    "skos:exactMatch IRI it expands to, and the two agree.",
    "fix": "Write cross-references in the xrefs column and let the build write both forms; in Turtle, "
    "add the missing form or correct the one that differs.",
}


def _finding(locator: Locator, subject: URIRef, predicate: URIRef, value: str, message: str) -> Finding:
    location = locator.where(subject, predicate)  # the file stating a form, if it was added
    return Finding(
        check=str(CHECK["id"]),
        severity=Severity.ERROR,
        message=message,
        engine=Engine.QC,
        focus=str(subject),
        label=locator.label(subject),
        file=location.file if location else None,
        line=location.line if location else None,
        column=location.column if location else None,
        value=value,
        rule=str(CHECK["rule"]),
        fix=str(CHECK["fix"]),
    )


def check_xref_forms(graph: Graph, locator: Locator) -> list[Finding]:
    """One finding per hasDbXref without its exactMatch IRI, and per exactMatch IRI without its CURIE."""
    findings = []
    subjects = set(graph.subjects(OBOINOWL.hasDbXref, None)) | set(graph.subjects(SKOS.exactMatch, None))
    for subject in sorted(s for s in subjects if isinstance(s, URIRef) and str(s).startswith(BASE_IRI)):
        curies = {str(o) for o in graph.objects(subject, OBOINOWL.hasDbXref) if isinstance(o, Literal)}
        iris = {str(o) for o in graph.objects(subject, SKOS.exactMatch) if isinstance(o, URIRef)}
        for curie in sorted(curies):
            if xref_problem(curie) is None and expand_xref(curie) not in iris:
                message = f"the cross-reference {curie} has no skos:exactMatch to {expand_xref(curie)}"
                findings.append(_finding(locator, subject, OBOINOWL.hasDbXref, curie, message))
        for iri in sorted(iris):
            curie = compact(iri)
            if curie != iri and xref_problem(curie) is None and curie not in curies:
                message = f'the exact match {curie} has no oboInOwl:hasDbXref "{curie}"'
                findings.append(_finding(locator, subject, SKOS.exactMatch, curie, message))
    return findings
