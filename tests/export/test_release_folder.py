"""A release replaces its folder whole or not at all, and the same sources give the same bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from nmdkg.errors import InputError
from nmdkg.export import ExportResult, export_release
from nmdkg.export import sssom as sssom_module
from nmdkg.paths import Project

from .checkout import VERSION

DATA_FILES = ("nmd.owl", "nmd.ttl", "nmd.nt", "nmd.jsonld", "nmd-inferred.ttl", "nmd.sssom.tsv", "void.ttl")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_a_failing_writer_leaves_the_previous_release_unchanged(
    release: ExportResult, checkout: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(release.folder)

    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("disk full (simulated)")

    monkeypatch.setattr(sssom_module, "render_sssom", broken)  # after nmd.owl … nmd-inferred.ttl are written
    with pytest.raises(RuntimeError, match="simulated"):
        export_release(checkout, version="2027-01-01")
    assert snapshot(release.folder) == before
    leftovers = [p.name for p in release.folder.parent.iterdir() if p.name.startswith(".release.")]
    assert leftovers == []


def test_exports_are_byte_identical(release: ExportResult, checkout: Project, tmp_path: Path) -> None:
    again = export_release(checkout, output=tmp_path / "again", version=VERSION)
    assert (again.folder / "nmd.nt").read_bytes() == (release.folder / "nmd.nt").read_bytes()
    for name in DATA_FILES:
        assert (again.folder / name).read_bytes() == (release.folder / name).read_bytes(), name


def test_a_re_export_replaces_the_release_and_notes_the_changes(checkout: Project, tmp_path: Path) -> None:
    folder = tmp_path / "rolling"
    export_release(checkout, output=folder, version="2026-11-01")
    result = export_release(checkout, output=folder, version="2026-12-01")
    assert result.built is False
    notes = (folder / "RELEASE-NOTES.md").read_text(encoding="utf-8")
    assert "# nmdkg release 2026-12-01" in notes
    assert "Changes since 2026-11-01" in notes
    assert "2026-12-01/nmd.owl" in (folder / "nmd.ttl").read_text(encoding="utf-8")


def test_refuses_to_replace_a_folder_that_is_not_a_release(checkout: Project, tmp_path: Path) -> None:
    precious = tmp_path / "home"
    precious.mkdir()
    (precious / "thesis.tex").write_text("years of work", encoding="utf-8")
    with pytest.raises(InputError, match="not release files"):
        export_release(checkout, output=precious, version=VERSION)
    assert (precious / "thesis.tex").read_text(encoding="utf-8") == "years of work"


@pytest.mark.parametrize("version", ["2026-13-01", "26-11-01", "latest", "2026-11-01T00:00"])
def test_rejects_a_malformed_version(checkout: Project, tmp_path: Path, version: str) -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        export_release(checkout, output=tmp_path / "r", version=version)
    assert not (tmp_path / "r").exists()
