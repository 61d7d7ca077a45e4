"""The validation report model: one finding per problem, with where it is and how to fix it."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from enum import Enum

from rdflib import URIRef

from ..namespaces import SH

__all__ = ["Engine", "Finding", "Report", "Severity"]

logger = logging.getLogger(__name__)


class Severity(Enum):
    """How bad a finding is; ROBOT report levels, mapped to SHACL severities."""

    ERROR = "ERROR"
    WARN = "WARN"
    INFO = "INFO"

    @property
    def shacl(self) -> URIRef:
        """The SHACL severity (sh:Violation, sh:Warning, sh:Info)."""
        return _TO_SHACL[self]

    @classmethod
    def from_shacl(cls, iri: object) -> Severity:
        """The level of a SHACL severity; an unknown one counts as ERROR (as SHACL treats it)."""
        return _FROM_SHACL.get(iri, cls.ERROR)  # type: ignore[call-overload]

    @property
    def rank(self) -> int:
        """0 for ERROR, 1 for WARN, 2 for INFO: the order findings are listed in."""
        return list(Severity).index(self)


_TO_SHACL = {Severity.ERROR: SH.Violation, Severity.WARN: SH.Warning, Severity.INFO: SH.Info}
_FROM_SHACL = {v: k for k, v in _TO_SHACL.items()}


class Engine(Enum):
    """What found a problem."""

    INPUT = "input"  # the TSV loader or an RDF parser: the input could not be read
    SHACL = "shacl"
    OWL = "owl"  # HermiT
    QC = "qc"  # queries/qc/*-violation.rq and the Python quality checks


@dataclass(frozen=True)
class Finding:
    """One problem: which check found it, how bad it is, where it is, and how to fix it.

    ``focus`` is the IRI of the entity, statement or source the problem is about (for a blank
    node, the named subject that owns it); ``file``/``line``/``column`` say where it was curated.
    """

    check: str
    severity: Severity
    message: str
    engine: Engine
    focus: str | None = None
    label: str | None = None
    file: str | None = None
    line: int | None = None
    column: str | None = None
    value: str | None = None
    rule: str = ""
    fix: str = ""

    @property
    def where(self) -> str:
        """``file:line [column]``, as far as known."""
        text = self.file or "(no file)"
        if self.line is not None:
            text += f":{self.line}"
        if self.column:
            text += f" [{self.column}]"
        return text

    def sort_key(self) -> tuple[str, int, str, int, str, str]:
        return (
            self.file or "~",
            self.line if self.line is not None else 1 << 30,
            self.focus or "",
            self.severity.rank,
            self.check,
            self.value or "",
        )

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        data["engine"] = self.engine.value
        return data


@dataclass
class Report:
    """All findings of one validation, with what was validated and how long each step took."""

    findings: list[Finding] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    triples: int = 0
    skipped: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def extend(self, findings: Iterable[Finding]) -> None:
        """Add findings, keeping one engine's findings per check and focus.

        A check may be both a shape and a quality query (``missing_label``): the engine that
        reported a check on a node first is kept, and exact repeats are dropped.
        """
        owners = {(f.check, f.focus): f.engine for f in self.findings}
        seen = {self._key(f) for f in self.findings}
        for finding in findings:
            owner = owners.setdefault((finding.check, finding.focus), finding.engine)
            key = self._key(finding)
            if owner is finding.engine and key not in seen:
                seen.add(key)
                self.findings.append(finding)
        self.findings.sort(key=Finding.sort_key)

    @staticmethod
    def _key(finding: Finding) -> tuple[object, ...]:
        return (
            finding.check,
            finding.focus,
            finding.file,
            finding.line,
            finding.column,
            finding.value,
            finding.message,
        )

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def bad_input(self) -> bool:
        """True if an input could not be read (then nothing else was checked)."""
        return any(f.engine is Engine.INPUT for f in self.findings)

    @property
    def conforms(self) -> bool:
        """No errors (warnings and infos are allowed)."""
        return self.count(Severity.ERROR) == 0

    @property
    def exit_code(self) -> int:
        """0 clean (warnings allowed), 1 errors, 2 bad input: what ``nmdkg validate`` returns."""
        if self.bad_input:
            return 2
        return 0 if self.conforms else 1
