"""`nmdkg validate` end to end, on a tiny checkout: clear reports, the right exit codes, untouched inputs.

Each bad edit is tried as a curator would make it: in a TSV table (the loader rejects most of
these, exit 2) and in a Turtle file (the SHACL shapes and quality checks catch them, exit 1).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from nmdkg.cli import main
from nmdkg.paths import Project

from .mini_project import ROWS, make_project, table_text

PREFIXES = """\
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix NMD: <https://w3id.org/nmdkg/NMD_> .
@prefix nmd: <https://w3id.org/nmdkg/> .
@prefix obo: <http://purl.obolibrary.org/obo/> .
@prefix oboInOwl: <http://www.geneontology.org/formats/oboInOwl#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix source: <https://w3id.org/nmdkg/source/> .
"""
MMN_TO = "NMD:TO0009 a nmd:TreatmentOption, owl:NamedIndividual ;\n    nmd:disorder NMD:0000015 ;\n"


@dataclass(frozen=True)
class Edit:
    """A curator's edit: a file name, its text, and what validate must say about it."""

    id: str
    name: str
    text: str
    exit_code: int
    line: int | None
    says: tuple[str, ...]


def _to_row(**cells: str) -> dict[str, str]:
    return {"disorder": "multifocal motor neuropathy", "source": "lecture", "locator": "L9", **cells}


def _tsv(name: str, *extra: dict[str, str]) -> str:
    return table_text(name, [*ROWS.get(name, []), *extra])


EDITS = [
    # -- a syntax error
    Edit(
        "tsv-syntax-error",
        "treatment_options.tsv",
        _tsv("treatment_options") + "NMD:TO0009\tmultifocal motor neuropathy\trituximab\n",
        2,
        5,
        ("treatment_options.tsv:5", "3 cells where the header has"),
    ),
    Edit(
        "ttl-syntax-error",
        "new-terms.ttl",
        PREFIXES + '\nNMD:0000099 a owl:Class ;\n    rdfs:label "unclosed label@en .\n',
        2,
        11,
        ("new-terms.ttl:11", "not valid Turtle"),
    ),
    # -- an unknown prefix in a cross-reference
    Edit(
        "tsv-unknown-prefix",
        "disorders.tsv",
        _tsv(
            "disorders",
            {**ROWS["disorders"][0], "id": "NMD:0000099", "label": "Guillain-Barre syndrome", "xrefs": "FOO:12842"},
        ),
        2,
        5,
        ("disorders.tsv:5 [xrefs]", "unknown prefix 'FOO'"),
    ),
    Edit(
        "ttl-unknown-prefix",
        "xrefs.ttl",
        PREFIXES + '\nNMD:0000015 oboInOwl:hasDbXref "FOO:12842" .\n',
        1,
        10,
        ("xrefs.ttl:10", "unknown_xref_prefix", "does not start with a known prefix", "FOO:12842"),
    ),
    # -- a dangling reference
    Edit(
        "tsv-dangling-reference",
        "treatment_options.tsv",
        _tsv("treatment_options", _to_row(id="NMD:TO0009", disorder="NMD:0009999", therapy="rituximab")),
        2,
        5,
        ("treatment_options.tsv:5 [disorder]", "unknown entity 'NMD:0009999'"),
    ),
    Edit(
        "ttl-dangling-reference",
        "dangling.ttl",
        PREFIXES
        + "\n"
        + MMN_TO.replace("NMD:0000015", "NMD:0009999")
        + '    nmd:therapy NMD:0002016 ;\n    dcterms:source source:lecture ;\n    nmd:sourceLocator "L9" .\n',
        1,
        10,
        ("dangling.ttl:10", "dangling_reference", "refers to an IRI that nothing defines", "NMD:0009999"),
    ),
    # -- a frequency of 170%
    Edit(
        "tsv-frequency-170",
        "antibody_findings.tsv",
        _tsv("antibody_findings", {**ROWS["antibody_findings"][0], "id": "NMD:AF0009", "frequency": "170%"}),
        2,
        3,
        ("antibody_findings.tsv:3 [frequency]", "frequency '170%' is outside 0-100%"),
    ),
    Edit(
        "ttl-frequency-170",
        "finding.ttl",
        PREFIXES + "\nNMD:AF0009 a nmd:AntibodyFinding, owl:NamedIndividual ;\n    nmd:disorder NMD:0000015 ;\n"
        '    nmd:frequencyText "170%" ;\n    nmd:frequencyLow 1.7 ;\n    nmd:frequencyHigh 1.7 ;\n'
        '    dcterms:source source:lecture ;\n    nmd:sourceLocator "L9" .\n',
        1,
        10,
        ("finding.ttl:10", "frequency_low", "not a proportion between 0 and 1 (0-100%)", "1.7"),
    ),
    # -- a treatment option without a source
    Edit(
        "tsv-no-source",
        "treatment_options.tsv",
        _tsv("treatment_options", _to_row(id="NMD:TO0009", therapy="rituximab", line="second", source="", locator="")),
        2,
        5,
        ("treatment_options.tsv:5 [source]", "no source"),
    ),
    Edit(
        "ttl-no-source",
        "option.ttl",
        PREFIXES + "\n" + MMN_TO + "    nmd:therapy NMD:0002016 ;\n    nmd:lineOfTherapy nmd:SecondLine .\n",
        1,
        10,
        ("option.ttl:10", "missing_source", "no source: every curated fact needs one"),
    ),
    # -- a therapy both first-line and avoid for the same disorder
    Edit(
        "tsv-first-line-and-avoid",
        "treatment_options.tsv",
        _tsv("treatment_options", _to_row(id="NMD:TO0009", therapy="intravenous immunoglobulin", line="avoid")),
        1,
        5,
        (
            "treatment_options.tsv:5 [line]",
            "first_line_and_avoid",
            "intravenous immunoglobulin is both avoid (this row) and first-line",
            "NMD:TO0001",
        ),
    ),
    Edit(
        "ttl-first-line-and-avoid",
        "avoid.ttl",
        PREFIXES + "\n" + MMN_TO + "    nmd:therapy NMD:0002004 ;\n    nmd:lineOfTherapy nmd:Avoid ;\n"
        '    dcterms:source source:lecture ;\n    nmd:sourceLocator "L9" .\n',
        1,
        10,
        (
            "avoid.ttl:10",
            "first_line_and_avoid",
            "intravenous immunoglobulin is both avoid (this row) and first-line",
            "NMD:TO0001",
        ),
    ),
]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): _digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Project]:
    """The mini checkout, as the project `nmdkg` finds; its sources must be unchanged afterwards."""
    checkout = make_project(tmp_path / "checkout")
    monkeypatch.setenv("NMDKG_ROOT", str(checkout.root))
    before = _tree_digest(checkout.root)
    yield checkout
    assert _tree_digest(checkout.root) == before, "validate changed the checkout"


def test_the_mini_project_is_valid_with_hermit(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("nmdkg validate: valid: 0 error(s), 0 warning(s)")
    assert "hermit" in out


@pytest.mark.parametrize("edit", EDITS, ids=lambda e: e.id)
def test_a_bad_edit_is_reported_with_file_line_and_message(
    edit: Edit, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "edits" / edit.name
    path.parent.mkdir()
    path.write_text(edit.text, encoding="utf-8", newline="\n")
    before = path.read_bytes()

    code = main(["validate", str(path), "--no-reasoner"])
    out = capsys.readouterr().out

    assert code == edit.exit_code, out
    assert path.read_bytes() == before, "validate changed the edited file"
    for text in edit.says:
        text = text.replace(edit.name + ":", f"{path}:")
        assert text in out, f"{text!r} not in:\n{out}"


@pytest.mark.parametrize("edit", [e for e in EDITS if e.exit_code == 1], ids=lambda e: e.id)
def test_json_report_locates_the_finding(edit: Edit, project: Project, tmp_path: Path) -> None:
    path = tmp_path / edit.name
    path.write_text(edit.text, encoding="utf-8", newline="\n")
    report = tmp_path / "out" / "report.json"

    assert main(["validate", str(path), "--no-reasoner", "--format", "json", "--output", str(report)]) == 1

    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["exit_code"] == 1 and data["summary"]["errors"] >= 1
    located = [
        (group["file"], finding["line"], finding["check"])
        for group in data["files"]
        for entity in group["entities"]
        for finding in entity["findings"]
    ]
    assert (str(path), edit.line, edit.says[1]) in located, located
    assert not list(report.parent.glob(".*.tmp")), "the atomic write left a temporary file"


def test_markdown_report_groups_by_file_and_entity(project: Project, tmp_path: Path) -> None:
    edit = next(e for e in EDITS if e.id == "tsv-first-line-and-avoid")
    path = tmp_path / edit.name
    path.write_text(edit.text, encoding="utf-8", newline="\n")
    out = tmp_path / "report.md"
    assert main(["validate", str(path), "--no-reasoner", "--format", "markdown", "-o", str(out)]) == 1
    text = out.read_text(encoding="utf-8")
    assert f"## `{path}`" in text
    assert "### NMD:TO0009 treatment option: multifocal motor neuropathy, intravenous immunoglobulin (line 5)" in text
    assert "**ERROR** `first_line_and_avoid` (column `line`)" in text


def test_input_that_is_neither_a_table_nor_rdf(project: Project, tmp_path: Path, capsys) -> None:
    odd = tmp_path / "notes.tsv"
    odd.write_text("id\n", encoding="utf-8")
    assert main(["validate", str(odd)]) == 2
    assert "not the name of a curated table" in capsys.readouterr().err
    assert main(["validate", str(tmp_path / "missing.ttl")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_the_installed_command(project: Project, tmp_path: Path) -> None:
    """The console script, in a separate process: exit code and report as a user sees them."""
    edit = next(e for e in EDITS if e.id == "ttl-frequency-170")
    path = tmp_path / edit.name
    path.write_text(edit.text, encoding="utf-8", newline="\n")
    before = path.read_bytes()
    command = Path(sys.executable).with_name("nmdkg")
    done = subprocess.run(
        [str(command), "validate", str(path), "--no-reasoner", "--show", "error"],
        capture_output=True,
        text=True,
        check=False,
        env={"NMDKG_ROOT": str(project.root), "PATH": str(command.parent)},
    )
    assert done.returncode == 1, done.stderr
    assert f"{path}:10" in done.stdout and "frequency_low" in done.stdout
    assert path.read_bytes() == before
