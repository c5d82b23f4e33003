"""Fixtures of the client test suite (``tests/test_client_*.py``).

* ``kind``: runs a test once with :class:`~gabber_client.Gabber` (``"sync"``) and once
  with :class:`~gabber_client.AsyncGabber` (``"async"``).
* ``mock_api``: a fresh :class:`~test_client_support.MockApi` (in-process transport
  recording every request), of the test's ``kind``.
* ``fake_clock``: the retry loop's sleeps replaced by a recorder; nothing sleeps.
* Arguments named in :data:`~test_client_support.OP_SETS` (``op``, ``session_op``,
  ``human_op``, ...) are parametrized over the operations table, in the
  ``test_client_*`` modules only.

The fixtures of the :mod:`gabber_client.testing` plugin (``gabber_fake``,
``gabber``, ``async_gabber``) are deliberately not defined here.

The whole suite may only reach loopback: name resolution of any other host fails
in this process (see :func:`_loopback_only`), so no test can contact
api.gabber.dev or anything else by mistake.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from test_client_support import OP_SETS, FakeClock, Kind, MockApi

import gabber_client._base_client

_getaddrinfo = socket.getaddrinfo


def _loopback_only(host: Any, *args: Any, **kwargs: Any) -> Any:
    """``socket.getaddrinfo`` for loopback names and addresses only."""
    name = host.decode() if isinstance(host, bytes) else host
    if name not in (None, "localhost"):
        try:
            loopback = ipaddress.ip_address(name).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise OSError(f"the test suite may only reach loopback, not {name!r}")
    return _getaddrinfo(host, *args, **kwargs)


socket.getaddrinfo = _loopback_only


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> Kind:
    """``"sync"`` then ``"async"``: which client a test runs with."""
    value: Kind = request.param
    return value


@pytest.fixture
def mock_api(request: pytest.FixtureRequest) -> Iterator[MockApi]:
    """A fresh :class:`MockApi`, of the test's ``kind`` (``"sync"`` when it has none)."""
    kind_value: Kind = request.getfixturevalue("kind") if "kind" in request.fixturenames else "sync"
    mock = MockApi(kind=kind_value)
    yield mock
    mock.close()


@pytest.fixture
def fake_clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """Swap the client's sleeps for a recorder: retries happen at once."""
    fake = FakeClock()
    monkeypatch.setattr(gabber_client._base_client, "_sleep", fake.sleep)
    monkeypatch.setattr(gabber_client._base_client, "_async_sleep", fake.async_sleep)
    return fake


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize the operation arguments named in :data:`OP_SETS` (client tests only)."""
    if not metafunc.definition.path.name.startswith("test_client_"):
        return
    for name, ops in OP_SETS.items():
        if name in metafunc.fixturenames:
            metafunc.parametrize(name, ops, ids=[o.name for o in ops])
