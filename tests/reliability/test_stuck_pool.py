"""Issue 14, item 2, the fallback: should httpcore's pool leak its slots anyway
(by a path the shielded attempts do not cover), the first ``PoolTimeout`` of a
pool the client owns replaces the pool, and the call goes on (``PoolTimeout`` is
retried: nothing was sent). The client never has more attempts in flight than
its own pool has connections, so that pool cannot be legitimately full.

A leaked slot is simulated with a streamed response nobody closes, in a pool of
one connection put in place of the client's own."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator

import httpx
import pytest

from gabber_client import APITimeoutError, AsyncGabber

from . import payloads
from .raw_server import RawRequest, RawServer, json_bytes

TIMEOUT = httpx.Timeout(5.0, pool=0.2)  # a stuck pool shows at once


def _answer(_request: RawRequest, sock: socket.socket) -> bool:
    sock.sendall(json_bytes(200, payloads.session()))
    return True


@pytest.fixture
async def leaky() -> AsyncIterator[tuple[str, httpx.AsyncClient]]:
    """A server, and a one-connection pool whose only slot is held for ever."""
    with RawServer(_answer) as server:
        pool = httpx.AsyncClient(limits=httpx.Limits(max_connections=1), timeout=TIMEOUT)
        held = await pool.send(pool.build_request("GET", f"{server.base_url}/held"), stream=True)
        yield server.base_url, pool
        await held.aclose()
        await pool.aclose()


async def test_a_stuck_pool_the_client_owns_is_replaced(
    leaky: tuple[str, httpx.AsyncClient], waits: list[float]
) -> None:
    base_url, stuck = leaky
    client = AsyncGabber(api_key="sk-test", base_url=base_url, max_retries=1, timeout=TIMEOUT)
    client._pool.http = stuck  # as if the client's own pool had leaked every slot

    session = await client.realtime.get("rs_1")

    assert session.id == "rs_1"
    assert client._http is not stuck
    assert len(waits) == 1  # one PoolTimeout, retried on the new pool
    assert (await client.realtime.get("rs_1")).id == "rs_1"
    await client.aclose()


async def test_a_stuck_supplied_pool_is_left_to_its_owner(
    leaky: tuple[str, httpx.AsyncClient], waits: list[float]
) -> None:
    base_url, stuck = leaky
    client = AsyncGabber(
        api_key="sk-test", base_url=base_url, max_retries=1, timeout=TIMEOUT, http_client=stuck
    )

    with pytest.raises(APITimeoutError, match="PoolTimeout"):
        await client.realtime.get("rs_1")

    assert client._http is stuck
    assert not stuck.is_closed
