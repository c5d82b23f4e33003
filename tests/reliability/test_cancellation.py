"""Issue 14, item 2: cancelling async calls, at random points and thousands of
times, never leaves the client's connection pool stuck.

Before, cancelling a task inside httpcore's pool could leave a connection slot
taken for ever (encode/httpcore#1093, encode/httpx#1461); with a pool of 10
connections, a few thousand cancellations made every later call end in
``PoolTimeout`` against a healthy server. The server runs in a child process (so
the client has the GIL to itself) and answers every request after 2 ms.

``make test`` runs 2,000 cancellations; ``make soak`` (also run by CI) runs
20,000, against a small supplied pool and against the client's own pool."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator

import httpx
import pytest

from gabber_client import AsyncGabber

from .child_server import child_server
from .payloads import session
from .raw_server import FastServer, json_bytes

_SERVER = """
import sys, time
sys.path.insert(0, {tests!r})
from reliability.raw_server import FastServer, json_bytes
from reliability.payloads import session
with FastServer(json_bytes(200, session()), delay=0.002) as server:
    print(server.base_url, flush=True)
    sys.stdin.read()  # until the test closes our stdin
"""


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    with child_server(_SERVER) as url:
        yield url


async def _cancel_many(client: AsyncGabber, cancellations: int, concurrency: int) -> int:
    """Cancel ``cancellations`` calls at random points (before connecting, while
    waiting for a connection, sending, reading); the number that completed."""
    rng = random.Random(1093)
    cancelled = completed = 0

    async def one() -> str:
        call = asyncio.ensure_future(client.realtime.get("rs_1"))
        if rng.random() < 0.5:  # asyncio.wait_for's cancellation
            try:
                await asyncio.wait_for(call, rng.uniform(0, 0.02))
            except TimeoutError:
                return "cancelled"
            return "completed"
        await asyncio.sleep(rng.uniform(0, 0.02))  # a plain task.cancel()
        if call.done():
            call.result()
            return "completed"
        call.cancel()
        try:
            await call
        except asyncio.CancelledError:
            return "cancelled"
        return "completed"

    while cancelled < cancellations:
        outcomes = await asyncio.gather(*(one() for _ in range(concurrency)))
        cancelled += outcomes.count("cancelled")
        completed += outcomes.count("completed")
    return completed


async def _still_usable(client: AsyncGabber) -> None:
    """Calls keep succeeding: sequential ones, then more at once than the pool holds."""
    for _ in range(20):
        assert (await client.realtime.get("rs_1")).id == "rs_1"
    sessions = await asyncio.gather(*(client.realtime.get("rs_1") for _ in range(150)))
    assert {s.id for s in sessions} == {"rs_1"}


def _small_pool() -> httpx.AsyncClient:
    return httpx.AsyncClient(
        timeout=httpx.Timeout(5.0, pool=10.0), limits=httpx.Limits(max_connections=10)
    )


async def _soak_small_pool(base_url: str, cancellations: int) -> None:
    http = _small_pool()
    client = AsyncGabber(api_key="sk-test", base_url=base_url, http_client=http, max_retries=0)
    await _cancel_many(client, cancellations, concurrency=20)
    await _still_usable(client)
    await http.aclose()


def test_2000_cancellations_leave_a_small_pool_usable(server_url: str) -> None:
    asyncio.run(_soak_small_pool(server_url, 2_000))


@pytest.mark.soak
def test_20000_cancellations_leave_a_small_pool_usable(server_url: str) -> None:
    asyncio.run(_soak_small_pool(server_url, 20_000))


@pytest.mark.soak
def test_20000_cancellations_leave_the_clients_own_pool_usable(server_url: str) -> None:
    async def run() -> None:
        async with AsyncGabber(
            api_key="sk-test", base_url=server_url, max_retries=0, timeout=10.0
        ) as client:
            await _cancel_many(client, 20_000, concurrency=150)
            await _still_usable(client)

    asyncio.run(run())


async def _cancel_twice_many(client: AsyncGabber, cancellations: int, concurrency: int) -> None:
    """Cancel ``cancellations`` calls twice each, the second cancellation 0 to 2 loop
    iterations after the first: it lands while httpcore cleans up after the first."""
    rng = random.Random(1461)
    cancelled = 0

    async def one() -> bool:
        call = asyncio.ensure_future(client.realtime.get("rs_1"))
        await asyncio.sleep(rng.uniform(0, 0.02))
        if call.done():
            call.result()
            return False
        call.cancel()
        for _ in range(rng.randrange(3)):
            await asyncio.sleep(0)
        call.cancel()
        try:
            await call
        except asyncio.CancelledError:
            return True
        return False

    while cancelled < cancellations:
        cancelled += sum(await asyncio.gather(*(one() for _ in range(concurrency))))


def test_2000_double_cancellations_leave_the_clients_own_pool_usable(server_url: str) -> None:
    async def run() -> None:
        async with AsyncGabber(
            api_key="sk-test", base_url=server_url, max_retries=0, timeout=10.0
        ) as client:
            await _cancel_twice_many(client, 2_000, concurrency=150)
            await _still_usable(client)

    asyncio.run(run())


def _slow_server(delay: float) -> FastServer:
    return FastServer(json_bytes(200, session()), delay=delay)


async def _cancel_one_call(client: AsyncGabber, server: FastServer) -> None:
    """Cancel a call once the server has its request (and before it answers)."""
    call = asyncio.ensure_future(client.realtime.get("rs_1"))
    for _ in range(10_000):  # the server counts it from its own thread: poll, 10 s at most
        if server.requests:
            break
        await asyncio.sleep(0.001)
    assert server.requests == 1
    assert not call.done()
    call.cancel()
    with pytest.raises(asyncio.CancelledError):
        await call


def test_a_cancelled_call_on_the_clients_own_pool_finishes_in_the_background() -> None:
    """The caller's cancellation never reaches httpcore (issue 21, finding 1): the
    caller's wait ends at once, the attempt reads its answer in the background and
    returns its connection, which the next call reuses."""

    async def run(server: FastServer) -> None:
        async with AsyncGabber(api_key="sk-test", base_url=server.base_url) as client:
            await _cancel_one_call(client, server)
            background = asyncio.all_tasks() - {asyncio.current_task()}
            assert len(background) == 1  # the attempt, still waiting for its answer
            await asyncio.wait(background)
            assert (await client.realtime.get("rs_1")).id == "rs_1"
        assert server.connections == 1

    with _slow_server(2.0) as server:
        asyncio.run(run(server))


def test_a_cancelled_call_on_a_supplied_pool_finishes_in_the_background() -> None:
    """On a supplied pool (which httpcore may queue) the attempt runs behind the
    shield: the caller's wait ends at once, the attempt reads its answer in the
    background and returns its connection, which the next call reuses."""

    async def run(server: FastServer) -> None:
        async with httpx.AsyncClient() as http:
            client = AsyncGabber(api_key="sk-test", base_url=server.base_url, http_client=http)
            await _cancel_one_call(client, server)
            background = asyncio.all_tasks() - {asyncio.current_task()}
            assert len(background) == 1  # the attempt, still waiting for its answer
            await asyncio.wait(background)
            assert (await client.realtime.get("rs_1")).id == "rs_1"
        assert server.connections == 1

    with _slow_server(2.0) as server:
        asyncio.run(run(server))
