"""The pictures on an entity's page: a disorder's diagram and antibody profile, a target's antibody chart.

Diagrams are drawn once per disorder and kept: the served graph is read-only, and Graphviz takes
tens of milliseconds. Without Graphviz the page still renders, with a notice in place of the diagram.
"""

from __future__ import annotations

import logging
import re
import threading

from ..lookups import Lookups
from ..namespaces import NMD, RDFS
from ..pictures.chart import antibody_chart
from ..pictures.diagram import GraphvizError, read_diagram, render_svg, to_dot
from ..pictures.facts import antibody_findings
from .entities import Entity, local_path
from .html import Markup, join, link, tag

__all__ = ["DiagramCache", "entity_pictures", "is_disorder"]

logger = logging.getLogger(__name__)
_PROLOG = re.compile(r"^.*?(?=<svg)", re.S)


def is_disorder(entity: Entity) -> bool:
    """True for a disorder class (every curated disorder is a subclass of nmd:Disorder)."""
    return any(f.property.value == str(RDFS.subClassOf) and f.value.value == str(NMD.Disorder) for f in entity.facts)


class DiagramCache:
    """Each disorder's diagram as inline SVG, drawn on first request."""

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups
        self._svg: dict[str, str] = {}
        self._lock = threading.Lock()

    def svg(self, iri: str, label: str) -> str:
        """The SVG document (with its XML prolog) of the disorder's diagram.

        :raises GraphvizError: if Graphviz is missing or fails.
        """
        with self._lock:
            cached = self._svg.get(iri)
        if cached is None:
            cached = render_svg(to_dot(read_diagram(self.lookups, iri, label)))
            with self._lock:
                self._svg[iri] = cached
        return cached


def entity_pictures(entity: Entity, diagrams: DiagramCache) -> Markup | None:
    """The pictures section of ``entity``'s page, or None when it has none."""
    figures: list[Markup] = []
    if is_disorder(entity):
        figures.append(_diagram_figure(entity, diagrams))
        findings = antibody_findings(diagrams.lookups, disorder=entity.iri)
        if findings:
            chart = antibody_chart(findings, by="antibody", title=f"Antibody profile of {entity.label}")
            caption = tag("figcaption", "Antibody profile: how often each antibody is reported (hover for the source).")
            figures.append(tag("figure", chart, caption, class_="picture", id="antibody-profile"))
    else:
        findings = antibody_findings(diagrams.lookups, target=entity.iri)
        if findings:
            chart = antibody_chart(findings, by="disorder", title=f"Disorders with antibodies to {entity.label}")
            caption = tag("figcaption", f"Disorders with antibodies to {entity.label}, and how often.")
            figures.append(tag("figure", chart, caption, class_="picture", id="antibody-profile"))
    if not figures:
        return None
    return tag("section", tag("h2", "Pictures"), join(figures), id="pictures")


def _diagram_figure(entity: Entity, diagrams: DiagramCache) -> Markup:
    try:
        svg = Markup(_PROLOG.sub("", diagrams.svg(entity.iri, entity.label), count=1))
    except GraphvizError as exc:
        logger.warning("no diagram for %s: %s", entity.iri, exc)
        return tag("p", f"The diagram cannot be drawn here: {exc}", class_="notice")
    here = local_path(entity.iri) or ""
    caption = tag(
        "figcaption",
        "Neighbourhood: antibodies, mechanisms and triggers (left); treatment options by line, associated "
        "conditions and subtypes (right). Drawn by Graphviz from the graph; every box links to its page. ",
        link(f"/diagram{here}.svg", "SVG file"),
    )
    return tag("figure", tag("div", svg, class_="diagram"), caption, class_="picture", id="diagram")
