"""Issue 21, finding 1: cancellations the way applications make them never poison
the client's own connection pool, against the fake over loopback and a raw server.

The regression this pins: sequential ``asyncio.wait_for(client.realtime.get(...),
t)`` calls with ``t`` between 0 and 2.4 ms, on the client's own pool. When the
attempt ran in the caller's task, such a cancellation could land inside httpcore
where it leaks a connection (left ``NEW`` while its first request was being set
up, or ``ACTIVE`` while a fully read response was being closed): about one
cancellation in twenty, and after 100 leaks every call timed out.

Each test checks two things afterwards: calls succeed (what a user sees), and
httpcore's pool holds no request and no connection stuck in use (what shows a
leak long before calls fail; this reads httpcore's pool, which is not public
API, so a change in httpcore shows here first).

The client's timeout (30 s) is far above how long an attempt takes, so only the
callers' cancellations are tested here: an attempt's own timeout is the one
cancellation that still reaches httpcore, and the pool replacement that covers
it is tested in ``test_stuck_pool.py``.

``make test`` runs the fast form (a few hundred cancellations per pattern);
``make soak`` the long form (marker ``soak``)."""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest

from gabber_client import AsyncGabber
from gabber_client.testing import FakeServer

from .child_server import child_server

Pattern = Callable[[AsyncGabber, str, int], Awaitable[None]]


_RAW_SERVER = """
import sys
sys.path.insert(0, {tests!r})
from reliability.raw_server import FastServer, json_bytes
from reliability.payloads import session
with FastServer(json_bytes(200, session("rs_1")), delay=0.001) as server:
    print(server.base_url, flush=True)
    sys.stdin.read()  # until the test closes our stdin
"""


@pytest.fixture(scope="module")
def raw_url() -> Iterator[str]:
    """A raw server answering every request with one session after 1 ms, in a child
    process (so that the client has the GIL to itself)."""
    with child_server(_RAW_SERVER) as url:
        yield url


@pytest.fixture(params=["fake", "raw"])
def target(request: pytest.FixtureRequest) -> Iterator[tuple[str, str, str]]:
    """(base URL, API key, session id): the fake over loopback, or the raw server."""
    if request.param == "fake":
        with FakeServer() as server:
            session = server.fake.create_session()["id"]
            yield server.base_url, server.api_key, session
    else:
        yield request.getfixturevalue("raw_url"), "sk-test", "rs_1"


async def sequential_wait_for(client: AsyncGabber, session: str, count: int) -> None:
    """``count`` sequential ``wait_for`` calls with timeouts of 0 to 2.4 ms."""
    rng = random.Random(21)
    for _ in range(count):
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(client.realtime.get(session), rng.uniform(0, 0.0024))


async def gathered_batches(client: AsyncGabber, session: str, count: int) -> None:
    """Batches of 50 gathered ``wait_for`` calls with timeouts of 0 to 3 ms."""
    rng = random.Random(93)

    async def one() -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(client.realtime.get(session), rng.uniform(0, 0.003))

    for _ in range(count // 50):
        await asyncio.gather(*(one() for _ in range(50)))


async def double_cancels(client: AsyncGabber, session: str, count: int) -> None:
    """Tasks cancelled twice, the second cancellation 0 to 2 loop iterations after
    the first (it lands while the first one is being handled)."""
    rng = random.Random(1461)
    for _ in range(count):
        call = asyncio.ensure_future(client.realtime.get(session))
        await asyncio.sleep(rng.uniform(0, 0.002))
        call.cancel()
        for _ in range(rng.randrange(3)):
            await asyncio.sleep(0)
        call.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await call


PATTERNS = {
    "sequential-wait_for": sequential_wait_for,
    "gathered-batches": gathered_batches,
    "double-cancels": double_cancels,
}


def _stuck(client: AsyncGabber) -> list[Any]:
    """Requests and connections httpcore still counts as in use (there should be none)."""
    pool = client._pool.http._transport._pool  # type: ignore[attr-defined]
    stuck: list[Any] = list(pool._requests)
    stuck += [c for c in pool.connections if not (c.is_idle() or c.is_closed())]
    return stuck


async def _attack(base_url: str, api_key: str, session: str, pattern: Pattern, count: int) -> None:
    async with AsyncGabber(
        api_key=api_key, base_url=base_url, max_retries=0, timeout=30.0
    ) as client:
        await pattern(client, session, count)
        while client._pool._background:  # cancelled attempts finishing on their own
            await asyncio.wait(set(client._pool._background))
        assert _stuck(client) == []
        for _ in range(20):  # plain calls, each well within the client's timeout
            assert (await client.realtime.get(session)).id == session
        gathered = await asyncio.gather(*(client.realtime.get(session) for _ in range(150)))
        assert {s.id for s in gathered} == {session}


@pytest.mark.parametrize("pattern", PATTERNS)
def test_cancellations_leave_the_clients_own_pool_clean(
    target: tuple[str, str, str], pattern: str
) -> None:
    asyncio.run(_attack(*target, PATTERNS[pattern], 400))


@pytest.mark.soak
@pytest.mark.parametrize("pattern", PATTERNS)
def test_many_cancellations_leave_the_clients_own_pool_clean(
    target: tuple[str, str, str], pattern: str
) -> None:
    asyncio.run(_attack(*target, PATTERNS[pattern], 2_500))
