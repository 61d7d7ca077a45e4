"""``nmdkg serve``: the graph over HTTP: SPARQL 1.1 endpoint, entity pages, query editor, search.

Modules, each with one job:

- :mod:`~nmdkg.server.config` the settings and their defaults;
- :mod:`~nmdkg.server.httpd` the hardened threaded HTTP server (limits, CORS, security headers);
- :mod:`~nmdkg.server.app` routing, and errors as readable responses;
- :mod:`~nmdkg.server.sparql` the SPARQL 1.1 Protocol; :mod:`~nmdkg.server.service_description` its description;
- :mod:`~nmdkg.server.guard` query inspection: no updates, no SERVICE, no FROM outside the dataset;
- :mod:`~nmdkg.server.pool` and :mod:`~nmdkg.server.worker` queries in killable processes, under a deadline;
- :mod:`~nmdkg.server.conneg` and :mod:`~nmdkg.server.serialize` content negotiation and capped answers;
- :mod:`~nmdkg.server.entities`, :mod:`~nmdkg.server.entity_page` dereferencing entity IRIs;
- :mod:`~nmdkg.server.search`, :mod:`~nmdkg.server.query_page` the search box and the YASGUI page;
"""

from __future__ import annotations

from .config import ServerConfig

__all__ = ["ServerConfig"]
