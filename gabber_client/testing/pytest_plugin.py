"""pytest fixtures for testing apps against the local fake of the Gabber API.

Registered as the ``gabber_client`` pytest plugin (entry point ``pytest11``), so
the fixtures are available wherever gabber-client is installed with its ``fake``
extra:

* ``gabber_fake``: a fresh :class:`~gabber_client.testing.FakeGabber` per test;
* ``gabber``: a :class:`gabber_client.Gabber` bound to it in-process;
* ``async_gabber``: an :class:`gabber_client.AsyncGabber` bound to it (an async
  fixture when pytest-asyncio is installed);
* ``gabber_factory`` and ``async_gabber_factory``: factories of clients bound to
  ``gabber_fake``, for an app that makes its own client (a web app, in its
  lifespan): the client is then made, used and closed on the app's event loop.

The clients of these fixtures do not wait between retries (see
``FakeGabber.client``): a test of retries takes no wall time.

``async_gabber`` belongs to the test's event loop: an app run by Starlette's
``TestClient`` (its own loop, in another thread) cannot use it, and says so with a
:class:`~gabber_client.ClientStateError`; give such an app
``async_gabber_factory`` instead (docs/web-apps.md).

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
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from gabber_client import AsyncGabber, Gabber
    from gabber_client.testing import FakeGabber

__all__ = [
    "async_gabber",
    "async_gabber_client",
    "async_gabber_factory",
    "gabber",
    "gabber_client",
    "gabber_factory",
    "gabber_fake",
]


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
    with gabber_fake.client() as client:
        yield client


@pytest.fixture
def gabber_factory(gabber_fake: FakeGabber) -> Callable[..., Gabber]:
    """Makes a :class:`gabber_client.Gabber` bound in-process to ``gabber_fake`` per
    call (the arguments of :meth:`FakeGabber.client`): for an app that makes its own
    client. The app closes what it makes."""
    return gabber_fake.client


@pytest.fixture
def async_gabber_factory(gabber_fake: FakeGabber) -> Callable[..., AsyncGabber]:
    """Makes an :class:`gabber_client.AsyncGabber` bound in-process to ``gabber_fake``
    per call (the arguments of :meth:`FakeGabber.async_client`): give it to a web app
    that makes its client in its lifespan, so that the client lives on the app's
    event loop, whichever runs it (``TestClient``'s own, or the test's with
    ``httpx.ASGITransport``). The app closes what it makes."""
    return gabber_fake.async_client


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
    async with gabber_fake.async_client() as client:
        yield client


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
