"""Issue 14, item 8: a closed or misused client raises :class:`ClientStateError`
saying what happened, and sends nothing."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from gabber_client import AsyncGabber, ClientStateError, Gabber

from . import payloads
from .raw_server import RawRequest, RawServer, json_bytes
from .scripted import always, async_client, sync_client


def _slow(_request: RawRequest, sock: socket.socket) -> bool:
    time.sleep(1.0)
    sock.sendall(json_bytes(200, payloads.session()))
    return True


@pytest.fixture
def slow_server() -> Iterator[RawServer]:
    with RawServer(_slow) as server:
        yield server


def test_call_on_a_closed_client() -> None:
    client, recorder = sync_client(always(payloads.session()))
    client.close()
    with pytest.raises(ClientStateError, match="closed"):
        client.realtime.get("rs_1")
    assert recorder.requests == []


def test_call_on_a_client_with_its_own_pool_closed() -> None:
    client = Gabber(api_key="sk-test", base_url="http://127.0.0.1:9")
    derived = client.with_options(max_retries=0)
    client.close()
    for closed in (client, derived):  # a derived client shares the closed pool
        with pytest.raises(ClientStateError, match="closed"):
            closed.realtime.get("rs_1")


def test_call_with_a_supplied_http_client_the_caller_closed() -> None:
    client, recorder = sync_client(always(payloads.session()))
    client._http.close()
    with pytest.raises(ClientStateError, match="closed"):
        client.realtime.get("rs_1")
    assert recorder.requests == []


def test_closing_a_derived_client_leaves_its_parent_open() -> None:
    client, _ = sync_client(always(payloads.session()))
    client.with_options(max_retries=1).close()
    assert client.realtime.get("rs_1").id == "rs_1"


async def test_async_call_on_a_closed_client() -> None:
    client, recorder = async_client(always(payloads.session()))
    await client.aclose()
    with pytest.raises(ClientStateError, match="closed"):
        await client.realtime.get("rs_1")
    assert recorder.requests == []


def test_sync_call_in_flight_when_the_client_is_closed(slow_server: RawServer) -> None:
    client = Gabber(api_key="sk-test", base_url=slow_server.base_url, max_retries=0)
    outcome: list[BaseException] = []

    def call() -> None:
        try:
            client.realtime.get("rs_1")
        except BaseException as exc:  # recorded for the assertion below
            outcome.append(exc)

    thread = threading.Thread(target=call)
    thread.start()
    while not slow_server.requests:  # the request reached the server
        time.sleep(0.01)
    client.close()
    thread.join(10)

    assert len(outcome) == 1
    assert isinstance(outcome[0], ClientStateError), repr(outcome[0])
    assert "closed while this call was in flight" in str(outcome[0])


async def test_async_call_in_flight_when_the_client_is_closed(slow_server: RawServer) -> None:
    client = AsyncGabber(api_key="sk-test", base_url=slow_server.base_url, max_retries=0)
    call = asyncio.ensure_future(client.realtime.get("rs_1"))
    while not slow_server.requests:  # noqa: ASYNC110 - the server thread appends; no event
        await asyncio.sleep(0.01)
    await client.aclose()

    with pytest.raises(ClientStateError, match="closed while this call was in flight"):
        await call


def test_async_client_used_from_a_second_event_loop() -> None:
    client, recorder = async_client(always(payloads.session()))

    assert asyncio.run(client.realtime.get("rs_1")).id == "rs_1"
    with pytest.raises(ClientStateError, match="second event loop"):
        asyncio.run(client.realtime.get("rs_1"))
    assert len(recorder.requests) == 1  # the second call sent nothing


def test_async_client_with_its_own_pool_from_a_second_event_loop() -> None:
    client = AsyncGabber(api_key="sk-test", base_url="http://127.0.0.1:9", max_retries=0)

    async def call() -> None:
        try:
            await client.realtime.get("rs_1")
        except ClientStateError:
            raise
        except Exception:
            pass

    asyncio.run(call())
    with pytest.raises(ClientStateError, match="second event loop"):
        asyncio.run(call())
