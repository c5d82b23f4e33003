"""A raw HTTP/1.1 server on 127.0.0.1 whose behaviour each test scripts byte by byte.

Used where the fake would never misbehave the way a test needs: a body that never
ends, a compression bomb, a server trickling its answer, keep-alive connections a
forked child must not reuse. Each connection runs in its own thread; ``handler``
gets the parsed request and the socket, and writes whatever it likes.
"""

from __future__ import annotations

import contextlib
import json
import socket
import socketserver
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self


@dataclass
class RawRequest:
    """One request as the server read it."""

    method: str
    target: str
    headers: dict[str, str]
    body: bytes
    connection: int  # the number of the connection it came on (1, 2, ...)


Handler = Callable[[RawRequest, socket.socket], bool]
"""Answers one request on the socket; returns whether to keep the connection open."""


def _read_request(rfile: Any, connection: int) -> RawRequest | None:
    line = rfile.readline(65537)
    if not line:
        return None
    method, target, _version = line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    while True:
        header = rfile.readline(65537)
        if header in (b"\r\n", b"\n", b""):
            break
        name, _, value = header.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    body = rfile.read(int(headers.get("content-length", "0") or 0))
    return RawRequest(method, target, headers, body, connection)


def json_bytes(status: int, payload: Any, *extra: str) -> bytes:
    """A complete HTTP/1.1 response carrying ``payload`` as JSON."""
    body = json.dumps(payload).encode()
    head = [f"HTTP/1.1 {status} X", "Content-Type: application/json"]
    head += [f"Content-Length: {len(body)}", *extra]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


@dataclass
class RawServer:
    """``with RawServer(handler) as server:`` serves on ``server.base_url``."""

    handler: Handler
    requests: list[RawRequest] = field(default_factory=list)
    _server: socketserver.ThreadingTCPServer | None = None
    _connections: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> Self:
        outer = self

        class _Handle(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                with outer._lock:
                    outer._connections += 1
                    number = outer._connections
                try:
                    while True:
                        request = _read_request(self.rfile, number)
                        if request is None:
                            return
                        with outer._lock:
                            outer.requests.append(request)
                        if not outer.handler(request, self.connection):
                            return
                except OSError:
                    return

        class _Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True
            request_queue_size = 256

        self._server = _Server(("127.0.0.1", 0), _Handle)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()


class FastServer:
    """A keep-alive HTTP/1.1 server on an asyncio loop in a thread, answering every
    request with ``response`` after ``delay`` seconds: for soaks of many calls."""

    def __init__(self, response: bytes, delay: float = 0.0) -> None:
        self.response = response
        self.delay = delay
        self.connections = 0
        self.requests = 0
        self._loop: Any = None
        self._server: Any = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        port = self._server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    async def _serve(self, reader: Any, writer: Any) -> None:
        import asyncio

        self.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                if length:
                    await reader.readexactly(length)
                self.requests += 1
                if self.delay:
                    await asyncio.sleep(self.delay)
                writer.write(self.response)
                await writer.drain()
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    def __enter__(self) -> Self:
        import asyncio

        started = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop

            async def main() -> None:
                self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0, backlog=512)
                started.set()
                async with self._server:
                    await self._server.serve_forever()

            with contextlib.suppress(asyncio.CancelledError, RuntimeError):
                loop.run_until_complete(main())

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()
        started.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.call_soon_threadsafe(self._server.close)
        for task in list(__import__("asyncio").all_tasks(self._loop)):
            self._loop.call_soon_threadsafe(task.cancel)
        assert self._thread is not None
        self._thread.join(10)
