"""FakeServer: a FakeGabber served over loopback HTTP by uvicorn, in a background thread."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from types import TracebackType
from typing import TYPE_CHECKING, Self

from ._asgi import FakeASGIApp
from ._fake import FakeGabber

if TYPE_CHECKING:
    import uvicorn

__all__ = ["FakeServer", "bind_socket", "protocol", "url_host"]

_START_TIMEOUT = 10.0
_STOP_TIMEOUT = 10.0
REQUEST_TIMEOUT = 10.0
"""Seconds a connection has to send a whole request (head and body) once it is
opened or its previous response is sent; a slower one (slowloris) is closed."""


def protocol(request_timeout: float = REQUEST_TIMEOUT) -> type[asyncio.Protocol]:
    """uvicorn's h11 protocol, closing a connection that takes longer than
    ``request_timeout`` seconds to send a whole request. uvicorn's own
    ``timeout_keep_alive`` restarts at every byte received, so a client trickling
    its request (slowloris) would hold a connection for ever. A request received
    in full is always answered: the timer stops once it has arrived."""
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class Protocol(H11Protocol):
        _request_timer: asyncio.TimerHandle | None = None

        def _watch(self) -> None:
            """Start (or stop, once a whole request is in) the request's timer."""
            if self._request_timer is not None:
                self._request_timer.cancel()
                self._request_timer = None
            if self.conn.their_state in (h11.IDLE, h11.SEND_BODY):
                self._request_timer = self.loop.call_later(request_timeout, self._too_slow)

        def _too_slow(self) -> None:
            self._request_timer = None
            if self.conn.their_state in (h11.IDLE, h11.SEND_BODY):
                self.transport.close()

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._watch()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.conn.their_state not in (h11.IDLE, h11.SEND_BODY) and self._request_timer:
                self._request_timer.cancel()  # the whole request is in
                self._request_timer = None

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._watch()

        def connection_lost(self, exc: Exception | None) -> None:
            if self._request_timer is not None:
                self._request_timer.cancel()
            super().connection_lost(exc)

    return Protocol


def bind_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port`` (``port`` 0: a free port) and listening,
    for uvicorn."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP (not 0): asyncio sets TCP_NODELAY only on sockets whose protocol
    # says TCP; without it, Nagle plus delayed ACKs stall each response ~40 ms.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        # Listening now, not when uvicorn starts: a client that connects as soon as
        # the address is printed waits in the backlog instead of being refused.
        sock.listen(2048)
    except BaseException:
        sock.close()
        raise
    return sock


def url_host(host: str) -> str:
    """``host`` as it goes in a URL: IPv6 in brackets; a wildcard address as loopback."""
    if host in ("0.0.0.0", ""):  # noqa: S104 - naming the wildcard, not binding to it
        return "127.0.0.1"
    if host == "::":
        return "[::1]"
    return f"[{host}]" if ":" in host else host


class FakeServer:
    """Serve a :class:`FakeGabber` over loopback HTTP while the context is open::

        with FakeServer() as server:
            client = Gabber(api_key=server.api_key, base_url=server.base_url)

    Args:
        fake: The fake to serve; default a new :class:`FakeGabber`.
        host: The address to bind (default loopback only).
        port: The port; 0 picks a free one (see :attr:`base_url`).
        log_level: uvicorn's log level.
        request_timeout: Seconds a connection has to send a whole request; a
            slower one is closed (see :data:`REQUEST_TIMEOUT`).

    uvicorn runs in a daemon thread without signal handlers; :meth:`stop` (or
    leaving the context) shuts it down. ``next_page`` URLs use :attr:`base_url`,
    whatever ``Host`` a request claims.
    """

    def __init__(
        self,
        fake: FakeGabber | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        log_level: str = "warning",
        request_timeout: float = REQUEST_TIMEOUT,
    ) -> None:
        self.fake = fake if fake is not None else FakeGabber()
        self.host = host
        self.port = port
        self._log_level = log_level
        self._request_timeout = request_timeout
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None

    @property
    def base_url(self) -> str:
        """``http://host:port`` of the running server (the real port when 0 was asked)."""
        return f"http://{url_host(self.host)}:{self.port}"

    @property
    def api_key(self) -> str:
        """The API key to send (the fake's first)."""
        return self.fake.api_key

    def start(self) -> Self:
        """Bind, start serving in a background thread, and wait until it accepts."""
        import uvicorn

        if self._thread is not None:
            raise RuntimeError("the server is running already")
        sock = bind_socket(self.host, self.port)
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            FakeASGIApp(self.fake, origin=self.base_url),
            log_level=self._log_level,
            access_log=False,
            lifespan="off",
            ws="none",
            http=protocol(self._request_timeout),
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="gabber-fake-server", daemon=True
        )
        thread.start()
        self._server, self._thread, self._socket = server, thread, sock
        deadline = time.monotonic() + _START_TIMEOUT
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the fake server did not start on {self.base_url}")
            time.sleep(0.005)
        return self

    def stop(self) -> None:
        """Stop serving and wait for the thread to end; a no-op when not running."""
        server, thread, sock = self._server, self._thread, self._socket
        if server is None or thread is None or sock is None:
            return
        server.should_exit = True
        thread.join(_STOP_TIMEOUT)
        sock.close()
        self._server = self._thread = self._socket = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
