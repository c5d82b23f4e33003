"""The whole-attempt deadline of async calls on the client's own pool: each attempt
in flight has its own deadline (``asyncio.timeout`` in its task), and a deadline
that passes ends its attempt with ``APITimeoutError`` while a caller's own
cancellation stays a cancellation.

The server trickles the response head one byte at a time, each well inside the
read timeout, so httpx's per-read timeout never fires: only the whole-attempt
deadline ends such a call. The bounds prove the order in which the calls end and
that they end; nothing here measures speed."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator

import pytest

from gabber_client import APITimeoutError, AsyncGabber

from .raw_server import RawRequest, RawServer

EVERY = 0.25  # seconds between the bytes of the response head
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
# the head takes about 20 s to arrive


def _trickle_head(_request: RawRequest, sock: socket.socket) -> bool:
    try:
        for byte in HEAD:
            time.sleep(EVERY)
            sock.sendall(bytes([byte]))
    except OSError:  # the client gave up and closed the connection
        pass
    return False


@pytest.fixture
def trickling() -> Iterator[RawServer]:
    with RawServer(_trickle_head) as server:
        yield server


def _client(server: RawServer) -> AsyncGabber:
    return AsyncGabber(api_key="sk-test", base_url=server.base_url, max_retries=0, timeout=30.0)


def test_each_attempt_ends_at_its_own_deadline_though_bytes_keep_coming(
    trickling: RawServer,
) -> None:
    """A later deadline registered first, then an earlier one: each call ends at
    its own deadline, in order."""

    async def run() -> list[tuple[str, float]]:
        ended: list[tuple[str, float]] = []
        started = time.monotonic()

        async def call(name: str, seconds: float) -> None:
            with pytest.raises(APITimeoutError):
                await client.realtime.get("rs_1", timeout=seconds)
            ended.append((name, time.monotonic() - started))

        async with _client(trickling) as client:
            late = asyncio.ensure_future(call("late", 3.0))
            await asyncio.sleep(0.05)
            early = asyncio.ensure_future(call("early", 1.0))
            await asyncio.gather(late, early)
        return ended

    ended = asyncio.run(run())
    assert [name for name, _ in ended] == ["early", "late"]
    early_at, late_at = ended[0][1], ended[1][1]
    assert 1.0 <= early_at < 2.5  # at its deadline, long before the head arrives (20 s)
    assert 3.0 <= late_at < 6.0


def test_a_deadline_leaves_no_cancellation_behind(trickling: RawServer) -> None:
    """After its timeout the calling task goes on as if nothing was cancelled."""

    async def run() -> None:
        async with _client(trickling) as client:
            with pytest.raises(APITimeoutError):
                await client.realtime.get("rs_1", timeout=0.5)
            task = asyncio.current_task()
            assert task is not None
            assert task.cancelling() == 0
            await asyncio.sleep(0.01)  # would raise CancelledError if one were pending

    asyncio.run(run())


def test_a_callers_cancellation_stays_a_cancellation(trickling: RawServer) -> None:
    """Cancelled by its caller before its deadline, a call raises CancelledError
    (not a timeout); the deadline of another call in flight still ends it."""

    async def run() -> None:
        async with _client(trickling) as client:
            cancelled = asyncio.ensure_future(client.realtime.get("rs_1", timeout=5.0))
            timed = asyncio.ensure_future(client.realtime.get("rs_1", timeout=1.0))
            await asyncio.sleep(0.3)
            cancelled.cancel()
            with pytest.raises(asyncio.CancelledError):
                await cancelled
            with pytest.raises(APITimeoutError):
                await timed

    asyncio.run(run())
