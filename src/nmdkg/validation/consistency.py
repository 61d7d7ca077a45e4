"""OWL consistency: HermiT classifies the asserted graph; each problem it finds becomes a finding."""

from __future__ import annotations

import logging
import re

from rdflib import Graph, URIRef

from ..errors import NmdkgError, ReasoningError
from ..namespaces import ONTOLOGY_IRI
from ..reasoning import classify
from .findings import Engine, Finding, Severity
from .locate import Locator

__all__ = ["check_consistency"]

logger = logging.getLogger(__name__)

_UNSATISFIABLE = "unsatisfiable classes: "
_NOT_RUN = "HermiT could not run"
_RULE = (
    "The ontology with the curated entities is consistent and every class is satisfiable "
    "(HermiT): the top kinds (disorder, antigen target, therapy, mechanism, condition, agent, "
    "statement, source) are disjoint, so nothing may sit under two of them."
)


def _finding(locator: Locator, focus: URIRef, message: str, fix: str, check: str) -> Finding:
    location = locator.where(focus)
    return Finding(
        check=check,
        severity=Severity.ERROR,
        message=message,
        engine=Engine.OWL,
        focus=str(focus),
        label=locator.label(focus),
        file=location.file if location else None,
        line=location.line if location else None,
        column="parents" if location and location.file.endswith(".tsv") else None,
        rule=_RULE,
        fix=fix,
    )


def check_consistency(graph: Graph, locator: Locator) -> list[Finding]:
    """Classify ``graph`` with HermiT; no finding if it is consistent and every class satisfiable.

    :raises NmdkgError: if HermiT cannot run at all (no Java): that is not the data's fault.
    """
    try:
        classify(graph)
    except ReasoningError as exc:
        text = str(exc)
        if text.startswith(_NOT_RUN):
            raise NmdkgError(f"{text}; run with --no-reasoner to skip the OWL check") from exc
        if text.startswith(_UNSATISFIABLE):
            iris = re.findall(r"\S+", text[len(_UNSATISFIABLE) :].replace(",", " "))
            fix = "Give the class a type and parents of one kind only (parents from its own table)."
            return [
                _finding(
                    locator,
                    URIRef(iri),
                    "the class is unsatisfiable: nothing can be an instance of it",
                    fix,
                    "unsatisfiable_class",
                )
                for iri in iris
            ]
        fix = "Look for an entity typed with two disjoint schema classes (e.g. a disorder used as a therapy)."
        return [_finding(locator, ONTOLOGY_IRI, text, fix, "inconsistent_ontology")]
    return []
