"""pytest fixtures for testing apps against the local fake of the Gabber API.

Registered as the ``gabber_client`` pytest plugin (entry point ``pytest11``), so
the fixtures are available wherever gabber-client is installed:

* ``gabber_fake``: a fresh :class:`~gabber_client.testing.FakeGabber` per test;
* ``gabber_client``: a :class:`gabber_client.Gabber` bound to it in-process;
* ``async_gabber_client``: an :class:`gabber_client.AsyncGabber` bound to it
  (an async fixture when pytest-asyncio is installed).

Importing this module is cheap: the fake and the client load when a fixture runs.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from gabber_client import AsyncGabber, Gabber
    from gabber_client.testing import FakeGabber

__all__ = ["async_gabber_client", "gabber_client", "gabber_fake"]


@pytest.fixture
def gabber_fake() -> FakeGabber:
    """A fresh, empty :class:`~gabber_client.testing.FakeGabber` for this test."""
    from gabber_client.testing import FakeGabber

    return FakeGabber()


@pytest.fixture
def gabber_client(gabber_fake: FakeGabber) -> Iterator[Gabber]:
    """A :class:`gabber_client.Gabber` bound in-process to ``gabber_fake``; closed after."""
    client = gabber_fake.client()
    try:
        yield client
    finally:
        client.close()


async def _async_gabber_client(gabber_fake: FakeGabber) -> AsyncIterator[AsyncGabber]:
    """An :class:`gabber_client.AsyncGabber` bound in-process to ``gabber_fake``;
    closed after."""
    client = gabber_fake.async_client()
    try:
        yield client
    finally:
        await client.aclose()


def _async_gabber_client_without_plugin(gabber_fake: FakeGabber) -> Iterator[AsyncGabber]:
    """An :class:`gabber_client.AsyncGabber` bound in-process to ``gabber_fake``;
    closed after (in a loop of its own: pytest-asyncio is not installed)."""
    client = gabber_fake.async_client()
    try:
        yield client
    finally:
        asyncio.run(client.aclose())


async_gabber_client: Any
try:
    import pytest_asyncio
except ImportError:  # pragma: no cover - depends on the environment
    async_gabber_client = pytest.fixture(
        _async_gabber_client_without_plugin, name="async_gabber_client"
    )
else:
    async_gabber_client = pytest_asyncio.fixture(_async_gabber_client, name="async_gabber_client")
