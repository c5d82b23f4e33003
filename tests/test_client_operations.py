"""Every operation, sync and async: what goes on the wire and what comes back.

Method, path (session ids percent-encoded), headers (credentials, ``x-human-id``,
``User-Agent``), exact JSON body and parsed result, table-driven over
:data:`test_client_support.OPS`; then argument checking, which must refuse bad
input before anything is sent.
"""

from __future__ import annotations

import json
import platform
from typing import Any

import httpx
import pytest
from test_client_support import API_KEY, BASE_URL, CONFIG_CREATE, CONFIG_UPDATE, TOKEN, MockApi, Op

import gabber_client
from gabber_client import InvalidArgumentError
from gabber_client.models import (
    RealtimeSessionConfigCreate,
    RealtimeSessionConfigUpdate,
    RealtimeSessionDTMFDigit,
    RealtimeSessionGeneralConfig,
    RealtimeSessionGenerativeConfigCreate,
    RealtimeSessionGenerativeConfigUpdate,
    RealtimeSessionInputConfig,
    RealtimeSessionOutputConfig,
)

USER_AGENT = (
    f"gabber-client/{gabber_client.__version__} "
    f"python/{platform.python_version()} httpx/{httpx.__version__}"
)


def body_of(request: httpx.Request) -> Any:
    """The JSON body of ``request``; ``None`` when it has none."""
    return json.loads(request.content) if request.content else None


# --------------------------------------------------------------------- the wire
async def test_method_path_body_and_result(mock_api: MockApi, kind: str, op: Op) -> None:
    client = mock_api.client()

    result = await mock_api.settle(op.call(client.realtime, "rs_1"))

    [request] = mock_api.requests
    assert request.method == op.method
    assert request.url.raw_path == op.path.replace("{session}", "rs_1").encode()
    assert f"{request.url.scheme}://{request.url.host}" == BASE_URL
    assert body_of(request) == op.body
    if op.body is None:
        assert "content-type" not in request.headers
    else:
        assert request.headers["content-type"] == "application/json"
    op.check(result)
    if op.paged:
        assert type(result) is mock_api.page_type


async def test_api_key_auth_headers(mock_api: MockApi, kind: str, op: Op) -> None:
    client = mock_api.client(api_key=API_KEY)

    await mock_api.settle(op.call(client.realtime, "rs_1"))

    [request] = mock_api.requests
    assert request.headers["x-api-key"] == API_KEY
    assert "authorization" not in request.headers
    assert request.headers["user-agent"] == USER_AGENT
    assert request.headers["accept"] == "application/json"
    assert "x-human-id" not in request.headers


async def test_token_auth_headers(mock_api: MockApi, kind: str, bearer_op: Op) -> None:
    client = mock_api.client(token=TOKEN)

    await mock_api.settle(bearer_op.call(client.realtime, "rs_1"))

    [request] = mock_api.requests
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert "x-api-key" not in request.headers
    assert request.headers["user-agent"] == USER_AGENT


async def test_api_key_only_operations_refuse_a_token_before_sending(
    mock_api: MockApi, kind: str, key_only_op: Op
) -> None:
    client = mock_api.client(token=TOKEN)

    with pytest.raises(InvalidArgumentError) as caught:
        await mock_api.settle(key_only_op.call(client.realtime, "rs_1"))

    assert caught.value.parameter == "token"
    assert key_only_op.name in str(caught.value)
    assert TOKEN not in str(caught.value)
    assert mock_api.requests == []


async def test_default_headers_are_sent(mock_api: MockApi, kind: str, op: Op) -> None:
    client = mock_api.client(default_headers={"x-trace": "t-1"})

    await mock_api.settle(op.call(client.realtime, "rs_1"))

    assert mock_api.requests[0].headers["x-trace"] == "t-1"


async def test_human_header_from_client_default(mock_api: MockApi, kind: str, human_op: Op) -> None:
    client = mock_api.client(human="h_default")

    await mock_api.settle(human_op.call(client.realtime, "rs_1"))

    assert mock_api.requests[0].headers["x-human-id"] == "h_default"


async def test_human_header_per_call_overrides_default(
    mock_api: MockApi, kind: str, human_op: Op
) -> None:
    client = mock_api.client(human="h_default")

    await mock_api.settle(human_op.call(client.realtime, "rs_1", human="h_call"))

    assert mock_api.requests[0].headers.get_list("x-human-id") == ["h_call"]


async def test_human_header_from_for_human(mock_api: MockApi, kind: str, human_op: Op) -> None:
    client = mock_api.client(human="h_default")
    scoped = client.for_human("h_scoped")

    await mock_api.settle(human_op.call(scoped.realtime, "rs_1"))
    await mock_api.settle(human_op.call(client.realtime, "rs_1"))
    await mock_api.settle(human_op.call(client.for_human(None).realtime, "rs_1"))

    first, second, third = mock_api.requests
    assert first.headers["x-human-id"] == "h_scoped"
    assert second.headers["x-human-id"] == "h_default"  # the original is unchanged
    assert "x-human-id" not in third.headers
    assert scoped.human == "h_scoped"
    assert client.human == "h_default"


async def test_no_human_header_where_the_spec_has_none(
    mock_api: MockApi, kind: str, no_human_op: Op
) -> None:
    client = mock_api.client(human="h_default").for_human("h_1")  # the canned session's

    await mock_api.settle(no_human_op.call(client.realtime, "rs_1"))

    # First the scoped GET that checks the session is h_1's (see _scope.py), then the call.
    check, sent = mock_api.requests
    assert (check.method, check.headers["x-human-id"]) == ("GET", "h_1")
    assert "x-human-id" not in sent.headers


# Hard-coded expectations: each character that means something in a URL, or is not
# ASCII, is percent-encoded (dots too, so ".." cannot climb a path segment).
ENCODED_IDS = [
    ("a/b", "a%2Fb"),
    ("a?b=1", "a%3Fb%3D1"),
    ("a#frag", "a%23frag"),
    ("100%", "100%25"),
    ("a b", "a%20b"),
    ("séance", "s%C3%A9ance"),
    ("..", "%2E%2E"),
    ("../list", "%2E%2E%2Flist"),
    ("rs.1", "rs%2E1"),
]


@pytest.mark.parametrize(("session", "encoded"), ENCODED_IDS, ids=[e for _, e in ENCODED_IDS])
async def test_session_ids_are_percent_encoded(
    mock_api: MockApi, kind: str, session_op: Op, session: str, encoded: str
) -> None:
    client = mock_api.client()

    await mock_api.settle(session_op.call(client.realtime, session))

    [request] = mock_api.requests
    assert request.url.raw_path == session_op.path.replace("{session}", encoded).encode()
    assert request.url.host == "gabber.test"


async def test_base_url_path_prefix_is_kept(mock_api: MockApi, kind: str, op: Op) -> None:
    client = mock_api.client(base_url="http://gabber.test:8080/api/")

    await mock_api.settle(op.call(client.realtime, "rs_1"))

    [request] = mock_api.requests
    assert request.url.port == 8080
    assert request.url.raw_path == b"/api" + op.path.replace("{session}", "rs_1").encode()


async def test_list_page_token_is_a_query_parameter(mock_api: MockApi, kind: str) -> None:
    client = mock_api.client()

    await mock_api.settle(client.realtime.list(page="tok 2/&x=1"))

    [request] = mock_api.requests
    assert request.url.path == "/v1/realtime/list"
    assert dict(request.url.params) == {"page": "tok 2/&x=1"}


# --------------------------------------------------------------------- configs
def config_create_model() -> RealtimeSessionConfigCreate:
    """:data:`CONFIG_CREATE`, built from models instead of a dict."""
    generative = RealtimeSessionGenerativeConfigCreate(
        llm="llm_1", persona="persona_1", tool_definitions=["td_1"]
    )
    generative.extra = gabber_client.models.Extra.from_dict({"partner": "acme"})
    return RealtimeSessionConfigCreate(
        general=RealtimeSessionGeneralConfig(time_limit_s=300, save_messages=True),
        input_=RealtimeSessionInputConfig(interruptable=True, parallel_listening=False),
        generative=generative,
        output=RealtimeSessionOutputConfig(stream_transcript=True, answer_message="Hello!"),
    )


def with_model_defaults(config: dict[str, Any]) -> dict[str, Any]:
    """``config`` as a model built from the same values sends it: a model fills in the
    spec's default of ``output.speech_synthesis_enabled`` (true); a dict is sent as is."""
    return with_change(config, "output.speech_synthesis_enabled", True)


@pytest.mark.parametrize("form", ["dict", "model"])
async def test_start_config_as_dict_or_model(mock_api: MockApi, kind: str, form: str) -> None:
    client = mock_api.client()
    config = CONFIG_CREATE if form == "dict" else config_create_model()

    await mock_api.settle(client.realtime.start(config, simulated=True, extra={"crm": 7}))

    expected = CONFIG_CREATE if form == "dict" else with_model_defaults(CONFIG_CREATE)
    assert body_of(mock_api.requests[0]) == {
        "config": expected,
        "simulated": True,
        "_extra": {"crm": 7},
    }


@pytest.mark.parametrize("form", ["dict", "model"])
async def test_update_config_as_dict_or_model(mock_api: MockApi, kind: str, form: str) -> None:
    client = mock_api.client()
    config = (
        CONFIG_UPDATE
        if form == "dict"
        else RealtimeSessionConfigUpdate(
            generative=RealtimeSessionGenerativeConfigUpdate(
                voice_override="voice_2", scenario=None
            ),
            output=RealtimeSessionOutputConfig(stream_transcript=False),
        )
    )

    await mock_api.settle(client.realtime.update("rs_1", config))

    expected = CONFIG_UPDATE if form == "dict" else with_model_defaults(CONFIG_UPDATE)
    assert body_of(mock_api.requests[0]) == expected


def with_change(base: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A deep copy of ``base`` with the dotted ``path`` set to ``value`` (or removed
    when ``value`` is :data:`REMOVE`)."""
    copy: dict[str, Any] = json.loads(json.dumps(base))
    *parents, last = path.split(".")
    target = copy
    for name in parents:
        target = target[name]
    if value is REMOVE:
        del target[last]
    else:
        target[last] = value
    return copy


REMOVE = object()

BAD_CREATE = [
    ("general.time_limit", 300, "config.general.time_limit"),  # a typo of time_limit_s
    ("general.time_limit_s", "300", "config.general.time_limit_s"),
    ("output", REMOVE, "config.output"),
    ("output.stream_transcript", REMOVE, "config.output.stream_transcript"),
    ("generative.llm", 5, "config.generative.llm"),
    ("generative.tool_definitions", ["td_1", 2], "config.generative.tool_definitions[1]"),
    ("input.interruptable", "yes", "config.input.interruptable"),
]


@pytest.mark.parametrize(
    ("path", "value", "parameter"), BAD_CREATE, ids=[p for _, _, p in BAD_CREATE]
)
async def test_bad_start_config_dict_is_refused_before_sending(
    mock_api: MockApi, kind: str, path: str, value: Any, parameter: str
) -> None:
    client = mock_api.client()

    with pytest.raises(InvalidArgumentError) as caught:
        await mock_api.settle(client.realtime.start(with_change(CONFIG_CREATE, path, value)))

    assert caught.value.parameter == parameter
    assert parameter in str(caught.value)
    assert mock_api.requests == []


@pytest.mark.parametrize(
    ("config", "parameter"),
    [
        ({"generative": {"llm": 1}}, "config.generative.llm"),
        ({"outptu": {"stream_transcript": True}}, "config.outptu"),
        ({"general": "fast"}, "config.general"),
        (["not", "a", "dict"], "config"),
    ],
)
async def test_bad_update_config_is_refused_before_sending(
    mock_api: MockApi, kind: str, config: Any, parameter: str
) -> None:
    client = mock_api.client()

    with pytest.raises(InvalidArgumentError) as caught:
        await mock_api.settle(client.realtime.update("rs_1", config))

    assert caught.value.parameter == parameter
    assert mock_api.requests == []


# --------------------------------------------------------------------- dtmf
async def test_dtmf_string_with_duration(mock_api: MockApi, kind: str) -> None:
    client = mock_api.client()

    result = await mock_api.settle(client.realtime.dtmf("rs_1", "123#", duration_ms=100))

    assert result is None
    assert body_of(mock_api.requests[0]) == {
        "digits": [{"digit": d, "duration": 100} for d in ["1", "2", "3", "#"]]
    }


async def test_dtmf_list_of_models_and_dicts(mock_api: MockApi, kind: str) -> None:
    client = mock_api.client()
    digits = [
        RealtimeSessionDTMFDigit(digit="9", duration=120),
        {"digit": "<pause>", "duration": 500},
        {"digit": "*", "duration": 80},
    ]

    await mock_api.settle(client.realtime.dtmf("rs_1", digits))

    assert body_of(mock_api.requests[0]) == {
        "digits": [
            {"digit": "9", "duration": 120},
            {"digit": "<pause>", "duration": 500},
            {"digit": "*", "duration": 80},
        ]
    }


BAD_DTMF: list[tuple[Any, dict[str, Any], str]] = [
    ("12x", {}, "digits"),
    ("", {}, "digits"),
    ("1 2", {}, "digits"),
    ([], {}, "digits"),
    (5, {}, "digits"),
    ("123", {"duration_ms": 0}, "duration_ms"),
    ("123", {"duration_ms": -5}, "duration_ms"),
    ("123", {"duration_ms": 1.5}, "duration_ms"),
    ("123", {"duration_ms": True}, "duration_ms"),
    ([{"digit": "E", "duration": 100}], {}, "digits[0].digit"),
    ([{"digit": "1", "duration": 100}, {"digit": "1"}], {}, "digits[1].duration"),
    ([{"digit": "1", "duration": 0}], {}, "digits[0].duration"),
    ([RealtimeSessionDTMFDigit(digit="1", duration=-1)], {}, "digits[0].duration"),
    ([RealtimeSessionDTMFDigit(digit="11", duration=100)], {}, "digits[0].digit"),
    (["1"], {}, "digits[0]"),
]


@pytest.mark.parametrize(
    ("digits", "kwargs", "parameter"), BAD_DTMF, ids=[f"{d!r}-{k}" for d, k, _ in BAD_DTMF]
)
async def test_bad_dtmf_is_refused_before_sending(
    mock_api: MockApi, kind: str, digits: Any, kwargs: dict[str, Any], parameter: str
) -> None:
    client = mock_api.client()

    with pytest.raises(InvalidArgumentError) as caught:
        await mock_api.settle(client.realtime.dtmf("rs_1", digits, **kwargs))

    assert caught.value.parameter == parameter
    assert mock_api.requests == []


# --------------------------------------------------------------------- other arguments
BAD_ARGUMENTS: list[tuple[str, Any, str]] = [
    ("get-empty-session", lambda rt: rt.get(""), "session"),
    ("get-int-session", lambda rt: rt.get(5), "session"),
    ("end-none-session", lambda rt: rt.end(None), "session"),
    ("speak-blank", lambda rt: rt.speak("rs_1", "   "), "text"),
    ("speak-not-str", lambda rt: rt.speak("rs_1", b"hi"), "text"),
    ("attach-empty-human", lambda rt: rt.attach_human("rs_1", ""), "human"),
    ("get-human-newline", lambda rt: rt.get("rs_1", human="h\nx-evil: 1"), "human"),
    ("list-empty-page", lambda rt: rt.list(page=""), "page"),
    ("start-simulated-str", lambda rt: rt.start(CONFIG_CREATE, simulated="yes"), "simulated"),
    ("start-extra-list", lambda rt: rt.start(CONFIG_CREATE, extra=[1]), "extra"),
    ("start-config-str", lambda rt: rt.start("config"), "config"),
    (
        "call-blank-destination",
        lambda rt: rt.initiate_outbound_call(
            "rs_1", source_phone_number="+15550100", destination_phone_number=""
        ),
        "destination_phone_number",
    ),
]


@pytest.mark.parametrize(
    ("call", "parameter"),
    [(c, p) for _, c, p in BAD_ARGUMENTS],
    ids=[n for n, _, _ in BAD_ARGUMENTS],
)
async def test_bad_arguments_are_refused_before_sending(
    mock_api: MockApi, kind: str, call: Any, parameter: str
) -> None:
    client = mock_api.client()

    with pytest.raises(InvalidArgumentError) as caught:
        await mock_api.settle(call(client.realtime))

    assert caught.value.parameter == parameter
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, TypeError)
    assert mock_api.requests == []
