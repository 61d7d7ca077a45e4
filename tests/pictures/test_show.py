"""`nmdkg show`: an entity's tree with its sources, its diagram as SVG, and close matches for a bad name."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from nmdkg.paths import Project

SVG = "{http://www.w3.org/2000/svg}"


def show(built: Project, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"NMDKG_ROOT": str(built.root), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "nmdkg.cli", "show", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_the_tree_shows_facts_and_statements_with_sources(built: Project) -> None:
    done = show(built, "MMN")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "multifocal motor neuropathy  (NMD:0000015)"
    assert "│  └─ MMN (exact)" in lines
    assert any(line[3:].startswith("treatment option (") for line in lines)
    start = next(i for i, line in enumerate(lines) if "avoid (nmd:Avoid) · therapy: corticosteroids" in line)
    branch = " ".join(line[6:].strip() for line in lines[start : start + 3])
    assert "[Treatment Options for Therapy of Autoimmune Neuromuscular Disorders (table in the lecture)" in branch


def test_svg_writes_the_diagram_of_the_web_page(built: Project, tmp_path: Path) -> None:
    out = tmp_path / "mmn.svg"
    done = show(built, "multifocal motor neuropathy", "--svg", str(out))
    assert done.returncode == 0, done.stderr
    root = ET.parse(out).getroot()
    titles = {t.text for t in root.iter(f"{SVG}title")}
    assert {"NMD_0000015", "ab_NMD_0001011", "line_Avoid_NMD_0002001"} <= titles
    texts = {t.text for t in root.iter(f"{SVG}text")}
    assert {"multifocal motor neuropathy", "anti-ganglioside GM1", "corticosteroids", "Avoid"} <= texts


def test_an_unknown_name_suggests_close_matches(built: Project) -> None:
    done = show(built, "myastenia gravis")
    assert done.returncode == 2
    assert "no entity is labelled 'myastenia gravis'; did you mean: myasthenia gravis (NMD:0000031)" in done.stderr
    assert done.stdout == ""


def test_a_synonym_typo_is_matched_by_its_synonym(built: Project) -> None:
    done = show(built, "Guillain Barre")
    assert done.returncode == 2
    assert "Guillain-Barre syndrome (NMD:0000003" in done.stderr


def test_only_disorders_have_diagrams_and_nothing_is_written_otherwise(built: Project, tmp_path: Path) -> None:
    out = tmp_path / "keep.svg"
    out.write_text("a curator's file", encoding="utf-8")
    done = show(built, "rituximab", "--svg", str(out))
    assert done.returncode == 2
    assert "diagrams are drawn for disorders; rituximab (NMD:0002016) is not one" in done.stderr
    assert out.read_text(encoding="utf-8") == "a curator's file"


def test_an_unknown_id_is_an_error_without_guesses(built: Project) -> None:
    done = show(built, "NMD:9999999")
    assert done.returncode == 2
    assert done.stderr.strip() == "nmdkg show: error: the graph has nothing about NMD:9999999"
