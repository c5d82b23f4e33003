"""FakeGabber: an in-memory, thread-safe, stateful fake of the Gabber realtime API."""

from __future__ import annotations

import base64
import dataclasses
import functools
import hmac
import json
import secrets
import threading
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Final, cast
from urllib.parse import parse_qs

from gabber_client._minimal import deep_merge, minimal_value

from ._catalog import Catalog
from ._faults import Fault, FaultQueue, OperationName
from ._http import (
    ApiError,
    FakeRequest,
    FakeResponse,
    error_response,
    json_response,
)
from ._json import MessageJSON, MessageRole, SessionJSON
from ._records import RecordedRequest
from ._routing import (
    API_KEY_ONLY_OPERATIONS,
    HUMAN_SCOPED_OPERATIONS,
    SPEC_OPERATIONS,
    Route,
    match_route,
    quote_segment,
)
from ._schema import SESSION_SCHEMA, fill_response, schema_example
from ._state import CONNECTION_URL, Session, Store, bad_input
from ._validation import (
    BODY_SCHEMAS,
    MAX_BODY_BYTES,
    BodyError,
    parse_json,
    validate_body,
)

if TYPE_CHECKING:
    import httpx

    from gabber_client import AsyncGabber, Gabber

    from ._transport import FakeTransport

__all__ = ["DEFAULT_API_KEY", "DEFAULT_BASE_URL", "FakeGabber"]

DEFAULT_API_KEY: Final = "gabber-fake-key"
"""The API key a :class:`FakeGabber` accepts when not given ``api_keys``."""

DEFAULT_BASE_URL: Final = "http://fake.gabber.invalid"
"""The base URL of the in-process shortcuts (``.invalid`` never resolves)."""

_MAX_SHOWN_PATH: Final = 200
_START: Final = "start_realtime_session"
_START_BODY: Final = BODY_SCHEMAS[_START]

_Handler = Callable[["FakeGabber", Route, "str | None", Any, FakeRequest], FakeResponse]
_Action = Callable[[Store, Session, Any], None]


def _snapshot(value: dict[str, Any]) -> Any:
    """A deep copy of JSON-ready state, safe to hand out of the lock."""
    return json.loads(json.dumps(value))


class FakeGabber:
    """A local, stateful fake of the Gabber realtime API, as openapi.yaml describes it.

    Use it in-process (:meth:`transport`, :meth:`client`, :meth:`async_client`),
    over loopback (:class:`~gabber_client.testing.FakeServer`, ``gabber-fake``),
    or from pytest (the ``gabber_fake`` fixture). It is thread-safe: one lock
    guards its state.

    Behaviour, beyond what openapi.yaml says:

    * Routing is on the raw path; a session id is one percent-encoded segment,
      decoded once. A method a path does not take is a 405 with ``Allow``.
    * Credentials come first (401), then the body (400: JSON, schema, 1 MiB,
      64 levels of nesting), then the session (404), then the rules the schemas
      cannot express (400): non-empty ids and text, known catalog ids, E.164
      numbers, positive DTMF durations, and no speak/dtmf/outbound call on an
      ended session.
    * ``x-human-id`` scopes an API key on the seven operations that declare it
      (an empty value counts as absent); a token always scopes to its human. A
      scoped caller gets a 404 for any other session.
    * ``update``: a part given (``general``, ``input``, ``output``) replaces the
      session's, defaults applied; a ``generative`` field given replaces the
      session's (re-expanded), ``null`` clears ``voice_override``, ``persona``,
      ``scenario`` and ``_extra`` and empties ``tool_definitions``, and keeps
      ``llm`` and ``context``.
    * Pages: ``list`` is newest first and its tokens mark where a page stopped,
      so new sessions never shift later pages; ``messages`` and ``timeline``
      are oldest first, their ``next_page`` a URL on the origin of the request.
      A token the fake did not make is a 400 naming ``page``.

    Args:
        api_keys: The API keys accepted in ``x-api-key``.
        project: The project every session belongs to.
        page_size: Items per page of ``list``, ``messages`` and ``timeline``.
        catalog: The known generative ids; ``None`` accepts any non-empty id.
        clock: Returns the current time (an aware UTC datetime; naive means UTC).
        base_url: The base URL of :meth:`client` and :meth:`async_client`.
        max_recorded_requests: How many requests :attr:`requests` keeps (the
            latest); ``None`` keeps all.
        max_recorded_bytes: How many body bytes the recorded requests may hold
            in all (default 32 MiB); beyond it the oldest records are dropped, so
            a stream of large bodies keeps the fake's memory bounded.

    Memory: a ``speak`` text is at most :data:`MAX_SPEAK_TEXT_CHARS` characters
    (longer is a 400 naming ``text``), and a session keeps its latest
    :data:`MAX_SESSION_MESSAGES` messages and timeline items.
    """

    def __init__(
        self,
        *,
        api_keys: Iterable[str] = (DEFAULT_API_KEY,),
        project: str = "proj_fake",
        page_size: int = 20,
        catalog: Catalog | None = None,
        clock: Callable[[], datetime] | None = None,
        base_url: str = DEFAULT_BASE_URL,
        max_recorded_requests: int | None = 10_000,
        max_recorded_bytes: int = 32 * 1024 * 1024,
    ) -> None:
        if isinstance(api_keys, str):
            raise TypeError("api_keys must be a collection of keys, not a string")
        keys = tuple(api_keys)
        if not keys or not all(isinstance(key, str) and key for key in keys):
            raise ValueError("api_keys must hold at least one non-empty string")
        if page_size < 1:
            raise ValueError(f"page_size must be >= 1, got {page_size!r}")
        if not project:
            raise ValueError("project must not be empty")
        self._api_keys = keys
        self._encoded_keys = tuple(key.encode("utf-8") for key in keys)
        self._project = project
        self._page_size = page_size
        self._catalog = catalog
        self._clock = clock or functools.partial(datetime.now, UTC)
        self._base_url = base_url.rstrip("/")
        self._lock = threading.Lock()
        self._store = self._new_store()
        self._tokens: dict[str, str] = {}
        self._faults = FaultQueue()
        self._request_ids = 0  # x-request-id of the responses: req_000001, ...
        self._requests: deque[RecordedRequest] = deque(maxlen=max_recorded_requests)
        self._max_recorded_bytes = max_recorded_bytes
        self._recorded_bytes = 0

    def _new_store(self) -> Store:
        return Store(
            project=self._project,
            catalog=self._catalog,
            page_size=self._page_size,
            clock=self._clock,
        )

    # ---------------------------------------------------------- configuration
    @property
    def api_keys(self) -> tuple[str, ...]:
        """The accepted API keys."""
        return self._api_keys

    @property
    def api_key(self) -> str:
        """The first accepted API key (the one :meth:`client` uses)."""
        return self._api_keys[0]

    @property
    def project(self) -> str:
        """The project every session belongs to."""
        return self._project

    @property
    def page_size(self) -> int:
        """Items per page of ``list``, ``messages`` and ``timeline``."""
        return self._page_size

    @property
    def catalog(self) -> Catalog | None:
        """The known generative ids, or ``None`` (any non-empty id)."""
        return self._catalog

    @property
    def base_url(self) -> str:
        """The base URL of the in-process shortcuts."""
        return self._base_url

    # ------------------------------------------------------------ credentials
    def issue_token(self, human: str) -> str:
        """A usage token for ``human``, to send as ``Authorization: Bearer <token>``.

        Requests with it act for ``human`` only (its ``x-human-id`` is ignored), and
        are refused (401) by ``speak``, ``dtmf`` and ``attach_human``.
        """
        if not isinstance(human, str) or not human:
            raise ValueError("human must be a non-empty string")
        header = base64.urlsafe_b64encode(b'{"alg":"none","typ":"JWT"}').rstrip(b"=")
        claims = json.dumps({"sub": human, "jti": secrets.token_hex(8)}).encode("utf-8")
        payload = base64.urlsafe_b64encode(claims).rstrip(b"=")
        token = f"{header.decode()}.{payload.decode()}.{secrets.token_urlsafe(16)}"
        with self._lock:
            self._tokens[token] = human
        return token

    # ----------------------------------------------------------------- faults
    def inject_fault(
        self,
        fault: Fault | None = None,
        /,
        *,
        status: int | None = None,
        headers: Mapping[str, str] | None = None,
        body: bytes | str | None = None,
        content_type: str | None = None,
        delay: float = 0.0,
        drop: bool = False,
        operation: OperationName | None = None,
        times: int = 1,
    ) -> Fault:
        """Queue a fault for the next ``times`` requests (of ``operation``, if given).

        Pass a :class:`Fault`, or its fields as keywords::

            fake.inject_fault(status=429, headers={"Retry-After": "1"}, times=2)
            fake.inject_fault(drop=True, operation="end")  # client.realtime.end only
            fake.inject_fault(Fault(drop=True, operation="end_realtime_session"))  # the same

        Faults are consumed in the order they were queued. Returns the fault.
        """
        if fault is None:
            fault = Fault(
                status=status,
                headers=headers or {},
                body=body,
                content_type=content_type,
                delay=delay,
                drop=drop,
                operation=operation,
                times=times,
            )
        with self._lock:
            self._faults.add(fault)
        return fault

    def pending_faults(self) -> list[tuple[Fault, int]]:
        """The queued faults and how many uses each has left, in order."""
        with self._lock:
            return self._faults.pending()

    def clear_faults(self) -> None:
        """Drop every queued fault."""
        with self._lock:
            self._faults.clear()

    # ---------------------------------------------------------------- records
    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far (the latest ``max_recorded_requests``), oldest
        first, with the status it was answered with. A snapshot: a new list each time."""
        with self._lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        """Forget the recorded requests."""
        with self._lock:
            self._requests.clear()
            self._recorded_bytes = 0

    def reset(self) -> None:
        """Back to a fresh fake with the same configuration: no sessions, contexts,
        issued tokens, queued faults or recorded requests."""
        with self._lock:
            self._store = self._new_store()
            self._tokens.clear()
            self._faults.clear()
            self._requests.clear()
            self._recorded_bytes = 0

    # --------------------------------------------------- direct state access
    def create_session(
        self,
        config: Mapping[str, Any] | None = None,
        *,
        session_id: str | None = None,
        human: str | None = None,
        simulated: bool = False,
    ) -> SessionJSON:
        """Create a session directly, as ``start`` would, and return it as JSON.

        ``config`` is a ``RealtimeSessionConfigCreate`` (default: a minimal valid one
        built from the spec: its required fields, each its default, else its
        example, else a value of its type; with a catalog, its first LLM).
        ``session_id`` lets a test pick the id, e.g. one with characters that need
        percent-encoding. Raises :class:`ValueError` when ``config`` is invalid or
        the id is taken.
        """
        if human == "":
            raise ValueError("human must be None or a non-empty string")
        body = minimal_value(_START_BODY, {"simulated": simulated})
        if config is not None:
            body["config"] = config
        elif self._catalog is not None:
            llms = sorted(self._catalog.llms)
            if not llms:
                raise ValueError("the catalog lists no LLM; pass a config")
            body = deep_merge(body, {"config": {"generative": {"llm": llms[0]}}})
        try:
            validate_body(_START, body)
            with self._lock:
                return _session_json(self._store.start(body, human, session_id))
        except (BodyError, ApiError) as exc:
            raise ValueError(str(exc)) from None

    def add_message(self, session_id: str, text: str, *, role: MessageRole = "user") -> MessageJSON:
        """Append a text message to a session, as if said in it, and return it.

        ``role`` is ``"user"`` (adds a ``user`` timeline item), ``"assistant"`` (an
        ``agent`` item), ``"system"`` or ``"tool"``. Raises :class:`KeyError` for an
        unknown session.
        """
        if role not in ("user", "assistant", "system", "tool"):
            raise ValueError(f"role must be user, assistant, system or tool, got {role!r}")
        with self._lock:
            session = self._store.sessions[session_id]
            return cast("MessageJSON", _snapshot(self._store.add_message(session, role, text)))

    def get_session(self, session_id: str) -> SessionJSON:
        """The session as the API would return it (a copy); :class:`KeyError` if none."""
        with self._lock:
            return _session_json(self._store.sessions[session_id])

    def sessions(self) -> list[SessionJSON]:
        """Every session as the API would return it (copies), oldest first."""
        with self._lock:
            return [_session_json(session) for session in self._store.order]

    # ------------------------------------------------------------- transports
    def transport(self) -> FakeTransport:
        """An in-process httpx transport to this fake, sync and async::

        httpx.Client(transport=fake.transport())
        httpx.AsyncClient(transport=fake.transport())
        """
        from ._transport import FakeTransport

        return FakeTransport(self)

    def client(
        self,
        api_key: str | None = None,
        *,
        token: str | None = None,
        base_url: str | None = None,
        human: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        http_client: httpx.Client | None = None,
        default_headers: dict[str, str] | None = None,
        retry_waits: bool = False,
    ) -> Gabber:
        """A :class:`gabber_client.Gabber` bound to this fake in-process.

        The arguments are :class:`~gabber_client.Gabber`'s. Defaults: ``api_key`` =
        the first accepted key (none when ``token`` is given), ``base_url`` =
        :attr:`base_url`, ``http_client`` = an :class:`httpx.Client` over
        :meth:`transport`; ``timeout`` and ``max_retries`` those of ``Gabber``.

        Its retries do not wait (the backoff and ``Retry-After`` are skipped), so a
        test of retries takes no wall time; ``retry_waits=True`` waits as a client of
        the real API does.
        """
        import httpx

        from gabber_client import Gabber

        from ._waits import with_retry_waits

        client = Gabber(
            **self._client_options(api_key, token, base_url, timeout, max_retries),
            human=human,
            http_client=http_client or httpx.Client(transport=self.transport()),
            default_headers=default_headers,
        )
        return with_retry_waits(client, retry_waits)

    def async_client(
        self,
        api_key: str | None = None,
        *,
        token: str | None = None,
        base_url: str | None = None,
        human: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        http_client: httpx.AsyncClient | None = None,
        default_headers: dict[str, str] | None = None,
        retry_waits: bool = False,
    ) -> AsyncGabber:
        """An :class:`gabber_client.AsyncGabber` bound to this fake in-process; the
        same arguments and defaults as :meth:`client` (its retries do not wait unless
        ``retry_waits=True``), with an :class:`httpx.AsyncClient`."""
        import httpx

        from gabber_client import AsyncGabber

        from ._waits import with_retry_waits

        client = AsyncGabber(
            **self._client_options(api_key, token, base_url, timeout, max_retries),
            human=human,
            http_client=http_client or httpx.AsyncClient(transport=self.transport()),
            default_headers=default_headers,
        )
        return with_retry_waits(client, retry_waits)

    def _client_options(
        self,
        api_key: str | None,
        token: str | None,
        base_url: str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int | None,
    ) -> dict[str, Any]:
        """The defaults of :meth:`client` and :meth:`async_client` applied."""
        from gabber_client._constants import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT

        return {
            "api_key": self.api_key if api_key is None and token is None else api_key,
            "token": token,
            "base_url": self._base_url if base_url is None else base_url,
            "timeout": DEFAULT_TIMEOUT if timeout is None else timeout,
            "max_retries": DEFAULT_MAX_RETRIES if max_retries is None else max_retries,
        }

    # --------------------------------------------------------------- handling
    def handle(self, request: FakeRequest) -> FakeResponse:
        """Answer one request; every transport of the fake goes through here.

        Never raises for anything a client can send: bad input is a 400, unknown
        sessions and routes a 404, wrong methods a 405 (with ``Allow``).
        """
        route = match_route(request.method, request.path)
        with self._lock:
            fault = self._faults.take(route.operation)
        if fault is not None and fault.replaces_response:
            body, content_type = fault.response_body(route.operation)
            typed = () if content_type is None else (("content-type", content_type),)
            response = FakeResponse(fault.status or 200, typed, body)
        else:
            response = self._answer(request, route)
        if fault is not None:  # its headers follow the response's, then delay and drop
            headers = response.headers + tuple(fault.headers.items())
            response = FakeResponse(
                response.status, headers, response.body, delay=fault.delay, drop=fault.drop
            )
        with self._lock:
            if not any(name.lower() == "x-request-id" for name, _ in response.headers):
                self._request_ids += 1  # unless a fault set one
                request_id = ("x-request-id", f"req_{self._request_ids:06d}")
                response = dataclasses.replace(response, headers=(*response.headers, request_id))
            self._record(
                RecordedRequest(
                    method=request.method,
                    path=request.path,
                    query=request.query,
                    headers=request.headers,
                    body=request.body,
                    operation=route.operation,
                    session=route.session,
                    status=response.status,
                    fault=fault,
                )
            )
        return response

    def _record(self, record: RecordedRequest) -> None:
        """Keep ``record`` within the count and byte budgets (the lock is held)."""
        requests = self._requests
        if requests.maxlen is not None and len(requests) == requests.maxlen and requests:
            self._recorded_bytes -= len(requests[0].body)  # append() drops it
        requests.append(record)
        self._recorded_bytes += len(record.body)
        while self._recorded_bytes > self._max_recorded_bytes and len(requests) > 1:
            self._recorded_bytes -= len(requests.popleft().body)

    def _answer(self, request: FakeRequest, route: Route) -> FakeResponse:
        operation = route.operation
        if operation is None:  # a 405 when the path takes other methods, else a 404
            shown = request.path[:_MAX_SHOWN_PATH]
            if not route.allowed:
                return error_response(ApiError(404, f"path: no operation at {shown}"))
            allowed = ", ".join(route.allowed)
            return error_response(
                ApiError(
                    405,
                    f"method: {request.method[:20]} is not allowed on {shown}; use {allowed}",
                    headers=(("allow", allowed),),
                )
            )
        try:
            with self._lock:
                scope = self._authenticate(operation, request.headers)
            body: Any = None
            if operation in BODY_SCHEMAS:
                if request.body_too_large:
                    raise bad_input(f"body: larger than {MAX_BODY_BYTES} bytes")
                body = parse_json(request.body)
                validate_body(operation, body)
            # An operation with no behaviour of its own is answered from its schema.
            handler = _HANDLERS.get(operation, FakeGabber._op_from_schema)
            with self._lock:
                return handler(self, route, scope, body, request)
        except BodyError as exc:
            return error_response(bad_input(str(exc)))
        except ApiError as exc:
            return error_response(exc)

    def _authenticate(self, operation: str, headers: Mapping[str, str]) -> str | None:
        """The human the request is scoped to (``None``: every human); else a 401."""
        key = headers.get("x-api-key")
        if key is not None:
            given = key.encode("utf-8", "surrogateescape")
            valid = False
            for known in self._encoded_keys:  # each one compared: no early exit
                valid |= hmac.compare_digest(given, known)
            if not valid:
                raise ApiError(401, "x-api-key: not a valid API key")
            if operation in HUMAN_SCOPED_OPERATIONS:
                return headers.get("x-human-id") or None
            return None
        authorization = headers.get("authorization")
        if operation in API_KEY_ONLY_OPERATIONS:
            if authorization is not None:
                raise ApiError(401, f"x-api-key: {operation} accepts an API key only")
            raise ApiError(401, "x-api-key: missing; send the API key in x-api-key")
        if authorization is None:
            raise ApiError(
                401, "authorization: missing credentials; send x-api-key or Authorization: Bearer"
            )
        scheme, _, token = authorization.strip().partition(" ")
        human = self._tokens.get(token.strip()) if scheme.lower() == "bearer" else None
        if human is None:
            raise ApiError(401, "authorization: not a valid Bearer token")
        return human

    # -------------------------------------------------------------- operations
    def _op_page(
        self, route: Route, scope: str | None, body: Any, request: FakeRequest
    ) -> FakeResponse:
        """``list``, ``messages`` or ``timeline``: the page the ``page`` token names."""
        tokens = parse_qs(request.query, keep_blank_values=True).get("page")
        token = tokens[0] if tokens and tokens[0] else None
        if route.operation == "list_realtime_sessions":
            page = self._store.list_page(scope, token)
        else:
            session = self._store.find(route.session, scope)
            kind = "messages" if route.operation == "get_realtime_session_messages" else "timeline"
            page = self._store.items_page(session, kind, token, request.origin)
        return json_response(200, fill_response(route.operation or "", page))

    def _op_start(
        self, route: Route, scope: str | None, body: Any, request: FakeRequest
    ) -> FakeResponse:
        session = self._store.start(body, scope)
        document = {
            "session": session.render(),
            "connection_details": {
                "url": f"{CONNECTION_URL}/{quote_segment(session.id)}",
                "token": f"fake-rtc-{secrets.token_urlsafe(24)}",
            },
        }
        return json_response(200, fill_response(route.operation or "", document))

    def _op_from_schema(
        self,
        route: Route,
        scope: str | None,
        body: Any,
        request: FakeRequest,
        action: _Action | None = None,
    ) -> FakeResponse:
        """Any operation of the spec on its own (its body is validated already): the
        session its path names must be visible (404), ``action`` is done to it, and the
        answer is that session when the operation returns the session model, else a
        value of its 200 schema (examples, then defaults, then types), else an empty
        200. Without ``action``, every operation the fake has no behaviour for."""
        operation = route.operation or ""
        session = self._store.find(route.session, scope) if route.session is not None else None
        if action is not None and session is not None:
            action(self._store, session, body)
        response = SPEC_OPERATIONS[operation].response
        if response is None:
            return FakeResponse(200, (), b"")
        if response == SESSION_SCHEMA and session is not None:
            return json_response(200, fill_response(operation, session.render()))
        return json_response(200, fill_response(operation, schema_example(response)))


def _session_json(session: Session) -> SessionJSON:
    """The session as ``get_realtime_session`` answers it (filled from the schema), a
    copy safe to hand out of the lock."""
    return cast("SessionJSON", _snapshot(fill_response("get_realtime_session", session.render())))


def _acting(action: _Action) -> _Handler:
    """The handler of an operation that changes one session: ``action``, then the
    answer the spec declares (:meth:`FakeGabber._op_from_schema`)."""
    return functools.partial(FakeGabber._op_from_schema, action=action)


_HANDLERS: Final[dict[str, _Handler]] = {
    "start_realtime_session": FakeGabber._op_start,
    "list_realtime_sessions": FakeGabber._op_page,
    "end_realtime_session": _acting(lambda store, session, body: store.end(session)),
    "update_realtime_session": _acting(Store.update),
    "get_realtime_session_messages": FakeGabber._op_page,
    "get_realtime_session_timeline": FakeGabber._op_page,
    "speak": _acting(Store.speak),
    "dtmf": _acting(Store.dtmf),
    "initiate_outbound_call": _acting(Store.outbound_call),
    "attach_human": _acting(Store.attach_human),
}
"""The operations with behaviour of their own; any other (``get_realtime_session``
too: the stored session is its answer) is answered by
:meth:`FakeGabber._op_from_schema`."""
