"""pytest fixtures for testing apps against the local fake of the Gabber API.

Registered as the ``gabber_client`` pytest plugin (entry point ``pytest11``), so
the fixtures are available wherever gabber-client is installed with its ``fake``
extra:

* ``gabber_fake``: a fresh :class:`~gabber_client.testing.FakeGabber` per test;
* ``gabber``: a :class:`gabber_client.Gabber` bound to it in-process;
* ``async_gabber``: an :class:`gabber_client.AsyncGabber` bound to it (an async
  fixture when pytest-asyncio is installed).

``gabber_client`` and ``async_gabber_client`` are deprecated aliases of ``gabber``
and ``async_gabber`` (a fixture named ``gabber_client`` shadows the package inside
a test); they emit a :class:`DeprecationWarning`.

Without the ``fake`` extra a fixture fails the test with the one-line install
hint. Importing this module is cheap: the fake and the client load when a
fixture runs.
"""

from __future__ import annotations

import asyncio
import warnings
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from gabber_client import AsyncGabber, Gabber
    from gabber_client.testing import FakeGabber

__all__ = ["async_gabber", "async_gabber_client", "gabber", "gabber_client", "gabber_fake"]


@pytest.fixture
def gabber_fake() -> FakeGabber:
    """A fresh, empty :class:`~gabber_client.testing.FakeGabber` for this test."""
    from gabber_client.testing._extra import MissingFakeExtraError

    try:
        from gabber_client.testing import FakeGabber
    except MissingFakeExtraError as exc:
        hint = str(exc)
    else:
        return FakeGabber()
    pytest.fail(hint, pytrace=False)  # outside the except: no chained traceback


@pytest.fixture
def gabber(gabber_fake: FakeGabber) -> Iterator[Gabber]:
    """A :class:`gabber_client.Gabber` bound in-process to ``gabber_fake``; closed after."""
    client = gabber_fake.client()
    try:
        yield client
    finally:
        client.close()


def _deprecated(old: str, new: str) -> None:
    warnings.warn(
        f"the pytest fixture {old!r} is deprecated (it shadows the gabber_client package "
        f"inside a test): use {new!r}",
        DeprecationWarning,
        stacklevel=2,
    )


@pytest.fixture
def gabber_client(gabber: Gabber) -> Gabber:
    """Deprecated: use ``gabber`` (this name shadows the package inside a test)."""
    _deprecated("gabber_client", "gabber")
    return gabber


async def _async_gabber(gabber_fake: FakeGabber) -> AsyncIterator[AsyncGabber]:
    """An :class:`gabber_client.AsyncGabber` bound in-process to ``gabber_fake``;
    closed after."""
    client = gabber_fake.async_client()
    try:
        yield client
    finally:
        await client.aclose()


def _async_gabber_without_plugin(gabber_fake: FakeGabber) -> Iterator[AsyncGabber]:
    """An :class:`gabber_client.AsyncGabber` bound in-process to ``gabber_fake``;
    closed after (in a loop of its own: pytest-asyncio is not installed)."""
    client = gabber_fake.async_client()
    try:
        yield client
    finally:
        asyncio.run(client.aclose())


async_gabber: Any
try:
    import pytest_asyncio
except ImportError:  # pragma: no cover - depends on the environment
    async_gabber = pytest.fixture(_async_gabber_without_plugin, name="async_gabber")
else:
    async_gabber = pytest_asyncio.fixture(_async_gabber, name="async_gabber")


@pytest.fixture
def async_gabber_client(async_gabber: AsyncGabber) -> AsyncGabber:
    """Deprecated: use ``async_gabber`` (named like ``gabber_client``, the package)."""
    _deprecated("async_gabber_client", "async_gabber")
    return async_gabber
