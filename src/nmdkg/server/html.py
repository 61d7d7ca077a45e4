"""HTML building blocks that escape by default: data from the graph can never become markup.

Why not a template engine: the pages are small, and a ``Markup`` string type (as in MarkupSafe) gives
the one guarantee that matters without a dependency: every ``str`` that is not already ``Markup`` is
escaped when it is put into a page, and a link's target must be a local path or an http(s) URL.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterable

__all__ = ["Markup", "escape", "external_link", "join", "link", "page", "safe_href", "tag"]

logger = logging.getLogger(__name__)

SITE = "nmdkg"
_LOCAL = re.compile(r"^/(?!/)[^\s\\]*$")
_EXTERNAL = re.compile(r"^https?://[^\s\\\"<>]+$", re.IGNORECASE)
_VOID = frozenset({"br", "hr", "img", "input", "link", "meta"})


class Markup(str):
    """A string that is already HTML; everything else is escaped when it is used."""

    __slots__ = ()


def escape(value: object) -> Markup:
    """Escape ``value`` for HTML text or a quoted attribute, unless it is :class:`Markup` already.

    >>> escape('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    """
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True))


def join(parts: Iterable[object], separator: str = "") -> Markup:
    """Escape and concatenate ``parts`` (None is left out)."""
    return Markup(escape(separator).join(escape(p) for p in parts if p is not None))


def tag(name: str, /, *children: object, **attributes: object) -> Markup:
    """An element; children are escaped unless :class:`Markup`; ``class_`` is written ``class``.

    Attributes whose value is None or False are left out; True writes a bare attribute.

    >>> tag("a", "Tom & Jerry", href="/x?a=1&b=2", class_="ref")
    '<a href="/x?a=1&amp;b=2" class="ref">Tom &amp; Jerry</a>'
    """
    rendered = []
    for key, value in attributes.items():
        if value is None or value is False:
            continue
        attr = key.rstrip("_").replace("_", "-")
        rendered.append(f" {attr}" if value is True else f' {attr}="{escape(value)}"')
    opening = f"<{name}{''.join(rendered)}>"
    if name in _VOID:
        return Markup(opening)
    return Markup(f"{opening}{join(children)}</{name}>")


def safe_href(href: str) -> str | None:
    """``href`` if it is a local path or an http(s) URL, else None (no ``javascript:``, no ``data:``)."""
    if _LOCAL.match(href) or _EXTERNAL.match(href):
        return href
    return None


def link(href: str, text: object, **attributes: object) -> Markup:
    """A link to a local path (or plain text if ``href`` is not a safe target)."""
    target = safe_href(href)
    if target is None:
        return escape(text)
    return tag("a", text, href=target, **attributes)


def external_link(href: str, text: object) -> Markup:
    """A link to another site: no referrer, no opener, no ranking credit."""
    return link(href, text, rel="external nofollow noopener noreferrer")


def page(title: str, body: Markup, *, scripts: Iterable[str] = (), styles: Iterable[str] = ()) -> bytes:
    """A whole page in the site's layout, as UTF-8 bytes."""
    head = [
        Markup('<meta charset="utf-8">'),
        tag("meta", name="viewport", content="width=device-width, initial-scale=1"),
        tag("title", f"{title} · {SITE}" if title != SITE else SITE),
        tag("link", rel="icon", href="data:,"),  # no favicon request
        tag("link", rel="stylesheet", href="/static/style.css"),
        *(tag("link", rel="stylesheet", href=s) for s in styles),
    ]
    search = tag(
        "form",
        tag("input", type="search", name="q", placeholder="Search labels and synonyms", aria_label="Search"),
        tag("button", "Search", type="submit"),
        action="/search",
        method="get",
        role="search",
        class_="site-search",
    )
    header = tag(
        "header",
        tag("a", SITE, href="/", class_="brand"),
        tag(
            "nav",
            link("/query", "Query"),
            link("/matrix", "Treatment matrix"),
            link("/search", "Search"),
            link("/sparql", "SPARQL endpoint", title="SPARQL 1.1 service description"),
        ),
        search,
        class_="site",
    )
    footer = tag(
        "footer",
        "nmdkg: a knowledge graph of autoimmune neuromuscular disorders. ",
        tag("strong", "Research resource, not medical advice."),
        class_="site",
    )
    scripts_html = join(tag("script", src=s, defer=True) for s in scripts)
    document = Markup(
        f'<!DOCTYPE html>\n<html lang="en"><head>{join(head)}{scripts_html}</head>'
        f"<body>{header}<main>{body}</main>{footer}</body></html>\n"
    )
    return document.encode("utf-8")
