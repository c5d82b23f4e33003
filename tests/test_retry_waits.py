"""Retries against the fake take no wall time by default (issue 22, item 5).

The waits are recorded instead of slept (``_base_client._sleep`` swapped for a
list's ``append``), so nothing here depends on a clock."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx
import pytest

import gabber_client._base_client as base_client
from gabber_client import AsyncGabber, Gabber
from gabber_client.testing import FakeGabber


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    recorded: list[float] = []

    async def async_sleep(seconds: float) -> None:
        recorded.append(seconds)

    sleep: Callable[[float], None] = recorded.append
    async_sleep_: Callable[[float], Awaitable[None]] = async_sleep
    monkeypatch.setattr(base_client, "_sleep", sleep)
    monkeypatch.setattr(base_client, "_async_sleep", async_sleep_)
    return recorded


def _rate_limited(fake: FakeGabber) -> None:
    fake.inject_fault(status=429, headers={"Retry-After": "30"}, times=2, operation="list")


def test_the_fakes_client_retries_without_waiting(waits: list[float]) -> None:
    fake = FakeGabber()
    _rate_limited(fake)
    with fake.client() as client:
        assert client.realtime.list().total_count == 0
    assert waits == [0.0, 0.0]
    assert [r.status for r in fake.requests] == [429, 429, 200]


def test_real_waits_when_a_test_asks(waits: list[float]) -> None:
    fake = FakeGabber()
    _rate_limited(fake)
    with fake.client(retry_waits=True) as client:
        client.realtime.list()
    assert waits == [30.0, 30.0]  # the Retry-After asked for


def test_derived_clients_keep_the_choice(waits: list[float]) -> None:
    fake = FakeGabber()
    with fake.client() as client:
        _rate_limited(fake)
        client.for_human("bob").with_options(timeout=5).realtime.list()
        assert waits == [0.0, 0.0]
    with fake.client(retry_waits=True) as client:
        _rate_limited(fake)
        client.with_options(max_retries=3).realtime.list()
        assert waits == [0.0, 0.0, 30.0, 30.0]


def test_a_client_of_the_real_api_still_waits(waits: list[float]) -> None:
    fake = FakeGabber()
    _rate_limited(fake)
    http = httpx.Client(transport=fake.transport())
    with Gabber(api_key=fake.api_key, base_url=fake.base_url, http_client=http) as client:
        client.realtime.list()
    assert waits == [30.0, 30.0]


async def test_the_fakes_async_client_retries_without_waiting(waits: list[float]) -> None:
    fake = FakeGabber()
    _rate_limited(fake)
    async with fake.async_client() as client:
        await client.realtime.list()
    assert waits == [0.0, 0.0]
    _rate_limited(fake)
    async with fake.async_client(retry_waits=True) as client:
        await client.realtime.list()
    assert waits == [0.0, 0.0, 30.0, 30.0]


def test_the_fixtures_do_not_wait(
    gabber: Gabber, gabber_fake: FakeGabber, waits: list[float]
) -> None:
    _rate_limited(gabber_fake)
    gabber.realtime.list()
    assert waits == [0.0, 0.0]


async def test_the_async_fixture_does_not_wait(
    async_gabber: AsyncGabber, gabber_fake: FakeGabber, waits: list[float]
) -> None:
    _rate_limited(gabber_fake)
    await async_gabber.realtime.list()
    assert waits == [0.0, 0.0]
