"""The clients: :class:`Gabber` (sync) and :class:`AsyncGabber` (asyncio)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self, TypeVar, overload

import httpx

from ._base_client import AsyncAPIClient, SyncAPIClient, make_settings
from ._constants import DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT

# The resources import the generated code, which costs more than importing httpx:
# it is imported when the first client is built, not with the package.
if TYPE_CHECKING:
    from ._calls import _Model
    from ._options import Headers, Query, Timeout
    from .resources.realtime import AsyncRealtime, Realtime

M = TypeVar("M", bound="_Model")

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
        self._start(settings, http_client, httpx.Client)

    def _init_resources(self) -> None:
        from .resources.realtime import Realtime

        self.realtime = Realtime(self)

    @overload
    def get(
        self,
        path: str,
        *,
        params: Query | None = ...,
        headers: Headers | None = ...,
        cast_to: type[M],
        timeout: Timeout = ...,
    ) -> M: ...
    @overload
    def get(
        self,
        path: str,
        *,
        params: Query | None = ...,
        headers: Headers | None = ...,
        cast_to: None = ...,
        timeout: Timeout = ...,
    ) -> Any: ...
    def get(
        self,
        path: str,
        *,
        params: Query | None = None,
        headers: Headers | None = None,
        cast_to: type[M] | None = None,
        timeout: Timeout = None,
    ) -> Any:
        """``GET path`` (relative to the base URL), for an endpoint the spec does not
        have yet: the client's credentials, errors, logging and retry policy.

        Returns a ``cast_to`` (a model class of :mod:`gabber_client.models`, parsed and
        checked like any response), or the decoded JSON when ``cast_to`` is ``None``.
        A path that leaves the base URL (an absolute URL, ``..``) is refused.

        Example:
            ```python
            from gabber_client import Gabber
            from gabber_client.models import ListRealtimeSessions200Response

            with Gabber() as client:
                page = client.get("/v1/realtime/list", cast_to=ListRealtimeSessions200Response)
                raw = client.get("/v1/realtime/list")  # cast_to=None: the decoded JSON
                print(page.total_count, sorted(raw))  # 0 ['next_page', 'total_count', 'values']
            ```
        """
        from ._raw import raw_call

        call = raw_call("GET", path, params, headers, cast_to=cast_to, idempotent=True)
        return self._request(call, self._call_options(timeout, None, None))

    @overload
    def post(
        self,
        path: str,
        *,
        json: object = ...,
        params: Query | None = ...,
        headers: Headers | None = ...,
        cast_to: type[M],
        idempotent: bool = ...,
        timeout: Timeout = ...,
    ) -> M: ...
    @overload
    def post(
        self,
        path: str,
        *,
        json: object = ...,
        params: Query | None = ...,
        headers: Headers | None = ...,
        cast_to: None = ...,
        idempotent: bool = ...,
        timeout: Timeout = ...,
    ) -> Any: ...
    def post(
        self,
        path: str,
        *,
        json: object = None,
        params: Query | None = None,
        headers: Headers | None = None,
        cast_to: type[M] | None = None,
        idempotent: bool = False,
        timeout: Timeout = None,
    ) -> Any:
        """``POST path`` with the JSON body ``json``, like :meth:`get`. Sent again after
        it may have reached the server only when ``idempotent=True``.

        Example:
            ```python
            from gabber_client import Gabber, NotFoundError
            from gabber_client.models import RealtimeSession
            from gabber_client.types import RealtimeSessionConfigCreateParam

            with Gabber() as client:
                try:
                    client.post("/v1/beta/not_in_the_spec_yet", json={"a": 1})
                except NotFoundError as exc:
                    print(exc.status_code)  # 404: the fake does not serve it
                config: RealtimeSessionConfigCreateParam = {
                    "general": {},
                    "input": {},
                    "generative": {"llm": "llm_1"},
                    "output": {"stream_transcript": True},
                }
                started = client.realtime.start(config)
                ended = client.post(
                    f"/v1/realtime/{started.session.id}/end",
                    cast_to=RealtimeSession,
                    idempotent=True,  # ending twice is harmless: it may be retried
                )
                print(ended.state)  # ended
            ```
        """
        from ._raw import raw_call

        call = raw_call(
            "POST", path, params, headers, json=json, cast_to=cast_to, idempotent=idempotent
        )
        return self._request(call, self._call_options(timeout, None, None))

    def close(self) -> None:
        """Close the connection pool (unless it came from ``http_client=``)."""
        if self._mark_closed():
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
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
        self._start(settings, http_client, httpx.AsyncClient)

    def _init_resources(self) -> None:
        from .resources.realtime import AsyncRealtime

        self.realtime = AsyncRealtime(self)

    @overload
    async def get(
        self,
        path: str,
        *,
        params: Query | None = ...,
        headers: Headers | None = ...,
        cast_to: type[M],
        timeout: Timeout = ...,  # noqa: ASYNC109 - the per-call httpx timeout
    ) -> M: ...
    @overload
    async def get(
        self,
        path: str,
        *,
        params: Query | None = ...,
        headers: Headers | None = ...,
        cast_to: None = ...,
        timeout: Timeout = ...,  # noqa: ASYNC109 - the per-call httpx timeout
    ) -> Any: ...
    async def get(
        self,
        path: str,
        *,
        params: Query | None = None,
        headers: Headers | None = None,
        cast_to: type[M] | None = None,
        timeout: Timeout = None,  # noqa: ASYNC109 - the per-call httpx timeout
    ) -> Any:
        """:meth:`Gabber.get`, as a coroutine."""
        from ._raw import raw_call

        call = raw_call("GET", path, params, headers, cast_to=cast_to, idempotent=True)
        return await self._request(call, self._call_options(timeout, None, None))

    @overload
    async def post(
        self,
        path: str,
        *,
        json: object = ...,
        params: Query | None = ...,
        headers: Headers | None = ...,
        cast_to: type[M],
        idempotent: bool = ...,
        timeout: Timeout = ...,  # noqa: ASYNC109 - the per-call httpx timeout
    ) -> M: ...
    @overload
    async def post(
        self,
        path: str,
        *,
        json: object = ...,
        params: Query | None = ...,
        headers: Headers | None = ...,
        cast_to: None = ...,
        idempotent: bool = ...,
        timeout: Timeout = ...,  # noqa: ASYNC109 - the per-call httpx timeout
    ) -> Any: ...
    async def post(
        self,
        path: str,
        *,
        json: object = None,
        params: Query | None = None,
        headers: Headers | None = None,
        cast_to: type[M] | None = None,
        idempotent: bool = False,
        timeout: Timeout = None,  # noqa: ASYNC109 - the per-call httpx timeout
    ) -> Any:
        """:meth:`Gabber.post`, as a coroutine."""
        from ._raw import raw_call

        call = raw_call(
            "POST", path, params, headers, json=json, cast_to=cast_to, idempotent=idempotent
        )
        return await self._request(call, self._call_options(timeout, None, None))

    async def aclose(self) -> None:
        """Close the connection pool (unless it came from ``http_client=``)."""
        if self._mark_closed():
            await self._pool.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
