"""The HTML page of an entity: label, definition, synonyms, cross-references, facts and cited statements."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from ..prefixes import compact
from ..results import Term
from .entities import Entity, Fact, Statement, group_by_kind, local_path
from .html import Markup, external_link, join, link, page, tag

__all__ = ["render_entity"]

logger = logging.getLogger(__name__)


def _name(iri: str) -> str:
    return compact(iri)


def term_html(term: Term, label: str | None = None, *, current: str | None = None) -> Markup:
    """A value: a local link for our IRIs, an external link for http(s) IRIs, text for literals."""
    if term.kind == "uri":
        text = label or _name(term.value)
        if term.value == current:
            return tag("strong", text, title=term.value)
        path = local_path(term.value)
        if path is not None:
            return link(path, text, title=_name(term.value))
        return external_link(term.value, text)
    if term.kind == "bnode":
        return tag("span", "(anonymous)", class_="muted")
    suffix = tag("span", f"@{term.lang}", class_="lang") if term.lang else None
    return join([term.value, suffix])


def _fact_value(fact: Fact, current: str) -> Markup:
    return term_html(fact.value, fact.value_label, current=current)


def _property(fact: Fact) -> Markup:
    text = fact.property_label or _name(fact.property.value)
    path = local_path(fact.property.value)
    return link(path, text, title=_name(fact.property.value)) if path else tag("span", text, title=fact.property.value)


def _source_cell(sources: Iterable[Fact], locator: str | None, quote: str | None) -> Markup:
    parts: list[object] = []
    for fact in sources:
        parts.append(tag("span", term_html(fact.value, fact.value_label), class_="source"))
    if locator:
        parts.append(tag("span", locator, class_="locator", title="line range in the source"))
    if quote:
        parts.append(tag("q", quote, class_="quote"))
    return join(parts, " ")


def _section(title: str, content: Markup, *, id_: str | None = None) -> Markup:
    return tag("section", tag("h2", title), content, id=id_)


def _statement_table(kind_label: str, statements: list[Statement], current: str) -> Markup:
    columns: dict[str, Fact] = {}
    for statement in statements:
        for fact in statement.values:
            columns.setdefault(fact.property.value, fact)
    header = tag(
        "tr",
        tag("th", "statement"),
        *(tag("th", _property(f)) for f in columns.values()),
        tag("th", "source"),
        tag("th", "note"),
    )
    rows = []
    for statement in statements:
        cells = [tag("td", link(local_path(statement.iri) or "", _name(statement.iri)))]
        for prop in columns:
            values = [f for f in statement.values if f.property.value == prop]
            cells.append(tag("td", join((_fact_value(f, current) for f in values), "; ")))
        cells.append(tag("td", _source_cell(statement.sources, statement.locator, statement.quote)))
        cells.append(tag("td", join(statement.comments, " "), class_="note"))
        rows.append(tag("tr", *cells))
    table = tag("table", tag("thead", header), tag("tbody", *rows), class_="statements")
    return tag("section", tag("h3", f"{kind_label} ({len(statements)})"), tag("div", table, class_="scroll"))


def _fact_list(facts: list[Fact], current: str) -> Markup:
    grouped: dict[str, list[Fact]] = {}
    for fact in facts:
        grouped.setdefault(fact.property.value, []).append(fact)
    items = [
        join([tag("dt", _property(group[0])), tag("dd", join((_fact_value(f, current) for f in group), ", "))])
        for group in grouped.values()
    ]
    return tag("dl", *items, class_="facts")


def render_entity(entity: Entity, *, pictures: Markup | None = None) -> bytes:
    """The page of ``entity`` as UTF-8 HTML; every value from the graph is escaped.

    ``pictures`` (diagram and charts, :mod:`~nmdkg.server.entity_pictures`) go after the cross-references.
    """
    iri = entity.iri
    here = local_path(iri) or "/"
    types = join((term_html(f.value, f.value_label) for f in entity.types), ", ")
    formats = join(
        [
            link(f"{here}?format=ttl", "Turtle", rel="alternate", type="text/turtle"),
            link(f"{here}?format=jsonld", "JSON-LD", rel="alternate", type="application/ld+json"),
            link(f"{here}?format=nt", "N-Triples", rel="alternate", type="application/n-triples"),
        ],
        " · ",
    )
    parts: list[object] = [
        tag("h1", entity.label),
        tag(
            "p",
            tag("code", iri, class_="iri"),
            " ",
            tag("span", _name(iri), class_="curie"),
            tag("span", " · as ", formats, class_="formats"),
            class_="identity",
        ),
    ]
    if entity.types:
        parts.append(tag("p", "Type: ", types, class_="types"))
    if len(entity.labels) > 1:
        parts.append(tag("p", "Also labelled: ", join(entity.labels[1:], "; ")))
    for definition in entity.definitions:
        parts.append(tag("p", definition, class_="definition"))
    if entity.sources or entity.locator or entity.quote:
        parts.append(tag("p", "Source: ", _source_cell(entity.sources, entity.locator, entity.quote), class_="cited"))
    if entity.synonyms:
        items = [tag("li", text, " ", tag("span", kind, class_="muted")) for kind, text in entity.synonyms]
        parts.append(_section("Synonyms", tag("ul", *items), id_="synonyms"))
    if entity.xrefs:
        items = [
            tag("li", external_link(value, compact(value)), " ", tag("span", kind, class_="muted"))
            for kind, value in entity.xrefs
        ]
        parts.append(_section("Cross-references", tag("ul", *items), id_="xrefs"))
    if pictures is not None:
        parts.append(pictures)
    if entity.facts or entity.restrictions:
        restrictions = [
            Fact(f.property, (f.property_label or _name(f.property.value)) + " some", f.value, f.value_label)
            for f in entity.restrictions
        ]
        parts.append(_section("Facts", _fact_list(entity.facts + restrictions, iri), id_="facts"))
    if entity.statements:
        tables = [
            _statement_table(group[0].kind_label or _name(kind), group, iri)
            for kind, group in group_by_kind(entity.statements).items()
        ]
        parts.append(
            _section(f"Statements citing their sources ({len(entity.statements)})", join(tables), id_="statements")
        )
    if entity.referrers:
        note = tag("p", "Only the first entries are listed.", class_="muted") if entity.more_referrers else None
        parts.append(
            _section("Linked from", join([_fact_list(_inverse(entity.referrers), iri), note]), id_="referrers")
        )
    return page(entity.label, tag("article", *parts, class_="entity"))


def _inverse(referrers: list[Fact]) -> list[Fact]:
    """Referring entities as facts 'is <property> of' the entity."""
    return [
        Fact(f.property, f"is {f.property_label or _name(f.property.value)} of", f.value, f.value_label)
        for f in referrers
    ]
