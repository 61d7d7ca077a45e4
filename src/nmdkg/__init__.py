"""nmdkg: an ontology-backed knowledge graph of autoimmune neuromuscular disorders."""

from __future__ import annotations

__version__ = "0.1.0"
