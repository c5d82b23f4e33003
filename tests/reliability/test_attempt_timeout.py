"""Issue 14, item 4: a call's timeout bounds each attempt, body included.

The server answers at once, then trickles the body one byte at a time, each just
inside the read timeout: httpx's per-read timeout never fires, and before this a
1 s call took as long as the server liked (here 20 s). The bounds below only
prove that the attempt ends: the sync client within twice its timeout (the
deadline is checked between reads), the async client within its timeout."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest

from gabber_client import APITimeoutError, AsyncGabber, Gabber

from .raw_server import RawRequest, RawServer

TIMEOUT = 1.0
BYTES = 40
EVERY = 0.5  # seconds between bytes: the whole body takes 20 s
ENDS_WITHIN = 8.0  # generous: proves termination, far below the server's 20 s


def _trickle(_request: RawRequest, sock: socket.socket) -> bool:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {BYTES}\r\n\r\n"
    sock.sendall(head.encode())
    for _ in range(BYTES):
        time.sleep(EVERY)
        sock.sendall(b" ")
    return False


@pytest.fixture
def trickling() -> Iterator[RawServer]:
    with RawServer(_trickle) as server:
        yield server


def _options(server: RawServer) -> dict[str, Any]:
    return {"api_key": "sk-test", "base_url": server.base_url, "timeout": TIMEOUT}


def test_sync_attempt_ends_within_its_timeout_though_bytes_keep_coming(
    trickling: RawServer,
) -> None:
    with Gabber(max_retries=0, **_options(trickling)) as client:
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            client.realtime.get("rs_1")
        assert time.monotonic() - started < ENDS_WITHIN


def test_async_attempt_ends_within_its_timeout_though_bytes_keep_coming(
    trickling: RawServer,
) -> None:
    async def run() -> float:
        async with AsyncGabber(max_retries=0, **_options(trickling)) as client:
            started = time.monotonic()
            with pytest.raises(APITimeoutError):
                await client.realtime.get("rs_1")
            return time.monotonic() - started

    assert asyncio.run(run()) < ENDS_WITHIN


def test_retries_each_get_their_own_attempt_timeout(trickling: RawServer) -> None:
    with Gabber(max_retries=1, **_options(trickling)) as client, pytest.raises(APITimeoutError):
        client.realtime.get("rs_1")  # idempotent: a timed-out attempt is retried once
    # two attempts reached the server, each ended by its own deadline
    assert len(trickling.requests) == 2


def test_a_timed_out_non_idempotent_call_is_not_sent_again(trickling: RawServer) -> None:
    with Gabber(max_retries=2, **_options(trickling)) as client, pytest.raises(APITimeoutError):
        client.realtime.speak("rs_1", "hello")
    assert len(trickling.requests) == 1
