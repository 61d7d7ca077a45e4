"""The query worker: a child process that runs one query at a time on the read-only store.

Why a process: pyoxigraph cannot cancel a running query, so a query past its deadline is stopped by
killing the process that runs it (:mod:`nmdkg.server.pool` does that and starts a fresh one). Being
a separate process also lets the worker run with less than the server may: no network (a second line
of defence behind :mod:`nmdkg.server.guard`, since Oxigraph does send requests for SERVICE) and a cap
on its address space, so that a query materialising a cross product dies alone instead of taking
the machine's memory.
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
import resource
from collections.abc import Mapping
from dataclasses import dataclass, field

from .conneg import BOOLEAN_TYPES, FORMAT_NAMES, GRAPH_TYPES, SOLUTION_TYPES, Format, for_graph, negotiate
from .serialize import Limits, TooLarge, write_boolean, write_graph, write_solutions

__all__ = ["Answer", "Job", "WorkerSettings", "isolate_network", "run_job", "scrub", "syntax_message", "worker_main"]

logger = logging.getLogger(__name__)

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
#: How much of a syntax error message to pass on (Oxigraph lists every expected token).
_MESSAGE_CHARS = 300
_PATH = re.compile(r"(?:[A-Za-z]:)?(?:[/\\][\w.\-]+){2,}[/\\]?")


@dataclass(frozen=True)
class WorkerSettings:
    """What a worker is started with."""

    store_path: str
    limits: Limits
    prefixes: Mapping[str, str] = field(default_factory=dict)
    #: How much address space a query may add to what the worker uses at rest (None: no cap).
    memory_bytes: int | None = None
    isolate_network: bool = True


@dataclass(frozen=True)
class Job:
    """One query to run: its text and what the client accepts (``format`` overrides ``accept``)."""

    query: str
    accept: str | None = None
    format: str | None = None


@dataclass(frozen=True)
class Answer:
    """The worker's reply: an HTTP status, a media type and a body (a message when status >= 400)."""

    status: int
    content_type: str
    body: bytes
    rows: int | None = None


def _error(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", message.encode("utf-8"))


def _choose(job: Job, offered: Mapping[str, Format], default: Format, *, graph: bool) -> Format | None:
    if job.format:
        named = FORMAT_NAMES.get(job.format.lower())
        if named is not None:
            named = for_graph(named) if graph else named
            if named in offered.values():
                return named
    return negotiate(job.accept, offered, default=default)


def _not_acceptable(offered: Mapping[str, Format]) -> Answer:
    types = ", ".join(dict.fromkeys(f.value for f in offered.values()))
    return _error(406, f"cannot answer in the requested format; this result can be sent as: {types}")


def scrub(text: str) -> str:
    """A message without anything that looks like a file path, shortened to a readable length.

    >>> scrub("cannot open /srv/nmdkg/build/store/LOCK")
    'cannot open …'
    """
    text = _PATH.sub("…", text)
    if len(text) > _MESSAGE_CHARS:
        text = text[:_MESSAGE_CHARS].rsplit(",", 1)[0] + ", …"
    return text


def syntax_message(exc: BaseException) -> str:
    """The first line of a parser error, shortened: readable, and never a path or a traceback."""
    text = str(exc).splitlines()[0] if str(exc) else "the query is not valid SPARQL"
    return f"malformed query: {scrub(text)}"


def run_job(store: object, job: Job, settings: WorkerSettings) -> Answer:
    """Run one query and serialise its answer as negotiated; every failure becomes an :class:`Answer`."""
    import pyoxigraph as ox

    try:
        answer = store.query(job.query)  # type: ignore[attr-defined]
    except SyntaxError as exc:
        return _error(400, syntax_message(exc))
    try:
        if isinstance(answer, ox.QueryBoolean):
            fmt = _choose(job, BOOLEAN_TYPES, Format.RESULTS_JSON, graph=False)
            if fmt is None:
                return _not_acceptable(BOOLEAN_TYPES)
            return Answer(200, fmt.value, write_boolean(bool(answer), fmt), rows=1)
        if isinstance(answer, ox.QuerySolutions):
            fmt = _choose(job, SOLUTION_TYPES, Format.RESULTS_JSON, graph=False)
            if fmt is None:
                return _not_acceptable(SOLUTION_TYPES)
            return Answer(200, fmt.value, write_solutions(answer, fmt, settings.limits))
        fmt = _choose(job, GRAPH_TYPES, Format.TURTLE, graph=True)
        if fmt is None:
            return _not_acceptable(GRAPH_TYPES)
        return Answer(200, fmt.value, write_graph(answer, fmt, settings.limits, prefixes=settings.prefixes))
    except TooLarge as exc:
        return _error(422, str(exc))
    except SyntaxError as exc:
        return _error(400, syntax_message(exc))
    except OSError as exc:  # storage errors: the message may name files
        logger.warning("query failed: %s: %s", type(exc).__name__, exc)
        return _error(500, "the store could not answer this query")
    except Exception as exc:  # evaluation errors, e.g. an unbound variable as a graph name
        logger.info("query failed: %s: %s", type(exc).__name__, exc)
        return _error(400, "the query could not be evaluated: " + scrub(str(exc).splitlines()[0] if str(exc) else ""))


def isolate_network() -> bool:
    """Move this process into an empty network namespace, so that nothing it runs can connect out.

    Tries a network namespace (needs CAP_SYS_ADMIN) and then a user plus network namespace (works
    unprivileged where the kernel allows user namespaces). Must run before any thread starts.

    :returns: True if the process now has no network; False if the system allows neither.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    return any(libc.unshare(flags) == 0 for flags in (_CLONE_NEWNET, _CLONE_NEWUSER | _CLONE_NEWNET))


def _address_space() -> int | None:
    """This process's virtual memory size in bytes (Linux), or None where /proc does not say."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


def _limit_memory(headroom: int | None) -> None:
    """Cap the address space at what the worker uses with the store open, plus ``headroom`` bytes.

    Relative, not absolute: the store alone reserves some hundreds of MiB of address space (RocksDB),
    and that grows with the store. A query that needs more than the headroom gets an allocation
    failure, which aborts the worker; the pool reports it and starts another.
    """
    base = _address_space()
    if headroom and base:
        resource.setrlimit(resource.RLIMIT_AS, (base + headroom, base + headroom))


def worker_main(connection: object, settings: WorkerSettings) -> None:
    """The worker's loop: report ready, then answer jobs until the connection closes."""
    isolated = isolate_network() if settings.isolate_network else False
    os.environ["RUST_BACKTRACE"] = "0"  # an allocation failure is reported in one line, not a backtrace
    import pyoxigraph as ox

    store = ox.Store.read_only(settings.store_path)
    _limit_memory(settings.memory_bytes)
    connection.send(("ready", os.getpid(), isolated))  # type: ignore[attr-defined]
    while True:
        try:
            job = connection.recv()  # type: ignore[attr-defined]
        except (EOFError, OSError):
            return
        try:
            answer = run_job(store, job, settings)
        except MemoryError:
            answer = _error(503, "the query needed more memory than this server allows per query")
        connection.send(answer)  # type: ignore[attr-defined]
