"""The exceptions nmdkg raises to its users, in one hierarchy.

NmdkgError                 anything a user can act on; the CLI prints it in one line
├── InputError             bad input: a curated file, a query, a parameter (exit 2)
│   ├── CurationError      one or more problems in curated tables, each with file:line:column
│   ├── QueryNotFound      an unknown named query
│   └── ParameterError     a missing, unknown or mistyped query parameter
├── QueryError             the store refused or failed a query (exit 2)
├── EndpointError          a remote endpoint could not be reached or answered badly (exit 3)
└── ReasoningError         the ontology is inconsistent or has unsatisfiable classes (exit 1)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "CurationError",
    "EndpointError",
    "InputError",
    "Location",
    "NmdkgError",
    "ParameterError",
    "Problem",
    "QueryError",
    "QueryNotFound",
    "ReasoningError",
]


class NmdkgError(Exception):
    """Base of every error that is the user's to fix; ``exit_code`` is what the CLI returns."""

    exit_code = 3


class InputError(NmdkgError):
    """Input that nmdkg cannot use as it is."""

    exit_code = 2


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file, and a line and column where known."""

    file: str
    line: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        text = self.file
        if self.line is not None:
            text += f":{self.line}"
        if self.column:
            text += f" [{self.column}]"
        return text


@dataclass(frozen=True)
class Problem:
    """One problem in curated input: where, what, and how to fix it."""

    location: Location
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        return f"{text}. {self.hint}" if self.hint else text


#: How many problems an error message lists before it summarises the rest.
SHOWN_PROBLEMS = 20


class CurationError(InputError):
    """Curated tables that cannot be built; carries every problem found, not just the first."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        head = f"{len(self.problems)} problem(s) in the curated sources"
        shown = [f"  {p}" for p in self.problems[:SHOWN_PROBLEMS]]
        if len(self.problems) > SHOWN_PROBLEMS:
            shown.append(f"  … and {len(self.problems) - SHOWN_PROBLEMS} more (`nmdkg validate` lists them all)")
        super().__init__(head + ":\n" + "\n".join(shown))


class QueryNotFound(InputError):
    """A named query that the library does not have."""


class ParameterError(InputError):
    """A query parameter that is missing, unknown or of the wrong type."""


class QueryError(NmdkgError):
    """A query the store could not run (syntax error, refused operation, timeout)."""

    exit_code = 2


class EndpointError(NmdkgError):
    """A remote SPARQL endpoint that cannot be reached or gives an unusable answer."""

    exit_code = 3


class ReasoningError(NmdkgError):
    """An ontology that the reasoner finds inconsistent or with unsatisfiable classes."""

    exit_code = 1
