"""Uploading the graph to a SPARQL 1.1 Graph Store Protocol endpoint, in chunks, with progress."""

from __future__ import annotations

import logging
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import EndpointError, InputError

__all__ = ["UploadReport", "chunk_lines", "upload"]

logger = logging.getLogger(__name__)

NTRIPLES = "application/n-triples"


@dataclass(frozen=True)
class UploadReport:
    """What was sent: triples, requests, and the graph they went into."""

    triples: int
    requests: int
    graph: str | None


def chunk_lines(lines: Iterable[bytes], size: int) -> Iterator[list[bytes]]:
    """N-Triples lines in chunks of ``size`` (one triple per line, so any cut is valid)."""
    chunk: list[bytes] = []
    for line in lines:
        if line.strip() and not line.lstrip().startswith(b"#"):
            chunk.append(line if line.endswith(b"\n") else line + b"\n")
            if len(chunk) >= size:
                yield chunk
                chunk = []
    if chunk:
        yield chunk


def _target(endpoint: str, graph: str | None) -> str:
    query = urllib.parse.urlencode({"graph": graph} if graph else {"default": ""})
    separator = "&" if "?" in endpoint else "?"
    return f"{endpoint}{separator}{query}"


def _send(url: str, method: str, body: bytes, *, timeout: float, auth: tuple[str, str] | None) -> None:
    request = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": NTRIPLES})  # noqa: S310
    if auth:
        import base64

        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) checked by caller
            response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read(300).decode("utf-8", "replace").strip().splitlines()
        reason = f": {detail[0]}" if detail else ""
        raise EndpointError(f"{url} refused the upload ({method}): HTTP {exc.code} {exc.reason}{reason}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise EndpointError(f"cannot reach {url}: {getattr(exc, 'reason', exc)}") from exc


def upload(
    files: list[Path],
    endpoint: str,
    *,
    graph: str | None = None,
    replace: bool = True,
    chunk_size: int = 50_000,
    timeout: float = 120.0,
    auth: tuple[str, str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> UploadReport:
    """Send N-Triples ``files`` to the graph ``graph`` (None: the default graph) of a GSP endpoint.

    With ``replace`` the first chunk is a PUT (the graph is replaced) and the rest are POSTs
    (appended); without it every chunk is a POST.

    :raises InputError: if the endpoint is not an http(s) URL or a file is not N-Triples.
    :raises EndpointError: naming the status and the endpoint's message if it refuses.
    """
    if not endpoint.startswith(("http://", "https://")):
        raise InputError(f"endpoint {endpoint!r} is not an http(s) URL")
    for path in files:
        if path.suffix != ".nt":
            raise InputError(f"{path}: only N-Triples (.nt) files are uploaded in chunks; export them first")
    url = _target(endpoint, graph)
    triples = requests = 0

    def lines() -> Iterator[bytes]:
        for path in files:
            with path.open("rb") as handle:
                yield from handle

    method = "PUT" if replace else "POST"
    for chunk in chunk_lines(lines(), chunk_size):
        _send(url, method, b"".join(chunk), timeout=timeout, auth=auth)
        method = "POST"
        triples += len(chunk)
        requests += 1
        if progress:
            progress(triples)
    if requests == 0 and replace:
        _send(url, "PUT", b"", timeout=timeout, auth=auth)
        requests = 1
    return UploadReport(triples, requests, graph)
