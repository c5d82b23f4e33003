"""The retry policy, with a fake clock (nothing sleeps).

The policy, as the README states it:

* idempotent operations (``get``, ``list``, ``messages``, ``timeline``, ``end``,
  ``update``, ``attach_human``) retry on any connection error or timeout and on
  408, 429, 500, 502, 503, 504;
* the others (``start``, ``speak``, ``dtmf``, ``initiate_outbound_call``) retry
  only when the request surely did not take effect: a failure to connect (or to
  get a pooled connection), 429, or 503 with ``Retry-After``;
* waits: about 0.5 s doubling per retry, capped at 8 s, times a jitter in
  [0.75, 1]; ``Retry-After`` (seconds or an HTTP date) instead, capped at 60 s.
"""

from __future__ import annotations

import json
import random
import time
from email.utils import formatdate
from typing import Any

import httpx
import pytest
from spec_values import minimal_config
from test_client_support import FakeClock, MockApi, Op

from gabber_client import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
)

START_CONFIG: dict[str, Any] = dict(minimal_config())
"""A minimal valid ``start`` config (the spec's)."""


def status(code: int, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(code, json={"message": f"status {code}"}, headers=headers)


# name, make the failure, the error raised when retries run out, retried for
# (idempotent, non-idempotent) operations.
FAILURES: list[tuple[str, Any, type[Exception], bool, bool]] = [
    ("ConnectError", lambda: httpx.ConnectError("refused"), APIConnectionError, True, True),
    ("ConnectTimeout", lambda: httpx.ConnectTimeout("slow"), APITimeoutError, True, True),
    ("PoolTimeout", lambda: httpx.PoolTimeout("pool full"), APITimeoutError, True, True),
    ("ReadTimeout", lambda: httpx.ReadTimeout("slow"), APITimeoutError, True, False),
    ("WriteTimeout", lambda: httpx.WriteTimeout("slow"), APITimeoutError, True, False),
    ("ReadError", lambda: httpx.ReadError("reset"), APIConnectionError, True, False),
    (
        "RemoteProtocolError",
        lambda: httpx.RemoteProtocolError("eof"),
        APIConnectionError,
        True,
        False,
    ),
    ("408", lambda: status(408), APIStatusError, True, False),
    ("429", lambda: status(429), RateLimitError, True, True),
    ("429-retry-after", lambda: status(429, {"Retry-After": "1"}), RateLimitError, True, True),
    ("500", lambda: status(500), InternalServerError, True, False),
    ("502", lambda: status(502), InternalServerError, True, False),
    ("503", lambda: status(503), InternalServerError, True, False),
    ("503-retry-after", lambda: status(503, {"Retry-After": "2"}), InternalServerError, True, True),
    ("504", lambda: status(504), InternalServerError, True, False),
]


@pytest.mark.parametrize(
    ("make", "error", "idempotent_retries", "unsafe_retries"),
    [f[1:] for f in FAILURES],
    ids=[f[0] for f in FAILURES],
)
async def test_policy_when_every_attempt_fails(
    mock_api: MockApi,
    kind: str,
    op: Op,
    fake_clock: FakeClock,
    make: Any,
    error: type[Exception],
    idempotent_retries: bool,
    unsafe_retries: bool,
) -> None:
    client = mock_api.client(max_retries=2)
    mock_api.fallback = lambda request: raise_or_return(make())

    with pytest.raises(error) as caught:
        await mock_api.settle(op.call(client.realtime, "rs_1"))

    retried = idempotent_retries if op.idempotent else unsafe_retries
    assert len(mock_api.requests) == (3 if retried else 1)
    assert len(fake_clock.waits) == len(mock_api.requests) - 1
    assert type(caught.value) is error


def raise_or_return(reply: httpx.Response | Exception) -> httpx.Response:
    if isinstance(reply, Exception):
        raise reply
    return reply


@pytest.mark.parametrize("failure", ["ConnectError", "429", "503-retry-after"])
async def test_unsafe_operation_succeeds_after_a_safe_retry(
    mock_api: MockApi, kind: str, unsafe_op: Op, fake_clock: FakeClock, failure: str
) -> None:
    client = mock_api.client()
    make = {f[0]: f[1] for f in FAILURES}[failure]
    mock_api.queue(make(), make())

    result = await mock_api.settle(unsafe_op.call(client.realtime, "rs_1"))

    unsafe_op.check(result)
    assert len(mock_api.requests) == 3
    bodies = [r.content for r in mock_api.requests]
    assert bodies == [bodies[0]] * 3  # the same request, sent again
    assert json.loads(bodies[0]) == unsafe_op.body


async def test_idempotent_operation_succeeds_after_retries(
    mock_api: MockApi, kind: str, idempotent_op: Op, fake_clock: FakeClock
) -> None:
    client = mock_api.client()
    mock_api.queue(httpx.ReadTimeout("slow"), status(500))

    result = await mock_api.settle(idempotent_op.call(client.realtime, "rs_1"))

    idempotent_op.check(result)
    assert len(mock_api.requests) == 3
    assert len(fake_clock.waits) == 2


@pytest.mark.parametrize("code", [400, 401, 403, 404, 409, 422])
async def test_client_errors_are_never_retried(
    mock_api: MockApi, kind: str, op: Op, fake_clock: FakeClock, code: int
) -> None:
    client = mock_api.client(max_retries=5)
    mock_api.fallback = lambda request: status(code)

    with pytest.raises(APIStatusError):
        await mock_api.settle(op.call(client.realtime, "rs_1"))

    assert len(mock_api.requests) == 1
    assert fake_clock.waits == []


# --------------------------------------------------------------------- counts
@pytest.mark.parametrize("max_retries", [0, 1, 4])
async def test_client_max_retries(
    mock_api: MockApi, kind: str, fake_clock: FakeClock, max_retries: int
) -> None:
    client = mock_api.client(max_retries=max_retries)
    mock_api.fallback = lambda request: status(503)

    with pytest.raises(InternalServerError):
        await mock_api.settle(client.realtime.get("rs_1"))

    assert len(mock_api.requests) == max_retries + 1


async def test_default_max_retries_is_two(
    mock_api: MockApi, kind: str, fake_clock: FakeClock
) -> None:
    client = mock_api.client()
    mock_api.fallback = lambda request: status(502)

    with pytest.raises(InternalServerError):
        await mock_api.settle(client.realtime.get("rs_1"))

    assert client.max_retries == 2
    assert len(mock_api.requests) == 3


async def test_with_options_max_retries_leaves_the_original_alone(
    mock_api: MockApi, kind: str, fake_clock: FakeClock
) -> None:
    client = mock_api.client(max_retries=3)
    once = client.with_options(max_retries=0)
    mock_api.fallback = lambda request: raise_or_return(httpx.ConnectError("refused"))

    with pytest.raises(APIConnectionError):
        await mock_api.settle(once.realtime.get("rs_1"))
    assert len(mock_api.requests) == 1

    with pytest.raises(APIConnectionError):
        await mock_api.settle(client.realtime.get("rs_1"))
    assert len(mock_api.requests) == 1 + 4

    assert (once.max_retries, client.max_retries) == (0, 3)


def test_derived_clients_share_the_connection_pool(mock_api: MockApi) -> None:
    client = mock_api.sync_client(human="h_1", timeout=10)

    derived = [
        client.with_options(max_retries=0),
        client.with_options(timeout=3),
        client.for_human("h_2"),
        client.with_options(max_retries=1).for_human(None),
    ]

    assert all(d._http is client._http for d in derived)
    assert all(d is not client for d in derived)
    assert (client.max_retries, client.timeout.read, client.human) == (2, 10, "h_1")
    assert derived[0].max_retries == 0
    assert derived[1].timeout.read == 3
    assert derived[2].human == "h_2"
    assert (derived[3].max_retries, derived[3].human) == (1, None)


# --------------------------------------------------------------------- waits
def test_backoff_doubles_up_to_eight_seconds_with_jitter(
    mock_api: MockApi, fake_clock: FakeClock
) -> None:
    client = mock_api.sync_client(max_retries=7)
    mock_api.fallback = lambda request: status(500)

    with pytest.raises(InternalServerError):
        client.realtime.get("rs_1")

    bases = [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    assert len(fake_clock.waits) == len(bases)
    for wait, base in zip(fake_clock.waits, bases, strict=True):
        assert 0.75 * base <= wait <= base


@pytest.mark.parametrize(("draw", "factor"), [(0.0, 1.0), (0.5, 0.875), (0.999999, 0.75)])
async def test_jitter_factor(
    mock_api: MockApi,
    kind: str,
    fake_clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    draw: float,
    factor: float,
) -> None:
    monkeypatch.setattr(random, "random", lambda: draw)
    client = mock_api.client(max_retries=5)
    mock_api.fallback = lambda request: raise_or_return(httpx.ConnectError("refused"))

    with pytest.raises(APIConnectionError):
        await mock_api.settle(client.realtime.start(START_CONFIG))

    expected = [base * factor for base in [0.5, 1.0, 2.0, 4.0, 8.0]]
    assert fake_clock.waits == pytest.approx(expected, abs=1e-5)


@pytest.mark.parametrize(
    ("retry_after", "expected"),
    [("3", 3.0), ("1.5", 1.5), ("60", 60.0)],
)
async def test_retry_after_seconds(
    mock_api: MockApi, kind: str, fake_clock: FakeClock, retry_after: str, expected: float
) -> None:
    client = mock_api.client(max_retries=1)
    mock_api.queue(status(429, {"Retry-After": retry_after}))

    await mock_api.settle(client.realtime.get("rs_1"))

    assert fake_clock.waits == [expected]
    assert len(mock_api.requests) == 2


@pytest.mark.parametrize(
    ("offset", "low", "high"),
    [(10, 8.5, 10.0), (30, 28.5, 30.0)],
    ids=["in-10s", "in-30s"],
)
async def test_retry_after_http_date(
    mock_api: MockApi,
    kind: str,
    fake_clock: FakeClock,
    offset: int,
    low: float,
    high: float,
) -> None:
    client = mock_api.client(max_retries=1)
    when = formatdate(time.time() + offset, usegmt=True)
    mock_api.queue(status(503, {"Retry-After": when}))

    await mock_api.settle(client.realtime.start(START_CONFIG))

    [wait] = fake_clock.waits
    assert low <= wait <= high
    assert len(mock_api.requests) == 2


@pytest.mark.parametrize("retry_after", ["soon", "0", "-4", "120", "inf", "nan", "1e999"])
async def test_unreadable_retry_after_falls_back_to_backoff(
    mock_api: MockApi, kind: str, fake_clock: FakeClock, retry_after: str
) -> None:
    client = mock_api.client(max_retries=1)
    mock_api.queue(status(429, {"Retry-After": retry_after}))

    await mock_api.settle(client.realtime.get("rs_1"))

    [wait] = fake_clock.waits
    assert 0.375 <= wait <= 0.5


async def test_not_found_after_a_retry_is_raised(
    mock_api: MockApi, kind: str, fake_clock: FakeClock
) -> None:
    client = mock_api.client(max_retries=3)
    mock_api.queue(status(503), status(404))

    with pytest.raises(NotFoundError):
        await mock_api.settle(client.realtime.end("rs_1"))

    assert len(mock_api.requests) == 2
