"""A small pool of query worker processes, each query under a deadline; a late worker is killed and replaced.

Why processes that are killed: pyoxigraph has no way to interrupt a query (no cancellation token in its
Python API), and a thread cannot be stopped from outside. Killing the worker is the only real
cancellation; the pool starts a replacement at once so that capacity comes back within a second.
Requests wait for a free worker no longer than the query deadline, then get 503 (busy).
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection

from .worker import Answer, Job, WorkerSettings, worker_main

__all__ = ["Busy", "Deadline", "PoolError", "WorkerCrashed", "WorkerPool"]

logger = logging.getLogger(__name__)

#: How long a new worker may take to start (import pyoxigraph, open the store) before it counts as failed.
START_TIMEOUT = 60.0


class PoolError(Exception):
    """A query the pool could not run to the end; the message is meant for the client."""


class Busy(PoolError):
    """Every worker stayed busy for as long as a request may wait."""


class Deadline(PoolError):
    """The query ran past its deadline; its worker was killed."""


class WorkerCrashed(PoolError):
    """The worker died while running the query (usually: over its memory cap)."""


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: Connection
    pid: int
    isolated: bool


class WorkerPool:
    """``size`` worker processes on one read-only store; :meth:`run` is safe to call from many threads."""

    def __init__(self, settings: WorkerSettings, *, size: int, timeout: float) -> None:
        if size < 1:
            raise ValueError("the pool needs at least one worker")
        self.settings = settings
        self.size = size
        self.timeout = timeout
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.network_isolated: bool | None = None
        self.replaced = 0

    def start(self) -> None:
        """Start every worker and wait until each has opened the store.

        :raises RuntimeError: if a worker fails to start (e.g. the store cannot be opened).
        """
        starting = [self._spawn() for _ in range(self.size)]
        for process, connection in starting:
            self._idle.put(self._await_ready(process, connection))

    def _spawn(self) -> tuple[multiprocessing.process.BaseProcess, Connection]:
        parent, child = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=worker_main, args=(child, self.settings), name="nmdkg-query-worker", daemon=True
        )
        process.start()
        child.close()
        return process, parent

    def _await_ready(self, process: multiprocessing.process.BaseProcess, connection: Connection) -> _Worker:
        if not connection.poll(START_TIMEOUT):
            process.kill()
            raise RuntimeError("a query worker did not start in time")
        try:
            _, pid, isolated = connection.recv()
        except (EOFError, OSError) as exc:
            raise RuntimeError(f"a query worker failed to start (exit code {process.exitcode})") from exc
        worker = _Worker(process, connection, pid, isolated)
        with self._lock:
            self._all.add(worker)
            if self.network_isolated is None:
                self.network_isolated = isolated
                if not isolated:
                    logger.warning("query workers could not drop network access; relying on the query guard alone")
        return worker

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start a replacement in the background."""
        with self._lock:
            self._all.discard(worker)
            self.replaced += 1
        worker.process.kill()
        worker.connection.close()

        def restart() -> None:
            worker.process.join(5)
            if self._closed:
                return
            try:
                fresh = self._await_ready(*self._spawn())
            except RuntimeError:
                logger.exception("could not replace a query worker")
                return
            if self._closed:
                self._stop(fresh)
            else:
                self._idle.put(fresh)

        threading.Thread(target=restart, name="nmdkg-worker-restart", daemon=True).start()

    def run(self, job: Job, *, timeout: float | None = None) -> Answer:
        """Run ``job`` on a free worker within ``timeout`` seconds (default: the pool's).

        :raises Busy: if no worker came free within the deadline.
        :raises Deadline: if the query ran past the deadline (its worker is killed and replaced).
        :raises WorkerCrashed: if the worker died while running it.
        """
        limit = self.timeout if timeout is None else timeout
        start = time.monotonic()
        try:
            worker = self._idle.get(timeout=limit)
        except queue.Empty:
            raise Busy(f"all {self.size} query workers stayed busy for {limit:g} s; try again shortly") from None
        remaining = max(0.05, limit - (time.monotonic() - start))
        try:
            worker.connection.send(job)
            if not worker.connection.poll(remaining):
                self._replace(worker)
                raise Deadline(f"the query ran longer than {limit:g} s, this server's limit, and was stopped")
            answer: Answer = worker.connection.recv()
        except (EOFError, OSError, BrokenPipeError):
            worker.process.join(1)
            code = worker.process.exitcode
            self._replace(worker)
            if code == -signal.SIGABRT or code == -signal.SIGKILL:
                raise WorkerCrashed(
                    "the query needed more memory than this server allows per query and was stopped"
                ) from None
            raise WorkerCrashed("the query stopped its worker unexpectedly") from None
        self._idle.put(worker)
        return answer

    def _stop(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.connection.close()
        worker.process.join(5)

    def close(self) -> None:
        """Stop every worker (the ones running a query too)."""
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            self._stop(worker)
