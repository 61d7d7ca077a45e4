"""Lines of therapy and settings as the pictures show them: legend code, words, colour, sort order.

The codes are the lecture table's legend (``skos:notation`` of the value sets in the ontology); the
colours are chosen to be told apart with the common colour-vision deficiencies (Okabe-Ito palette).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LINES", "MENTIONED", "Line", "line_for"]


@dataclass(frozen=True)
class Line:
    """How one line of therapy or setting looks in every picture."""

    name: str
    code: str
    words: str
    fill: str
    ink: str
    rank: int


#: By the local name of the value in the ontology; codes are the lecture table's legend (``skos:notation``),
#: except "I" for initial treatment, which the table does not use.
LINES: dict[str, Line] = {
    line.name: line
    for line in (
        Line("FirstLine", "1", "first line", "#009E73", "#ffffff", 0),
        Line("SecondLine", "2", "second line", "#56B4E9", "#000000", 1),
        Line("ThirdLine", "3", "third line", "#E69F00", "#000000", 2),
        Line("IndividualCases", "op", "individual cases", "#CC79A7", "#000000", 3),
        Line("Avoid", "NO", "avoid", "#D55E00", "#ffffff", 4),
        Line("Crisis", "CR", "crisis", "#0072B2", "#ffffff", 5),
        Line("Maintenance", "M", "maintenance", "#F0E442", "#000000", 6),
        Line("Initial", "I", "initial treatment", "#BBBBBB", "#000000", 7),
    )
}
#: An option a source names without a line or setting ("treated with ...").
MENTIONED = Line("Mentioned", "•", "named as an option (no line given)", "#eeeeee", "#000000", 9)


def line_for(iri: str | None, label: str | None = None) -> Line:
    """The look of a line or setting, by its IRI; none is "named as an option", an unknown one grey."""
    if iri is None:
        return MENTIONED
    name = iri.rsplit("/", 1)[-1]
    return LINES.get(name) or Line(name, name[:2], label or name, "#dddddd", "#000000", 8)
