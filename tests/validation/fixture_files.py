"""Reading the hand-written fixture graphs and the expectations written beside their subjects.

A fixture file is Turtle. A comment ``# expect CHECK: MESSAGE`` says that the next subject
must get a finding of CHECK whose message contains MESSAGE; ``# pass CHECK`` says the next
subject is meant to satisfy CHECK (and the file must produce no finding at all).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

__all__ = ["FIXTURES", "Expectation", "expectations", "with_base"]

FIXTURES = Path(__file__).parent / "fixtures"
_PREFIX = re.compile(r"^@prefix\s+([\w-]*):\s*<([^>]*)>\s*\.")
_EXPECT = re.compile(r"^#\s*expect\s+(\w+):\s*(.+?)\s*$")
_PASS = re.compile(r"^#\s*pass\s+(\w+)\s*$")


@dataclass(frozen=True)
class Expectation:
    """A check the subject at ``line`` of ``file`` must get (or, for a pass, must satisfy)."""

    file: str
    line: int
    check: str
    focus: URIRef
    message: str = ""
    #: ``# pass CHECK``: the subject must *not* get a finding of CHECK.
    passes: bool = False

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.check}"


def expectations(path: Path) -> list[Expectation]:
    """The ``# expect`` and ``# pass`` annotations of a fixture, each with the subject it precedes."""
    prefixes: dict[str, str] = {}
    pending: list[tuple[int, str, str, bool]] = []
    found: list[Expectation] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.strip()
        if match := _PREFIX.match(text):
            prefixes[match[1]] = match[2]
        elif match := _EXPECT.match(text):
            pending.append((number, match[1], match[2], False))
        elif match := _PASS.match(text):
            pending.append((number, match[1], "", True))
        elif text and not text.startswith("#") and not line[0].isspace() and pending:
            token = text.split()[0]
            prefix, _, local = token.partition(":")
            focus = URIRef(token[1:-1] if token.startswith("<") else prefixes[prefix] + local)
            found += [Expectation(path.name, n, check, focus, message, passes) for n, check, message, passes in pending]
            pending = []
    assert not pending, f"{path.name}: an annotation at line {pending[0][0]} has no subject after it"
    return found


def with_base(*paths: Path) -> Graph:
    """``fixtures/base.ttl`` plus the given fixture files, in one graph."""
    graph = Graph().parse(FIXTURES / "base.ttl", format="turtle")
    for path in paths:
        graph.parse(path, format="turtle")
    return graph
