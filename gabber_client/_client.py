"""The clients: :class:`Gabber` (sync) and :class:`AsyncGabber` (asyncio)."""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Self

import httpx

from ._base_client import AsyncAPIClient, SyncAPIClient, http_client_for, make_settings
from ._constants import DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT

# The resources import the generated code, which costs more than importing httpx:
# it is imported when the first client is built, not with the package.
if TYPE_CHECKING:
    from .resources.realtime import AsyncRealtime, Realtime

__all__ = ["AsyncGabber", "Gabber"]


class Gabber(SyncAPIClient):
    """The sync client of the Gabber API. One instance may be shared by threads.

    Args:
        api_key: An API key, sent as ``x-api-key``. When neither ``api_key`` nor
            ``token`` is given, it is read from ``GABBER_API_KEY``.
        token: A usage token issued for one human, sent as ``Authorization: Bearer``.
        base_url: Where the API is; default ``GABBER_BASE_URL``, else
            ``https://api.gabber.dev``.
        human: The default ``x-human-id`` of the operations that accept it.
        timeout: Seconds (or an :class:`httpx.Timeout`) for each attempt as a whole,
            body included (see docs/reliability.md);
            default connect 5 s, read/write/pool 30 s.
        max_retries: Retries of a failed request, where the retry policy allows.
        http_client: An :class:`httpx.Client` to send with (proxies, custom
            transports, tests). Redirects are never followed. The caller closes it.
        default_headers: Headers sent with every request.
        max_response_bytes: The largest response body (decoded) to read, default
            64 MiB; a larger one (or a compression bomb, or an endless stream) ends
            the call with :class:`APIResponseValidationError` (a 2xx) or its status
            error, after reading at most that much.

    Use it as a context manager, or call :meth:`close`, to release its connections.
    """

    realtime: Realtime
    """The realtime-session operations."""

    def __init__(
        self,
        api_key: str | None = None,
        *,
        token: str | None = None,
        base_url: str | httpx.URL | None = None,
        human: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        default_headers: dict[str, str] | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        settings = make_settings(
            api_key=api_key,
            token=token,
            base_url=base_url,
            human=human,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            max_response_bytes=max_response_bytes,
        )
        http = http_client_for(settings, http_client, httpx.Client)
        self._setup(settings, http, owns_http=http_client is None)

    def _init_resources(self) -> None:
        from .resources.realtime import Realtime

        self.realtime = Realtime(self)

    def close(self) -> None:
        """Close the connection pool (unless it came from ``http_client=``)."""
        if self._mark_closed():
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncGabber(AsyncAPIClient):
    """The asyncio client of the Gabber API. One instance may be shared by tasks.

    Takes the same arguments as :class:`Gabber`, with an :class:`httpx.AsyncClient`
    as ``http_client``; its methods are coroutines. Use it as an async context
    manager, or call :meth:`aclose`.
    """

    realtime: AsyncRealtime
    """The realtime-session operations."""

    def __init__(
        self,
        api_key: str | None = None,
        *,
        token: str | None = None,
        base_url: str | httpx.URL | None = None,
        human: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        default_headers: dict[str, str] | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        settings = make_settings(
            api_key=api_key,
            token=token,
            base_url=base_url,
            human=human,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            max_response_bytes=max_response_bytes,
        )
        http = http_client_for(settings, http_client, httpx.AsyncClient)
        self._setup(settings, http, owns_http=http_client is None)

    def _init_resources(self) -> None:
        from .resources.realtime import AsyncRealtime

        self.realtime = AsyncRealtime(self)

    async def aclose(self) -> None:
        """Close the connection pool (unless it came from ``http_client=``)."""
        if self._mark_closed():
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
