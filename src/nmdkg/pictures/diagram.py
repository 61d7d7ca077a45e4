"""A disorder's neighbourhood as a diagram, laid out and drawn by Graphviz (``dot -Tsvg``).

Left of the disorder: its antibodies (target, isotype, frequency), mechanisms and triggers; right:
its treatment options in one cluster per line of therapy (coloured as in the matrix), associated
conditions and subtypes. Every node links to its entity's page and is titled with its CURIE, so the
SVG names what it shows. Graphviz is Debian's package ``graphviz`` (``make graphviz``); the same SVG
is served on the disorder's page and written by ``nmdkg show --svg``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field

from ..errors import NmdkgError
from ..lookups import Lookups
from ..prefixes import compact
from ..server.entities import local_path
from .facts import Finding, Neighbour, Option, antibody_findings, neighbours, options
from .lines import MENTIONED, Line

__all__ = ["DOT", "Diagram", "GraphvizError", "read_diagram", "render_svg", "to_dot"]

#: The Graphviz layout program; override with the NMDKG_DOT environment variable.
DOT = "dot"
TIMEOUT_SECONDS = 30
FONT = "DejaVu Sans,Arial,sans-serif"
SECTIONS = {
    "parent": ("Broader disorder", "#f4f4f4"),
    "mechanism": ("Mechanisms", "#eef3fb"),
    "trigger": ("Triggers", "#fbf3e8"),
    "condition": ("Associated conditions", "#f3eefb"),
    "subtype": ("Subtypes and variants", "#f4f4f4"),
}
LEFT = ("parent", "mechanism", "trigger")


class GraphvizError(NmdkgError):
    """Graphviz is missing or failed; the message says how to install it."""

    exit_code = 3


@dataclass
class Diagram:
    """What one disorder's diagram shows."""

    iri: str
    label: str
    findings: list[Finding] = field(default_factory=list)
    neighbours: list[Neighbour] = field(default_factory=list)
    options: list[Option] = field(default_factory=list)


def read_diagram(lookups: Lookups, iri: str, label: str, *, all_options: list[Option] | None = None) -> Diagram:
    """The diagram of the disorder ``iri`` from the graph (``all_options`` saves reading the options again)."""
    every = all_options if all_options is not None else options(lookups)
    return Diagram(
        iri=iri,
        label=label,
        findings=antibody_findings(lookups, disorder=iri),
        neighbours=neighbours(lookups, iri),
        options=[o for o in every if o.disorder == iri],
    )


def _quote(text: str) -> str:
    """A DOT string: quotes and backslashes escaped, so no label can start a Graphviz escape (\\N, \\G)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _attrs(**attributes: str | None) -> str:
    return "[" + ", ".join(f"{k}={_quote(v)}" for k, v in attributes.items() if v is not None) + "]"


def _node_id(iri: str, prefix: str = "") -> str:
    return prefix + re.sub(r"[^A-Za-z0-9_]", "_", compact(iri))


def _frequency(finding: Finding) -> str:
    return " · ".join(p for p in (finding.isotype_label, finding.frequency, finding.patient_group) if p)


def _statement(kind: str, indent: str = "  ", **attributes: str | None) -> str:
    """A DOT statement: ``kind`` is a node id, ``graph``, ``node``, ``edge`` or ``a -> b``."""
    return f"{indent}{kind} {_attrs(**attributes)};"


def _node(node: str, indent: str = "    ", **attributes: str | None) -> str:
    return _statement(node, indent, id=f"node_{node}", **attributes)


def _open_cluster(name: str, **attributes: str | None) -> str:
    return f"  subgraph cluster_{name} {{ graph {_attrs(**attributes)};"


def to_dot(diagram: Diagram) -> str:
    """The diagram in Graphviz's DOT language."""
    centre = _node_id(diagram.iri)
    out = [
        f"digraph {_quote(compact(diagram.iri))} {{",
        _statement(
            "graph", rankdir="LR", fontname=FONT, fontsize="11", bgcolor="transparent", nodesep="0.12",
            ranksep="0.5", id="diagram", tooltip=diagram.label,
        ),
        _statement(
            "node", shape="box", style="rounded,filled", fillcolor="#ffffff", color="#888888", fontname=FONT,
            fontsize="10", margin="0.08,0.03",
        ),
        _statement("edge", color="#9a9a9a", arrowsize="0.5", fontname=FONT, fontsize="9", fontcolor="#444444"),
        _node(
            centre, "  ", label=diagram.label, shape="ellipse", style="filled", fillcolor="#333333",
            fontcolor="#ffffff", fontsize="12", URL=local_path(diagram.iri), tooltip=compact(diagram.iri),
        ),
    ]  # fmt: skip
    out += _antibodies(diagram, centre)
    for section, (title, colour) in SECTIONS.items():
        members = [n for n in diagram.neighbours if n.section == section]
        if members:
            out += _cluster(section, title, colour, members, centre, into=section in LEFT)
    out += _options(diagram, centre)
    out.append("}")
    return "\n".join(out) + "\n"


def _antibodies(diagram: Diagram, centre: str) -> list[str]:
    """One node per target (or per finding without one), the isotypes and frequencies on its edge."""
    if not diagram.findings:
        return []
    by_antibody: dict[str, list[Finding]] = defaultdict(list)
    for finding in diagram.findings:
        by_antibody[finding.target or finding.iri].append(finding)
    frame = {"style": "rounded,filled", "fillcolor": "#fdf0f0", "color": "#e0c0c0"}
    out = [_open_cluster("antibodies", label="Antibody findings", **frame)]
    for key, findings in by_antibody.items():
        first = findings[0]
        label = f"anti-{first.target_label}" if first.target_label else first.antibody
        tooltip = "; ".join(f"{_frequency(f) or 'reported'} ({f.source_title}, {f.locator or ''})" for f in findings)
        out.append(_node(_node_id(key, "ab_"), label=label, URL=local_path(first.target or first.iri), tooltip=tooltip))
    out.append("  }")
    for key, findings in by_antibody.items():
        text = "; ".join(dict.fromkeys(_frequency(f) for f in findings if _frequency(f)))
        out.append(_statement(f"{_node_id(key, 'ab_')} -> {centre}", label=text or None))
    return out


def _cluster(section: str, title: str, colour: str, members: list[Neighbour], centre: str, *, into: bool) -> list[str]:
    out = [_open_cluster(section, label=title, style="rounded,filled", fillcolor=colour, color="#cccccc")]
    seen: set[str] = set()
    for n in members:
        node = _node_id(n.iri, f"{section}_")
        if node in seen:
            continue
        seen.add(node)
        tip = f"{n.relation or section}: {n.label}" + (f" ({n.source_title}, {n.locator})" if n.source_title else "")
        out.append(_node(node, label=n.label, URL=local_path(n.iri), tooltip=tip))
    out.append("  }")
    for node in seen:
        out.append(f"  {node} -> {centre};" if into else f"  {centre} -> {node};")
    return out


def _options(diagram: Diagram, centre: str) -> list[str]:
    """One cluster per line of therapy; a therapy box links to the (first) statement of that option."""
    by_line: dict[Line, dict[str, list[Option]]] = defaultdict(lambda: defaultdict(list))
    for option in diagram.options:
        for line in option.lines or [MENTIONED]:
            by_line[line][option.therapy].append(option)
    out: list[str] = []
    for line in sorted(by_line, key=lambda line: line.rank):
        name = f"line_{line.name}"
        border = line.fill if line is not MENTIONED else "#b0b0b0"
        out.append(_open_cluster(name, label=line.words.capitalize(), style="rounded", color=border, penwidth="2"))
        for therapy, stated in sorted(by_line[line].items(), key=lambda t: t[1][0].therapy_label.lower()):
            tip = "; ".join(f"{o.source_title} ({o.when}), {o.locator or ''}" for o in stated)
            out.append(
                _node(
                    _node_id(therapy, f"{name}_"), label=stated[0].therapy_label, fillcolor=line.fill,
                    fontcolor=line.ink, color=border, URL=local_path(stated[0].iri), tooltip=f"{line.words}: {tip}",
                )
            )  # fmt: skip
        out.append("  }")
        for therapy in by_line[line]:
            out.append(_statement(f"{centre} -> {_node_id(therapy, f'{name}_')}", color=border))
    return out


def render_svg(dot_source: str, *, program: str | None = None) -> str:
    """Lay out and draw ``dot_source`` with Graphviz; the SVG document as text.

    :raises GraphvizError: if ``dot`` is not installed, fails, or takes longer than 30 s.
    """
    program = program or os.environ.get("NMDKG_DOT", DOT)
    executable = shutil.which(program)
    if executable is None:
        raise GraphvizError(
            f"Graphviz's {program!r} is not installed: run `make graphviz` (Debian: apt-get install graphviz)"
        )
    try:
        done = subprocess.run(
            [executable, "-Tsvg"],
            input=dot_source.encode("utf-8"),
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise GraphvizError(f"Graphviz took longer than {TIMEOUT_SECONDS} s to draw the diagram") from None
    if done.returncode != 0:
        raise GraphvizError(f"Graphviz failed: {done.stderr.decode('utf-8', 'replace').strip()[:500]}")
    return done.stdout.decode("utf-8")
