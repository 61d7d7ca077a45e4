"""nmdkg: an ontology-backed knowledge graph of autoimmune neuromuscular disorders.

The API (``open_graph``, ``KnowledgeGraph``, ``Results``) is imported on first use, so that
``import nmdkg`` stays fast for the CLI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["KnowledgeGraph", "Results", "__version__", "open_graph"]

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .api import KnowledgeGraph, open_graph
    from .results import Results

_LAZY = {"KnowledgeGraph": "api", "open_graph": "api", "Results": "results"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
