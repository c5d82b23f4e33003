"""A transport that records each request it passes on (headers, URL, body and the
timeout httpx was told to use), in front of the fake's in-process transport or of
a real HTTP transport to the fake on loopback."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx


@dataclass(frozen=True)
class Sent:
    method: str
    url: httpx.URL
    headers: httpx.Headers
    body: bytes
    timeout: dict[str, float | None]

    @property
    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


class Recording(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Records, then hands the request to ``inner`` (sync or async)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.sent: list[Sent] = []

    def _record(self, request: httpx.Request, body: bytes) -> None:
        self.sent.append(
            Sent(
                request.method,
                request.url,
                request.headers,
                body,
                dict(request.extensions.get("timeout", {})),
            )
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self._record(request, request.read())
        response: httpx.Response = self.inner.handle_request(request)
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._record(request, await request.aread())
        response: httpx.Response = await self.inner.handle_async_request(request)
        return response

    def close(self) -> None:
        if hasattr(self.inner, "close"):
            self.inner.close()

    async def aclose(self) -> None:
        if hasattr(self.inner, "aclose"):
            await self.inner.aclose()
