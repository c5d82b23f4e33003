"""The fault matrix: every failure a network or server can produce, in-process and
over loopback, against the fake's fault injection.

Each case has one documented outcome: success after retries, or a typed error
(an :class:`APIStatusError` subclass, :class:`APIConnectionError`,
:class:`APITimeoutError`, :class:`APIResponseValidationError`), never a raw
exception. A non-idempotent call (``start``, ``speak``, ``dtmf``,
``initiate_outbound_call``) is sent again only when the first attempt surely did
not take effect (a 429, a 503 with ``Retry-After``, a failure to connect); the
fake's record of requests is the proof.

Waits are recorded by the ``waits`` fixture, never slept.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from email.utils import formatdate
from typing import Any, cast

import httpx
import pytest
from spec_values import operation_caller, operation_ids

from gabber_client import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    Gabber,
    InternalServerError,
    RateLimitError,
)
from gabber_client._operations import OPERATIONS as TABLE
from gabber_client.models import RealtimeSession
from gabber_client.testing import Fault, OperationName

from . import payloads
from .rig import Rig, closed_port

Operation = Callable[[Gabber, str], Any]

OPERATIONS: dict[str, Operation] = {
    # Every operation of the spec, called with the minimal body its schema gives.
    op: operation_caller(op)
    for op in operation_ids()
}
# Which calls may be retried once sent: the operation table says, not this file.
NON_IDEMPOTENT = {op: call for op, call in OPERATIONS.items() if not TABLE[op].retry_after_sent}
IDEMPOTENT = {op: call for op, call in OPERATIONS.items() if TABLE[op].retry_after_sent}
# A representative pair for the cases that do not depend on the operation.
SOME = ["get_realtime_session", "speak"]


def _run(rig: Rig, operation: str, fault: Fault | None = None, **options: Any) -> Any:
    """Queue ``fault`` for ``operation``, then call it once through the facade."""
    session = rig.session()
    rig.fake.clear_requests()
    if fault is not None:
        rig.fake.inject_fault(fault)
    return OPERATIONS[operation](rig.client(**options), session)


def _fault(operation: str, **fields: Any) -> Fault:
    return Fault(operation=cast(OperationName, operation), **fields)


def _backoffs_ok(waits: list[float]) -> None:
    """The waits are the documented exponential backoff with jitter."""
    for attempt, wait in enumerate(waits):
        nominal = min(0.5 * 2**attempt, 8.0)
        assert 0.75 * nominal <= wait <= nominal


def _sessions_started(rig: Rig) -> int:
    return len(rig.fake.sessions()) - 1  # minus the one made by _run


# --------------------------------------------------------------------- 429


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_429_with_retry_after_seconds_waits_that_long_then_succeeds(
    rig: Rig, waits: list[float], operation: str
) -> None:
    fault = _fault(operation, status=429, headers={"Retry-After": "3"})

    _run(rig, operation, fault)

    assert waits == [3.0]
    assert [r.status for r in rig.sent(operation)] == [429, 200]


@pytest.mark.parametrize("operation", [*SOME, "start_realtime_session"])
def test_429_with_retry_after_as_an_http_date(rig: Rig, waits: list[float], operation: str) -> None:
    when = formatdate(time.time() + 30, usegmt=True)
    fault = _fault(operation, status=429, headers={"Retry-After": when})

    _run(rig, operation, fault)

    (wait,) = waits
    assert 20.0 < wait <= 30.0  # the date has whole seconds
    assert [r.status for r in rig.sent(operation)] == [429, 200]


@pytest.mark.parametrize("retry_after", ["0", "3600", "-5", "Wed, 21 Oct 2015 07:28:00 GMT", "1e9"])
def test_retry_after_outside_0_to_60_seconds_falls_back_to_backoff(
    in_process: Rig, waits: list[float], retry_after: str
) -> None:
    _run(in_process, "speak", _fault("speak", status=429, headers={"Retry-After": retry_after}))
    (wait,) = waits
    assert 0.375 <= wait <= 0.5  # the first backoff, not the header's value


@pytest.mark.parametrize("retry_after", ["soon", "", "1e999", "nan"])
def test_an_unreadable_retry_after_falls_back_to_backoff(
    in_process: Rig, waits: list[float], retry_after: str
) -> None:
    _run(
        in_process,
        "get_realtime_session",
        _fault("get_realtime_session", status=429, headers={"Retry-After": retry_after}),
    )
    assert len(waits) == 1
    assert waits[0] <= 60.0


@pytest.mark.parametrize("operation", [*SOME, "start_realtime_session"])
def test_429_exhausted_raises_rate_limit_error(
    rig: Rig, waits: list[float], operation: str
) -> None:
    fault = _fault(operation, status=429, headers={"Retry-After": "1"}, times=3)

    with pytest.raises(RateLimitError) as caught:
        _run(rig, operation, fault)

    assert caught.value.status_code == 429
    assert waits == [1.0, 1.0]
    assert [r.status for r in rig.sent(operation)] == [429, 429, 429]
    if operation == "start_realtime_session":
        assert _sessions_started(rig) == 0


def test_max_retries_zero_means_one_attempt(rig: Rig, waits: list[float]) -> None:
    fault = _fault("get_realtime_session", status=503, times=5)
    with pytest.raises(InternalServerError):
        _run(rig, "get_realtime_session", fault, max_retries=0)
    assert waits == []
    assert len(rig.sent("get_realtime_session")) == 1


# --------------------------------------------------------------------- 5xx

SERVER_ERRORS = [500, 502, 503, 504]


@pytest.mark.parametrize("status", SERVER_ERRORS)
@pytest.mark.parametrize("operation", sorted(IDEMPOTENT))
def test_idempotent_call_retries_5xx_then_succeeds(
    rig: Rig, waits: list[float], operation: str, status: int
) -> None:
    _run(rig, operation, _fault(operation, status=status, times=2))

    assert [r.status for r in rig.sent(operation)] == [status, status, 200]
    assert len(waits) == 2
    _backoffs_ok(waits)


@pytest.mark.parametrize("status", SERVER_ERRORS)
def test_idempotent_call_5xx_exhausted_raises_internal_server_error(
    rig: Rig, waits: list[float], status: int
) -> None:
    operation = "get_realtime_session"
    with pytest.raises(InternalServerError) as caught:
        _run(rig, operation, _fault(operation, status=status, times=3))

    assert caught.value.status_code == status
    assert f"injected fault: HTTP {status}" in str(caught.value)
    assert [r.status for r in rig.sent(operation)] == [status] * 3
    assert len(waits) == 2


@pytest.mark.parametrize("status", SERVER_ERRORS)
@pytest.mark.parametrize("operation", sorted(NON_IDEMPOTENT))
def test_non_idempotent_call_is_not_retried_after_5xx(
    rig: Rig, waits: list[float], operation: str, status: int
) -> None:
    with pytest.raises(InternalServerError) as caught:
        _run(rig, operation, _fault(operation, status=status, times=2))

    assert caught.value.status_code == status
    assert [r.status for r in rig.sent(operation)] == [status]
    assert waits == []


@pytest.mark.parametrize("operation", sorted(NON_IDEMPOTENT))
def test_non_idempotent_call_retries_503_with_retry_after(
    rig: Rig, waits: list[float], operation: str
) -> None:
    fault = _fault(operation, status=503, headers={"Retry-After": "2"}, times=2)

    _run(rig, operation, fault)

    assert [r.status for r in rig.sent(operation)] == [503, 503, 200]
    assert waits == [2.0, 2.0]
    if operation == "start_realtime_session":
        assert _sessions_started(rig) == 1


# ------------------------------------------------------------ connections


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_connection_refused_is_retried_then_raises(waits: list[float], operation: str) -> None:
    """Nothing listens on the port: every attempt fails to connect, so even a
    non-idempotent call may be retried (it cannot have reached a server)."""
    client = Gabber(api_key="gabber-fake-key", base_url=f"http://127.0.0.1:{closed_port()}")
    with client, pytest.raises(APIConnectionError) as caught:
        OPERATIONS[operation](client, "rs_1")

    assert type(caught.value) is APIConnectionError
    assert "ConnectError" in str(caught.value)
    assert len(waits) == 2
    _backoffs_ok(waits)


class _RefuseFirst(httpx.BaseTransport):
    """Fails the first ``count`` requests to connect, then hands over to ``inner``."""

    def __init__(self, inner: httpx.BaseTransport, count: int) -> None:
        self.inner = inner
        self.count = count

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.count > 0:
            self.count -= 1
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        return self.inner.handle_request(request)


@pytest.mark.parametrize("operation", sorted(NON_IDEMPOTENT))
def test_a_failure_to_connect_is_retried_and_the_call_takes_effect_once(
    in_process: Rig, waits: list[float], operation: str
) -> None:
    http = httpx.Client(transport=_RefuseFirst(in_process.fake.transport(), 2))
    _run(in_process, operation, http_client=http)

    assert [r.status for r in in_process.sent(operation)] == [200]
    assert len(waits) == 2
    if operation == "start_realtime_session":
        assert _sessions_started(in_process) == 1


@pytest.mark.parametrize("operation", sorted(NON_IDEMPOTENT))
def test_connection_reset_mid_response_is_not_retried_for_non_idempotent_calls(
    rig: Rig, waits: list[float], operation: str
) -> None:
    """The request took effect, the response was lost: sending it again would
    start a second session, say the sentence twice, dial twice."""
    with pytest.raises(APIConnectionError) as caught:
        _run(rig, operation, _fault(operation, drop=True))

    assert type(caught.value) is APIConnectionError
    assert [r.status for r in rig.sent(operation)] == [200]
    assert waits == []
    if operation == "start_realtime_session":
        assert _sessions_started(rig) == 1


def test_speak_lost_response_says_the_sentence_once(rig: Rig, waits: list[float]) -> None:
    session = rig.session()
    rig.fake.inject_fault(drop=True, operation="speak")
    with pytest.raises(APIConnectionError):
        rig.client().realtime.speak(session, "Only once, please")

    messages = rig.fake.get_session(session)["config"]["generative"]["context"]["latest_messages"]
    assert [m["content"][0]["text"] for m in messages] == ["Only once, please"]


@pytest.mark.parametrize("operation", sorted(IDEMPOTENT))
def test_connection_reset_is_retried_for_idempotent_calls(
    rig: Rig, waits: list[float], operation: str
) -> None:
    _run(rig, operation, _fault(operation, drop=True))

    assert len(rig.sent(operation)) == 2
    assert len(waits) == 1


def test_connection_reset_exhausted_raises_connection_error(rig: Rig, waits: list[float]) -> None:
    operation = "get_realtime_session"
    with pytest.raises(APIConnectionError):
        _run(rig, operation, _fault(operation, drop=True, times=3))
    assert len(rig.sent(operation)) == 3


# A short read timeout: over loopback the client really waits this long once.
SHORT = httpx.Timeout(5.0, read=0.5)


@pytest.mark.parametrize("operation", sorted(NON_IDEMPOTENT))
def test_read_timeout_is_not_retried_for_non_idempotent_calls(
    rig: Rig, waits: list[float], operation: str
) -> None:
    with pytest.raises(APITimeoutError) as caught:
        _run(rig, operation, _fault(operation, delay=2.0), timeout=SHORT)

    assert "ReadTimeout" in str(caught.value)
    assert [r.status for r in rig.sent(operation)] == [200]  # it did take effect
    assert waits == []
    if operation == "start_realtime_session":
        assert _sessions_started(rig) == 1


@pytest.mark.parametrize("operation", ["get_realtime_session", "end_realtime_session"])
def test_read_timeout_is_retried_for_idempotent_calls(
    rig: Rig, waits: list[float], operation: str
) -> None:
    _run(rig, operation, _fault(operation, delay=2.0), timeout=SHORT)

    assert len(rig.sent(operation)) == 2
    assert len(waits) == 1


def test_read_timeout_exhausted_raises_timeout_error(in_process: Rig, waits: list[float]) -> None:
    operation = "get_realtime_session"
    with pytest.raises(APITimeoutError):
        _run(in_process, operation, _fault(operation, delay=2.0, times=3), timeout=SHORT)
    assert len(in_process.sent(operation)) == 3


# ---------------------------------------------------------- broken bodies

HTML = "<!doctype html><html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"


@pytest.mark.parametrize(
    "fault_fields",
    [
        pytest.param({"status": 200, "body": '{"id": "rs_1", "state": "in_pro'}, id="truncated"),
        pytest.param({"status": 200, "body": HTML, "content_type": "text/html"}, id="html-200"),
        pytest.param({"status": 200, "body": b""}, id="empty-200"),
        pytest.param({"status": 200, "body": "[]"}, id="array-200"),
        pytest.param({"status": 200, "body": "hello", "content_type": "text/plain"}, id="text-200"),
    ],
)
@pytest.mark.parametrize("operation", sorted(set(OPERATIONS) - {"dtmf"}))
def test_a_2xx_body_that_is_not_the_model_raises_validation_error_once(
    rig: Rig, waits: list[float], operation: str, fault_fields: dict[str, Any]
) -> None:
    with pytest.raises(APIResponseValidationError) as caught:
        _run(rig, operation, _fault(operation, **fault_fields))

    assert caught.value.status_code == 200
    assert len(rig.sent(operation)) == 1
    assert waits == []


def test_dtmf_ignores_its_2xx_body(rig: Rig) -> None:
    assert _run(rig, "dtmf", _fault("dtmf", status=200, body=HTML)) is None


@pytest.mark.parametrize("operation", SOME)
def test_an_html_502_page_is_an_internal_server_error_with_a_snippet(
    rig: Rig, waits: list[float], operation: str
) -> None:
    fault = _fault(operation, status=502, body=HTML, content_type="text/html", times=3)
    with pytest.raises(InternalServerError) as caught:
        _run(rig, operation, fault)

    assert caught.value.status_code == 502
    assert caught.value.body is None
    assert "502 Bad Gateway" in str(caught.value)
    expected = 3 if operation in IDEMPOTENT else 1
    assert len(rig.sent(operation)) == expected


def test_an_html_502_page_then_success_for_an_idempotent_call(rig: Rig, waits: list[float]) -> None:
    fault = _fault("get_realtime_session", status=502, body=HTML, content_type="text/html")
    session = _run(rig, "get_realtime_session", fault)
    assert session.state == "in_progress"


def test_a_wrong_content_type_on_a_valid_body_is_accepted(rig: Rig) -> None:
    """The body decides: valid JSON of the right shape is read whatever its
    Content-Type says (proxies relabel bodies; rejecting them helps no one)."""
    session = rig.session()
    body = json.dumps(rig.fake.get_session(session))
    rig.fake.inject_fault(status=200, body=body, content_type="text/plain; charset=latin-1")

    result = rig.client().realtime.get(session)

    assert result.id == session
    assert result.to_dict() == RealtimeSession.from_dict(json.loads(body)).to_dict()


def test_a_50_mb_response_is_read_whole(rig: Rig) -> None:
    session = rig.session()
    body: dict[str, object] = dict(rig.fake.get_session(session))
    body["x_future"] = "a" * (50 * 1024 * 1024)
    rig.fake.inject_fault(status=200, body=json.dumps(body))

    result = rig.client().realtime.get(session)

    assert result.id == session
    assert len(result.additional_properties["x_future"]) == 50 * 1024 * 1024


def test_a_50_mb_non_json_response_is_a_validation_error(in_process: Rig) -> None:
    in_process.fake.inject_fault(status=200, body=b"\x00" * (50 * 1024 * 1024))
    with pytest.raises(APIResponseValidationError):
        in_process.client().realtime.get(in_process.session())


# ------------------------------------------------------------- async too


@pytest.mark.parametrize("operation", ["speak", "start_realtime_session"])
async def test_async_non_idempotent_call_is_not_retried_after_a_lost_response(
    rig: Rig, waits: list[float], operation: str
) -> None:
    session = rig.session()
    rig.fake.inject_fault(drop=True, operation=cast(OperationName, operation))
    async with rig.async_client() as client:
        call = (
            client.realtime.speak(session, "hi")
            if operation == "speak"
            else client.realtime.start(payloads.START_CONFIG)
        )
        with pytest.raises(APIConnectionError):
            await call
    assert len(rig.sent(operation)) == 1
    assert waits == []


async def test_async_idempotent_call_retries_then_succeeds(rig: Rig, waits: list[float]) -> None:
    session = rig.session()
    rig.fake.inject_fault(status=503, operation="get_realtime_session")
    rig.fake.inject_fault(
        status=429, headers={"Retry-After": "4"}, operation="get_realtime_session"
    )
    async with rig.async_client() as client:
        result = await client.realtime.get(session)
    assert result.id == session
    assert [r.status for r in rig.sent("get_realtime_session")] == [503, 429, 200]
    assert len(waits) == 2
    _backoffs_ok(waits[:1])
    assert waits[1] == 4.0
