"""Fixtures of the reliability suite.

* ``waits``: the retry loop's sleeps (sync and async) replaced by a recorder of
  the seconds asked for; nothing sleeps.
* ``loopback``: one :class:`FakeServer` on 127.0.0.1 for the whole run (each test
  resets its fake).
* ``rig``: the fake reached in-process, then over loopback (parametrized).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import gabber_client._base_client
from gabber_client.testing import FakeServer

from .rig import Rig, in_process_rig, iterate, loopback_rig


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The seconds each retry waited, in order; the waits themselves are skipped."""
    recorded: list[float] = []

    async def async_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(gabber_client._base_client, "_sleep", recorded.append)
    monkeypatch.setattr(gabber_client._base_client, "_async_sleep", async_sleep)
    return recorded


@pytest.fixture(scope="session")
def loopback() -> Iterator[FakeServer]:
    """The fake served on 127.0.0.1 (a free port) for the whole run."""
    with FakeServer() as server:
        yield server


@pytest.fixture(params=["in-process", "loopback"])
def rig(request: pytest.FixtureRequest) -> Iterator[Rig]:
    """A fresh fake, reached in-process, then over loopback."""
    if request.param == "in-process":
        yield from iterate(in_process_rig())
    else:
        yield from iterate(loopback_rig(request.getfixturevalue("loopback")))


@pytest.fixture
def in_process() -> Iterator[Rig]:
    """A fresh fake reached in-process only."""
    yield from iterate(in_process_rig())
