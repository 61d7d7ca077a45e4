"""Release files: the built graph as OWL, Turtle, N-Triples, JSON-LD, SSSOM and VoID, written atomically.

One module per file family (``rdf``, ``jsonld``, ``sssom``, ``void``, ``prefixmap``, ``notes``),
the release IRIs in ``iris``, reproducible serialisation in ``canonical``, the folder swap in
``folder``, and the orchestration in ``release``. See ``docs/releases.md``.
"""

from __future__ import annotations

from .release import RELEASE_FILES, ExportResult, check_version, export_release

__all__ = ["RELEASE_FILES", "ExportResult", "check_version", "export_release"]
