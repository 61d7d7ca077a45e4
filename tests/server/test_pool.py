"""The worker pool on its own: workers have no network, so even a SERVICE past the guard goes nowhere."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from nmdkg.paths import Project
from nmdkg.server.pool import Deadline, WorkerPool
from nmdkg.server.serialize import Limits
from nmdkg.server.worker import Job, WorkerSettings

from .conftest import RunningServer
from .test_security import Listener


@pytest.fixture(scope="module")
def pool(server: RunningServer, served_project: Project) -> Iterator[WorkerPool]:
    """One worker on the served store (the server fixture has built it)."""
    settings = WorkerSettings(str(served_project.build / "store"), Limits(100, 100_000), memory_bytes=512 * 1024 * 1024)
    workers = WorkerPool(settings, size=1, timeout=1.0)
    workers.start()
    yield workers
    workers.close()


def test_a_worker_cannot_connect_out_even_without_the_guard(pool: WorkerPool) -> None:
    if not pool.network_isolated:
        pytest.xfail(
            "no network namespace here (no CAP_SYS_ADMIN, no user namespaces): the guard alone refuses SERVICE"
        )
    listener = Listener()
    try:
        answer = pool.run(Job(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"))
        time.sleep(0.3)
        assert listener.connections == []
        assert answer.status >= 400, answer
    finally:
        listener.close()


def test_a_late_query_is_stopped_and_its_worker_replaced(pool: WorkerPool) -> None:
    start = time.monotonic()
    with pytest.raises(Deadline):
        pool.run(Job("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"))
    assert time.monotonic() - start < 1.5
    answer = pool.run(Job("ASK { ?s ?p ?o }"), timeout=10)
    assert answer.status == 200 and b"true" in answer.body
    assert pool.replaced == 1
