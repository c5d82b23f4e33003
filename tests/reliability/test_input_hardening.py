"""Issue 14, item 6: bad input is always :class:`InvalidArgumentError`, raised
before anything is sent: never a raw ``ValueError``, ``TypeError``,
``RecursionError`` or ``UnicodeEncodeError`` from deep inside httpx or json."""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable
from typing import Any

import pytest

from gabber_client import Gabber, InvalidArgumentError

from . import payloads
from .scripted import always, sync_client


def _cycle() -> dict[str, Any]:
    value: dict[str, Any] = {"a": 1}
    value["self"] = value
    return value


def _list_cycle() -> list[Any]:
    value: list[Any] = [1]
    value.append(value)
    return value


def _nested(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(depth):
        value = {"x": value}
    return value


BAD_JSON: dict[str, Any] = {
    "nan": math.nan,
    "infinity": math.inf,
    "-infinity": -math.inf,
    "beyond-safe-integer": 2**53,
    "negative-beyond-safe-integer": -(2**53),
    "beyond-digit-limit": 10**5000,
    "cycle": _cycle(),
    "list-cycle": _list_cycle(),
    "nested-2000": _nested(2000),
    "nested-65": _nested(65),
    "int-key": {1: "a"},
    "tuple-key": {(1, 2): "a"},
    "set": {1, 2},
    "bytes": b"abc",
    "datetime": datetime.datetime(2024, 1, 1),
    "object": object(),
    "lone-surrogate": "a\ud800b",
    "lone-surrogate-key": {"\udc00": 1},
}


@pytest.mark.parametrize("bad", BAD_JSON.values(), ids=BAD_JSON.keys())
@pytest.mark.parametrize("where", ["extra", "config-extra"])
def test_non_json_in_extra_and_configs_is_refused_before_sending(bad: Any, where: str) -> None:
    client, recorder = sync_client(always(payloads.start_response()))
    config: Any = dict(payloads.START_CONFIG)  # made invalid on purpose below
    extra = None
    if where == "extra":
        extra = {"field": bad}
    else:
        config["generative"] = {**config["generative"], "_extra": {"field": bad}}
    with pytest.raises(InvalidArgumentError) as caught:
        client.realtime.start(config, extra=extra)
    assert recorder.requests == []
    assert "field" in caught.value.parameter


def test_nesting_up_to_the_documented_depth_is_sent() -> None:
    client, recorder = sync_client(always(payloads.start_response()))
    client.realtime.start(payloads.START_CONFIG, extra={"deep": _nested(60)})
    assert len(recorder.requests) == 1


def test_safe_integers_and_finite_floats_are_sent() -> None:
    client, recorder = sync_client(always(payloads.start_response()))
    extra = {
        "max": 2**53 - 1,
        "min": -(2**53 - 1),
        "f": 1.5e300,
        "unicode": "h\u00e9llo \U0001f600",
    }
    client.realtime.start(payloads.START_CONFIG, extra=extra)
    assert b'"max":9007199254740991' in recorder.requests[0].content.replace(b" ", b"")


SURROGATE = "a\ud800"
STRING_ARGUMENTS: dict[str, Callable[[Gabber], Any]] = {
    "session id": lambda c: c.realtime.get(SURROGATE),
    "speak session": lambda c: c.realtime.speak(SURROGATE, "hi"),
    "text": lambda c: c.realtime.speak("rs_1", "hi " + SURROGATE),
    "human (attach)": lambda c: c.realtime.attach_human("rs_1", SURROGATE),
    "human (header)": lambda c: c.realtime.get("rs_1", human=SURROGATE),
    "source phone": lambda c: c.realtime.initiate_outbound_call(
        "rs_1", source_phone_number="+1" + SURROGATE, destination_phone_number="+14155550101"
    ),
    "destination phone": lambda c: c.realtime.initiate_outbound_call(
        "rs_1", source_phone_number="+14155550101", destination_phone_number="+1" + SURROGATE
    ),
    "page token": lambda c: c.realtime.list(page=SURROGATE),
    "messages session": lambda c: c.realtime.messages(SURROGATE),
    "dtmf session": lambda c: c.realtime.dtmf(SURROGATE, "1"),
}


@pytest.mark.parametrize("call", STRING_ARGUMENTS.values(), ids=STRING_ARGUMENTS.keys())
def test_lone_surrogates_in_string_arguments_are_refused_before_sending(
    call: Callable[[Gabber], Any],
) -> None:
    client, recorder = sync_client(always(payloads.session()))
    with pytest.raises(InvalidArgumentError):
        call(client)
    assert recorder.requests == []


@pytest.mark.parametrize(
    "name", ["X Bad", "X:Bad", "X(Bad)", "", "X\tBad", "Caf\u00e9", "X@Bad", "X\r\nBad"]
)
def test_header_names_http_does_not_allow_are_refused(name: str) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        Gabber(api_key="sk-test", base_url="http://127.0.0.1:9", default_headers={name: "v"})
    assert caught.value.parameter == "default_headers"


def test_valid_header_names_are_accepted() -> None:
    names = ["X-Trace-Id", "x_custom", "X.Dotted", "A!#$%&'*+-.^_`|~1"]
    client, recorder = sync_client(
        always(payloads.session()), default_headers=dict.fromkeys(names, "v")
    )
    client.realtime.get("rs_1")
    for name in names:
        assert recorder.requests[0].headers[name] == "v"
