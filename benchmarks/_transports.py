"""In-process httpx transports that answer every request with the same bytes."""

from __future__ import annotations

from collections.abc import Callable

import httpx

__all__ = ["AsyncCannedTransport", "CannedTransport", "PagedTransport"]

_JSON = [(b"content-type", b"application/json")]


class CannedTransport(httpx.BaseTransport):
    """A sync transport answering ``200`` with ``body`` to every request."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=_JSON, content=self._body)


class AsyncCannedTransport(httpx.AsyncBaseTransport):
    """An async transport answering ``200`` with ``body`` to every request."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=_JSON, content=self._body)


class PagedTransport(httpx.BaseTransport):
    """A sync transport answering ``GET /v1/realtime/list`` with pages made on the fly.

    ``page_body(number)`` returns the bytes of page ``number`` (0-based); the
    number comes from the ``page`` query parameter (absent on the first request).
    """

    def __init__(self, page_body: Callable[[int], bytes]) -> None:
        self._page_body = page_body

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        token = request.url.params.get("page")
        number = int(token.removeprefix("p")) if token else 0
        return httpx.Response(200, headers=_JSON, content=self._page_body(number))
