"""Requests and responses as plain values, so that routes are functions that tests can call directly."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["HttpError", "Request", "Response", "text_response"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Request:
    """One HTTP request: method, path, decoded query-string parameters, headers (lower-case names), body."""

    method: str
    path: str
    params: Mapping[str, list[str]] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""

    def param(self, name: str) -> str | None:
        """The parameter's value; None if absent.

        :raises HttpError: 400 if it is given more than once.
        """
        values = self.params.get(name, [])
        if len(values) > 1:
            raise HttpError(400, f"parameter {name!r} is given {len(values)} times; give it once")
        return values[0] if values else None

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    @property
    def content_type(self) -> str:
        """The media type of the body, without parameters, lower-case."""
        return (self.header("content-type") or "").split(";")[0].strip().lower()


@dataclass
class Response:
    """What to send back; ``headers`` are added to the ones every response gets."""

    status: int
    body: bytes
    content_type: str
    headers: dict[str, str] = field(default_factory=dict)


class HttpError(Exception):
    """A request answered with an error status and a readable message (never a traceback)."""

    def __init__(self, status: int, message: str, *, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = dict(headers or {})


def text_response(status: int, message: str, *, headers: Mapping[str, str] | None = None) -> Response:
    """A plain-text response (how errors are sent to SPARQL clients)."""
    body = message if message.endswith("\n") else message + "\n"
    return Response(status, body.encode("utf-8"), "text/plain; charset=utf-8", dict(headers or {}))
