"""A client scoped to a human never silently acts outside its scope (issue 22, item 2).

Every operation of the spec, sync and async, through a client scoped to ``bob``
against the fake, on ``alice``'s session and on ``bob``'s. Which operations declare
``x-human-id`` is read from the spec facts, never listed here: those are scoped by
the API (the fake answers 404 for another human's session); the others are sent only
once a scoped GET showed the session is ``bob``'s (``gabber_client/_scope.py``).
"""

from __future__ import annotations

import inspect
import re
from typing import Any

import httpx
import pytest
from test_client_support import OPS, Op

from gabber_client import AsyncGabber, Gabber, InvalidArgumentError, NotFoundError
from gabber_client._generated._spec_facts import OPERATIONS as SPEC_OPERATIONS
from gabber_client._scope import CHECKED, OWNER_OPERATION, Rule, _rule
from gabber_client.testing import FakeGabber

OP_OF = {op.operation_id: op for op in OPS}
ALL = sorted(SPEC_OPERATIONS)


def _op(operation: str) -> Op:
    assert operation in OP_OF, f"{operation}: add its test data to OPS (tests/test_client_support)"
    return OP_OF[operation]


def _takes_session(operation: str) -> bool:
    return "{session}" in SPEC_OPERATIONS[operation].path


def _setup() -> tuple[FakeGabber, str, str]:
    fake = FakeGabber()
    alice = fake.create_session(human="alice")["id"]
    bob = fake.create_session(human="bob")["id"]
    fake.clear_requests()
    return fake, alice, bob


async def _resolve(result: Any) -> Any:
    """Await a coroutine; drain an async pager (its requests are sent as it is read)."""
    if inspect.isawaitable(result):
        return await result
    if hasattr(result, "__aiter__"):
        return [item async for item in result]
    return result


def _drain(result: Any) -> Any:
    if hasattr(result, "__iter__") and not isinstance(result, str | bytes | dict):
        return list(result)
    return result


def _answered(fake: FakeGabber, operation: str) -> list[int]:
    return [r.status for r in fake.requests if r.operation == operation]


def _assert_scoped_headers(fake: FakeGabber) -> None:
    """Every request of an operation that declares x-human-id carried bob's."""
    for record in fake.requests:
        assert record.operation is not None
        if SPEC_OPERATIONS[record.operation].human_header:
            assert record.headers.get("x-human-id") == "bob", record


def test_the_rules_come_from_the_spec() -> None:
    declared = {op for op, facts in SPEC_OPERATIONS.items() if facts.human_header}
    assert set(CHECKED) == set(SPEC_OPERATIONS) - declared
    assert {"speak", "dtmf", "initiate_outbound_call", "attach_human"} <= set(CHECKED)
    owner = SPEC_OPERATIONS[OWNER_OPERATION]
    assert (owner.method, owner.human_header) == ("GET", True)
    assert owner.path.endswith("/{session}")


@pytest.mark.parametrize("operation", ALL)
def test_a_scoped_client_stays_in_scope(operation: str) -> None:
    op = _op(operation)
    fake, alice, bob = _setup()
    with fake.client() as client:
        scoped = client.for_human("bob")
        if not _takes_session(operation):
            _drain(op.call(scoped.realtime, None))
            assert _answered(fake, operation) == [200]
            _assert_scoped_headers(fake)
            return
        before = fake.get_session(alice)
        with pytest.raises(NotFoundError) as raised:
            _drain(op.call(scoped.realtime, alice))
        assert raised.value.status_code == 404
        assert fake.get_session(alice) == before  # untouched
        assert 200 not in _answered(fake, operation)
        if operation in CHECKED:  # refused before it was sent, with the reason
            assert _answered(fake, operation) == []
            assert f"{operation} refused" in str(raised.value)
            assert "'bob'" in str(raised.value)
        _assert_scoped_headers(fake)

        fake.clear_requests()
        _drain(op.call(scoped.realtime, bob))  # bob's own session: it works
        assert _answered(fake, operation)[-1] == 200
        _assert_scoped_headers(fake)


@pytest.mark.parametrize("operation", ALL)
async def test_a_scoped_async_client_stays_in_scope(operation: str) -> None:
    op = _op(operation)
    fake, alice, bob = _setup()
    async with fake.async_client() as client:
        scoped = client.for_human("bob")
        if not _takes_session(operation):
            await _resolve(op.call(scoped.realtime, None))
            assert _answered(fake, operation) == [200]
            _assert_scoped_headers(fake)
            return
        before = fake.get_session(alice)
        with pytest.raises(NotFoundError):
            await _resolve(op.call(scoped.realtime, alice))
        assert fake.get_session(alice) == before
        assert 200 not in _answered(fake, operation)
        if operation in CHECKED:
            assert _answered(fake, operation) == []
        fake.clear_requests()
        await _resolve(op.call(scoped.realtime, bob))
        assert _answered(fake, operation)[-1] == 200
        _assert_scoped_headers(fake)


@pytest.mark.parametrize("operation", sorted(CHECKED))
def test_an_unscoped_client_acts_on_any_session(operation: str) -> None:
    """The way out is explicit: ``for_human(None)`` (or a client never scoped)."""
    op = _op(operation)
    fake, alice, _ = _setup()
    with fake.client(human="bob") as client:
        _drain(op.call(client.for_human(None).realtime, alice))
    assert _answered(fake, operation) == [200]
    assert OWNER_OPERATION not in [r.operation for r in fake.requests]  # no check sent


@pytest.mark.parametrize("operation", sorted(CHECKED))
def test_a_default_human_scopes_as_for_human_does(operation: str) -> None:
    op = _op(operation)
    fake, alice, _ = _setup()
    with fake.client(human="bob") as client, pytest.raises(NotFoundError):
        _drain(op.call(client.realtime, alice))
    assert _answered(fake, operation) == []


def test_a_token_client_is_scoped_by_the_api_not_checked() -> None:
    fake, _alice, bob = _setup()
    token = fake.issue_token("bob")
    with fake.client(token=token) as client:
        scoped = client.for_human("bob")
        scoped.realtime.initiate_outbound_call(
            bob, source_phone_number="+15550100", destination_phone_number="+15550199"
        )
    assert [r.operation for r in fake.requests] == ["initiate_outbound_call"]


def test_the_check_keeps_the_call_timeout_and_not_its_extras() -> None:
    seen: list[httpx.Request] = []
    fake, _, bob = _setup()

    def record(request: httpx.Request) -> None:
        seen.append(request)

    http = httpx.Client(transport=fake.transport(), event_hooks={"request": [record]})
    with fake.client(http_client=http, human="bob") as client:
        client.realtime.speak(bob, "hi", timeout=3.5, extra_headers={"X-Trace": "t1"})
    check, speak = seen
    assert check.method == "GET"
    assert check.headers["x-human-id"] == "bob"
    assert "x-trace" not in check.headers
    assert speak.headers["x-trace"] == "t1"
    assert check.extensions["timeout"]["read"] == 3.5


def test_raw_response_of_a_checked_operation() -> None:
    fake, alice, bob = _setup()
    with fake.client(human="bob") as client:
        raw = client.realtime.with_raw_response.speak(bob, "hi")
        assert raw.status_code == 200
        assert raw.parse().id == bob
        with pytest.raises(NotFoundError):
            client.realtime.with_raw_response.speak(alice, "hi")


def test_a_session_of_another_human_returned_anyway_is_refused() -> None:
    """A server that does not scope its GET: the check compares the human itself."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return httpx.Response(200, json={"id": "rs_1", "human": "alice"})
        raise AssertionError(f"sent {request.method} {request.url}")

    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = Gabber(api_key="k", base_url="http://x.test", http_client=http, human="bob")
    with client, pytest.raises(InvalidArgumentError, match=r"dtmf was not sent") as raised:
        client.realtime.dtmf("rs_1", "1")
    assert raised.value.parameter == "session"


async def test_async_check_refuses_another_humans_session_returned_anyway() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.method == "GET"
        return httpx.Response(200, json={"id": "rs_1", "human": None})

    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    client = AsyncGabber(api_key="k", base_url="http://x.test", http_client=http, human="bob")
    async with client:
        with pytest.raises(InvalidArgumentError, match="speak was not sent"):
            await client.realtime.speak("rs_1", "hi")


def test_an_operation_with_no_session_and_no_human_header_is_refused() -> None:
    """A future operation the API cannot scope and the client cannot check."""
    rule = _rule("broadcast", "/v1/realtime/broadcast")
    assert rule == Rule("broadcast", None)

    class FakeCall:
        kwargs: dict[str, Any] = {"url": "/v1/realtime/broadcast"}  # noqa: RUF012

    with pytest.raises(InvalidArgumentError, match=re.escape("client.for_human(None)")):
        rule.owner_call(FakeCall(), "bob")  # type: ignore[arg-type]


def test_the_session_id_is_read_from_the_path_still_encoded() -> None:
    rule = _rule("x", "/v1/realtime/session/{session}/attach_human")

    class FakeCall:
        kwargs: dict[str, Any] = {"url": "/v1/realtime/session/a%2Fb/attach_human"}  # noqa: RUF012

    segment, kwargs = rule.owner_call(FakeCall(), "bob")  # type: ignore[arg-type]
    assert segment == "a%2Fb"
    assert kwargs["url"] == SPEC_OPERATIONS[OWNER_OPERATION].path.replace("{session}", "a%2Fb")
