"""An entity's facts as a tree for the terminal: what ``nmdkg show`` prints.

The same reading as the entity page (:class:`~nmdkg.server.entities.EntityReader`), laid out as
indented branches: identity, definition, synonyms, cross-references, facts, then the statements
citing their sources, grouped by kind, each with its values and ``[source, lines]``.
"""

from __future__ import annotations

import textwrap

from ..namespaces import OBOINOWL
from ..prefixes import compact
from ..results import Term
from ..server.entities import Entity, Fact, Statement, group_by_kind

__all__ = ["render_tree"]

WIDTH = 100
#: Shown as "cross-references" already.
XREF = str(OBOINOWL.hasDbXref)


def _value(term: Term, label: str | None) -> str:
    if term.kind == "uri":
        return f"{label} ({compact(term.value)})" if label else compact(term.value)
    return term.value


def _fact(fact: Fact) -> str:
    return f"{fact.property_label or compact(fact.property.value)}: {_value(fact.value, fact.value_label)}"


def _cited(sources: list[Fact], locator: str | None) -> str:
    names = "; ".join(f.value_label or compact(f.value.value) for f in sources)
    where = ", ".join(p for p in (names, locator) if p)
    return f"  [{where}]" if where else ""


def _branches(items: list[str], prefix: str) -> list[str]:
    out = []
    for i, item in enumerate(items):
        last = i == len(items) - 1
        head, rest = ("└─ ", "   ") if last else ("├─ ", "│  ")
        wrapped = textwrap.wrap(item, WIDTH - len(prefix) - 3) or [""]
        out.append(prefix + head + wrapped[0])
        out += [prefix + rest + line for line in wrapped[1:]]
    return out


def _statement_line(statement: Statement, current: str) -> str:
    """The statement's values, entities first (what it links), then numbers and words, then its source."""
    others = sorted((f for f in statement.values if f.value.value != current), key=lambda f: f.value.kind != "uri")
    values = [_fact(f) for f in others]
    return " · ".join(values) + _cited(statement.sources, statement.locator)


def render_tree(entity: Entity) -> str:
    """The tree of ``entity`` as text, ending in a newline."""
    out = [f"{entity.label}  ({compact(entity.iri)})", f"  {entity.iri}"]
    sections: list[tuple[str, list[str]]] = []
    if entity.definitions:
        sections.append(("definition", entity.definitions))
    if entity.synonyms:
        sections.append(("synonyms", [f"{text} ({kind})" for kind, text in entity.synonyms]))
    if entity.xrefs:
        sections.append(("cross-references", [f"{compact(value)} ({kind})" for kind, value in entity.xrefs]))
    if entity.sources:
        sections.append(("source", [_cited(entity.sources, entity.locator).strip(" []")]))
    facts = [_fact(f) for f in entity.facts if f.property.value != XREF]
    if facts:
        sections.append(("facts", facts))
    for kind, statements in group_by_kind(entity.statements).items():
        title = f"{statements[0].kind_label or compact(kind)} ({len(statements)})"
        sections.append((title, [_statement_line(s, entity.iri) for s in statements]))
    if entity.referrers:
        sections.append(
            ("linked from", [f"{_value(f.value, f.value_label)} ({f.property_label})" for f in entity.referrers])
        )
    for i, (title, items) in enumerate(sections):
        last = i == len(sections) - 1
        out.append(("└─ " if last else "├─ ") + title)
        out += _branches(items, "   " if last else "│  ")
    return "\n".join(out) + "\n"
