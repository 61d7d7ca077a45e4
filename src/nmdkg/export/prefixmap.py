"""The release's prefix map (``prefixes.json``) and the JSON-LD context built from it (``context.jsonld``)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable

from rdflib.term import Node, URIRef

from ..prefixes import prefix_map
from .iris import STANDARD_PREFIXES

__all__ = ["jsonld_context", "release_prefixes", "render_context", "render_prefixes"]

logger = logging.getLogger(__name__)

#: JSON-LD 1.1 uses a term as a prefix only if its IRI ends with one of these (or ``@prefix`` is true).
_GEN_DELIMS = tuple(":/?#[]@")


def release_prefixes(terms: Iterable[Node], /) -> dict[str, str]:
    """nmdkg's own prefixes (:func:`nmdkg.prefixes.prefix_map`), plus the standard ones ``terms`` use.

    Sorted by prefix, so that the files written from it are reproducible.

    >>> from rdflib.namespace import RDFS
    >>> sorted(set(release_prefixes([RDFS.label])) - set(prefix_map()))
    ['rdfs']
    """
    iris = {str(term) for term in terms if isinstance(term, URIRef)}
    used = {p: ns for p, ns in STANDARD_PREFIXES.items() if any(iri.startswith(ns) for iri in iris)}
    return dict(sorted({**prefix_map(), **used}.items()))


def jsonld_context(prefixes: dict[str, str], /) -> dict[str, object]:
    """A JSON-LD 1.1 context declaring ``prefixes``.

    A stem that does not end in ``/`` or ``#`` (``NMD`` is ``…/NMD_``, ``MONDO`` is ``…/MONDO_``)
    gets ``"@prefix": true``: without it a JSON-LD 1.1 processor reads ``NMD:0000001`` as an
    absolute IRI with scheme ``NMD`` (rdflib and pyoxigraph both do), silently.

    >>> jsonld_context({"NMD": "https://w3id.org/nmdkg/NMD_", "skos": "http://www.w3.org/2004/02/skos/core#"})
    {'@version': 1.1, 'NMD': {'@id': 'https://w3id.org/nmdkg/NMD_', '@prefix': True}, 'skos': 'http://www.w3.org/2004/02/skos/core#'}
    """
    context: dict[str, object] = {"@version": 1.1}
    for prefix, stem in prefixes.items():
        context[prefix] = stem if stem.endswith(_GEN_DELIMS) else {"@id": stem, "@prefix": True}
    return context


def _json(value: object) -> bytes:
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def render_prefixes(prefixes: dict[str, str], /) -> bytes:
    """``prefixes.json``: a flat ``{prefix: IRI stem}`` object, for CURIE tools (curies, bioregistry)."""
    return _json(prefixes)


def render_context(prefixes: dict[str, str], /) -> bytes:
    """``context.jsonld``: ``{"@context": …}``, as published at :data:`~nmdkg.export.iris.CONTEXT_IRI`."""
    return _json({"@context": jsonld_context(prefixes)})
