"""``client.realtime``: the eleven realtime-session operations, sync and async.

Each method checks its arguments, then sends the request the generated code
builds (see ``gabber_client/_calls.py``); the sync and async classes have the same
methods with the same parameters (a test keeps them in step).

Every method also takes the keyword-only per-call options ``timeout``,
``extra_headers``, ``extra_query`` and, where the request has a body,
``extra_body`` (see ``gabber_client/_options.py`` and docs/request-options.md):
they apply to that call's every attempt and every page its pager fetches.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from .. import _calls
from .._calls import DEFAULT_DTMF_DURATION_MS, Call
from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from ..pagination import AsyncPage, AsyncPaginator, SyncPage

if TYPE_CHECKING:
    from collections.abc import Awaitable

    from .._client import AsyncGabber, Gabber
    from .._generated.models import (
        ContextMessage,
        ListRealtimeSessions200Response,
        RealtimeSession,
        RealtimeSessionConfigCreate,
        RealtimeSessionConfigUpdate,
        RealtimeSessionDTMFDigit,
        RealtimeSessionStartResponse,
        RealtimeSessionTimelineItem,
    )
    from .._generated.types import Unset
    from .._options import Body, Headers, Query, RequestOptions, Timeout
    from ..types import (
        RealtimeSessionConfigCreateParam,
        RealtimeSessionConfigUpdateParam,
        RealtimeSessionDTMFDigitParam,
    )

    ConfigCreate = RealtimeSessionConfigCreate | RealtimeSessionConfigCreateParam
    ConfigUpdate = RealtimeSessionConfigUpdate | RealtimeSessionConfigUpdateParam
    Digits = str | Sequence[RealtimeSessionDTMFDigit | RealtimeSessionDTMFDigitParam]

__all__ = ["AsyncRealtime", "AsyncRealtimeWithRawResponse", "Realtime", "RealtimeWithRawResponse"]


T_co = TypeVar("T_co", covariant=True)


class _PageData(Protocol[T_co]):
    """The shape of the generated ``*200Response`` models of paged operations."""

    @property
    def values(self) -> Sequence[T_co]: ...
    @property
    def total_count(self) -> int: ...
    @property
    def next_page(self) -> str | Unset | None: ...


def _next(value: str | Unset | None) -> str | None:
    return value if isinstance(value, str) and value else None


class Realtime:
    """Realtime sessions, with the sync client. Reach it as ``client.realtime``.

    Every method also takes the keyword-only per-call options ``timeout`` (seconds or
    an :class:`httpx.Timeout`), ``extra_headers``, ``extra_query`` and, where the
    request has a body, ``extra_body`` (merged into the JSON body after it was checked
    against the spec). They apply to that call only: its every attempt, and every page
    its pager fetches. Credentials cannot be set through ``extra_headers``.

    Example:
        ```python
        from gabber_client import Gabber
        from gabber_client.types import RealtimeSessionConfigCreateParam

        config: RealtimeSessionConfigCreateParam = {
            "general": {"time_limit_s": 600},
            "input": {},
            "generative": {"llm": "llm_1"},
            "output": {"stream_transcript": True},
        }
        with Gabber() as client:
            started = client.realtime.start(
                config,
                timeout=10,  # this call only
                extra_headers={"X-Trace-Id": "trace-7f3a"},
                extra_body={"config": {"general": {"noise_gate": 0.2}}},  # not in the spec yet
            )
            for message in client.realtime.messages(started.session.id, extra_query={"v": 2}):
                print(message.role)
            client.realtime.end(started.session.id, timeout=2.5)
        ```
    """

    def __init__(self, client: Gabber) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> RealtimeWithRawResponse:
        """The same methods, returning an :class:`~gabber_client.APIResponse` (status,
        headers, ``.parse()``) instead of the parsed result."""
        return RealtimeWithRawResponse(self)

    def start(
        self,
        config: ConfigCreate,
        *,
        simulated: bool | None = None,
        extra: Mapping[str, Any] | None = None,
        human: str | None = None,
        timeout: Timeout = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
    ) -> RealtimeSessionStartResponse:
        """Start a new session with ``config`` (a model or a dict checked against the
        spec before sending). Returns the session and where to connect to it.
        Not retried once the request may have reached the server."""
        options = self._client._call_options(timeout, extra_headers, extra_query, extra_body)
        human = self._client._human(human)
        call = _calls.start(config, simulated=simulated, extra=extra, human=human)
        return self._client._request(call, options)

    def get(
        self,
        session: str,
        *,
        human: str | None = None,
        timeout: Timeout = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
    ) -> RealtimeSession:
        """Get the session with id ``session``."""
        options = self._client._call_options(timeout, extra_headers, extra_query)
        call = _calls.get(session, human=self._client._human(human))
        return self._client._request(call, options)

    def update(
        self,
        session: str,
        config: ConfigUpdate,
        *,
        human: str | None = None,
        timeout: Timeout = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
    ) -> RealtimeSession:
        """Change the parts of the session's configuration given in ``config``."""
        options = self._client._call_options(timeout, extra_headers, extra_query, extra_body)
        call = _calls.update(session, config, human=self._client._human(human))
        return self._client._request(call, options)

    def end(
        self,
        session: str,
        *,
        human: str | None = None,
        timeout: Timeout = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
    ) -> RealtimeSession:
        """End the session."""
        options = self._client._call_options(timeout, extra_headers, extra_query)
        call = _calls.end(session, human=self._client._human(human))
        return self._client._request(call, options)

    def list(
        self,
        *,
        page: str | None = None,
        human: str | None = None,
        timeout: Timeout = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
    ) -> SyncPage[RealtimeSession]:
        """One page of sessions, newest first; iterate the page for every session."""
        options = self._client._call_options(timeout, extra_headers, extra_query)
        human = self._client._human(human)
        call = _calls.list_sessions(page, human=human)  # checks page and human now
        return self._list(call, human, options)

    def _list(
        self,
        call: Call[ListRealtimeSessions200Response],
        human: str | None,
        options: RequestOptions | None,
    ) -> SyncPage[RealtimeSession]:
        def fetch(token: str) -> SyncPage[RealtimeSession]:
            return self._list(_calls.list_sessions(token, human=human), human, options)

        return self._client._request(
            call.map(
                lambda r: SyncPage(
                    values=r.values,
                    total_count=r.total_count,
                    next_page=_next(r.next_page),
                    fetch=fetch,
                )
            ),
            options,
        )

    def messages(
        self,
        session: str,
        *,
        human: str | None = None,
        timeout: Timeout = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
    ) -> SyncPage[ContextMessage]:
        """The session's messages; iterate it for every message."""
        options = self._client._call_options(timeout, extra_headers, extra_query)
        call = _calls.messages(session, human=self._client._human(human))
        return self._url_paged(call, options)

    def timeline(
        self,
        session: str,
        *,
        human: str | None = None,
        timeout: Timeout = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
    ) -> SyncPage[RealtimeSessionTimelineItem]:
        """The session's timeline; iterate it for every item."""
        options = self._client._call_options(timeout, extra_headers, extra_query)
        call = _calls.timeline(session, human=self._client._human(human))
        return self._url_paged(call, options)

    def speak(
        self,
        session: str,
        text: str,
        *,
        timeout: Timeout = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
    ) -> RealtimeSession:
        """Make the agent of a live session say ``text``. Never retried once sent."""
        options = self._client._call_options(timeout, extra_headers, extra_query, extra_body)
        return self._client._request(_calls.speak_text(session, text), options)

    def attach_human(
        self,
        session: str,
        human: str,
        *,
        timeout: Timeout = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
    ) -> RealtimeSession:
        """Attach the human ``human`` to the session (e.g. one started by a phone call)."""
        options = self._client._call_options(timeout, extra_headers, extra_query, extra_body)
        return self._client._request(_calls.attach(session, human), options)

    def initiate_outbound_call(
        self,
        session: str,
        *,
        source_phone_number: str,
        destination_phone_number: str,
        timeout: Timeout = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
    ) -> RealtimeSession:
        """Have the session's agent call ``destination_phone_number`` from
        ``source_phone_number`` (E.164). Never retried once sent."""
        options = self._client._call_options(timeout, extra_headers, extra_query, extra_body)
        call = _calls.outbound_call(
            session,
            source_phone_number=source_phone_number,
            destination_phone_number=destination_phone_number,
        )
        return self._client._request(call, options)

    def dtmf(
        self,
        session: str,
        digits: Digits,
        *,
        duration_ms: int = DEFAULT_DTMF_DURATION_MS,
        timeout: Timeout = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
    ) -> None:
        """Make the agent send DTMF tones: ``digits`` is a string such as ``"123#"``
        (each tone ``duration_ms`` long) or a list of digit models/dicts."""
        options = self._client._call_options(timeout, extra_headers, extra_query, extra_body)
        call = _calls.send_dtmf(session, digits, duration_ms=duration_ms)
        # Returned (None) so that with_raw_response.dtmf gets its APIResponse.
        return self._client._request(call, options)

    def _url_paged(
        self, call: Call[_PageData[T_co]], options: RequestOptions | None
    ) -> SyncPage[T_co]:
        """A page whose ``next_page`` is a URL, followed only on the base URL's origin."""
        client = self._client

        def page(r: _PageData[T_co]) -> SyncPage[T_co]:
            return SyncPage(
                values=r.values,
                total_count=r.total_count,
                next_page=_next(r.next_page),
                fetch=lambda url: client._request(
                    _calls.next_page_call(call, client._check_next_url(url)).map(page), options
                ),
            )

        return client._request(call.map(page), options)


class AsyncRealtime:
    """Realtime sessions, with the async client. Reach it as ``client.realtime``."""

    def __init__(self, client: AsyncGabber) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncRealtimeWithRawResponse:
        """The same methods, returning an :class:`~gabber_client.APIResponse` (status,
        headers, ``.parse()``) instead of the parsed result."""
        return AsyncRealtimeWithRawResponse(self)

    async def start(
        self,
        config: ConfigCreate,
        *,
        simulated: bool | None = None,
        extra: Mapping[str, Any] | None = None,
        human: str | None = None,
        timeout: Timeout = None,  # noqa: ASYNC109 - the per-call httpx timeout
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
    ) -> RealtimeSessionStartResponse:
        """Start a new session with ``config`` (a model or a dict checked against the
        spec before sending). Returns the session and where to connect to it.
        Not retried once the request may have reached the server."""
        options = self._client._call_options(timeout, extra_headers, extra_query, extra_body)
        human = self._client._human(human)
        call = _calls.start(config, simulated=simulated, extra=extra, human=human)
        return await self._client._request(call, options)

    async def get(
        self,
        session: str,
        *,
        human: str | None = None,
        timeout: Timeout = None,  # noqa: ASYNC109 - the per-call httpx timeout
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
    ) -> RealtimeSession:
        """Get the session with id ``session``."""
        options = self._client._call_options(timeout, extra_headers, extra_query)
        call = _calls.get(session, human=self._client._human(human))
        return await self._client._request(call, options)

    async def update(
        self,
        session: str,
        config: ConfigUpdate,
        *,
        human: str | None = None,
        timeout: Timeout = None,  # noqa: ASYNC109 - the per-call httpx timeout
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
    ) -> RealtimeSession:
        """Change the parts of the session's configuration given in ``config``."""
        options = self._client._call_options(timeout, extra_headers, extra_query, extra_body)
        call = _calls.update(session, config, human=self._client._human(human))
        return await self._client._request(call, options)

    async def end(
        self,
        session: str,
        *,
        human: str | None = None,
        timeout: Timeout = None,  # noqa: ASYNC109 - the per-call httpx timeout
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
    ) -> RealtimeSession:
        """End the session."""
        options = self._client._call_options(timeout, extra_headers, extra_query)
        call = _calls.end(session, human=self._client._human(human))
        return await self._client._request(call, options)

    def list(
        self,
        *,
        page: str | None = None,
        human: str | None = None,
        timeout: Timeout = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
    ) -> AsyncPaginator[RealtimeSession]:
        """Sessions, newest first: ``async for`` it for every session of every page,
        or await it for the first page."""
        options = self._client._call_options(timeout, extra_headers, extra_query)
        human = self._client._human(human)
        call = _calls.list_sessions(page, human=human)  # checks page and human now
        return AsyncPaginator(lambda: self._list(call, human, options))

    async def _list(
        self,
        call: Call[ListRealtimeSessions200Response],
        human: str | None,
        options: RequestOptions | None,
    ) -> AsyncPage[RealtimeSession]:
        def fetch(token: str) -> Awaitable[AsyncPage[RealtimeSession]]:
            return self._list(_calls.list_sessions(token, human=human), human, options)

        return await self._client._request(
            call.map(
                lambda r: AsyncPage(
                    values=r.values,
                    total_count=r.total_count,
                    next_page=_next(r.next_page),
                    fetch=fetch,
                )
            ),
            options,
        )

    def messages(
        self,
        session: str,
        *,
        human: str | None = None,
        timeout: Timeout = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
    ) -> AsyncPaginator[ContextMessage]:
        """The session's messages; ``async for`` it for every message
        (or await it for the first page)."""
        options = self._client._call_options(timeout, extra_headers, extra_query)
        call = _calls.messages(session, human=self._client._human(human))
        return AsyncPaginator(lambda: self._url_paged(call, options))

    def timeline(
        self,
        session: str,
        *,
        human: str | None = None,
        timeout: Timeout = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
    ) -> AsyncPaginator[RealtimeSessionTimelineItem]:
        """The session's timeline; ``async for`` it for every item
        (or await it for the first page)."""
        options = self._client._call_options(timeout, extra_headers, extra_query)
        call = _calls.timeline(session, human=self._client._human(human))
        return AsyncPaginator(lambda: self._url_paged(call, options))

    async def speak(
        self,
        session: str,
        text: str,
        *,
        timeout: Timeout = None,  # noqa: ASYNC109 - the per-call httpx timeout
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
    ) -> RealtimeSession:
        """Make the agent of a live session say ``text``. Never retried once sent."""
        options = self._client._call_options(timeout, extra_headers, extra_query, extra_body)
        return await self._client._request(_calls.speak_text(session, text), options)

    async def attach_human(
        self,
        session: str,
        human: str,
        *,
        timeout: Timeout = None,  # noqa: ASYNC109 - the per-call httpx timeout
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
    ) -> RealtimeSession:
        """Attach the human ``human`` to the session (e.g. one started by a phone call)."""
        options = self._client._call_options(timeout, extra_headers, extra_query, extra_body)
        return await self._client._request(_calls.attach(session, human), options)

    async def initiate_outbound_call(
        self,
        session: str,
        *,
        source_phone_number: str,
        destination_phone_number: str,
        timeout: Timeout = None,  # noqa: ASYNC109 - the per-call httpx timeout
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
    ) -> RealtimeSession:
        """Have the session's agent call ``destination_phone_number`` from
        ``source_phone_number`` (E.164). Never retried once sent."""
        options = self._client._call_options(timeout, extra_headers, extra_query, extra_body)
        call = _calls.outbound_call(
            session,
            source_phone_number=source_phone_number,
            destination_phone_number=destination_phone_number,
        )
        return await self._client._request(call, options)

    async def dtmf(
        self,
        session: str,
        digits: Digits,
        *,
        duration_ms: int = DEFAULT_DTMF_DURATION_MS,
        timeout: Timeout = None,  # noqa: ASYNC109 - the per-call httpx timeout
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
    ) -> None:
        """Make the agent send DTMF tones: ``digits`` is a string such as ``"123#"``
        (each tone ``duration_ms`` long) or a list of digit models/dicts."""
        options = self._client._call_options(timeout, extra_headers, extra_query, extra_body)
        call = _calls.send_dtmf(session, digits, duration_ms=duration_ms)
        # Returned (None) so that with_raw_response.dtmf gets its APIResponse.
        return await self._client._request(call, options)

    async def _url_paged(
        self, call: Call[_PageData[T_co]], options: RequestOptions | None
    ) -> AsyncPage[T_co]:
        """A page whose ``next_page`` is a URL, followed only on the base URL's origin."""
        client = self._client

        def page(r: _PageData[T_co]) -> AsyncPage[T_co]:
            return AsyncPage(
                values=r.values,
                total_count=r.total_count,
                next_page=_next(r.next_page),
                fetch=lambda url: client._request(
                    _calls.next_page_call(call, client._check_next_url(url)).map(page), options
                ),
            )

        return await client._request(call.map(page), options)


class RealtimeWithRawResponse:
    """``client.realtime.with_raw_response``: each method returns an APIResponse."""

    def __init__(self, realtime: Realtime) -> None:
        self.start = to_raw_response_wrapper(realtime.start)
        self.get = to_raw_response_wrapper(realtime.get)
        self.update = to_raw_response_wrapper(realtime.update)
        self.end = to_raw_response_wrapper(realtime.end)
        self.list = to_raw_response_wrapper(realtime.list)
        self.messages = to_raw_response_wrapper(realtime.messages)
        self.timeline = to_raw_response_wrapper(realtime.timeline)
        self.speak = to_raw_response_wrapper(realtime.speak)
        self.attach_human = to_raw_response_wrapper(realtime.attach_human)
        self.initiate_outbound_call = to_raw_response_wrapper(realtime.initiate_outbound_call)
        self.dtmf = to_raw_response_wrapper(realtime.dtmf)


class AsyncRealtimeWithRawResponse:
    """``aclient.realtime.with_raw_response``: each method returns an APIResponse."""

    def __init__(self, realtime: AsyncRealtime) -> None:
        self.start = async_to_raw_response_wrapper(realtime.start)
        self.get = async_to_raw_response_wrapper(realtime.get)
        self.update = async_to_raw_response_wrapper(realtime.update)
        self.end = async_to_raw_response_wrapper(realtime.end)
        self.list = async_to_raw_response_wrapper(realtime.list)
        self.messages = async_to_raw_response_wrapper(realtime.messages)
        self.timeline = async_to_raw_response_wrapper(realtime.timeline)
        self.speak = async_to_raw_response_wrapper(realtime.speak)
        self.attach_human = async_to_raw_response_wrapper(realtime.attach_human)
        self.initiate_outbound_call = async_to_raw_response_wrapper(realtime.initiate_outbound_call)
        self.dtmf = async_to_raw_response_wrapper(realtime.dtmf)
