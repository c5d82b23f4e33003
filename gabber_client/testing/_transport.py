"""FakeTransport: an in-process httpx transport (sync and async) to a FakeGabber."""

from __future__ import annotations

import time
from collections.abc import AsyncIterable, Iterable
from typing import TYPE_CHECKING

import anyio
import httpx

from ._http import FakeRequest, FakeResponse, collect_headers
from ._validation import MAX_BODY_BYTES

if TYPE_CHECKING:
    from ._fake import FakeGabber

__all__ = ["FakeTransport"]


def _read_limited(chunks: Iterable[bytes]) -> tuple[bytes, bool]:
    buffer = bytearray()
    for chunk in chunks:
        buffer += chunk
        if len(buffer) > MAX_BODY_BYTES:
            return bytes(buffer[: MAX_BODY_BYTES + 1]), True
    return bytes(buffer), False


async def _aread_limited(chunks: AsyncIterable[bytes]) -> tuple[bytes, bool]:
    buffer = bytearray()
    async for chunk in chunks:
        buffer += chunk
        if len(buffer) > MAX_BODY_BYTES:
            return bytes(buffer[: MAX_BODY_BYTES + 1]), True
    return bytes(buffer), False


def _deliver(request: httpx.Request, response: FakeResponse) -> httpx.Response:
    if response.drop:
        raise httpx.RemoteProtocolError(
            "Server disconnected without sending a complete response.", request=request
        )
    return httpx.Response(
        response.status,
        headers=list(response.headers),
        content=response.body,
        request=request,
    )


class FakeTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """An httpx transport that answers from a :class:`FakeGabber` in-process.

    Works with both ``httpx.Client(transport=...)`` and
    ``httpx.AsyncClient(transport=...)``. Injected faults behave as on a network:
    a ``drop`` raises :class:`httpx.RemoteProtocolError`; a ``delay`` longer than
    the request's read timeout raises :class:`httpx.ReadTimeout` at once, without
    sleeping; a shorter delay sleeps.
    """

    def __init__(self, fake: FakeGabber) -> None:
        self._fake = fake

    @property
    def fake(self) -> FakeGabber:
        """The fake this transport answers from."""
        return self._fake

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer ``request`` (sync)."""
        stream = request.stream
        if not isinstance(stream, httpx.SyncByteStream):
            raise TypeError("an async request body cannot be sent through a sync httpx.Client")
        response = self._answer(request, *_read_limited(stream))
        if response.delay > 0:
            time.sleep(response.delay)
        return _deliver(request, response)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer ``request`` (async)."""
        stream = request.stream
        if isinstance(stream, httpx.AsyncByteStream):
            response = self._answer(request, *await _aread_limited(stream))
        else:
            response = self._answer(request, *_read_limited(stream))
        if response.delay > 0:
            await anyio.sleep(response.delay)
        return _deliver(request, response)

    def _answer(self, request: httpx.Request, body: bytes, too_large: bool) -> FakeResponse:
        """The fake's response; :class:`httpx.ReadTimeout` at once, without sleeping,
        when its delay is longer than the request's read timeout."""
        url = request.url
        path, _, query = url.raw_path.decode("latin-1").partition("?")
        response = self._fake.handle(
            FakeRequest(
                method=request.method.upper(),
                path=path,
                query=query,
                headers=collect_headers(request.headers.multi_items()),
                body=body,
                origin=f"{url.scheme}://{url.netloc.decode('ascii')}",
                body_too_large=too_large,
            )
        )
        timeout = request.extensions.get("timeout")
        read = timeout.get("read") if isinstance(timeout, dict) else None
        if response.delay > 0 and isinstance(read, int | float) and response.delay > read:
            raise httpx.ReadTimeout("The read operation timed out", request=request)
        return response
