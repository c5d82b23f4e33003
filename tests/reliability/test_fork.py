"""Issue 14, item 1: a client inherited by a forked child (gunicorn --preload,
multiprocessing, Celery prefork) never shares the parent's keep-alive connections.

The raw server answers each request with a session whose id names the connection
it came on, so the test sees which connection each process used."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import warnings
from collections.abc import Callable, Iterator

import httpx
import pytest

from gabber_client import AsyncGabber, ClientStateError, Gabber

from . import payloads
from .raw_server import RawRequest, RawServer, json_bytes

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def _answer_with_connection(request: RawRequest, sock: socket.socket) -> bool:
    sock.sendall(json_bytes(200, payloads.session(f"conn{request.connection}")))
    return True


@pytest.fixture
def server() -> Iterator[RawServer]:
    with RawServer(_answer_with_connection) as running:
        yield running


def _in_child(work: Callable[[], str]) -> str:
    """Run ``work`` in a forked child; what it returned (or the error it raised)."""
    read_end, write_end = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # 3.12+: fork with threads
        pid = os.fork()
    if pid == 0:  # the child
        code = 0
        try:
            result = work()
        except BaseException as exc:  # reported to the parent, which fails the test
            result = f"{type(exc).__name__}: {exc}"
        try:
            os.write(write_end, result.encode())
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        result = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return result


def test_sync_child_gets_fresh_connections_and_parent_keeps_its_own(server: RawServer) -> None:
    with Gabber(api_key="sk-test", base_url=server.base_url) as client:
        assert client.realtime.get("a").id == "conn1"  # a keep-alive connection now

        in_child = _in_child(lambda: client.realtime.get("b").id)

        assert in_child.startswith("conn")
        assert in_child != "conn1"  # never the parent's connection
        assert client.realtime.get("a").id == "conn1"  # the parent's still works
        # and the child's request really reached the server on its own connection
        assert [r.connection for r in server.requests if r.target.endswith("/b")] != [1]


def test_derived_clients_in_the_child_share_its_fresh_pool(server: RawServer) -> None:
    with Gabber(api_key="sk-test", base_url=server.base_url) as client:
        derived = client.with_options(max_retries=0)
        assert derived.realtime.get("a").id == "conn1"

        def work() -> str:
            first = derived.realtime.get("b").id
            second = client.realtime.get("c").id
            return json.dumps([first, second])

        first, second = json.loads(_in_child(work))

        assert first != "conn1"
        assert second == first  # one new pool for the client and what derives from it


def test_async_child_gets_fresh_connections(server: RawServer) -> None:
    client = AsyncGabber(api_key="sk-test", base_url=server.base_url)

    async def get(session: str) -> str:
        return (await client.realtime.get(session)).id

    parent_loop = asyncio.new_event_loop()
    try:
        assert parent_loop.run_until_complete(get("a")) == "conn1"
        in_child = _in_child(lambda: asyncio.run(get("b")))
        assert in_child.startswith("conn")
        assert in_child != "conn1"
        assert parent_loop.run_until_complete(get("a")) == "conn1"
        parent_loop.run_until_complete(client.aclose())
    finally:
        parent_loop.close()


def test_supplied_http_client_in_the_child_is_a_clear_error(server: RawServer) -> None:
    http = httpx.Client()
    with Gabber(api_key="sk-test", base_url=server.base_url, http_client=http) as client:
        assert client.realtime.get("a").id == "conn1"

        in_child = _in_child(lambda: client.realtime.get("b").id)

        assert in_child.startswith(ClientStateError.__name__)
        assert "fork" in in_child
        assert [r.target for r in server.requests] == ["/v1/realtime/a"]  # nothing sent
        assert client.realtime.get("a").id == "conn1"
    http.close()
