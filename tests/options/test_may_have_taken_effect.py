"""``APIConnectionError.may_have_taken_effect`` over the cases of the fault matrix
(tests/reliability/test_fault_matrix.py), for every operation where the case
applies: ``False`` only when no attempt of the call can have reached the server."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from typing import Any, TypedDict, cast

import httpx
import pytest
from spec_values import minimal_config, operation_caller, operation_ids

from gabber_client import APIConnectionError, APITimeoutError, AsyncGabber, Gabber
from gabber_client._operations import OPERATIONS as TABLE
from gabber_client.testing import FakeGabber, FakeServer, OperationName
from gabber_client.types import RealtimeSessionConfigCreateParam

CONFIG: RealtimeSessionConfigCreateParam = minimal_config()


class Phones(TypedDict):
    """The keyword arguments of ``initiate_outbound_call`` besides the session."""

    source_phone_number: str
    destination_phone_number: str


PHONES: Phones = {"source_phone_number": "+14155550100", "destination_phone_number": "+14155550101"}

OPERATIONS: dict[str, Callable[[Gabber, str], Any]] = {
    # Every operation of the spec, called with the minimal body its schema gives.
    op: operation_caller(op)
    for op in operation_ids()
}
# Which calls may be retried once sent: the operation table says, not this file.
NON_IDEMPOTENT = sorted(op for op in OPERATIONS if not TABLE[op].retry_after_sent)
IDEMPOTENT = sorted(op for op in OPERATIONS if TABLE[op].retry_after_sent)


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.fixture(params=["in-process", "loopback"])
def reach(request: pytest.FixtureRequest) -> Iterator[tuple[FakeGabber, Callable[..., Gabber]]]:
    """A fresh fake and a factory of clients bound to it, in-process or on loopback."""
    if request.param == "in-process":
        fake = FakeGabber()

        def make(**kwargs: Any) -> Gabber:
            return fake.client(**kwargs)

        yield fake, make
    else:
        server: FakeServer = request.getfixturevalue("server")
        server.fake.reset()

        def make_loopback(**kwargs: Any) -> Gabber:
            return Gabber(api_key=server.fake.api_key, base_url=server.base_url, **kwargs)

        yield server.fake, make_loopback


def _call(fake: FakeGabber, client: Gabber, operation: str) -> APIConnectionError:
    session = fake.create_session()["id"]
    with pytest.raises(APIConnectionError) as caught:
        OPERATIONS[operation](client, session)
    return caught.value


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_connection_refused_did_not_take_effect(operation: str, no_sleep: list[float]) -> None:
    client = Gabber(api_key="k", base_url=f"http://127.0.0.1:{_closed_port()}")
    with client, pytest.raises(APIConnectionError) as caught:
        OPERATIONS[operation](client, "rs_1")
    assert caught.value.may_have_taken_effect is False
    assert len(no_sleep) == 2  # retried, and every attempt failed to connect


@pytest.mark.parametrize("operation", NON_IDEMPOTENT)
def test_a_dropped_connection_may_have_taken_effect(
    operation: str, reach: tuple[FakeGabber, Callable[..., Gabber]], no_sleep: list[float]
) -> None:
    fake, make = reach
    fake.inject_fault(drop=True, operation=cast(OperationName, operation))
    error = _call(fake, make(), operation)
    assert type(error) is APIConnectionError
    assert error.may_have_taken_effect is True
    assert [r.status for r in fake.requests if r.operation == operation] == [200]


def test_dropped_connections_exhausted_may_have_taken_effect(
    reach: tuple[FakeGabber, Callable[..., Gabber]], no_sleep: list[float]
) -> None:
    fake, make = reach
    fake.inject_fault(drop=True, operation="get_realtime_session", times=3)
    assert _call(fake, make(), "get_realtime_session").may_have_taken_effect is True


SHORT = httpx.Timeout(5.0, read=0.5)


@pytest.mark.parametrize("operation", NON_IDEMPOTENT)
def test_a_read_timeout_may_have_taken_effect(
    operation: str, reach: tuple[FakeGabber, Callable[..., Gabber]], no_sleep: list[float]
) -> None:
    fake, make = reach
    fake.inject_fault(delay=2.0, operation=cast(OperationName, operation))
    error = _call(fake, make(timeout=SHORT), operation)
    assert isinstance(error, APITimeoutError)
    assert error.may_have_taken_effect is True


def test_a_read_timeout_exhausted_may_have_taken_effect(no_sleep: list[float]) -> None:
    fake = FakeGabber()
    fake.inject_fault(delay=2.0, operation="get_realtime_session", times=3)
    error = _call(fake, fake.client(timeout=SHORT), "get_realtime_session")
    assert isinstance(error, APITimeoutError)
    assert error.may_have_taken_effect is True


class Scripted(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Answers each attempt from a script: an exception class to raise, or a status
    (with headers) to answer."""

    def __init__(self, script: list[Any]) -> None:
        self.script = list(script)
        self.attempts = 0

    def _next(self, request: httpx.Request) -> httpx.Response:
        self.attempts += 1
        step = self.script.pop(0)
        if isinstance(step, type):
            raise step("scripted", request=request)
        status, headers = step
        return httpx.Response(status, headers=headers, json={"message": "scripted"})

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._next(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self._next(request)


RETRY_AFTER = {"Retry-After": "0.001"}  # a usable one: more than 0

# (script, operation, expected error type, may_have_taken_effect)
HISTORIES = [
    pytest.param([httpx.ConnectTimeout] * 3, "speak", APITimeoutError, False, id="connect-timeout"),
    pytest.param([httpx.PoolTimeout] * 3, "speak", APITimeoutError, False, id="pool-timeout"),
    pytest.param([httpx.ConnectError] * 3, "start", APIConnectionError, False, id="connect-error"),
    pytest.param(
        [(429, RETRY_AFTER), (503, RETRY_AFTER), httpx.ConnectError],
        "start",
        APIConnectionError,
        False,
        id="429-503-then-refused",
    ),
    pytest.param(
        [(500, {}), httpx.ConnectError, httpx.ConnectError],
        "get",
        APIConnectionError,
        True,
        id="500-then-refused",
    ),
    pytest.param(
        [httpx.ReadError, httpx.ConnectError, httpx.ConnectError],
        "get",
        APIConnectionError,
        True,
        id="read-error-then-refused",
    ),
    pytest.param(
        [httpx.ConnectError, httpx.RemoteProtocolError],
        "speak",
        APIConnectionError,
        True,
        id="refused-then-dropped",
    ),
    pytest.param([httpx.WriteTimeout], "speak", APITimeoutError, True, id="write-timeout"),
    pytest.param([httpx.ReadTimeout], "speak", APITimeoutError, True, id="read-timeout"),
]


def _scripted_call(client: Any, operation: str) -> Any:
    if operation == "speak":
        return client.realtime.speak("rs_1", "hi")
    if operation == "start":
        return client.realtime.start(CONFIG)
    return client.realtime.get("rs_1")


@pytest.mark.parametrize(("script", "operation", "error", "expected"), HISTORIES)
def test_every_attempt_counts(
    script: list[Any],
    operation: str,
    error: type[APIConnectionError],
    expected: bool,
    no_sleep: list[float],
) -> None:
    transport = Scripted(script)
    client = Gabber(
        api_key="k", base_url="http://gabber.test", http_client=httpx.Client(transport=transport)
    )
    with pytest.raises(APIConnectionError) as caught:
        _scripted_call(client, operation)
    assert type(caught.value) is error
    assert caught.value.may_have_taken_effect is expected
    assert transport.attempts == len(script)


@pytest.mark.parametrize(("script", "operation", "error", "expected"), HISTORIES)
async def test_every_attempt_counts_async(
    script: list[Any],
    operation: str,
    error: type[APIConnectionError],
    expected: bool,
    no_sleep: list[float],
) -> None:
    transport = Scripted(script)
    http = httpx.AsyncClient(transport=transport)
    async with AsyncGabber(api_key="k", base_url="http://gabber.test", http_client=http) as client:
        with pytest.raises(APIConnectionError) as caught:
            await _scripted_call(client, operation)
    assert type(caught.value) is error
    assert caught.value.may_have_taken_effect is expected


def test_the_default_is_the_safe_answer() -> None:
    """An error built without saying is taken as "may have taken effect"."""
    request = httpx.Request("GET", "http://gabber.test/")
    assert APIConnectionError(request=request).may_have_taken_effect is True
    assert APITimeoutError(request=request).may_have_taken_effect is True
