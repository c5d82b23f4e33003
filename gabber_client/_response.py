"""Raw responses: the HTTP status and headers alongside the parsed result.

``client.realtime.with_raw_response.get("rs_1")`` returns an :class:`APIResponse`
instead of the model; call :meth:`APIResponse.parse` for the model.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Generic, ParamSpec, TypeVar, cast

import httpx

from ._request_id import REQUEST_ID_HEADER
from ._wire import where

T = TypeVar("T")
P = ParamSpec("P")

__all__ = ["APIResponse"]

# Set while a with_raw_response method runs: the client then returns an
# APIResponse wrapping the HTTP response instead of the parsed result.
RAW_RESPONSE: ContextVar[bool] = ContextVar("gabber_raw_response", default=False)

_UNPARSED = object()


class APIResponse(Generic[T]):
    """An HTTP response of a successful call, with its result parsed on demand."""

    __slots__ = ("_parse", "_parsed", "http_response")

    def __init__(self, http_response: httpx.Response, parse: Callable[[httpx.Response], T]) -> None:
        self.http_response = http_response
        """The underlying :class:`httpx.Response`."""
        self._parse = parse
        self._parsed: object = _UNPARSED

    @property
    def status_code(self) -> int:
        """The HTTP status code."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers."""
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The ``x-request-id`` response header, if any."""
        request_id: str | None = self.http_response.headers.get(REQUEST_ID_HEADER)
        return request_id

    def parse(self) -> T:
        """The parsed result, as the plain method would return it (parsed once)."""
        if self._parsed is _UNPARSED:
            self._parsed = self._parse(self.http_response)
        return cast(T, self._parsed)

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code}] {where(self.http_response.request)}>"


def to_raw_response_wrapper(func: Callable[P, T]) -> Callable[P, APIResponse[T]]:
    """Wrap a sync resource method so that it returns an :class:`APIResponse`."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        token = RAW_RESPONSE.set(True)
        try:
            return cast(APIResponse[T], func(*args, **kwargs))
        finally:
            RAW_RESPONSE.reset(token)

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[P, Awaitable[T]],
) -> Callable[P, Awaitable[APIResponse[T]]]:
    """Wrap an async resource method so that it returns an :class:`APIResponse`."""

    @functools.wraps(func)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        token = RAW_RESPONSE.set(True)
        try:
            return cast(APIResponse[T], await func(*args, **kwargs))
        finally:
            RAW_RESPONSE.reset(token)

    return wrapped
