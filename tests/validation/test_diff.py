"""`nmdkg diff`: two tiny versions, as files, as checkouts and as git revisions."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Graph

from nmdkg.cli import main
from nmdkg.diff import Status, diff_graphs, render_diff
from nmdkg.errors import InputError
from nmdkg.paths import Project
from nmdkg.versions import load_version

from .mini_project import ROWS, make_project, table_text

FIXTURES = Path(__file__).parent / "fixtures" / "diff"
OLD, NEW = FIXTURES / "old.ttl", FIXTURES / "new.ttl"
MMN, LEWIS_SUMNER, RITUXIMAB, OCRELIZUMAB = (
    "https://w3id.org/nmdkg/NMD_0000015",
    "https://w3id.org/nmdkg/NMD_0000016",
    "https://w3id.org/nmdkg/NMD_0002016",
    "https://w3id.org/nmdkg/NMD_0002017",
)
IVIG_OPTION, LEWIS_SUMNER_OPTION = "https://w3id.org/nmdkg/NMD_TO0001", "https://w3id.org/nmdkg/NMD_TO0002"


def _diff():
    return diff_graphs(Graph().parse(OLD), Graph().parse(NEW), old_name="old.ttl", new_name="new.ttl")


def test_entities_added_removed_and_changed() -> None:
    diff = _diff()
    status = {e.iri: e.status for e in diff.entities}
    assert status == {
        MMN: Status.CHANGED,
        LEWIS_SUMNER: Status.REMOVED,
        OCRELIZUMAB: Status.ADDED,
        IVIG_OPTION: Status.CHANGED,
        LEWIS_SUMNER_OPTION: Status.REMOVED,
    }
    assert RITUXIMAB not in status, "an unchanged restriction is not a change, whatever its blank node id"


def test_facts_per_entity_with_labels() -> None:
    by_iri = {e.iri: e for e in _diff().entities}
    mmn = by_iri[MMN]
    assert [c.key for c in mmn.removed] == ['rdfs:label "MMN"@en']
    assert [c.key for c in mmn.added] == ['rdfs:label "multifocal motor neuropathy"@en']
    option = by_iri[IVIG_OPTION]
    assert option.label == "treatment option: multifocal motor neuropathy, intravenous immunoglobulin"
    assert [c.shown for c in option.added] == ["nmd:lineOfTherapy nmd:FirstLine (first)"]
    assert [c.shown for c in option.removed] == ["nmd:lineOfTherapy nmd:SecondLine (second)"]
    restriction = [c.shown for c in by_iri[OCRELIZUMAB].added if c.key.startswith("rdfs:subClassOf [")]
    assert restriction == [
        "rdfs:subClassOf [ owl:onProperty nmd:hasTherapyMechanism ; "
        "owl:someValuesFrom NMD:0003053 (B-cell immunosuppression) ; rdf:type owl:Restriction ]"
    ]


def test_a_version_against_itself() -> None:
    diff = diff_graphs(Graph().parse(OLD), Graph().parse(OLD))
    assert diff.empty
    assert "no differences" in render_diff(diff)


def test_text_and_markdown() -> None:
    text = render_diff(_diff(), "text")
    assert text.splitlines()[0] == "nmdkg diff old.ttl new.ttl: 1 added, 2 removed, 2 changed"
    assert '  CHANGED  NMD:0000015 multifocal motor neuropathy\n      - rdfs:label "MMN"@en\n' in text
    markdown = render_diff(_diff(), "markdown")
    assert markdown.startswith("# Changes from `old.ttl` to `new.ttl`")
    assert "## Therapies\n\n### Added (1)\n\n- **NMD:0002017 ocrelizumab**" in markdown
    assert "  - added: `nmd:lineOfTherapy nmd:FirstLine (first)`" in markdown


def test_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "notes" / "changes.md"
    assert main(["diff", str(OLD), str(NEW), "--format", "markdown", "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == render_diff(
        diff_graphs(Graph().parse(OLD), Graph().parse(NEW), old_name=str(OLD), new_name=str(NEW)), "markdown"
    )
    assert main(["diff", str(OLD), str(NEW), "--exit-code"]) == 1
    assert main(["diff", str(OLD), str(OLD), "--exit-code"]) == 0
    capsys.readouterr()
    assert main(["diff", str(OLD), str(tmp_path / "missing.ttl")]) == 2
    assert "no such file" in capsys.readouterr().err


def _edit_option(project: Project) -> None:
    rows = [dict(r) for r in ROWS["treatment_options"]]
    rows[2]["line"] = "second"
    (project.curation / "treatment_options.tsv").write_text(table_text("treatment_options", rows), encoding="utf-8")


def test_two_checkouts(tmp_path: Path) -> None:
    old = make_project(tmp_path / "old")
    new = make_project(tmp_path / "new")
    _edit_option(new)
    diff = diff_graphs(load_version(str(old.root), old).graph, load_version(str(new.curation), old).graph)
    assert [(e.iri, e.status) for e in diff.entities] == [("https://w3id.org/nmdkg/NMD_TO0003", Status.CHANGED)]
    assert [c.shown for c in diff.entities[0].added] == ["nmd:lineOfTherapy nmd:SecondLine (second)"]


def _git(root: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_revisions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A throwaway repository under tmp_path: `nmdkg diff HEAD .` and `REV:path`."""
    project = make_project(tmp_path / "repo")
    (project.root / "old.ttl").write_bytes(OLD.read_bytes())
    _git(project.root, "init", "--quiet")
    _git(project.root, "add", ".")
    _git(project.root, "commit", "--quiet", "-m", "first")
    _edit_option(project)
    monkeypatch.setenv("NMDKG_ROOT", str(project.root))

    assert main(["diff", "HEAD", str(project.root)]) == 0
    out = capsys.readouterr().out
    assert "1 changed" in out and "NMD:TO0003 treatment option: multifocal motor neuropathy, rituximab" in out
    assert "+ nmd:lineOfTherapy nmd:SecondLine (second)" in out

    assert main(["diff", "HEAD:old.ttl", str(NEW)]) == 0
    assert "1 added, 2 removed, 2 changed" in capsys.readouterr().out

    with pytest.raises(InputError, match="git"):
        load_version("no-such-revision", project)
