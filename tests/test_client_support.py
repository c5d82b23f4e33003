"""Support code of the client test suite: the in-process mock API, canned bodies
that conform to openapi.yaml, a fake clock, and the test data of each operation.

Imported by ``conftest.py`` and the ``test_client_*`` modules (it holds no tests).
Every client test talks to :class:`MockApi`: an ``httpx.MockTransport`` handler that
records each request and answers with scripted replies, then with a canned body
per operation. Nothing leaves the process and nothing sleeps.
"""

from __future__ import annotations

import inspect
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx
import spec_calls

from gabber_client import AsyncGabber, AsyncPage, Gabber, SyncPage, models
from gabber_client._operations import OPERATIONS, SPEC_OPERATIONS
from gabber_client.models import (
    ContextMessage,
    RealtimeSession,
    RealtimeSessionStartResponse,
    RealtimeSessionTimelineItem,
)

API_KEY = "sk-test-SECRET-api-key-0123456789"
"""The API key of the test clients; no log line, repr or error may contain it."""
TOKEN = "eyJ-test-SECRET-usage-token-9876543210"
"""The usage token of the token-authenticated test clients."""
BASE_URL = "http://gabber.test"
"""The base URL of the test clients (never resolved: the transport is in-process)."""
SESSION_ID = "rs_1"

Kind = Literal["sync", "async"]
Reply = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]

# ------------------------------------------------------------------ canned bodies
CREATED_AT = "2024-05-01T12:00:00+00:00"


def session_json(session_id: str = SESSION_ID, *, state: str = "in_progress") -> dict[str, Any]:
    """A ``RealtimeSession`` as openapi.yaml describes it, every nested object filled."""
    return {
        "id": session_id,
        "state": state,
        "created_at": CREATED_AT,
        "project": "proj_1",
        "human": "h_1",
        "simulated": False,
        "config": {
            "general": {"time_limit_s": 600, "save_messages": True},
            "input": {"interruptable": True, "parallel_listening": False},
            "generative": {
                "llm": {
                    "created_at": CREATED_AT,
                    "id": "llm_1",
                    "name": "Gabber LLM",
                    "type": "chat",
                    "compliance": True,
                    "description": "The house model",
                },
                "voice_override": None,
                "persona": None,
                "scenario": None,
                "context": {
                    "id": "ctx_1",
                    "created_at": CREATED_AT,
                    "project": "proj_1",
                    "latest_messages": [],
                },
                "tool_definitions": [],
            },
            "output": {"stream_transcript": True, "answer_message": "Hi!"},
        },
        "data": [{"type": "caller_phone_number", "value": "+15550100"}],
    }


def start_json(session_id: str = SESSION_ID) -> dict[str, Any]:
    """A ``RealtimeSessionStartResponse``."""
    return {
        "session": session_json(session_id, state="not_started"),
        "connection_details": {"url": "wss://livekit.test/rs", "token": "lk-connection-token"},
    }


def message_json(message_id: str) -> dict[str, Any]:
    """A ``ContextMessage`` with one text part."""
    return {
        "id": message_id,
        "created_at": CREATED_AT,
        "role": "assistant",
        "content": [{"type": "text", "text": f"text of {message_id}"}],
    }


def timeline_json(seconds: float) -> dict[str, Any]:
    """A ``RealtimeSessionTimelineItem``."""
    return {"seconds": seconds, "type": "agent"}


def page_json(values: list[dict[str, Any]], next_page: str | None = None) -> dict[str, Any]:
    """One page of a paged operation (``total_count`` is the page's own length)."""
    body: dict[str, Any] = {"total_count": len(values), "values": values}
    if next_page is not None:
        body["next_page"] = next_page
    return body


def json_response(
    body: Any, status: int = 200, headers: dict[str, str] | None = None
) -> httpx.Response:
    """A JSON response with ``x-request-id: req_test``."""
    all_headers = {"x-request-id": "req_test", **(headers or {})}
    return httpx.Response(status, json=body, headers=all_headers)


def default_reply(request: httpx.Request) -> httpx.Response:
    """The canned, spec-conforming 200 of the operation ``request`` is for."""
    segments = request.url.raw_path.split(b"?")[0].decode("ascii").split("/")
    segments = segments[segments.index("v1") :]  # after any base URL path prefix
    if request.method == "POST" and segments == ["v1", "realtime", "start"]:
        return json_response(start_json())
    if segments == ["v1", "realtime", "list"]:
        return json_response(page_json([session_json("rs_a"), session_json("rs_b")]))
    last = segments[-1] if len(segments) == 4 else None
    if last == "messages":
        return json_response(page_json([message_json("m_1")]))
    if last == "timeline":
        return json_response(page_json([timeline_json(1.5)]))
    if last == "dtmf":
        return httpx.Response(200, headers={"x-request-id": "req_test"})
    operation = _operation_of(request.method, segments)
    response = SPEC_OPERATIONS[operation].response if operation is not None else None
    if operation is not None and response != "RealtimeSession":
        # An operation this mock has no canned body for: what its schema allows.
        reply = spec_calls.answer(operation)
        reply.headers["x-request-id"] = "req_test"
        return reply
    return json_response(session_json())


def _operation_of(method: str, segments: list[str]) -> str | None:
    """The spec's operation whose method and path template match the request."""
    for operation, facts in SPEC_OPERATIONS.items():
        template = facts.path.split("/")[1:]
        if (
            facts.method == method
            and len(template) == len(segments)
            and all(t.startswith("{") or t == s for t, s in zip(template, segments, strict=True))
        ):
            return operation
    return None


# ------------------------------------------------------------------ the mock API
@dataclass
class MockApi:
    """An in-process stand-in for the API, and a factory of clients wired to it."""

    kind: Kind = "sync"
    requests: list[httpx.Request] = field(default_factory=list)
    """Every request the transport received, in order."""
    replies: deque[Reply] = field(default_factory=deque)
    """Scripted replies, used in order before falling back to :func:`default_reply`."""
    fallback: Callable[[httpx.Request], httpx.Response] = default_reply
    _sync_http: list[httpx.Client] = field(default_factory=list)

    def queue(self, *replies: Reply) -> None:
        """Answer the next requests with ``replies`` (a response, an exception to
        raise, or a function of the request)."""
        self.replies.extend(replies)

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        reply: Reply = self.replies.popleft() if self.replies else self.fallback
        if isinstance(reply, Exception):
            raise reply
        if isinstance(reply, httpx.Response):
            return reply
        return reply(request)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handler)

    def sync_client(self, **kwargs: Any) -> Gabber:
        """A :class:`Gabber` on this mock (``api_key``/``base_url`` defaulted)."""
        http = httpx.Client(transport=self.transport())
        self._sync_http.append(http)
        return Gabber(**_client_kwargs(kwargs), http_client=http)

    def async_client(self, **kwargs: Any) -> AsyncGabber:
        """An :class:`AsyncGabber` on this mock (``api_key``/``base_url`` defaulted)."""
        http = httpx.AsyncClient(transport=self.transport())
        return AsyncGabber(**_client_kwargs(kwargs), http_client=http)

    def client(self, **kwargs: Any) -> Any:
        """A client of this test's ``kind``."""
        return self.sync_client(**kwargs) if self.kind == "sync" else self.async_client(**kwargs)

    @staticmethod
    async def settle(value: Any) -> Any:
        """``value`` awaited if it is awaitable (an async client's call), else as is."""
        return await value if inspect.isawaitable(value) else value

    @property
    def page_type(self) -> type[Any]:
        """The page class this test's ``kind`` of client returns."""
        return SyncPage if self.kind == "sync" else AsyncPage

    def close(self) -> None:
        for http in self._sync_http:
            http.close()


def _client_kwargs(kwargs: dict[str, Any]) -> dict[str, Any]:
    if "api_key" not in kwargs and "token" not in kwargs:
        kwargs["api_key"] = API_KEY
    kwargs.setdefault("base_url", BASE_URL)
    return kwargs


@dataclass
class FakeClock:
    """Records the waits of the retry loop instead of sleeping."""

    waits: list[float] = field(default_factory=list)

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.waits.append(seconds)


# ------------------------------------------------------------------ the operations
CONFIG_CREATE: dict[str, Any] = {
    "general": {"time_limit_s": 300, "save_messages": True},
    "input": {"interruptable": True, "parallel_listening": False},
    "generative": {
        "llm": "llm_1",
        "persona": "persona_1",
        "tool_definitions": ["td_1"],
        "_extra": {"partner": "acme"},
    },
    "output": {"stream_transcript": True, "answer_message": "Hello!"},
}
"""A ``RealtimeSessionConfigCreate`` as a dict, exactly as it goes on the wire."""

CONFIG_UPDATE: dict[str, Any] = {
    "generative": {"voice_override": "voice_2", "scenario": None},
    "output": {"stream_transcript": False},
}
"""A ``RealtimeSessionConfigUpdate`` as a dict, exactly as it goes on the wire."""


def _check_session(result: Any) -> None:
    assert isinstance(result, RealtimeSession)
    assert result.id == SESSION_ID
    assert result.state == "in_progress"
    assert result.project == "proj_1"
    assert result.config.generative.llm.name == "Gabber LLM"
    assert result.config.output.answer_message == "Hi!"
    assert result.data[0].value == "+15550100"


def _check_start(result: Any) -> None:
    assert isinstance(result, RealtimeSessionStartResponse)
    assert result.session.id == SESSION_ID
    assert result.session.state == "not_started"
    assert result.connection_details.url == "wss://livekit.test/rs"
    assert result.connection_details.token == "lk-connection-token"


def _check_list(result: Any) -> None:
    assert [s.id for s in result.values] == ["rs_a", "rs_b"]
    assert all(isinstance(s, RealtimeSession) for s in result.values)
    assert result.total_count == 2
    assert not result.has_next_page()


def _check_messages(result: Any) -> None:
    assert len(result.values) == 1
    message = result.values[0]
    assert isinstance(message, ContextMessage)
    assert (message.id, message.role) == ("m_1", "assistant")
    assert message.content[0].text == "text of m_1"
    assert not result.has_next_page()


def _check_timeline(result: Any) -> None:
    assert len(result.values) == 1
    item = result.values[0]
    assert isinstance(item, RealtimeSessionTimelineItem)
    assert (item.seconds, item.type_) == (1.5, "agent")


def _check_none(result: Any) -> None:
    assert result is None


_OPERATION_OF: dict[str, str] = {entry.method: op for op, entry in OPERATIONS.items()}


@dataclass(frozen=True)
class Op:
    """One operation of ``client.realtime``, and what it must put on the wire.

    Only the test data is written here (how to call it, the body it must send, what
    to check of the result); the method, path, x-human-id and security come from the
    spec, the retry policy and paging from the operation table."""

    name: str
    """The facade method."""
    call: Callable[..., Any]
    """``call(realtime, session, **kw)``: the call; ``kw`` may hold ``human``."""
    body: dict[str, Any] | None
    """The exact JSON body sent, ``None`` for no body."""
    check: Callable[[Any], None]
    """Assertions on the parsed result of the canned reply."""

    @property
    def operation_id(self) -> str:
        return _OPERATION_OF[self.name]

    @property
    def method(self) -> str:
        return SPEC_OPERATIONS[self.operation_id].method

    @property
    def path(self) -> str:
        """The path, with ``{session}`` where the (percent-encoded) session id goes."""
        return SPEC_OPERATIONS[self.operation_id].path

    @property
    def idempotent(self) -> bool:
        return OPERATIONS[self.operation_id].retry_after_sent

    @property
    def human(self) -> bool:
        """Whether the operation sends ``x-human-id`` (it declares the header)."""
        return SPEC_OPERATIONS[self.operation_id].human_header

    @property
    def paged(self) -> bool:
        return OPERATIONS[self.operation_id].paging != "none"

    @property
    def takes_session(self) -> bool:
        return "{session}" in self.path

    def __str__(self) -> str:
        return self.name


OPS: list[Op] = [
    Op(
        "start",
        lambda rt, s, **kw: rt.start(CONFIG_CREATE, **kw),
        {"config": CONFIG_CREATE},
        check=_check_start,
    ),
    Op(
        "list",
        lambda rt, s, **kw: rt.list(**kw),
        None,
        check=_check_list,
    ),
    Op(
        "get",
        lambda rt, s, **kw: rt.get(s, **kw),
        None,
        check=_check_session,
    ),
    Op(
        "end",
        lambda rt, s, **kw: rt.end(s, **kw),
        None,
        check=_check_session,
    ),
    Op(
        "update",
        lambda rt, s, **kw: rt.update(s, CONFIG_UPDATE, **kw),
        CONFIG_UPDATE,
        check=_check_session,
    ),
    Op(
        "messages",
        lambda rt, s, **kw: rt.messages(s, **kw),
        None,
        check=_check_messages,
    ),
    Op(
        "timeline",
        lambda rt, s, **kw: rt.timeline(s, **kw),
        None,
        check=_check_timeline,
    ),
    Op(
        "speak",
        lambda rt, s: rt.speak(s, "Hello there"),
        {"text": "Hello there"},
        check=_check_session,
    ),
    Op(
        "attach_human",
        lambda rt, s: rt.attach_human(s, "h_2"),
        {"human": "h_2"},
        check=_check_session,
    ),
    Op(
        "initiate_outbound_call",
        lambda rt, s: rt.initiate_outbound_call(
            s, source_phone_number="+15550100", destination_phone_number="+15550199"
        ),
        {
            "type": "phone",
            "source_phone_number": "+15550100",
            "destination_phone_number": "+15550199",
        },
        check=_check_session,
    ),
    Op(
        "dtmf",
        lambda rt, s: rt.dtmf(s, "12#"),
        {
            "digits": [
                {"digit": "1", "duration": 250},
                {"digit": "2", "duration": 250},
                {"digit": "#", "duration": 250},
            ]
        },
        check=_check_none,
    ),
]
"""The operations with hand-written test data (exact bodies, result checks)."""


def _generic_op(operation: str) -> Op:
    """An operation without hand-written data: called with the arguments its schemas
    make (``spec_calls``); it must send the minimal body and parse the answer."""
    entry, facts = OPERATIONS[operation], SPEC_OPERATIONS[operation]
    args, kwargs = spec_calls.call_arguments(operation)

    def call(rt: Any, s: str, **kw: Any) -> Any:
        positional = [s if a == spec_calls.SESSION else a for a in args]
        return getattr(rt, entry.method)(*positional, **kwargs, **kw)

    body = None
    if facts.request_body is not None:
        body = spec_calls.minimal({"$ref": f"#/components/schemas/{facts.request_body}"})

    def check(result: Any) -> None:
        if facts.response is None:
            assert result is None
        elif entry.paging != "none":
            assert result.total_count >= 0
        else:
            assert isinstance(result, getattr(models, facts.response))

    return Op(entry.method, call, body, check=check)


OPS += [
    _generic_op(operation)
    for operation, entry in OPERATIONS.items()
    if entry.method not in {op.name for op in OPS}
]
"""Every operation of the spec: the hand-written ones above, then one built from the
spec for any other."""

API_KEY_ONLY = frozenset(o.name for o in OPS if SPEC_OPERATIONS[o.operation_id].api_key_only)
"""The operations whose only security scheme is ApiKeyAuth (the spec's security)."""

OP_SETS: dict[str, list[Op]] = {
    "op": OPS,
    "session_op": [o for o in OPS if o.takes_session],
    "human_op": [o for o in OPS if o.human],
    "no_human_op": [o for o in OPS if not o.human],
    "idempotent_op": [o for o in OPS if o.idempotent],
    "unsafe_op": [o for o in OPS if not o.idempotent],
    "bearer_op": [o for o in OPS if o.name not in API_KEY_ONLY],
    "key_only_op": [o for o in OPS if o.name in API_KEY_ONLY],
}
"""Argument names a test may ask for, each parametrized over a subset of :data:`OPS`."""
