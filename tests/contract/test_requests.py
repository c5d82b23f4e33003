"""Every request the facade builds conforms to openapi.yaml.

Each case calls ``client.realtime.<method>`` (with :class:`~gabber_client.Gabber`
and with :class:`~gabber_client.AsyncGabber`) on a client whose transport is a
``CannedApi`` (``_canned``) behind a
``ContractTransport`` (``_openapi``): openapi-core validates the request
(method, path, parameters, security scheme, body) and the canned answer before the
call returns, and a violation fails the call with the validator's messages.

The cases cover every operation of the spec; an API key, and a usage token wherever the
spec's ``security`` allows ``BearerAuth``; ``x-human-id`` absent, per call, from
the client's default, and both; optional body fields present (nulls included) and
absent; second pages; and session ids that need percent-encoding (``/``, ``?``,
``#``, ``%``, spaces, unicode, ``..``, 4 KB).

Then each request is checked for what a schema validator cannot know: which
operation it reached (openapi-core's router), that the ``{session}`` segment
decodes back to the id given, and that ``x-human-id``, the page token, the
credentials and the JSON body are exactly the ones asked for (so an optional field
left out is not sent as ``null``, and one given is not dropped).
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Literal
from urllib.parse import parse_qs, unquote

import httpx
import pytest
from openapi_core import OpenAPI
from spec_values import facade_arguments, facade_method_name, minimal_body, minimal_config

from gabber_client import AsyncGabber, Gabber
from gabber_client._scope import OWNER_OPERATION

from ._canned import CannedApi
from ._openapi import (
    SERVER_URL,
    ContractTransport,
    load_spec,
    operation_id,
    path_parameters,
)

pytestmark = pytest.mark.contract

SPEC = load_spec()
API_KEY = "contract-test-api-key"
TOKEN = "contract.test.usage-token"
HUMAN = "human 1/?#%;,"
"""An ``x-human-id`` with the characters a header value may carry that a path may not."""
OTHER_HUMAN = "h_default"


def _operations() -> dict[str, dict[str, Any]]:
    return {
        details["operationId"]: details
        for methods in SPEC["paths"].values()
        for details in methods.values()
    }


OPERATIONS = _operations()
BEARER_OPERATIONS = frozenset(
    op for op, d in OPERATIONS.items() if any("BearerAuth" in req for req in d["security"])
)
"""Operations whose ``security`` accepts a usage token, read from the spec."""
HUMAN_OPERATIONS = frozenset(
    op
    for op, d in OPERATIONS.items()
    if {"$ref": "#/components/parameters/HumanId"} in d.get("parameters", [])
)
"""Operations that declare the optional ``x-human-id`` header, read from the spec."""

AWKWARD_IDS: dict[str, str] = {
    "plain": "rs_0123456789abcdef",
    "slash": "a/b/c",
    "question": "what?page=2",
    "hash": "a#fragment",
    "percent": "100%25 %zz %",
    "spaces": " leading and trailing ",
    "unicode": "séance-会话-🎙️",
    "dotdot": "..",
    "dot": ".",
    "mixed": "../x?y#z%20 é/..",
    "4kb": ("é/?#% ." * 600)[:4096],
}


class _NoBody:
    def __repr__(self) -> str:
        return "NO_BODY"


NO_BODY: Any = _NoBody()


@dataclass(frozen=True)
class Sent:
    """What one request must carry."""

    operation: str
    session: str | None = None
    human: str | None = None
    page: str | None = None
    body: Any = NO_BODY
    scope_check: bool = False
    """The scoped GET a client with a default human sends before an operation without
    ``x-human-id`` (gabber_client/_scope.py): an API key only, a token is scoped."""


@dataclass(frozen=True)
class Call:
    """``client.realtime.<method>(*args, **kwargs)``, to run on either client."""

    method: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)

    def __call__(self, realtime: Any) -> Any:
        return getattr(realtime, self.method)(*self.args, **self.kwargs)

    def plus(self, **kwargs: Any) -> Call:
        """The same call with more keyword arguments."""
        return Call(self.method, self.args, {**self.kwargs, **kwargs})


@dataclass(frozen=True)
class SpecCall:
    """``operation`` through its facade method, on ``session`` (``None`` when its path
    takes none), with the minimal body its schema gives (see
    :func:`spec_values.call_operation`)."""

    operation: str
    session: str | None
    kwargs: dict[str, Any] = field(default_factory=dict)

    @property
    def method(self) -> str:
        return facade_method_name(self.operation)

    def __call__(self, realtime: Any) -> Any:
        method = getattr(realtime, self.method)
        arguments = facade_arguments(
            method, self.operation, self.session, minimal_body(self.operation)
        )
        return method(**arguments, **self.kwargs)

    def plus(self, **kwargs: Any) -> SpecCall:
        """The same call with more keyword arguments."""
        return SpecCall(self.operation, self.session, {**self.kwargs, **kwargs})


@dataclass(frozen=True)
class NextPage:
    """``call``, then ``get_next_page()`` on the page it returned."""

    call: Call

    async def __call__(self, realtime: Any) -> Any:
        page = await settle(self.call(realtime))
        assert page.has_next_page()
        return await settle(page.get_next_page())


@dataclass(frozen=True)
class Case:
    """One facade call, the client it runs on, and the requests it must send."""

    name: str
    call: Call | SpecCall | NextPage
    sent: tuple[Sent, ...]
    client_human: str | None = None
    next_pages: dict[str, str] = field(default_factory=dict)
    both_clients: bool = True
    """Run with the async client too (the sync one is always used)."""

    @property
    def bearer_allowed(self) -> bool:
        return all(s.operation in BEARER_OPERATIONS for s in self.sent)


async def settle(value: Any) -> Any:
    """``value``, awaited when the async client returned a coroutine."""
    return await value if inspect.isawaitable(value) else value


# ------------------------------------------------------------------ the cases
CONFIG_MINIMAL: dict[str, Any] = dict(minimal_config())
"""The spec's minimal config: every optional field absent."""
CONFIG_FULL: dict[str, Any] = {
    "general": {"time_limit_s": 600, "save_messages": False},
    "input": {"interruptable": False, "parallel_listening": True},
    "generative": {
        "llm": "llm_1",
        "voice_override": "voice_1",
        "persona": "persona_1",
        "scenario": "scenario_1",
        "context": "ctx_1",
        "tool_definitions": ["td_1", "td_2"],
        "_extra": {"partner": {"nested": [1, 2.5, None, True, "x"]}},
    },
    "output": {
        "stream_transcript": True,
        "speech_synthesis_enabled": False,
        "answer_message": "Hello, séance!",
    },
}
CONFIG_NULLS: dict[str, Any] = {
    "general": {"time_limit_s": None, "save_messages": None},
    "input": {"interruptable": None, "parallel_listening": None},
    "generative": {
        "llm": "llm_1",
        "voice_override": None,
        "persona": None,
        "scenario": None,
        "context": None,
        "tool_definitions": None,
        "_extra": None,
    },
    "output": {"stream_transcript": True, "speech_synthesis_enabled": None, "answer_message": None},
}
UPDATES: dict[str, dict[str, Any]] = {
    "empty": {},
    "one-part": {"output": {"stream_transcript": True}},
    "generative-only": {"generative": {"voice_override": "voice_2", "tool_definitions": []}},
    "every-part": {
        "general": CONFIG_FULL["general"],
        "input": CONFIG_FULL["input"],
        "generative": {**CONFIG_FULL["generative"], "llm": "llm_2"},
        "output": CONFIG_FULL["output"],
    },
    "nulls": {"general": None, "input": None, "generative": None, "output": None},
    "nested-nulls": {"generative": dict.fromkeys(CONFIG_NULLS["generative"])},
}
PHONE = {"source_phone_number": "+14155550100", "destination_phone_number": "+442071838750"}
SID = "rs_1"


def _digits(tones: str, duration: int = 250) -> dict[str, Any]:
    return {"digits": [{"digit": d, "duration": duration} for d in tones]}


def _spec_calls(sid: str) -> Iterator[tuple[SpecCall, Sent]]:
    """A call of every operation of the spec (on ``sid`` when its path has a
    ``{session}``), with the minimal body its schema gives, and what it sends."""
    for path, methods in SPEC["paths"].items():
        for details in methods.values():
            operation = details["operationId"]
            session = sid if "{session}" in path else None
            body = minimal_body(operation)
            sent = Sent(operation, session, body=NO_BODY if body is None else body)
            yield SpecCall(operation, session), sent


def _session_calls(sid: str) -> Iterator[tuple[SpecCall, Sent]]:
    """:func:`_spec_calls` of the operations with a ``{session}``."""
    return ((call, sent) for call, sent in _spec_calls(sid) if sent.session is not None)


def _session_cases() -> Iterator[Case]:
    """Every operation with a ``{session}``, for every awkward id. The id is encoded by
    code the two clients share, so the async client runs the plain id only."""
    for label, sid in AWKWARD_IDS.items():
        for call, sent in _session_calls(sid):
            yield Case(f"{call.method}[{label}]", call, (sent,), both_clients=label == "plain")


def _human_cases() -> Iterator[Case]:
    """Each operation that declares ``x-human-id``: none, per call, client default, both."""
    calls = [(call, sent) for call, sent in _spec_calls(SID) if sent.operation in HUMAN_OPERATIONS]
    for call, sent in calls:
        op = sent.operation
        yield Case(f"{op}[no-human]", call, (sent,))
        with_human = replace(sent, human=HUMAN)
        yield Case(f"{op}[human-per-call]", call.plus(human=HUMAN), (with_human,))
        yield Case(f"{op}[human-default]", call, (replace(sent, human=OTHER_HUMAN),), OTHER_HUMAN)
        yield Case(
            f"{op}[human-per-call-over-default]", call.plus(human=HUMAN), (with_human,), OTHER_HUMAN
        )


def _no_human_cases() -> Iterator[Case]:
    """Operations without ``x-human-id`` must not send it, even with a client default;
    the scoped GET that checks the session is that human's comes first."""
    check = Sent(OWNER_OPERATION, SID, human=OTHER_HUMAN, scope_check=True)
    for call, sent in _session_calls(SID):
        if sent.operation not in HUMAN_OPERATIONS:
            name = f"{sent.operation}[client-default-human]"
            yield Case(name, call, (check, sent), OTHER_HUMAN)


def _body_cases() -> Iterator[Case]:
    """Optional body fields present (with values and with nulls) and absent."""
    start = "start_realtime_session"
    for label, config in (
        ("minimal", CONFIG_MINIMAL),
        ("full", CONFIG_FULL),
        ("nulls", CONFIG_NULLS),
    ):
        yield Case(
            f"start[config-{label}]",
            Call("start", (config,)),
            (Sent(start, body={"config": config}),),
        )
    for simulated in (True, False):
        yield Case(
            f"start[simulated-{simulated}]",
            Call("start", (CONFIG_MINIMAL,), {"simulated": simulated}),
            (Sent(start, body={"config": CONFIG_MINIMAL, "simulated": simulated}),),
        )
    extra = {"crm": {"id": 7, "tags": ["a", "b"]}, "flag": None}
    yield Case(
        "start[every-option]",
        Call("start", (CONFIG_FULL,), {"simulated": True, "extra": extra, "human": HUMAN}),
        (
            Sent(
                start, human=HUMAN, body={"config": CONFIG_FULL, "simulated": True, "_extra": extra}
            ),
        ),
    )
    for label, update in UPDATES.items():
        yield Case(
            f"update[{label}]",
            Call("update", (SID, update)),
            (Sent("update_realtime_session", SID, body=update),),
        )
    for label, page in (("token", "tok_2"), ("awkward", "a b&c=d#e/é?%")):
        yield Case(
            f"list[page-{label}]",
            Call("list", (), {"page": page}),
            (Sent("list_realtime_sessions", page=page),),
        )
    for label, text in (("unicode", "Ça va? 会话 🎙️"), ("long", "word " * 2000)):
        yield Case(
            f"speak[{label}]",
            Call("speak", (SID, text)),
            (Sent("speak", SID, body={"text": text}),),
        )
    for label, human in AWKWARD_IDS.items():
        yield Case(
            f"attach_human[human-{label}]",
            Call("attach_human", (SID, human)),
            (Sent("attach_human", SID, body={"human": human}),),
        )
    every_digit = "0123456789*#ABCD"
    yield Case(
        "dtmf[every-digit]",
        Call("dtmf", (SID, every_digit), {"duration_ms": 40}),
        (Sent("dtmf", SID, body=_digits(every_digit, 40)),),
    )
    listed = [{"digit": "<pause>", "duration": 1000}, {"digit": "5", "duration": 80}]
    yield Case(
        "dtmf[list-with-pause]",
        Call("dtmf", (SID, listed)),
        (Sent("dtmf", SID, body={"digits": listed}),),
    )


def _page_cases() -> Iterator[Case]:
    """The request for a second page: a token (list) or a URL (messages, timeline)."""
    listed = "list_realtime_sessions"
    yield Case(
        "list[next-page]",
        NextPage(Call("list", (), {"human": HUMAN})),
        (Sent(listed, human=HUMAN), Sent(listed, human=HUMAN, page="tok 2/é")),
        next_pages={listed: "tok 2/é"},
    )
    sid = AWKWARD_IDS["mixed"]
    encoded = "%2E%2E%2Fx%3Fy%23z%2520%20%C3%A9%2F%2E%2E"
    assert unquote(encoded) == sid
    for kind, url in (
        ("messages", f"{SERVER_URL}/v1/realtime/{encoded}/messages?page=p%202"),
        ("timeline", f"/v1/realtime/{encoded}/timeline?page=p%202"),
    ):
        op = f"get_realtime_session_{kind}"
        yield Case(
            f"{kind}[next-page-url]",
            NextPage(Call(kind, (sid,), {"human": HUMAN})),
            (Sent(op, sid, human=HUMAN), Sent(op, sid, human=HUMAN, page="p 2")),
            next_pages={op: url},
        )


CASES: list[Case] = [
    *_session_cases(),
    *_human_cases(),
    *_no_human_cases(),
    *_body_cases(),
    *_page_cases(),
]

Auth = Literal["api_key", "token"]
Flavour = Literal["sync", "async"]


def _matrix() -> Iterator[Any]:
    for case in CASES:
        auths: tuple[Auth, ...] = ("api_key", "token") if case.bearer_allowed else ("api_key",)
        flavours: tuple[Flavour, ...] = ("sync", "async") if case.both_clients else ("sync",)
        for auth in auths:
            for flavour in flavours:
                yield pytest.param(case, auth, flavour, id=f"{case.name}-{auth}-{flavour}")


# ------------------------------------------------------------------ the checks
def check_sent(openapi: OpenAPI, request: httpx.Request, sent: Sent, auth: Auth) -> None:
    """``request`` (already valid per openapi-core) carries exactly ``sent``."""
    assert operation_id(openapi, request) == sent.operation
    session = path_parameters(openapi, request).get("session")
    assert (None if session is None else unquote(session, errors="strict")) == sent.session
    assert request.headers.get("x-human-id") == sent.human
    pages = parse_qs(request.url.query.decode("ascii"), keep_blank_values=True).get("page")
    assert pages == (None if sent.page is None else [sent.page])
    if auth == "api_key":
        assert request.headers.get("x-api-key") == API_KEY
        assert "authorization" not in request.headers
    else:
        assert request.headers.get("authorization") == f"Bearer {TOKEN}"
        assert "x-api-key" not in request.headers
    if sent.body is NO_BODY:
        assert request.content == b""
    else:
        assert request.headers.get("content-type") == "application/json"
        assert json.loads(request.content) == sent.body


def _credentials(auth: Auth) -> dict[str, str]:
    return {"api_key": API_KEY} if auth == "api_key" else {"token": TOKEN}


@pytest.mark.parametrize(("case", "auth", "flavour"), list(_matrix()))
async def test_request_conforms(openapi: OpenAPI, case: Case, auth: Auth, flavour: Flavour) -> None:
    canned = CannedApi(SPEC, openapi, next_pages=dict(case.next_pages))
    transport = ContractTransport(openapi, canned.transport())
    options: dict[str, Any] = {
        **_credentials(auth),
        "base_url": SERVER_URL,
        "human": case.client_human,
        "max_retries": 0,
    }
    if flavour == "sync":
        with httpx.Client(transport=transport) as http:
            await settle(case.call(Gabber(**options, http_client=http).realtime))
    else:
        async with httpx.AsyncClient(transport=transport) as ahttp:
            await settle(case.call(AsyncGabber(**options, http_client=ahttp).realtime))
    expected = [s for s in case.sent if not (s.scope_check and auth == "token")]
    assert len(canned.requests) == len(expected)
    for request, sent in zip(canned.requests, expected, strict=True):
        check_sent(openapi, request, sent, auth)


def test_cases_cover_every_operation() -> None:
    """Every operation of the spec is sent, with each credential it accepts."""
    sent = {s.operation for case in CASES for s in case.sent}
    assert sent == set(OPERATIONS)
    with_token = {s.operation for case in CASES if case.bearer_allowed for s in case.sent}
    assert with_token == BEARER_OPERATIONS
    with_human = {s.operation for case in CASES for s in case.sent if s.human is not None}
    assert with_human == HUMAN_OPERATIONS
