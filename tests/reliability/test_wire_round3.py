"""Issue 21, findings 2 and 3, against raw-socket servers, sync and async.

2. The whole-attempt deadline bounds the response head too: a server trickling
   its head one byte at a time, or sending ``100 Continue`` for ever, each well
   inside httpx's read timeout, ends a ``timeout=2`` call with
   ``APITimeoutError`` (before, the sync client waited until the head was done:
   40 s here, for ever with the endless ``100 Continue``).
3. A connection with bytes left over is never reused: a response with more
   bytes than its ``Content-Length``, or a 204/304 with a body, leaves a forged
   second response behind it; the next call (on the same client) must get its
   own answer, on a new connection, never the forged one.

The bounds below prove that a call ends long before the server would let it;
they measure no speed."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time
from collections.abc import Callable, Iterator

import pytest

from gabber_client import APITimeoutError, AsyncGabber, Gabber

from . import payloads
from .raw_server import RawRequest, RawServer, json_bytes

EVERY = 0.2  # seconds between the bytes trickled
HEAD = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Pad: "
    + b"p" * 120
    + b"\r\nContent-Length: 2\r\n\r\n{}"
)  # about 40 s for the whole head


def _trickle_head(_request: RawRequest, sock: socket.socket) -> bool:
    try:
        for byte in HEAD:
            time.sleep(EVERY)
            sock.sendall(bytes([byte]))
    except OSError:
        pass
    return False


def _continue_for_ever(_request: RawRequest, sock: socket.socket) -> bool:
    try:
        for _ in range(600):  # two minutes of 100 Continue
            sock.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
            time.sleep(EVERY)
    except OSError:
        pass
    return False


HOSTILE_HEADS = {"trickled-head": _trickle_head, "endless-100-continue": _continue_for_ever}


@pytest.fixture(params=HOSTILE_HEADS)
def slow_head(request: pytest.FixtureRequest) -> Iterator[RawServer]:
    with RawServer(HOSTILE_HEADS[request.param]) as server:
        yield server


def test_a_sync_call_ends_at_its_deadline_during_the_head(slow_head: RawServer) -> None:
    started = time.monotonic()
    with (
        Gabber(api_key="sk-test", base_url=slow_head.base_url, max_retries=0, timeout=2) as client,
        pytest.raises(APITimeoutError),
    ):
        client.realtime.get("rs_1")
    assert time.monotonic() - started < 15  # the server would take 40 s or more


def test_an_async_call_ends_at_its_deadline_during_the_head(slow_head: RawServer) -> None:
    async def run() -> None:
        async with AsyncGabber(
            api_key="sk-test", base_url=slow_head.base_url, max_retries=0, timeout=2
        ) as client:
            with pytest.raises(APITimeoutError):
                await client.realtime.get("rs_1")
            assert client._pool._background == set()  # nothing left running

    started = time.monotonic()
    asyncio.run(run())
    assert time.monotonic() - started < 15


def _forged(session_id: str) -> bytes:
    return json_bytes(200, payloads.session(session_id))


def _surplus(request: RawRequest, sock: socket.socket) -> bool:
    """The first answer on each connection carries a forged second one behind it."""
    asked = request.target.rsplit("/", 1)[1]
    first = request.connection not in _surplus.seen  # type: ignore[attr-defined]
    _surplus.seen.add(request.connection)  # type: ignore[attr-defined]
    answer = _forged(asked)
    if first:
        answer += _forged("rs_forged")
    sock.sendall(answer)
    return True


def _no_content_with_body(status: int) -> Callable[[RawRequest, socket.socket], bool]:
    def handler(request: RawRequest, sock: socket.socket) -> bool:
        asked = request.target.rsplit("/", 1)[1]
        if asked == "rs_first":
            head = f"HTTP/1.1 {status} X\r\nContent-Length: 0\r\n\r\n".encode()
            sock.sendall(head + _forged("rs_forged"))  # a body where none may be
        else:
            sock.sendall(_forged(asked))
        return True

    return handler


SERVERS: dict[str, Callable[[RawRequest, socket.socket], bool]] = {
    "surplus-beyond-content-length": _surplus,
    "204-with-a-body": _no_content_with_body(204),
    "304-with-a-body": _no_content_with_body(304),
}


@pytest.fixture(params=SERVERS)
def poisoning(request: pytest.FixtureRequest) -> Iterator[RawServer]:
    _surplus.seen = set()  # type: ignore[attr-defined]
    with RawServer(SERVERS[request.param]) as server:
        yield server


def _outcome(get: Callable[[str], object]) -> str:
    """What the first call got (a 204/304 is no session: an error), as text."""
    try:
        return repr(get("rs_first"))
    except Exception as exc:
        return str(exc)


def test_a_sync_connection_with_bytes_left_over_is_not_reused(poisoning: RawServer) -> None:
    with Gabber(api_key="sk-test", base_url=poisoning.base_url, max_retries=0) as client:
        assert "rs_forged" not in _outcome(client.realtime.get)
        for asked in ("rs_2", "rs_3"):
            assert client.realtime.get(asked).id == asked
    assert {r.connection for r in poisoning.requests[:2]} == {1, 2}


def test_an_async_connection_with_bytes_left_over_is_not_reused(poisoning: RawServer) -> None:
    async def run() -> None:
        async with AsyncGabber(
            api_key="sk-test", base_url=poisoning.base_url, max_retries=0
        ) as client:
            try:
                first = repr(await client.realtime.get("rs_first"))
            except Exception as exc:
                first = str(exc)
            assert "rs_forged" not in first
            for asked in ("rs_2", "rs_3"):
                assert (await client.realtime.get(asked)).id == asked

    asyncio.run(run())
    assert {r.connection for r in poisoning.requests[:2]} == {1, 2}


def test_a_clean_connection_is_still_reused() -> None:
    """The guard costs no keep-alive: exact responses share one connection."""

    def exact(request: RawRequest, sock: socket.socket) -> bool:
        sock.sendall(_forged(request.target.rsplit("/", 1)[1]))
        return True

    with RawServer(exact) as server:
        with Gabber(api_key="sk-test", base_url=server.base_url) as client:
            for asked in ("rs_1", "rs_2", "rs_3"):
                assert client.realtime.get(asked).id == asked
        assert {r.connection for r in server.requests} == {1}


# --------------------------------------------------------------- under load
# The same guarantees, many times over: ``make test`` runs the fast form,
# ``make soak`` the long one.


def _mixed(request: RawRequest, sock: socket.socket) -> bool:
    """Every answer right, one in three followed by a forged one (a surplus, or a
    204 with a body before the real answer): poisoned connections, over and over."""
    asked = request.target.rsplit("/", 1)[1]
    kind = hash(asked) % 3
    if kind == 0:
        sock.sendall(_forged(asked) + _forged("rs_forged"))
        return True
    if kind == 1:
        sock.sendall(_forged(asked))
        return True
    sock.sendall(json_bytes(200, payloads.session(asked), "Connection: close"))
    return False  # the next request opens a new connection


def _desync_many(calls: int) -> None:
    with RawServer(_mixed) as server:
        with Gabber(api_key="sk-test", base_url=server.base_url, max_retries=0) as client:
            for n in range(calls):
                assert client.realtime.get(f"rs_{n}").id == f"rs_{n}"

        async def run() -> None:
            async with AsyncGabber(
                api_key="sk-test", base_url=server.base_url, max_retries=0
            ) as client:
                for start in range(0, calls, 20):
                    asked = [f"rs_{n}" for n in range(start, start + 20)]
                    got = await asyncio.gather(*(client.realtime.get(a) for a in asked))
                    assert [s.id for s in got] == asked

        asyncio.run(run())


def test_poisoned_connections_never_cross_answers() -> None:
    _desync_many(200)


@pytest.mark.soak
def test_poisoned_connections_never_cross_answers_soak() -> None:
    _desync_many(3_000)


def _deadlines_many(calls: int) -> None:
    """Attempts that end at their own deadline (a server answering after 0 to 0.3 s,
    timeouts of 0.05 to 0.3 s), many at once: afterwards httpcore's pool holds
    nothing stuck, and calls succeed."""
    from .test_cancellation_patterns import _stuck

    def slow(request: RawRequest, sock: socket.socket) -> bool:
        asked = request.target.rsplit("/", 1)[1]
        time.sleep((hash(asked) % 7) * 0.05)
        try:
            sock.sendall(_forged(asked))
        except OSError:
            return False
        return True

    async def run(base_url: str) -> None:
        async with AsyncGabber(api_key="sk-test", base_url=base_url, max_retries=0) as client:

            async def one(n: int) -> None:
                with contextlib.suppress(APITimeoutError):
                    await client.realtime.get(f"rs_{n}", timeout=0.05 + (n % 6) * 0.05)

            for start in range(0, calls, 50):
                await asyncio.gather(*(one(n) for n in range(start, start + 50)))
            while client._pool._background:
                await asyncio.wait(set(client._pool._background))
            assert _stuck(client) == []
            assert (await client.realtime.get("rs_0", timeout=5)).id == "rs_0"

    with RawServer(slow) as server:
        asyncio.run(run(server.base_url))


def test_attempts_ending_at_their_deadline_leave_the_pool_clean() -> None:
    _deadlines_many(200)


@pytest.mark.soak
def test_attempts_ending_at_their_deadline_leave_the_pool_clean_soak() -> None:
    _deadlines_many(2_000)
