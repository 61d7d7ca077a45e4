"""The named query library: ``queries/*.rq`` files with ``#+`` headers, run with typed parameters.

A header looks like this (grlc style)::

    #+ summary: Treatment options of the lecture's table
    #+ description: One row per cell of the source table ...
    #+ param: disorder entity optional  The disorder (label, synonym, NMD id or IRI)
    #+ example: nmdkg query treatment-options --param disorder=MMN

Each parameter NAME has a ``VALUES ?NAME { UNDEF }`` slot in the query body; a value given
by the user binds it (an unbound slot matches anything).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .base import BASE_IRI, ENTITY_STEM
from .errors import ParameterError, QueryNotFound
from .results import Results, Term
from .store import Store

__all__ = ["NamedQuery", "Parameter", "QueryLibrary", "resolve_entity"]

PARAM_TYPES = ("entity", "string", "integer", "decimal")
XSD = "http://www.w3.org/2001/XMLSchema#"
_HEADER = re.compile(r"^#\+\s*(?P<key>[a-z]+)\s*:\s*(?P<value>.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s+(?P<type>\w+)\s+(?P<need>required|optional|default=\S+)\s*(?P<text>.*)$"
)


@dataclass(frozen=True)
class Parameter:
    """A query parameter: its type, whether it is required, its default, and what it means."""

    name: str
    type: str
    required: bool
    default: str | None
    description: str


@dataclass(frozen=True)
class NamedQuery:
    """A query file with its header."""

    name: str
    path: Path
    text: str
    summary: str
    description: str = ""
    parameters: tuple[Parameter, ...] = ()
    examples: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def from_file(cls, path: Path) -> NamedQuery:
        """Read a query and its header.

        :raises ValueError: if the header lacks a summary or has a malformed parameter line.
        """
        text = path.read_text(encoding="utf-8")
        meta: dict[str, list[str]] = {}
        for line in text.splitlines():
            match = _HEADER.match(line)
            if match:
                meta.setdefault(match["key"], []).append(match["value"].strip())
        if not meta.get("summary"):
            raise ValueError(f"{path}: the header has no `#+ summary:` line")
        parameters = []
        for spec in meta.get("param", []):
            match = _PARAM.match(spec)
            if not match or match["type"] not in PARAM_TYPES:
                raise ValueError(
                    f"{path}: bad parameter line {spec!r}; write `#+ param: NAME TYPE required|optional|default=V text`"
                )
            need = match["need"]
            default = need.split("=", 1)[1] if need.startswith("default=") else None
            parameters.append(Parameter(match["name"], match["type"], need == "required", default, match["text"]))
        return cls(
            name=path.stem,
            path=path,
            text=text,
            summary=meta["summary"][0],
            description=" ".join(meta.get("description", [])),
            parameters=tuple(parameters),
            examples=tuple(meta.get("example", [])),
        )


class QueryLibrary:
    """The named queries in a folder (``queries/*.rq``; subfolders hold QC and internal queries)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.queries = {q.name: q for q in (NamedQuery.from_file(p) for p in sorted(folder.glob("*.rq")))}

    def __getitem__(self, name: str) -> NamedQuery:
        try:
            return self.queries[name]
        except KeyError:
            close = [n for n in self.queries if name in n or n in name]
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise QueryNotFound(f"no named query {name!r}{hint} (`nmdkg query --list` lists them)") from None

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.queries.values())

    def run(self, name: str, store: Store, params: Mapping[str, str] | None = None) -> Results:
        """Run a named query with parameters given as text (labels, CURIEs, numbers).

        :raises QueryNotFound: for an unknown query name.
        :raises ParameterError: for a missing, unknown or mistyped parameter.
        """
        query = self[name]
        return store.select(query.text, bindings=self.bindings(query, store, params or {}))

    def bindings(self, query: NamedQuery, store: Store, params: Mapping[str, str]) -> dict[str, Term]:
        """Turn user-supplied parameter text into typed RDF terms for the query's slots."""
        declared = {p.name: p for p in query.parameters}
        unknown = sorted(set(params) - set(declared))
        if unknown:
            known = ", ".join(declared) or "none"
            raise ParameterError(f"query {query.name!r} has no parameter {unknown[0]!r} (parameters: {known})")
        bound: dict[str, Term] = {}
        for parameter in query.parameters:
            value = params.get(parameter.name, parameter.default)
            if value is None:
                if parameter.required:
                    wanted = f"{parameter.name}=… ({parameter.type}: {parameter.description})"
                    raise ParameterError(f"query {query.name!r} needs --param {wanted}")
                continue
            bound[parameter.name] = self._term(query, parameter, value, store)
        return bound

    def _term(self, query: NamedQuery, parameter: Parameter, value: str, store: Store) -> Term:
        if parameter.type == "string":
            return Term.literal(value)
        if parameter.type in ("integer", "decimal"):
            try:
                number = Decimal(value)
            except InvalidOperation:
                raise ParameterError(
                    f"parameter {parameter.name!r} of {query.name!r} must be a {parameter.type}, not {value!r}"
                ) from None
            if parameter.type == "integer" and number != number.to_integral_value():
                raise ParameterError(
                    f"parameter {parameter.name!r} of {query.name!r} must be a whole number, not {value!r}"
                )
            return Term.literal(value, datatype=XSD + parameter.type)
        return resolve_entity(value, store, self.folder)


def resolve_entity(text: str, store: Store, folder: Path) -> Term:
    """An entity from an IRI, an ``NMD:``/``nmd:`` CURIE, or a label or synonym: exactly as given, else in any case.

    :raises ParameterError: if nothing, or more than one entity, has that name.
    """
    if re.match(r"^https?://", text):
        return Term.iri(text)
    if re.fullmatch(r"NMD:[A-Z]{0,2}\d+", text):
        return Term.iri(ENTITY_STEM + text.split(":", 1)[1])
    if re.fullmatch(r"nmd:\w+", text):
        return Term.iri(BASE_IRI + text.split(":", 1)[1])
    matches = _named(store, folder / "internal" / "resolve-entity.rq", name=Term.literal(text),
                     english=Term.literal(text, lang="en"))  # fmt: skip
    if not matches:  # then ignoring case: a scan of every name, so only when the exact lookup finds nothing
        matches = _named(store, folder / "internal" / "resolve-entity-any-case.rq", text=Term.literal(text))
    if not matches:
        from .suggest import did_you_mean

        hint = did_you_mean(text, store, folder) or " (try a label, a synonym such as MMN, or an NMD id)"
        raise ParameterError(f"no entity is labelled {text!r}{hint}")
    if len(matches) > 1:
        raise ParameterError(f"{text!r} names several entities: {', '.join(matches)}; use an NMD id")
    return Term.iri(matches[0])


def _named(store: Store, lookup: Path, **bindings: Term) -> list[str]:
    """The IRIs of the entities a name lookup query finds."""
    found = store.select(lookup.read_text(encoding="utf-8"), bindings=bindings)
    return sorted({row["entity"].value for row in found if row["entity"] is not None})
