"""FakeASGIApp: the fake as an ASGI application, for serving it over loopback."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import quote

from ._http import FakeRequest, FakeResponse, collect_headers
from ._validation import MAX_BODY_BYTES

if TYPE_CHECKING:
    from ._fake import FakeGabber

__all__ = ["FakeASGIApp"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

OFF_LOOP_BYTES: Final = 64 * 1024
"""Bodies larger than this are validated and answered in a worker thread, so one
client's large body never holds up the others on the event loop."""


def _origin(scope: Scope) -> str:
    """``scheme://host:port`` of the socket the request arrived on. Never the
    request's ``Host`` header: a client must not choose where next_page points."""
    scheme = scope.get("scheme") or "http"
    server = scope.get("server")
    if server:
        name, port = server[0], server[1]
        name = f"[{name}]" if ":" in str(name) else name
        return f"{scheme}://{name}:{port}"
    return f"{scheme}://localhost"


async def _read_body(receive: Receive, headers: dict[str, str]) -> tuple[bytes, bool, bool]:
    """The body (at most ``MAX_BODY_BYTES + 1`` bytes are read), whether it was too
    large, and whether the client went away."""
    length = headers.get("content-length", "")
    if length.isascii() and length.isdigit() and int(length) > MAX_BODY_BYTES:
        return b"", True, False  # refused unread
    buffer = bytearray()
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"", False, True
        buffer += message.get("body", b"")
        if len(buffer) > MAX_BODY_BYTES:
            return bytes(buffer[: MAX_BODY_BYTES + 1]), True, False
        if not message.get("more_body", False):
            return bytes(buffer), False, False


async def _send_response(send: Send, response: FakeResponse) -> None:
    body = response.body
    # A drop promises the whole body, sends half, and returns: the server then
    # closes the connection mid-response.
    declared = (len(body) or 1) if response.drop else len(body)
    headers = [
        *(
            (name.lower().encode("latin-1", "replace"), value.encode("latin-1", "replace"))
            for name, value in response.headers
        ),
        (b"content-length", str(declared).encode("ascii")),
    ]
    await send({"type": "http.response.start", "status": response.status, "headers": headers})
    if response.drop:
        await send(
            {"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True}
        )
    else:
        await send({"type": "http.response.body", "body": body})


class FakeASGIApp:
    """The :class:`FakeGabber` ``fake`` as an ASGI 3 application (HTTP and lifespan).

    Sessions ids are read from the raw path (``scope["raw_path"]``); ``next_page``
    URLs use ``origin`` (the server's configured address, ``http://host:port``),
    else the address of the socket the request arrived on, never the request's
    ``Host`` header. Bodies over 1 MiB are refused with a 400 after reading at
    most 1 MiB + 1 byte (at once, when ``Content-Length`` says so); bodies over
    64 KiB are handled in a worker thread, off the event loop. A ``drop`` fault
    closes the connection mid-response.
    """

    def __init__(self, fake: FakeGabber, *, origin: str | None = None) -> None:
        self.fake = fake
        self.origin = origin.rstrip("/") if origin else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one ASGI connection scope."""
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        headers = collect_headers(
            (name.decode("latin-1"), value.decode("latin-1")) for name, value in scope["headers"]
        )
        body, too_large, gone = await _read_body(receive, headers)
        if gone:
            return
        raw_path = scope.get("raw_path")
        # Without raw_path (not uvicorn), re-encode the decoded path: ids holding "/" are lost.
        path = raw_path.decode("latin-1") if raw_path else quote(str(scope["path"]), safe="/")
        if path[:8].lower().startswith(("http://", "https://")):  # absolute form (RFC 9112)
            path = "/" + path.split("//", 1)[1].partition("/")[2]  # what follows the authority
        request = FakeRequest(
            method=str(scope["method"]).upper(),
            path=path.partition("?")[0],
            query=scope.get("query_string", b"").decode("latin-1"),
            headers=headers,
            body=body,
            origin=self.origin or _origin(scope),
            body_too_large=too_large,
        )
        if len(body) > OFF_LOOP_BYTES:  # validating it takes a while: not on the loop
            response = await asyncio.to_thread(self.fake.handle, request)
        else:
            response = self.fake.handle(request)
        if response.delay > 0:
            await asyncio.sleep(response.delay)
        await _send_response(send, response)

    @staticmethod
    async def _lifespan(receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
