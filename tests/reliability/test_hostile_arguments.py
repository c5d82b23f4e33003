"""Hostile arguments are refused before anything is sent.

Header values with CR, LF (or NUL) could split a request; bad DTMF digits, blank
text and arguments of the wrong type would only fail on the server. Each gives an
:class:`InvalidArgumentError` that names the parameter, and the transport sees
nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pytest
from spec_values import call_operation, minimal_config

from gabber_client import AsyncGabber, Gabber, InvalidArgumentError
from gabber_client._generated._spec_facts import OPERATIONS as SPEC_OPERATIONS

from . import payloads
from .scripted import API_KEY, BASE_URL, Recorder, always, async_client, sync_client

BAD_HEADER_VALUES = ["a\r\nX-Injected: 1", "a\nb", "a\rb", "a\x00b", "\r\n"]


def _refuses(error: pytest.ExceptionInfo[InvalidArgumentError], parameter: str) -> None:
    assert error.value.parameter == parameter
    assert str(error.value).startswith(f"{parameter}: ")


@pytest.fixture
def scripted() -> tuple[Gabber, Recorder]:
    return sync_client(always(payloads.session()))


# ------------------------------------------------------------- header values


@pytest.mark.parametrize("value", BAD_HEADER_VALUES)
@pytest.mark.parametrize(
    ("parameter", "make"),
    [
        ("api_key", lambda v: Gabber(api_key=v, base_url=BASE_URL)),
        ("token", lambda v: Gabber(token=v, base_url=BASE_URL)),
        ("human", lambda v: Gabber(api_key=API_KEY, base_url=BASE_URL, human=v)),
        (
            "default_headers['X-Trace']",
            lambda v: Gabber(api_key=API_KEY, base_url=BASE_URL, default_headers={"X-Trace": v}),
        ),
        (
            "default_headers",
            lambda v: Gabber(api_key=API_KEY, base_url=BASE_URL, default_headers={v: "x"}),
        ),
        ("api_key", lambda v: AsyncGabber(api_key=v, base_url=BASE_URL)),
        ("token", lambda v: AsyncGabber(token=v, base_url=BASE_URL)),
    ],
)
def test_constructor_refuses_header_values_with_cr_or_lf(
    parameter: str, make: Callable[[str], Any], value: str
) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        make(value)
    _refuses(caught, parameter)
    assert value not in str(caught.value)


@pytest.mark.parametrize("value", [v for v in BAD_HEADER_VALUES if "\x00" not in v])
def test_api_key_from_the_environment_with_lf_is_refused(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("GABBER_API_KEY", value)
    with pytest.raises(InvalidArgumentError) as caught:
        Gabber(base_url=BASE_URL)
    _refuses(caught, "GABBER_API_KEY")


# Every operation whose spec declares the ``x-human-id`` header takes ``human=``.
_HUMAN_CALLS: dict[str, Callable[[Gabber, str], Any]] = {
    operation: functools.partial(
        lambda operation, c, h: call_operation(c, operation, "rs_1", human=h), operation
    )
    for operation, facts in SPEC_OPERATIONS.items()
    if facts.human_header
}
_HUMAN_CALLS["for_human"] = lambda c, h: c.for_human(h)


@pytest.mark.parametrize("value", BAD_HEADER_VALUES)
@pytest.mark.parametrize("call", _HUMAN_CALLS.values(), ids=_HUMAN_CALLS.keys())
def test_per_call_human_with_cr_or_lf_is_refused_before_sending(
    scripted: tuple[Gabber, Recorder], call: Callable[[Gabber, str], Any], value: str
) -> None:
    client, recorder = scripted
    with pytest.raises(InvalidArgumentError) as caught:
        call(client, value)
    _refuses(caught, "human")
    assert recorder.requests == []


async def test_async_per_call_human_with_lf_is_refused_before_sending() -> None:
    client, recorder = async_client(always(payloads.session()))
    with pytest.raises(InvalidArgumentError) as caught:
        await client.realtime.get("rs_1", human="h\nX-Api-Key: stolen")
    _refuses(caught, "human")
    assert recorder.requests == []


# ------------------------------------------------------------ argument values

SESSION_OPERATIONS: list[tuple[str, Callable[[Gabber, Any], Any]]] = [
    ("get", lambda c, s: c.realtime.get(s)),
    ("end", lambda c, s: c.realtime.end(s)),
    ("update", lambda c, s: c.realtime.update(s, {})),
    ("messages", lambda c, s: c.realtime.messages(s)),
    ("timeline", lambda c, s: c.realtime.timeline(s)),
    ("speak", lambda c, s: c.realtime.speak(s, "hi")),
    ("dtmf", lambda c, s: c.realtime.dtmf(s, "1")),
    ("attach_human", lambda c, s: c.realtime.attach_human(s, "h")),
    (
        "initiate_outbound_call",
        lambda c, s: c.realtime.initiate_outbound_call(
            s, source_phone_number="+15550100", destination_phone_number="+15550101"
        ),
    ),
]


@pytest.mark.parametrize("session", [42, None, b"rs_1", ["rs_1"], ""], ids=repr)
@pytest.mark.parametrize(
    "operation", [op for _, op in SESSION_OPERATIONS], ids=[n for n, _ in SESSION_OPERATIONS]
)
def test_bad_session_id_is_refused_before_sending(
    scripted: tuple[Gabber, Recorder], operation: Callable[[Gabber, Any], Any], session: Any
) -> None:
    client, recorder = scripted
    with pytest.raises(InvalidArgumentError) as caught:
        operation(client, session)
    _refuses(caught, "session")
    assert recorder.requests == []


# The client is typed Any here: these calls break the signatures on purpose.
CASES: list[tuple[str, Callable[[Any], Any], str]] = [
    ("dtmf letter", lambda c: c.realtime.dtmf("rs_1", "12x"), "digits"),
    ("dtmf E", lambda c: c.realtime.dtmf("rs_1", "E"), "digits"),
    ("dtmf lower a", lambda c: c.realtime.dtmf("rs_1", "a"), "digits"),
    ("dtmf space", lambda c: c.realtime.dtmf("rs_1", "1 2"), "digits"),
    ("dtmf empty", lambda c: c.realtime.dtmf("rs_1", ""), "digits"),
    ("dtmf empty list", lambda c: c.realtime.dtmf("rs_1", []), "digits"),
    ("dtmf int", lambda c: c.realtime.dtmf("rs_1", 123), "digits"),
    (
        "dtmf list bad digit",
        lambda c: c.realtime.dtmf("rs_1", [{"digit": "X", "duration": 100}]),
        "digits[0].digit",
    ),
    (
        "dtmf list str duration",
        lambda c: c.realtime.dtmf("rs_1", [{"digit": "1", "duration": "100"}]),
        "digits[0].duration",
    ),
    ("dtmf str duration", lambda c: c.realtime.dtmf("rs_1", "1", duration_ms="250"), "duration_ms"),
    ("dtmf zero duration", lambda c: c.realtime.dtmf("rs_1", "1", duration_ms=0), "duration_ms"),
    ("dtmf bool duration", lambda c: c.realtime.dtmf("rs_1", "1", duration_ms=True), "duration_ms"),
    ("dtmf float duration", lambda c: c.realtime.dtmf("rs_1", "1", duration_ms=2.5), "duration_ms"),
    ("speak empty", lambda c: c.realtime.speak("rs_1", ""), "text"),
    ("speak blank", lambda c: c.realtime.speak("rs_1", " \t\n "), "text"),
    ("speak int", lambda c: c.realtime.speak("rs_1", 7), "text"),
    ("speak none", lambda c: c.realtime.speak("rs_1", None), "text"),
    ("start list config", lambda c: c.realtime.start([payloads.START_CONFIG]), "config"),
    ("start str config", lambda c: c.realtime.start("llm_1"), "config"),
    ("start none config", lambda c: c.realtime.start(None), "config"),
    (
        "start str time limit",
        lambda c: c.realtime.start(minimal_config({"general": {"time_limit_s": "60"}})),
        "config.general.time_limit_s",
    ),
    (
        "start missing llm",
        lambda c: c.realtime.start({**payloads.START_CONFIG, "generative": {}}),
        "config.generative.llm",
    ),
    (
        "start typo",
        lambda c: c.realtime.start(minimal_config({"general": {"time_limit": 60}})),
        "config.general.time_limit",
    ),
    (
        "start str simulated",
        lambda c: c.realtime.start(payloads.START_CONFIG, simulated="yes"),
        "simulated",
    ),
    ("start list extra", lambda c: c.realtime.start(payloads.START_CONFIG, extra=[1]), "extra"),
    ("update list config", lambda c: c.realtime.update("rs_1", [{"general": {}}]), "config"),
    (
        "update int llm",
        lambda c: c.realtime.update("rs_1", {"generative": {"llm": 5}}),
        "config.generative.llm",
    ),
    ("attach int human", lambda c: c.realtime.attach_human("rs_1", 5), "human"),
    ("attach empty human", lambda c: c.realtime.attach_human("rs_1", ""), "human"),
    (
        "outbound int number",
        lambda c: c.realtime.initiate_outbound_call(
            "rs_1", source_phone_number=15550100, destination_phone_number="+15550101"
        ),
        "source_phone_number",
    ),
    (
        "outbound empty number",
        lambda c: c.realtime.initiate_outbound_call(
            "rs_1", source_phone_number="+15550100", destination_phone_number=""
        ),
        "destination_phone_number",
    ),
    ("list int page", lambda c: c.realtime.list(page=2), "page"),
    ("with_options str timeout", lambda c: c.with_options(timeout="30"), "timeout"),
    ("with_options negative retries", lambda c: c.with_options(max_retries=-1), "max_retries"),
]


@pytest.mark.parametrize(
    ("call", "parameter"), [pytest.param(call, p, id=name) for name, call, p in CASES]
)
def test_bad_argument_is_refused_before_sending(
    scripted: tuple[Gabber, Recorder], call: Callable[[Any], Any], parameter: str
) -> None:
    client, recorder = scripted
    with pytest.raises(InvalidArgumentError) as caught:
        call(client)
    _refuses(caught, parameter)
    assert recorder.requests == []


def test_invalid_argument_error_is_both_value_and_type_error(
    scripted: tuple[Gabber, Recorder],
) -> None:
    client, recorder = scripted
    with pytest.raises(ValueError, match="digits"):
        client.realtime.dtmf("rs_1", "Z")
    with pytest.raises(TypeError, match="session"):
        client.realtime.get(1)  # type: ignore[arg-type]
    assert recorder.requests == []


async def test_async_bad_arguments_are_refused_before_sending() -> None:
    client, recorder = async_client(always(payloads.session()))
    with pytest.raises(InvalidArgumentError) as caught:
        await client.realtime.dtmf("rs_1", "#*9Q")
    _refuses(caught, "digits")
    with pytest.raises(InvalidArgumentError) as caught:
        await client.realtime.speak("rs_1", "")
    _refuses(caught, "text")
    with pytest.raises(InvalidArgumentError) as caught:
        await client.realtime.update("rs_1", ["general"])  # type: ignore[arg-type]
    _refuses(caught, "config")
    assert recorder.requests == []
