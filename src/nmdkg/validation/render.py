"""Writing a validation report as text, JSON or Markdown, grouped by file, then by entity."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from enum import Enum
from itertools import groupby

from ..prefixes import compact
from .findings import Finding, Report, Severity

__all__ = ["Format", "render"]

logger = logging.getLogger(__name__)


class Format(Enum):
    """The report formats of ``nmdkg validate --format``."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"


_NO_FILE = "(not located in a file)"


def _visible(report: Report, lowest: Severity) -> list[Finding]:
    return [f for f in report.findings if f.severity.rank <= lowest.rank]


def _by_file(findings: Iterable[Finding]) -> list[tuple[str, list[tuple[str, list[Finding]]]]]:
    """[(file, [(entity, findings)])], in file and line order."""
    grouped = []
    for file, in_file in groupby(findings, key=lambda f: f.file or _NO_FILE):
        ordered = sorted(in_file, key=Finding.sort_key)
        entities: dict[str, list[Finding]] = {}
        for finding in ordered:
            entities.setdefault(finding.focus or "", []).append(finding)
        grouped.append((file, list(entities.items())))
    return grouped


def _entity_title(focus: str, findings: list[Finding]) -> str:
    first = findings[0]
    if not focus:
        return "(not about one entity)"
    title = compact(focus)
    if first.label:
        title += f" {first.label}"
    if first.line is not None:
        title += f" (line {first.line})"
    return title


def _summary(report: Report) -> str:
    counts = ", ".join(
        f"{report.count(s)} {name}"
        for s, name in ((Severity.ERROR, "error(s)"), (Severity.WARN, "warning(s)"), (Severity.INFO, "info"))
    )
    verdict = {0: "valid", 1: "NOT valid", 2: "input error"}[report.exit_code]
    return f"{verdict}: {counts} in {report.triples} triples"


def _timing(report: Report) -> str:
    steps = ", ".join(f"{step} {secs:.2f} s" for step, secs in report.seconds.items())
    return f"{sum(report.seconds.values()):.2f} s ({steps})" if steps else ""


def _rules(findings: Iterable[Finding]) -> dict[str, Finding]:
    rules: dict[str, Finding] = {}
    for finding in sorted(findings, key=lambda f: f.check):
        rules.setdefault(finding.check, finding)
    return rules


def _text(report: Report, lowest: Severity) -> str:
    findings = _visible(report, lowest)
    out = [f"nmdkg validate: {_summary(report)}"]
    if report.inputs:
        out.append(f"  inputs: {', '.join(report.inputs)}")
    if report.seconds:
        out.append(f"  time: {_timing(report)}")
    out.extend(f"  skipped: {skipped}" for skipped in report.skipped)
    for file, entities in _by_file(findings):
        out += ["", file]
        for focus, items in entities:
            out.append(f"  {_entity_title(focus, items)}")
            for f in items:
                # Each finding starts with file:line [column], as compilers print it, for editors to follow.
                out.append(f"    {f.where}: {f.severity.value} {f.check}: {f.message}")
                if f.value is not None:
                    out.append(f"        value: {f.value}")
                if f.fix:
                    out.append(f"        fix: {f.fix}")
    rules = _rules(findings)
    if rules:
        out += ["", "rules"]
        out += [f"  {check} ({f.severity.value}): {f.rule}" for check, f in rules.items()]
    return "\n".join(out) + "\n"


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _markdown(report: Report, lowest: Severity) -> str:
    findings = _visible(report, lowest)
    out = ["# Validation report", "", f"**{_summary(report)}**", ""]
    if report.inputs:
        out.append(f"- inputs: {', '.join(f'`{i}`' for i in report.inputs)}")
    if report.seconds:
        out.append(f"- time: {_timing(report)}")
    out.extend(f"- skipped: {skipped}" for skipped in report.skipped)
    for file, entities in _by_file(findings):
        out += ["", f"## `{file}`"]
        for focus, items in entities:
            out += ["", f"### {_md_escape(_entity_title(focus, items))}", ""]
            for f in items:
                column = f" (column `{f.column}`)" if f.column else ""
                line = f"- **{f.severity.value}** `{f.check}`{column}: {_md_escape(f.message)}"
                if f.value is not None:
                    line += f" — value: `{_md_escape(f.value)}`"
                if f.fix:
                    line += f"  \n  *Fix:* {_md_escape(f.fix)}"
                out.append(line)
    rules = _rules(findings)
    if rules:
        out += ["", "## Rules", "", "| check | severity | rule |", "| --- | --- | --- |"]
        out += [f"| `{c}` | {f.severity.value} | {_md_escape(f.rule)} |" for c, f in rules.items()]
    return "\n".join(out) + "\n"


def _json(report: Report, lowest: Severity) -> str:
    files = [
        {
            "file": None if file == _NO_FILE else file,
            "entities": [
                {"focus": focus or None, "label": items[0].label, "line": items[0].line,
                 "findings": [f.to_dict() for f in items]}
                for focus, items in entities
            ],
        }
        for file, entities in _by_file(_visible(report, lowest))
    ]  # fmt: skip
    data = {
        "conforms": report.conforms,
        "exit_code": report.exit_code,
        "summary": {
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARN),
            "infos": report.count(Severity.INFO),
            "triples": report.triples,
            "inputs": report.inputs,
            "seconds": {step: round(secs, 3) for step, secs in report.seconds.items()},
            "skipped": report.skipped,
        },
        "files": files,
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


_RENDERERS: dict[Format, Callable[[Report, Severity], str]] = {
    Format.TEXT: _text,
    Format.JSON: _json,
    Format.MARKDOWN: _markdown,
}


def render(report: Report, fmt: Format = Format.TEXT, *, lowest: Severity = Severity.INFO) -> str:
    """The report as text, JSON or Markdown, showing findings down to severity ``lowest``.

    >>> print(render(Report(triples=3)), end="")
    nmdkg validate: valid: 0 error(s), 0 warning(s), 0 info in 3 triples
    """
    return _RENDERERS[fmt](report, lowest)
