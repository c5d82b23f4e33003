"""A FakeGabber reached either in-process or over loopback, behind one interface,
so that each fault test runs both ways."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any, Literal

import httpx

from gabber_client import AsyncGabber, Gabber
from gabber_client.testing import FakeGabber, FakeServer, RecordedRequest

Mode = Literal["in-process", "loopback"]

PHONE_FROM = "+14155550100"
PHONE_TO = "+14155550101"


class Rig:
    """One fake and the way this test reaches it; closes the clients it made."""

    def __init__(self, fake: FakeGabber, mode: Mode, base_url: str) -> None:
        self.fake = fake
        self.mode = mode
        self.base_url = base_url
        self._closers: list[Any] = []

    def client(self, **options: Any) -> Gabber:
        """A :class:`Gabber` bound to the fake (``options`` go to the constructor)."""
        options.setdefault("api_key", self.fake.api_key)
        options.setdefault("base_url", self.base_url)
        if self.mode == "in-process" and "http_client" not in options:
            options["http_client"] = httpx.Client(transport=self.fake.transport())
        client = Gabber(**options)
        self._closers.append(options.get("http_client") or client)
        return client

    def async_client(self, **options: Any) -> AsyncGabber:
        """An :class:`AsyncGabber` bound to the fake."""
        options.setdefault("api_key", self.fake.api_key)
        options.setdefault("base_url", self.base_url)
        if self.mode == "in-process" and "http_client" not in options:
            options["http_client"] = httpx.AsyncClient(transport=self.fake.transport())
        return AsyncGabber(**options)

    def session(self, session_id: str | None = None) -> str:
        """Create a live session directly in the fake (no request) and return its id."""
        created = self.fake.create_session(session_id=session_id)
        session: str = created["id"]
        return session

    def sent(self, operation: str) -> list[RecordedRequest]:
        """The requests of ``operation`` the fake received."""
        return [r for r in self.fake.requests if r.operation == operation]

    def close(self) -> None:
        for closer in self._closers:
            closer.close()


def in_process_rig() -> Rig:
    """A rig over a fresh fake, in-process."""
    fake = FakeGabber()
    return Rig(fake, "in-process", fake.base_url)


def loopback_rig(server: FakeServer) -> Rig:
    """A rig over ``server``'s fake (reset first), over loopback HTTP."""
    server.fake.reset()
    return Rig(server.fake, "loopback", server.base_url)


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def iterate(rig_or_none: Rig | None) -> Iterator[Rig]:
    """Yield the rig, then close it (for fixtures)."""
    assert rig_or_none is not None
    try:
        yield rig_or_none
    finally:
        rig_or_none.close()
