"""Per-call ``timeout``, ``extra_headers``, ``extra_query`` and ``extra_body`` of every
method (one per operation of the spec), sync and async, reach the wire on the first
attempt, on a retry (the first attempt gets a 429 that even ``start`` retries) and on
every later page of a paged method.

Seen twice per request: by a transport that records what httpx sends (including
the timeout httpx was given), and by the fake that received it; in-process and over
loopback HTTP.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal, cast

import httpx
import pytest
from spec_values import call_operation, facade_method_name, minimal_config, operation_ids

from gabber_client import AsyncGabber, AsyncPaginator, Gabber, SyncPage
from gabber_client._operations import OPERATIONS, SPEC_OPERATIONS
from gabber_client.testing import FakeGabber, FakeServer, OperationName
from gabber_client.types import RealtimeSessionConfigCreateParam

from .recording import Recording

START_CONFIG: RealtimeSessionConfigCreateParam = minimal_config()


@dataclass(frozen=True)
class Op:
    """One operation of the spec: its facade method (the operation table), whether it
    has a body, how it pages; called with the minimal body its schema gives."""

    operation: str

    @property
    def method(self) -> str:
        return facade_method_name(self.operation)

    @property
    def body(self) -> bool:
        return SPEC_OPERATIONS[self.operation].request_body is not None

    @property
    def paged(self) -> bool:
        return OPERATIONS[self.operation].paging != "none"

    def call(self, client: Any, session: str, **options: Any) -> Any:
        """The call through ``client`` (sync, or async unawaited)."""
        return call_operation(client, self.operation, session, **options)


OPS = [Op(operation) for operation in operation_ids()]

TIMEOUT = 7.5  # the client's own is 30 s: a request with 7.5 got the per-call one
EXPECTED_TIMEOUT = httpx.Timeout(7.5, connect=5.0).as_dict()
HEADERS = {"X-Trace-Id": "trace-123", "X-Feature": "beta"}
QUERY: dict[str, str | int] = {"trace": "abc", "n": 2}
BODY = {"x_preview_field": {"on": True}}

Mode = Literal["in-process", "loopback"]


@pytest.fixture(params=["in-process", "loopback"])
def mode(request: pytest.FixtureRequest) -> Mode:
    value: Mode = request.param
    return value


@pytest.fixture
def fake(mode: Mode, request: pytest.FixtureRequest) -> Iterator[FakeGabber]:
    if mode == "in-process":
        yield FakeGabber(page_size=1)
        return
    server: FakeServer = request.getfixturevalue("server")
    server.fake.reset()
    yield server.fake


def _base_url(mode: Mode, fake: FakeGabber, request: pytest.FixtureRequest) -> str:
    if mode == "in-process":
        return fake.base_url
    server: FakeServer = request.getfixturevalue("server")
    return server.base_url


def _prepare(fake: FakeGabber) -> str:
    """A live session with two messages (so two pages of messages and of timeline
    items) and a second session (two pages of list)."""
    session: str = fake.create_session()["id"]
    fake.add_message(session, "one")
    fake.add_message(session, "two")
    fake.create_session()
    return session


def _options(op: Op) -> dict[str, Any]:
    options: dict[str, Any] = {
        "timeout": TIMEOUT,
        "extra_headers": HEADERS,
        "extra_query": QUERY,
    }
    if op.body:
        options["extra_body"] = BODY
    return options


def _check(op: Op, recorder: Recording, fake: FakeGabber) -> None:
    sent = list(recorder.sent)
    received = [r for r in fake.requests if r.operation == op.operation]
    # First attempt (429), its retry, then (pagers) the later pages.
    assert [r.status for r in received[:2]] == [429, 200]
    if op.paged:
        assert len(received) >= 3
        assert any("page" in r.params for r in received[2:])
    assert len(sent) == len(received)
    for wire, got in zip(sent, received, strict=True):
        assert wire.timeout == EXPECTED_TIMEOUT
        for name, value in HEADERS.items():
            assert wire.headers[name] == value
            assert got.headers[name.lower()] == value
        assert wire.url.params["trace"] == "abc"
        assert wire.url.params["n"] == "2"
        assert got.params["trace"] == ["abc"]
        assert got.params["n"] == ["2"]
        if op.body:
            assert wire.json["x_preview_field"] == {"on": True}
            assert got.json["x_preview_field"] == {"on": True}
        # The credentials are still the client's.
        assert got.headers["x-api-key"] == fake.api_key


@pytest.mark.parametrize("op", OPS, ids=[op.method for op in OPS])
def test_sync_options_reach_every_attempt_and_page(
    op: Op, mode: Mode, fake: FakeGabber, request: pytest.FixtureRequest, no_sleep: list[float]
) -> None:
    session = _prepare(fake)
    inner: Any = fake.transport() if mode == "in-process" else httpx.HTTPTransport()
    recorder = Recording(inner)
    fake.inject_fault(
        operation=cast(OperationName, op.operation), status=429, headers={"Retry-After": "0.001"}
    )
    with (
        httpx.Client(transport=recorder) as http,
        Gabber(
            api_key=fake.api_key, base_url=_base_url(mode, fake, request), http_client=http
        ) as client,
    ):
        result = op.call(client, session, **_options(op))
        if op.paged:
            assert isinstance(result, SyncPage)
            assert len(list(result)) >= 2  # walks every page
    _check(op, recorder, fake)
    assert no_sleep == [0.001]  # the Retry-After asked for


@pytest.mark.parametrize("op", OPS, ids=[op.method for op in OPS])
async def test_async_options_reach_every_attempt_and_page(
    op: Op, mode: Mode, fake: FakeGabber, request: pytest.FixtureRequest, no_sleep: list[float]
) -> None:
    session = _prepare(fake)
    inner: Any = fake.transport() if mode == "in-process" else httpx.AsyncHTTPTransport()
    recorder = Recording(inner)
    fake.inject_fault(
        operation=cast(OperationName, op.operation), status=429, headers={"Retry-After": "0.001"}
    )
    async with (
        httpx.AsyncClient(transport=recorder) as http,
        AsyncGabber(
            api_key=fake.api_key, base_url=_base_url(mode, fake, request), http_client=http
        ) as client,
    ):
        result = op.call(client, session, **_options(op))
        if op.paged:
            assert isinstance(result, AsyncPaginator)
            assert len([item async for item in result]) >= 2
        else:
            assert inspect.isawaitable(result)
            await result
    _check(op, recorder, fake)
    assert no_sleep == [0.001]  # the Retry-After asked for


@pytest.mark.parametrize("op", [op for op in OPS if op.paged], ids=lambda op: op.method)
def test_sync_pages_fetched_by_hand_keep_the_options(op: Op, no_sleep: list[float]) -> None:
    fake = FakeGabber(page_size=1)
    session = _prepare(fake)
    recorder = Recording(fake.transport())
    with httpx.Client(transport=recorder) as http:
        client = Gabber(api_key=fake.api_key, base_url=fake.base_url, http_client=http)
        page = op.call(client, session, extra_headers=HEADERS)
        assert page.has_next_page()
        page.get_next_page()
    assert len(recorder.sent) == 2
    assert all(s.headers["X-Trace-Id"] == "trace-123" for s in recorder.sent)


def test_options_apply_to_that_call_only() -> None:
    fake = FakeGabber()
    session = fake.create_session()["id"]
    recorder = Recording(fake.transport())
    with httpx.Client(transport=recorder) as http:
        client = Gabber(api_key=fake.api_key, base_url=fake.base_url, http_client=http)
        client.realtime.get(session, extra_headers=HEADERS, extra_query=QUERY, timeout=TIMEOUT)
        client.realtime.get(session)
    first, second = recorder.sent
    assert "X-Trace-Id" in first.headers
    assert "X-Trace-Id" not in second.headers
    assert not second.url.query
    assert second.timeout == httpx.Timeout(30.0, connect=5.0).as_dict()


def test_extra_body_is_merged_after_the_spec_check_and_into_nested_objects() -> None:
    """A config field the spec does not list is refused in ``config`` (checked), and
    reaches the server through ``extra_body`` (not checked), merged into ``config``."""
    fake = FakeGabber()
    client = fake.client()
    from gabber_client import InvalidArgumentError

    with pytest.raises(InvalidArgumentError, match="x_future"):
        # Deliberately ill-typed: a key the spec (and so the TypedDict) does not list.
        client.realtime.start({**START_CONFIG, "x_future": 1})  # type: ignore[arg-type]
    assert fake.requests == []

    client.realtime.start(START_CONFIG, extra_body={"config": {"general": {"x_future": 1}}})

    (sent,) = fake.requests
    assert sent.json["config"]["general"] == {**START_CONFIG["general"], "x_future": 1}
    assert sent.json["config"]["generative"] == START_CONFIG["generative"]
