"""Where the project's sources and build outputs are."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Project", "find_project"]


@dataclass(frozen=True)
class Project:
    """The folders of an nmdkg checkout: curated sources in, generated artifacts out."""

    root: Path

    @property
    def ontology(self) -> Path:
        return self.root / "ontology" / "nmd.owl"

    @property
    def curation(self) -> Path:
        return self.root / "curation"

    @property
    def shapes(self) -> Path:
        return self.root / "shapes"

    @property
    def queries(self) -> Path:
        return self.root / "queries"

    @property
    def build(self) -> Path:
        return self.root / "build"

    @property
    def release(self) -> Path:
        return self.root / "release"

    @property
    def shared(self) -> Path:
        """The source texts (``seeds/``, ``reference/``) kept beside the checkout in ``../shared``.

        A source's ``file`` in ``curation/sources.tsv`` is relative to this folder.
        """
        return Path(os.environ.get("NMDKG_SHARED", self.root.parent / "shared"))


def find_project(start: Path | None = None) -> Project:
    """The checkout holding ``ontology/nmd.owl``: ``$NMDKG_ROOT``, else upward from ``start``
    (the working directory), else the checkout this package was installed from."""
    if os.environ.get("NMDKG_ROOT"):
        return Project(Path(os.environ["NMDKG_ROOT"]).resolve())
    for folder in [(start or Path.cwd()).resolve(), *(start or Path.cwd()).resolve().parents]:
        if (folder / "ontology" / "nmd.owl").is_file():
            return Project(folder)
    return Project(Path(__file__).resolve().parents[2])
