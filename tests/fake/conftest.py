"""Fixtures of the fake's tests: a fake with a fixed clock, and httpx clients over it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from gabber_client.testing import FakeGabber

from .support import BASE_URL, KEY


class StepClock:
    """A clock that advances one second per reading, from 2025-01-01T00:00:00Z."""

    def __init__(self) -> None:
        self.now = datetime(2025, 1, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def fake() -> FakeGabber:
    """A fresh fake with a stepping clock and pages of 3."""
    return FakeGabber(clock=StepClock(), page_size=3)


@pytest.fixture
def http(fake: FakeGabber) -> Iterator[httpx.Client]:
    """A sync httpx client over the fake's in-process transport, with the API key."""
    with httpx.Client(
        transport=fake.transport(), base_url=BASE_URL, headers={"x-api-key": KEY}
    ) as client:
        yield client


@pytest.fixture
def anon(fake: FakeGabber) -> Iterator[httpx.Client]:
    """A sync httpx client over the fake's transport, without credentials."""
    with httpx.Client(transport=fake.transport(), base_url=BASE_URL) as client:
        yield client


@pytest.fixture
async def ahttp(fake: FakeGabber) -> AsyncIterator[httpx.AsyncClient]:
    """An async httpx client over the fake's in-process transport, with the API key."""
    async with httpx.AsyncClient(
        transport=fake.transport(), base_url=BASE_URL, headers={"x-api-key": KEY}
    ) as client:
        yield client
