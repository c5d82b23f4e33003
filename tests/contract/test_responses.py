"""Every response of the fake (``gabber_client.testing``) conforms to openapi.yaml.

The fake is reached in-process through a
``ContractTransport`` (``_openapi``) wrapped around ``fake.transport()``:
openapi-core validates every response (status declared for the operation, content
type, headers, body) as it passes, and fails the call that got it with the
validator's messages otherwise. Requests sent through the facade are validated
too; the raw ``httpx`` requests that are deliberately wrong (bad JSON, bodies that
break the schema, missing or wrong credentials) are sent with request validation
off, since only the fake's answer to them is under test.

For each operation of the spec the scenario drives happy paths (facade, sync and
async, API key and, where the spec allows it, a usage token; pagination walked to
the end) and error paths (400 bad input and bad page tokens, 401, 404 for unknown
and other humans' sessions, ended sessions, and the fake's injected 429 and 500),
then checks that every status the operation can produce was seen and validated.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypedDict, cast
from urllib.parse import quote

import httpx
import pytest
from openapi_core import OpenAPI
from openapi_core.templating.paths.exceptions import PathError
from spec_values import (
    call_operation,
    minimal_body,
    minimal_config,
    operation_ids,
    schema_breaking_body,
)

from gabber_client import AsyncGabber, Gabber
from gabber_client._generated._spec_facts import OPERATIONS as SPEC_OPERATIONS
from gabber_client._operations import OPERATIONS as FACADE_OPERATIONS
from gabber_client.errors import BadRequestError, NotFoundError
from gabber_client.testing import FakeGabber, OperationName
from gabber_client.types import RealtimeSessionConfigCreateParam

from ._openapi import SERVER_URL, ContractTransport, load_spec, operation_id

pytestmark = pytest.mark.contract

SPEC = load_spec()
OPERATIONS: dict[str, dict[str, Any]] = {
    d["operationId"]: {**d, "method": method.upper(), "path": path}
    for path, methods in SPEC["paths"].items()
    for method, d in methods.items()
}
BEARER_OPERATIONS = frozenset(
    op for op, d in OPERATIONS.items() if any("BearerAuth" in r for r in d["security"])
)
HUMAN = "h_owner"
OTHER = "h_other"
SESSION_ID = "rs/awkward?id#1 %é.."
"""The id of the sessions the scenarios use: every character that needs encoding."""
CONFIG: RealtimeSessionConfigCreateParam = minimal_config(
    {
        "general": {"time_limit_s": 60},
        "generative": {"persona": "persona_1", "tool_definitions": ["td_1"]},
        "output": {"answer_message": "Hi"},
    }
)
"""The minimal config, with optional parts whose responses expand objects."""


class Phones(TypedDict):
    """The keyword arguments of ``initiate_outbound_call`` besides the session."""

    source_phone_number: str
    destination_phone_number: str


PHONE: Phones = {"source_phone_number": "+14155550100", "destination_phone_number": "+14155550199"}
VALID_BODIES: dict[str, Any] = {
    op: minimal_body(op) for op in operation_ids() if minimal_body(op) is not None
}
"""A body each operation with a request body accepts: the minimal one of its schema."""
SCHEMA_BREAKING_BODIES: dict[str, Any] = {op: schema_breaking_body(op) for op in VALID_BODIES}
"""A body each such operation must refuse with a 400: it breaks the schema."""
SEMANTIC_BAD_BODIES: dict[str, Any] = {
    "speak": {"text": "   "},
    "dtmf": {"digits": []},
    "initiate_outbound_call": {"type": "phone", **PHONE, "source_phone_number": "555-0100"},
    "attach_human": {"human": ""},
}
"""Bodies that fit the schema but that the fake must refuse with a 400."""
LIVE_ONLY = ("speak", "dtmf", "initiate_outbound_call")
"""Operations that a session that has ended refuses with a 400."""
PAGED = tuple(op for op, entry in FACADE_OPERATIONS.items() if entry.paging != "none")
"""Operations whose result pages (the operation table)."""


@dataclass
class World:
    """The fake, validated clients of it, and the exchanges they made."""

    fake: FakeGabber
    strict: ContractTransport
    """Validates requests and responses: for the facade."""
    lenient: ContractTransport
    """Validates responses only: for deliberately wrong raw requests."""
    client: Gabber
    aclient: AsyncGabber
    raw: httpx.Client

    def token_client(self, human: str) -> Gabber:
        """A facade client with a usage token of ``human``, over the strict transport."""
        return Gabber(
            token=self.fake.issue_token(human),
            base_url=SERVER_URL,
            max_retries=0,
            http_client=httpx.Client(transport=self.strict),
        )

    def session(self, *, human: str | None = HUMAN, messages: int = 0) -> str:
        """A fresh live session of ``human`` with ``messages`` messages; its id."""
        sid = f"{SESSION_ID}-{len(self.fake.sessions())}"
        self.fake.create_session(CONFIG, session_id=sid, human=human)
        for index in range(messages):
            self.fake.add_message(
                sid, f"message {index}", role="user" if index % 2 else "assistant"
            )
        return sid

    def url(self, operation: str, session: str = "") -> str:
        """The path of ``operation`` for ``session`` (percent-encoded as one segment)."""
        template: str = OPERATIONS[operation]["path"]
        return template.replace("{session}", quote(session, safe=""))

    def send(
        self,
        operation: str,
        session: str = "",
        *,
        headers: dict[str, str] | None = None,
        content: bytes | None = None,
        params: dict[str, str] | None = None,
    ) -> httpx.Response:
        """A raw request of ``operation`` (API key unless ``headers`` say otherwise)."""
        sent_headers = {"x-api-key": self.fake.api_key} if headers is None else headers
        if content is not None:
            sent_headers = {**sent_headers, "content-type": "application/json"}
        method = OPERATIONS[operation]["method"]
        return self.raw.request(
            method,
            self.url(operation, session),
            headers=sent_headers,
            content=content,
            params=params,
        )

    def statuses(self, operation: str) -> set[int]:
        """The statuses of every validated response to ``operation``."""
        seen = set()
        for exchange in (*self.strict.exchanges, *self.lenient.exchanges):
            try:
                if operation_id(self.strict.api, exchange.request) == operation:
                    seen.add(exchange.response.status_code)
            except PathError:
                continue
        return seen


@pytest.fixture
async def world(openapi: OpenAPI) -> AsyncIterator[World]:
    """A fake with pages of 2, and clients of it that validate every exchange."""
    fake = FakeGabber(page_size=2, base_url=SERVER_URL)
    strict = ContractTransport(openapi, fake.transport())
    lenient = ContractTransport(openapi, fake.transport(), check_requests=False)
    options: dict[str, Any] = {"api_key": fake.api_key, "base_url": SERVER_URL, "max_retries": 0}
    with (
        httpx.Client(transport=strict) as http,
        httpx.Client(transport=lenient, base_url=SERVER_URL) as raw,
    ):
        async with httpx.AsyncClient(transport=strict) as ahttp:
            yield World(
                fake=fake,
                strict=strict,
                lenient=lenient,
                client=Gabber(**options, http_client=http),
                aclient=AsyncGabber(**options, http_client=ahttp),
                raw=raw,
            )


# ------------------------------------------------------------- happy paths
async def _walk_pages(world: World, operation: str, session: str, human: str | None) -> None:
    """Every page of a paged operation, sync and async, following ``next_page``."""
    sync_items = list(call_operation(world.client, operation, session, human=human))
    pages = await call_operation(world.aclient, operation, session, human=human)
    async_items = [item async for item in pages]
    assert len(sync_items) == len(async_items) > 2, "the walk must cross a page boundary"


Happy = Callable[[World, str], Awaitable[None]]


async def _happy_start(world: World, sid: str) -> None:
    world.client.realtime.start(CONFIG, simulated=True, extra={"k": [1]}, human=HUMAN)
    await world.aclient.realtime.start(CONFIG)


async def _happy_update(world: World, sid: str) -> None:
    world.client.realtime.update(sid, {"generative": {"voice_override": "voice_2"}})
    await world.aclient.realtime.update(
        sid, {"generative": {"voice_override": None}, "input": None}
    )


async def _happy_dtmf(world: World, sid: str) -> None:
    world.client.realtime.dtmf(sid, "0123456789*#ABCD")
    await world.aclient.realtime.dtmf(sid, [{"digit": "<pause>", "duration": 500}])


async def _happy_any(world: World, sid: str, operation: str) -> None:
    """Any operation: the minimal body of its schema, sync then async (then with the
    session's human when it declares x-human-id). A paged one is walked to its end,
    as the session's human when it declares x-human-id (``sid`` has more messages
    than a page holds; more sessions, one of another human, make the list of that
    human longer than a page too)."""
    if operation in PAGED:
        world.session()
        world.session()
        world.session(human=OTHER)
        human = HUMAN if SPEC_OPERATIONS[operation].human_header else None
        await _walk_pages(world, operation, sid, human)
    else:
        call_operation(world.client, operation, sid)
        await call_operation(world.aclient, operation, sid)
    if SPEC_OPERATIONS[operation].human_header:
        call_operation(world.client, operation, sid, human=HUMAN)


HAPPY: dict[str, Happy] = {
    "start_realtime_session": _happy_start,
    "update_realtime_session": _happy_update,
    "dtmf": _happy_dtmf,
}
"""Scenarios beyond :func:`_happy_any`, per operationId: both forms of DTMF digits,
the optional arguments of start, nulls in an update."""


def _with_token(world: World, operation: str, sid: str) -> None:
    """The operation through the facade with a usage token of the session's human."""
    call_operation(world.token_client(HUMAN), operation, sid)


# ------------------------------------------------------------- error paths
def _errors(world: World, operation: str, sid: str) -> None:
    """Every error the fake can answer ``operation`` with, through raw httpx."""
    body = VALID_BODIES.get(operation)
    content = None if body is None else json.dumps(body).encode()

    def send(session: str = sid, **kw: Any) -> httpx.Response:
        kw.setdefault("content", content)
        return world.send(operation, session, **kw)

    # 401: no credentials, a wrong key, a token nobody issued, a token where only keys go.
    assert send(headers={}).status_code == 401
    assert send(headers={"x-api-key": "not-the-key"}).status_code == 401
    assert send(headers={"authorization": "Bearer forged"}).status_code == 401
    if operation not in BEARER_OPERATIONS:
        token = world.fake.issue_token(HUMAN)
        assert send(headers={"authorization": f"Bearer {token}"}).status_code == 401
    # 404: an unknown session; a session of another human.
    if "{session}" in OPERATIONS[operation]["path"]:
        assert send("rs_unknown").status_code == 404
        scoped = {"x-api-key": world.fake.api_key, "x-human-id": OTHER}
        if operation in BEARER_OPERATIONS:
            token = world.fake.issue_token(OTHER)
            assert send(headers={"authorization": f"Bearer {token}"}).status_code == 404
        if "HumanId" in json.dumps(OPERATIONS[operation].get("parameters", [])):
            assert send(headers=scoped).status_code == 404
    # 400: bodies that are not JSON, break the schema, or make no sense.
    if operation in SCHEMA_BREAKING_BODIES:
        for bad in (
            b"{not json",
            b"",
            b"[]",
            json.dumps(SCHEMA_BREAKING_BODIES[operation]).encode(),
        ):
            response = send(content=bad)
            assert response.status_code == 400, (bad, response.text)
    if operation in SEMANTIC_BAD_BODIES:
        assert send(content=json.dumps(SEMANTIC_BAD_BODIES[operation]).encode()).status_code == 400
    # 400: page tokens the fake never made.
    if operation in PAGED:
        for token_text in ("bogus", "x" * 100, "é"):
            assert send(params={"page": token_text}).status_code == 400
    # 400: a session that has ended.
    if operation in LIVE_ONLY:
        ended = world.session()
        world.client.realtime.end(ended)
        with pytest.raises(BadRequestError):
            call_operation(world.client, operation, ended)
    # 404 through the facade too (NotFoundError), for a session operation.
    if operation == "get_realtime_session":
        with pytest.raises(NotFoundError):
            world.client.realtime.get(sid, human=OTHER)
    # 429 and 500, injected: the fake's own bodies for them must conform as well.
    world.fake.inject_fault(
        status=429, headers={"Retry-After": "0"}, operation=cast(OperationName, operation)
    )
    response = send()
    assert (response.status_code, response.headers["retry-after"]) == (429, "0")
    world.fake.inject_fault(status=500, operation=cast(OperationName, operation))
    assert send().status_code == 500


def _expected_statuses(operation: str) -> set[int]:
    """Every status the scenario must have seen for ``operation``."""
    expected = {200, 401, 429, 500}
    if "{session}" in OPERATIONS[operation]["path"]:
        expected.add(404)
    if operation in SCHEMA_BREAKING_BODIES or operation in PAGED:
        expected.add(400)
    return expected


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
async def test_fake_responses_conform(world: World, operation: str) -> None:
    sid = world.session(messages=5)
    happy = HAPPY.get(operation)
    await (happy(world, sid) if happy is not None else _happy_any(world, sid, operation))
    if operation in BEARER_OPERATIONS:
        _with_token(world, operation, world.session(messages=1))
    _errors(world, operation, world.session(messages=1))
    seen = world.statuses(operation)
    assert seen >= _expected_statuses(operation), f"{operation}: saw only {sorted(seen)}"
    declared = {int(status) for status in OPERATIONS[operation]["responses"]}
    assert seen <= declared


async def test_every_exchange_was_validated(world: World) -> None:
    """The transports validate each exchange exactly once, whatever the outcome."""
    sid = world.session(messages=1)
    world.client.realtime.get(sid)
    world.send("get_realtime_session", "rs_unknown")
    assert [e.response.status_code for e in world.strict.exchanges] == [200]
    assert [e.response.status_code for e in world.lenient.exchanges] == [404]
