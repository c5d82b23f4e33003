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
from spec_values import facade_arguments, minimal_body

from gabber_client import AsyncGabber, AsyncPage, Gabber, SyncPage, models
from gabber_client._operations import OPERATIONS, SPEC_OPERATIONS
from gabber_client.testing._routing import match_route
from gabber_client.testing._schema import fill_response, schema_example

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


CANNED: dict[str, Callable[[], Any]] = {
    "RealtimeSession": session_json,
    "RealtimeSessionStartResponse": start_json,
    "ListRealtimeSessions200Response": lambda: page_json(
        [session_json("rs_a"), session_json("rs_b")]
    ),
    "GetRealtimeSessionMessages200Response": lambda: page_json([message_json("m_1")]),
    "GetRealtimeSessionTimeline200Response": lambda: page_json([timeline_json(1.5)]),
}
"""Canned 200 bodies richer than the schema's examples, by response schema; any other
schema answers with a value made from it (examples, then defaults, then types)."""


def canned_body(operation: str) -> Any:
    """The 200 body :func:`default_reply` answers ``operation`` with (``None``: empty)."""
    schema = SPEC_OPERATIONS[operation].response
    if schema is None:
        return None
    make = CANNED.get(schema)
    return make() if make is not None else fill_response(operation, schema_example(schema))


def default_reply(request: httpx.Request) -> httpx.Response:
    """The canned, spec-conforming 200 of the operation ``request`` is for."""
    path = request.url.raw_path.split(b"?")[0].decode("ascii")
    path = path[path.index("/v1/") :]  # after any base URL path prefix
    operation = match_route(request.method, path).operation
    if operation is None:
        return json_response({"message": f"no operation at {path}"}, status=404)
    body = canned_body(operation)
    if body is None:
        return httpx.Response(200, headers={"x-request-id": "req_test"})
    return json_response(body)


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


def _check(operation: str) -> Callable[[Any], None]:
    """Assertions on the parsed result of the canned reply of ``operation``: the model
    of its response schema holding exactly the canned body (a page: its items)."""
    schema = SPEC_OPERATIONS[operation].response

    def check(result: Any) -> None:
        expected = canned_body(operation)
        if schema is None:
            assert result is None
        elif OPERATIONS[operation].paging != "none":
            assert [value.to_dict() for value in result.values] == expected["values"]
            assert result.total_count == expected["total_count"]
        else:
            assert isinstance(result, getattr(models, schema))
            assert result.to_dict() == expected

    return check


@dataclass(frozen=True)
class Op:
    """One operation of ``client.realtime``, and what it must put on the wire.

    Everything is read from the spec and the operation table: the facade method, the
    minimal valid request body its schema gives (sent through the method's
    parameters, see :func:`spec_values.facade_arguments`), the method, path,
    x-human-id and security, the retry policy and paging."""

    operation_id: str

    @property
    def name(self) -> str:
        """The facade method."""
        return OPERATIONS[self.operation_id].method

    @property
    def body(self) -> Any:
        """The exact JSON body sent, ``None`` for no body."""
        return minimal_body(self.operation_id)

    def call(self, realtime: Any, session: str | None, **kw: Any) -> Any:
        """The call, for ``session``; ``kw`` may hold ``human``."""
        method = getattr(realtime, self.name)
        takes_session = session if self.takes_session else None
        arguments = facade_arguments(method, self.operation_id, takes_session, self.body)
        return method(**arguments, **kw)

    @property
    def check(self) -> Callable[[Any], None]:
        """Assertions on the parsed result of the canned reply."""
        return _check(self.operation_id)

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


OPS: list[Op] = [Op(operation) for operation in SPEC_OPERATIONS]
"""Every operation of the spec."""

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
