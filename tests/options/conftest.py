"""Fixtures of the request-options suite: the fake served on loopback for the whole
run (each test resets it), and the retry loop's sleeps skipped."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import gabber_client._base_client
from gabber_client.testing import FakeGabber, FakeServer


@pytest.fixture(scope="session")
def server() -> Iterator[FakeServer]:
    """A fake with pages of one item, on 127.0.0.1, for the whole run."""
    with FakeServer(FakeGabber(page_size=1)) as running:
        yield running


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The retry waits asked for; nothing sleeps."""
    waits: list[float] = []

    async def async_sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(gabber_client._base_client, "_sleep", waits.append)
    monkeypatch.setattr(gabber_client._base_client, "_async_sleep", async_sleep)
    return waits
