"""What the pictures show, read from the graph: treatment options, antibody findings, a disorder's neighbours.

Every picture is drawn from these records and nothing else, so the matrix page, the diagram, the
charts and ``nmdkg show`` agree with each other and with the named queries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..lookups import Lookups
from ..results import Results, Term
from .lines import Line, line_for

__all__ = ["Finding", "Neighbour", "Option", "antibody_findings", "mechanism_classes", "neighbours", "options"]


def _text(row: dict[str, Term | None], key: str) -> str | None:
    term = row.get(key)
    return None if term is None else term.value


def _number(row: dict[str, Term | None], key: str) -> float | None:
    text = _text(row, key)
    return None if text is None else float(text)


@dataclass
class Option:
    """One treatment option: a disorder, a therapy, its lines or settings, and the source that states it."""

    iri: str
    disorder: str
    disorder_label: str
    group: str | None
    group_label: str | None
    therapy: str
    therapy_label: str
    source: str
    source_title: str
    year: str | None
    order: int | None
    qualifier: str | None
    patient_group: str | None
    partner: str | None
    locator: str | None
    quote: str | None
    year_is_lower_bound: bool = False
    lines: list[Line] = field(default_factory=list)

    @property
    def when(self) -> str:
        """The source's year: "2021" (issued), "≥2011" (a ``not_before`` year: no earlier than), or "undated"."""
        if not self.year:
            return "undated"
        return f"≥{self.year}" if self.year_is_lower_bound else self.year

    @property
    def codes(self) -> str:
        """The legend codes as the lecture's table writes them ("2, CR"), or "•" for a plain mention."""
        return ", ".join(line.code for line in self.lines) if self.lines else line_for(None).code

    @property
    def words(self) -> str:
        """The lines in words ("second line, crisis")."""
        return ", ".join(line.words for line in self.lines) if self.lines else line_for(None).words


def options(lookups: Lookups) -> list[Option]:
    """Every treatment option in the graph, with its lines and settings in the ontology's order."""
    found: dict[str, Option] = {}
    for row in lookups.select("treatment-matrix", bindings={}):
        iri = _text(row, "option")
        if iri is None:
            continue
        option = found.get(iri)
        if option is None:
            order = _text(row, "order")
            issued, not_before = _text(row, "issued"), _text(row, "notBefore")
            option = found[iri] = Option(
                iri=iri,
                disorder=_text(row, "disorder") or "",
                disorder_label=_text(row, "disorderLabel") or "",
                group=_text(row, "group"),
                group_label=_text(row, "groupLabel"),
                therapy=_text(row, "therapy") or "",
                therapy_label=_text(row, "therapyLabel") or "",
                source=_text(row, "source") or "",
                source_title=_text(row, "sourceTitle") or "",
                year=issued[:4] if issued else not_before,
                order=int(order) if order is not None else None,
                qualifier=_text(row, "qualifier"),
                patient_group=_text(row, "patientGroup"),
                partner=_text(row, "partnerLabel"),
                locator=_text(row, "locator"),
                quote=_text(row, "quote"),
                year_is_lower_bound=not issued and not_before is not None,
            )
        value = _text(row, "value")
        if value is not None:
            line = line_for(value, _text(row, "valueLabel"))
            if line not in option.lines:
                option.lines.append(line)
    for option in found.values():
        option.lines.sort(key=lambda line: line.rank)
    return list(found.values())


def mechanism_classes(lookups: Lookups) -> tuple[dict[str, str], dict[str, set[str]]]:
    """The therapy mechanism classes (IRI to label) and, for each therapy, every class it is in."""
    labels: dict[str, str] = {}
    by_therapy: dict[str, set[str]] = defaultdict(set)
    for row in lookups.select("therapy-mechanism-classes", bindings={}):
        therapy, mechanism, label = _text(row, "therapy"), _text(row, "mechanism"), _text(row, "mechanismLabel")
        if therapy and mechanism and label:
            labels[mechanism] = label
            by_therapy[therapy].add(mechanism)
    return labels, dict(by_therapy)


@dataclass(frozen=True)
class Finding:
    """An antibody finding: the disorder, the target and isotype, how often, and the source."""

    iri: str
    disorder: str
    disorder_label: str
    target: str | None
    target_label: str | None
    isotype_label: str | None
    frequency: str | None
    low: float | None
    high: float | None
    patient_group: str | None
    source_title: str
    locator: str | None

    @property
    def antibody(self) -> str:
        """The antibody in words: "IgM anti-GM1", "anti-MAG", or "antibodies (no target named)"."""
        target = f"anti-{self.target_label}" if self.target_label else "antibodies (no target named)"
        return f"{self.isotype_label} {target}" if self.isotype_label else target


def antibody_findings(lookups: Lookups, *, disorder: str | None = None, target: str | None = None) -> list[Finding]:
    """The antibody findings of ``disorder``, or against ``target`` (IRIs), or all of them."""
    bindings = {k: Term.iri(v) for k, v in (("disorder", disorder), ("target", target)) if v is not None}
    return [_finding(row) for row in lookups.select("antibody-findings", bindings=bindings) if row["finding"]]


def _finding(row: dict[str, Term | None]) -> Finding:
    return Finding(
        iri=_text(row, "finding") or "",
        disorder=_text(row, "disorder") or "",
        disorder_label=_text(row, "disorderLabel") or "",
        target=_text(row, "findingTarget"),
        target_label=_text(row, "targetLabel"),
        isotype_label=_text(row, "isotypeLabel"),
        frequency=_text(row, "frequency"),
        low=_number(row, "low"),
        high=_number(row, "high"),
        patient_group=_text(row, "patientGroup"),
        source_title=_text(row, "sourceTitle") or "",
        locator=_text(row, "locator"),
    )


@dataclass(frozen=True)
class Neighbour:
    """A mechanism, associated condition, trigger, parent or subtype of a disorder."""

    section: str
    iri: str
    label: str
    relation: str | None
    statement: str | None
    source_title: str | None
    locator: str | None


def neighbours(lookups: Lookups, disorder: str) -> list[Neighbour]:
    """The disorder's neighbours other than antibody findings and treatment options."""
    results: Results = lookups.select("disorder-neighbourhood", bindings={"disorder": Term.iri(disorder)})
    return [
        Neighbour(
            section=_text(row, "section") or "",
            iri=_text(row, "neighbour") or "",
            label=_text(row, "neighbourLabel") or "",
            relation=_text(row, "relation"),
            statement=_text(row, "statement"),
            source_title=_text(row, "sourceTitle"),
            locator=_text(row, "locator"),
        )
        for row in results
        if row["neighbour"] is not None
    ]
