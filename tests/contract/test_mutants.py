"""The contract checks can fail: a changed spec rejects what the real one accepts.

Each case changes a *copy* of openapi.yaml in one way a careless edit could (a
body field made required, a path renamed, an enum value removed, a header renamed,
a parameter made required, a property's type changed, a status dropped). The
client then sends one real request to the fake through a
``ContractTransport`` (``_openapi``) validating against the real spec,
which must pass; the very same request, or response, validated against the mutant
must fail, with the validator's message naming the change.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import httpx
import pytest
from openapi_core import OpenAPI
from spec_values import minimal_config

from gabber_client import Gabber
from gabber_client.errors import APIStatusError
from gabber_client.testing import FakeGabber

from ._openapi import (
    SERVER_URL,
    ContractTransport,
    load_spec,
    make_openapi,
    request_errors,
    response_errors,
)

pytestmark = pytest.mark.contract

CONFIG = minimal_config()


def _schema(spec: dict[str, Any], name: str) -> dict[str, Any]:
    schema: dict[str, Any] = spec["components"]["schemas"][name]
    return schema


def _require_simulated(spec: dict[str, Any]) -> None:
    _schema(spec, "StartRealtimeSessionRequest")["required"].append("simulated")


def _rename_end_path(spec: dict[str, Any]) -> None:
    spec["paths"]["/v1/realtime/{session}/stop"] = spec["paths"].pop("/v1/realtime/{session}/end")


def _drop_hash_digit(spec: dict[str, Any]) -> None:
    _schema(spec, "RealtimeSessionDTMFDigit")["properties"]["digit"]["enum"].remove("#")


def _drop_in_progress_state(spec: dict[str, Any]) -> None:
    _schema(spec, "RealtimeSession")["properties"]["state"]["enum"].remove("in_progress")


def _rename_api_key_header(spec: dict[str, Any]) -> None:
    spec["components"]["securitySchemes"]["ApiKeyAuth"]["name"] = "x-gabber-key"


def _require_human_header(spec: dict[str, Any]) -> None:
    spec["components"]["parameters"]["HumanId"]["required"] = True


def _total_count_as_string(spec: dict[str, Any]) -> None:
    page = _schema(spec, "ListRealtimeSessions200Response")
    page["properties"]["total_count"]["type"] = "string"


def _drop_get_404(spec: dict[str, Any]) -> None:
    del spec["paths"]["/v1/realtime/{session}"]["get"]["responses"]["404"]


def _answer_message_renamed(spec: dict[str, Any]) -> None:
    output = _schema(spec, "RealtimeSessionOutputConfig")["properties"]
    output["greeting"] = output.pop("answer_message")


@dataclass(frozen=True)
class Mutant:
    """One change to the spec, a client call its validation must then reject, and a
    fragment of the validator's message."""

    name: str
    mutate: Callable[[dict[str, Any]], None]
    call: Callable[[Any, str], object]
    """``call(client.realtime, session_id)``: one request (an error status is fine)."""
    judged: Literal["request", "response"]
    message: str


MUTANTS = [
    Mutant(
        "body field made required",
        _require_simulated,
        lambda rt, sid: rt.start(CONFIG),
        "request",
        "'simulated' is a required property",
    ),
    Mutant(
        "path renamed",
        _rename_end_path,
        lambda rt, sid: rt.end(sid),
        "request",
        "Path not found",
    ),
    Mutant(
        "request enum value removed",
        _drop_hash_digit,
        lambda rt, sid: rt.dtmf(sid, "1#"),
        "request",
        "'#' is not one of",
    ),
    Mutant(
        "security header renamed",
        _rename_api_key_header,
        lambda rt, sid: rt.get(sid),
        "request",
        "Security not found",
    ),
    Mutant(
        "optional header made required",
        _require_human_header,
        lambda rt, sid: rt.get(sid),
        "request",
        "x-human-id",
    ),
    Mutant(
        "request property renamed",
        _answer_message_renamed,
        lambda rt, sid: rt.update(
            sid, {"output": {"stream_transcript": True, "answer_message": "Hi"}}
        ),
        "request",
        "'answer_message' was unexpected",
    ),
    Mutant(
        "response enum value removed",
        _drop_in_progress_state,
        lambda rt, sid: rt.get(sid),
        "response",
        "'in_progress' is not one of",
    ),
    Mutant(
        "response property type changed",
        _total_count_as_string,
        lambda rt, sid: rt.list(),
        "response",
        "is not of type 'string'",
    ),
    Mutant(
        "response status removed",
        _drop_get_404,
        lambda rt, sid: rt.get("rs_no_such_session"),
        "response",
        "404",
    ),
]


@pytest.mark.parametrize("mutant", MUTANTS, ids=[m.name for m in MUTANTS])
def test_mutant_spec_is_caught(openapi: OpenAPI, mutant: Mutant) -> None:
    fake = FakeGabber(base_url=SERVER_URL)
    sid = fake.create_session(CONFIG, session_id="rs/mutant?1")["id"]
    transport = ContractTransport(openapi, fake.transport())
    with httpx.Client(transport=transport) as http:
        client = Gabber(api_key=fake.api_key, base_url=SERVER_URL, http_client=http)
        with contextlib.suppress(APIStatusError):
            mutant.call(client.realtime, sid)
    (exchange,) = transport.exchanges  # validated against the real spec on the way
    assert request_errors(openapi, exchange.request) == []
    assert response_errors(openapi, exchange.request, exchange.response) == []

    spec = load_spec()
    mutant.mutate(spec)
    mutated = make_openapi(spec)
    if mutant.judged == "request":
        problems = request_errors(mutated, exchange.request)
    else:
        problems = response_errors(mutated, exchange.request, exchange.response)
    assert problems, f"the mutant ({mutant.name}) accepted the {mutant.judged}"
    assert any(mutant.message in line for line in problems), problems


def test_mutants_leave_the_spec_alone() -> None:
    """Mutating a copy never changes openapi.yaml as the other tests load it."""
    before = load_spec()
    for mutant in MUTANTS:
        mutant.mutate(load_spec())
    assert load_spec() == before
