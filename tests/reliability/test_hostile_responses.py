"""Whatever the server answers, the client returns a result or raises one of its
own errors: never a raw KeyError, TypeError, RecursionError, ...

Valid bodies are mutated (a field replaced by another JSON value, or removed):
at random, and exhaustively with a fixed set of values at every path. The
generated ``from_dict`` checks types as it reads, so the client must refuse a
mutated body exactly when the spec does: :func:`response_problem` (an
independent walk of the body against openapi.json) is the oracle. Raw bodies
that are not JSON at all are tried too, for every response model and for error
statuses.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gabber_client import APIResponseValidationError, APIStatusError, Gabber
from gabber_client._validation import response_problem

from . import payloads
from .scripted import sync_client

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)

Path = tuple[str | int, ...]

# operation name -> (a valid body, the component schema it is, the call)
OPERATIONS: dict[str, tuple[Any, str, Callable[[Gabber], Any]]] = {
    "get": (payloads.session(), "RealtimeSession", lambda c: c.realtime.get("rs_1")),
    "start": (
        payloads.start_response(),
        "RealtimeSessionStartResponse",
        lambda c: c.realtime.start(payloads.START_CONFIG),
    ),
    "list": (
        payloads.page([payloads.session()]),
        "ListRealtimeSessions200Response",
        lambda c: c.realtime.list(),
    ),
    "messages": (
        payloads.page([payloads.message()]),
        "GetRealtimeSessionMessages200Response",
        lambda c: c.realtime.messages("rs_1"),
    ),
    "timeline": (
        payloads.page([{"seconds": 1.0, "type": "agent"}]),
        "GetRealtimeSessionTimeline200Response",
        lambda c: c.realtime.timeline("rs_1"),
    ),
    "speak": (payloads.session(), "RealtimeSession", lambda c: c.realtime.speak("rs_1", "hi")),
}

# Stand-ins for every JSON type, a date-time and a non-date-time string included.
REPLACEMENTS: list[Any] = [
    None,
    True,
    0,
    -7,
    1.5,
    "",
    "x",
    "2024-05-08T00:05:19Z",
    [],
    ["x"],
    [1.5],
    [{}],
    {},
    {"type": "text"},
]


def _paths(body: Any, prefix: Path = ()) -> list[Path]:
    """Every path to a value inside ``body`` (the root excluded)."""
    out: list[Path] = []
    if isinstance(body, dict):
        items: list[tuple[str | int, Any]] = list(body.items())
    elif isinstance(body, list):
        items = list(enumerate(body))
    else:
        return out
    for key, value in items:
        out.append((*prefix, key))
        out.extend(_paths(value, (*prefix, key)))
    return out


def _mutated(body: Any, path: Path, value: Any, delete: bool) -> Any:
    copy = json.loads(json.dumps(body))
    parent = copy
    for step in path[:-1]:
        parent = parent[step]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return copy


class _Box:
    """The one response every request of :data:`_CLIENT` gets; tests set it."""

    status = 200
    content = b""

    @classmethod
    def respond(cls, _request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            cls.status, content=cls.content, headers={"content-type": "application/json"}
        )


# One client for every example: building a client per example would dominate the run.
_CLIENT, _ = sync_client(_Box.respond, max_requests=None, max_retries=0)  # shared


def _answer(status: int, content: bytes) -> Gabber:
    """:data:`_CLIENT`, answering the next requests with ``status`` and ``content``."""
    _Box.status, _Box.content = status, content
    return _CLIENT


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
@settings(
    max_examples=100,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_a_mutated_body_gives_a_result_or_a_validation_error(
    operation: str, data: st.DataObject
) -> None:
    body, schema, call = OPERATIONS[operation]
    path = data.draw(st.sampled_from(_paths(body)), label="path")
    delete = data.draw(st.booleans(), label="delete")
    value = None if delete else data.draw(JSON_VALUES, label="value")
    mutated = _mutated(body, path, value, delete)

    verdict = _verdict(call, mutated)
    assert verdict == response_problem(mutated, schema), "the client and the spec disagree"


def _verdict(call: Callable[[Gabber], Any], body: Any) -> str | None:
    """``None`` if ``call`` accepts ``body`` as its 2xx answer, else the client's
    reason; the error must be an APIResponseValidationError (anything else fails)."""
    error: APIResponseValidationError | None = None
    try:
        call(_answer(200, json.dumps(body).encode()))
    except APIResponseValidationError as exc:
        error = exc
    if error is None:
        return None
    assert error.status_code == 200
    return str(error).split(" does not match ", 1)[1].split(": ", 1)[1]  # after "Model: "


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_every_field_of_the_wrong_type_or_missing_is_refused_exactly_as_the_spec_says(
    operation: str,
) -> None:
    """Every path of a valid body, removed or replaced by each of REPLACEMENTS: the
    client refuses the body exactly when openapi.json does, and names the same
    problem. (Most of the spec's types are hit at every field, so a check missing
    from the generated from_dict shows up here as a body the client accepts.)"""
    body, schema, call = OPERATIONS[operation]
    disagreements = []
    refused = 0
    for path in _paths(body):
        cases = [(None, True)] + [(value, False) for value in REPLACEMENTS]
        for value, delete in cases:
            mutated = _mutated(body, path, value, delete)
            expected = response_problem(mutated, schema)
            verdict = _verdict(call, mutated)
            refused += verdict is not None
            if verdict != expected:
                what = "removed" if delete else f"= {value!r}"
                disagreements.append(f"{path} {what}: client {verdict!r}, spec {expected!r}")
    assert not disagreements, "\n".join(disagreements[:20])
    assert refused > len(_paths(body)) * 5  # most mutations are refused


RAW_BODIES = [
    b"",
    b"null",
    b"[]",
    b"42",
    b'"text"',
    b"{",
    b'{"id": "rs_1", "sta',
    b"<html><body><h1>502 Bad Gateway</h1></body></html>",
    b"\xff\xfe\x00\x00garbage",
    b"[" * 100_000 + b"]" * 100_000,
    b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    b'{"total_count": 1' + b"0" * 5000 + b', "values": []}',
    b"NaN",
    b'{"values": [], "total_count": Infinity}',
    b'{"values": [], "total_count": "7"}',
]


@pytest.mark.parametrize("body", RAW_BODIES, ids=lambda b: repr(b[:24]))
@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_a_raw_2xx_body_that_is_not_the_model_is_a_validation_error(
    operation: str, body: bytes
) -> None:
    _, _, call = OPERATIONS[operation]
    with pytest.raises(APIResponseValidationError) as caught:
        call(_answer(200, body))
    assert caught.value.status_code == 200


@pytest.mark.parametrize("body", RAW_BODIES, ids=lambda b: repr(b[:24]))
@pytest.mark.parametrize("status", [400, 404, 429, 500, 503])
def test_a_raw_error_body_still_gives_the_status_error(status: int, body: bytes) -> None:
    with pytest.raises(APIStatusError) as caught:
        _answer(status, body).realtime.get("rs_1")
    assert caught.value.status_code == status
    assert len(str(caught.value)) < 400  # the snippet of the body is bounded


@settings(max_examples=150, derandomize=True, deadline=None)
@given(
    status=st.integers(min_value=400, max_value=599),
    body=JSON_VALUES.map(lambda v: json.dumps(v).encode()) | st.binary(max_size=64),
)
def test_any_error_status_and_body_gives_an_api_status_error(status: int, body: bytes) -> None:
    with pytest.raises(APIStatusError) as caught:
        _answer(status, body).realtime.get("rs_1")
    assert caught.value.status_code == status


def test_dtmf_accepts_any_2xx_body() -> None:
    """``dtmf`` returns nothing, so it does not read its 2xx body at all."""
    for body in RAW_BODIES:
        _answer(200, body).realtime.dtmf("rs_1", "1")  # raises on failure
