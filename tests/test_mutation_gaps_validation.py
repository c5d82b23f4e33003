"""The request checks' exact answers that mutation testing found unpinned (issue 23,
``_validation``): raw paths of ``client.get``/``client.post`` (each refusal, and
every accepted path staying under the base URL), the texts of the id, text and
header checks, and how a dict config and a malformed 2xx body are described."""

from __future__ import annotations

import copy
import json
from typing import Any

import httpx
import pytest
from reliability import payloads
from spec_values import minimal_config

from gabber_client import APIResponseValidationError, Gabber, InvalidArgumentError
from gabber_client.testing import FakeGabber

CONFIG: dict[str, Any] = dict(
    minimal_config(
        {
            "general": {"time_limit_s": 600},
            "input": {"interruptable": True},
            "generative": {"llm": "llm_1", "voice_override": "v", "tool_definitions": ["t"]},
            "output": {"stream_transcript": True, "answer_message": "Hi"},
        }
    )
)


def _recording_client(base_url: str = "http://gabber.test/api/") -> tuple[Gabber, list[str]]:
    sent: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request.url.raw_path.decode("ascii"))
        return httpx.Response(200, json={})

    http = httpx.Client(transport=httpx.MockTransport(handler))
    return Gabber(api_key="k", base_url=base_url, http_client=http, max_retries=0), sent


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        (5, "expected str, got int"),
        ("", "must name a path under the base URL"),
        ("///", "must name a path under the base URL"),
        (
            "http://evil.test/x",
            "expected a path relative to the base URL, got the URL 'http://evil.test/x'",
        ),
        ("mailto:x", "expected a path relative to the base URL, got the URL 'mailto:x'"),
        ("//evil.test/x", "expected a path relative to the base URL, got the URL '//evil.test/x'"),
        ("/v1/x?a=1", "must not hold a query or fragment: use params="),
        ("/v1/x#top", "must not hold a query or fragment: use params="),
        ("/v1\\x", "must not hold backslashes, white space or control characters"),
        ("/v1/a b", "must not hold backslashes, white space or control characters"),
        ("/v1/\tb", "must not hold backslashes, white space or control characters"),
        ("/v1/\x7f", "must not hold backslashes, white space or control characters"),
        ("/v1/../x", "must not hold '.' or '..' segments"),
        ("/v1/./x", "must not hold '.' or '..' segments"),
        ("/v1/%2E/x", "must not hold '.' or '..' segments"),
        ("/v1/%2e%2E", "must not hold '.' or '..' segments"),
        ("/v1/%5C..%5Cx", "must not hold '.' or '..' segments"),
        ("..", "must not hold '.' or '..' segments"),
    ],
)
def test_a_raw_path_that_could_leave_the_base_url_is_refused(path: Any, problem: str) -> None:
    client, sent = _recording_client()
    with pytest.raises(InvalidArgumentError) as caught:
        client.get(path)
    assert (caught.value.parameter, caught.value.problem) == ("path", problem)
    assert sent == []


@pytest.mark.parametrize(
    ("path", "sent_path"),
    [
        ("v1/x", "/api/v1/x"),
        ("/v1/x", "/api/v1/x"),
        ("/v1/a..b/.c/d.", "/api/v1/a..b/.c/d."),
        ("/v1/%252e%252e/x", "/api/v1/%252e%252e/x"),
        ("/v1/x/", "/api/v1/x/"),
        ("/v1/caf%C3%A9", "/api/v1/caf%C3%A9"),
    ],
)
def test_an_accepted_raw_path_is_sent_under_the_base_url_path(path: str, sent_path: str) -> None:
    client, sent = _recording_client()
    client.get(path)
    assert sent == [sent_path]


@pytest.mark.parametrize(
    ("session", "problem"),
    [
        (5, "expected str, got int"),
        (None, "expected str, got null"),
        ("", "must not be empty"),
        ("rs_\ud800", "contains a lone surrogate (not UTF-8)"),
    ],
)
def test_a_bad_session_id_is_named(session: Any, problem: str) -> None:
    fake = FakeGabber()
    with pytest.raises(InvalidArgumentError) as caught:
        fake.client().realtime.get(session)
    assert (caught.value.parameter, caught.value.problem) == ("session", problem)
    assert fake.requests == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (b"hi", "expected str, got bytes"),
        ("", "must not be empty or blank"),
        (" \n\t", "must not be empty or blank"),
        ("hi \udc00", "contains a lone surrogate (not UTF-8)"),
    ],
)
def test_bad_speech_text_is_named(text: Any, problem: str) -> None:
    fake = FakeGabber()
    session = fake.create_session()["id"]
    with pytest.raises(InvalidArgumentError) as caught:
        fake.client().realtime.speak(session, text)
    assert (caught.value.parameter, caught.value.problem) == ("text", problem)


@pytest.mark.parametrize(
    ("api_key", "problem"),
    [
        (5, "expected str, got int"),
        ("a\r\nX: y", "must not contain CR, LF or NUL characters"),
        ("a\x00b", "must not contain CR, LF or NUL characters"),
        ("clé", "must contain printable ASCII characters only (HTTP header value)"),
        ("a\x7fb", "must contain printable ASCII characters only (HTTP header value)"),
        (" key", "must not start or end with white space (HTTP would strip it)"),
        ("key ", "must not start or end with white space (HTTP would strip it)"),
    ],
)
def test_a_bad_header_value_is_named(api_key: Any, problem: str) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        Gabber(api_key=api_key, base_url="http://gabber.test")
    assert (caught.value.parameter, caught.value.problem) == ("api_key", problem)


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        (5, "expected str header names, got int"),
        ("", "'' is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)"),
        ("X Y", "'X Y' is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)"),
        ("X:Y", "'X:Y' is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)"),
    ],
)
def test_a_bad_header_name_is_named(name: Any, problem: str) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        Gabber(api_key="k", base_url="http://gabber.test", default_headers={name: "v"})
    assert (caught.value.parameter, caught.value.problem) == ("default_headers", problem)
    for accepted in ("X-Trace", "x_y", "A1!#$%&'*+-.^_`|~"):
        Gabber(api_key="k", base_url="http://gabber.test", default_headers={accepted: "v"})


@pytest.mark.parametrize(
    ("change", "problems"),
    [
        (
            {"generative": {"llm": "l", "voice_override": 5}},
            [("config.generative.voice_override", "expected string or null, got int")],
        ),
        (
            {"general": {**CONFIG["general"], "time_limit_s": True}},
            [("config.general.time_limit_s", "expected integer or null, got bool")],
        ),
        (
            {"generative": {"llm": "l", "tool_definitions": ["a", 1, "b", None]}},
            [
                ("config.generative.tool_definitions[1]", "expected string, got int"),
                ("config.generative.tool_definitions[3]", "expected string, got null"),
            ],
        ),
        ({"input": None}, [("config.input", "expected object, got null")]),
        (
            {"generative": {"voice_override": "v"}},
            [("config.generative.llm", "is required")],
        ),
        (
            {"general": {**CONFIG["general"], "time_limit": 5}},
            [
                (
                    "config.general.time_limit",
                    "unknown field (known fields: save_messages, time_limit_s)",
                )
            ],
        ),
    ],
)
def test_a_dict_config_is_described_problem_by_problem(
    change: dict[str, Any], problems: list[tuple[str, str]]
) -> None:
    config = copy.deepcopy(CONFIG) | change
    fake = FakeGabber()
    start: Any = fake.client().realtime.start  # a config of the wrong shape, on purpose
    with pytest.raises(InvalidArgumentError) as caught:
        start(config)
    assert list(caught.value.problems) == problems
    assert fake.requests == []


def test_a_dict_config_missing_its_sections_names_each() -> None:
    start: Any = FakeGabber().client().realtime.start
    with pytest.raises(InvalidArgumentError) as caught:
        start({"general": CONFIG["general"], "extra": 1})
    assert list(caught.value.problems) == [
        ("config.input", "is required"),
        ("config.generative", "is required"),
        ("config.output", "is required"),
        ("config.extra", "unknown field (known fields: general, generative, input, output)"),
    ]


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"values": [], "total_count": "3"}, "body.total_count: expected integer, got str"),
        ({"values": [5], "total_count": 1}, "body.values[0]: expected object, got int"),
        ({"total_count": 1}, "body.values: is required"),
        ([], "body: expected object, got list"),
    ],
)
def test_a_malformed_page_is_described_by_its_first_problem(body: Any, named: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=json.dumps(body).encode())

    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = Gabber(api_key="k", base_url="http://gabber.test", http_client=http, max_retries=0)
    with pytest.raises(APIResponseValidationError) as caught:
        client.realtime.list()
    assert named in str(caught.value)


def _getter(body: Any) -> Gabber:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=json.dumps(body).encode())

    http = httpx.Client(transport=httpx.MockTransport(handler))
    return Gabber(api_key="k", base_url="http://gabber.test", http_client=http, max_retries=0)


def test_a_response_is_described_leniently_by_its_first_problem() -> None:
    session = {"new": {"a": [1]}} | payloads.session("rs_1") | {"state": "from-the-future"}
    assert _getter(session).realtime.get("rs_1").id == "rs_1"  # new fields and values pass
    session["id"] = 5  # a field the spec knows, of the wrong type, after the new ones
    with pytest.raises(APIResponseValidationError) as caught:
        _getter(session).realtime.get("rs_1")
    assert str(caught.value) == (
        "GET /v1/realtime/rs_1 returned a body that does not match RealtimeSession: "
        "body.id: expected string, got int"
    )
    del session["created_at"]
    with pytest.raises(APIResponseValidationError) as caught:
        _getter(session).realtime.get("rs_1")
    assert str(caught.value).endswith("RealtimeSession: body.created_at: is required")


class _Int(int):
    pass


class _Float(float):
    pass


@pytest.mark.parametrize(
    ("body", "where", "problem"),
    [
        (2**53, "body", "integer beyond JSON's safe range (+/-9007199254740991)"),
        (-(2**53), "body", "integer beyond JSON's safe range (+/-9007199254740991)"),
        ({"n": _Int(2**53)}, "body.n", "integer beyond JSON's safe range (+/-9007199254740991)"),
        ("lone \ud800", "body", "contains a lone surrogate (not UTF-8)"),
    ],
)
def test_a_raw_body_the_api_cannot_read_is_refused(body: Any, where: str, problem: str) -> None:
    client, sent = _recording_client()
    with pytest.raises(InvalidArgumentError) as caught:
        client.post("/v1/x", json=body)
    assert (caught.value.parameter, caught.value.problem) == (where, problem)
    assert sent == []


@pytest.mark.parametrize(
    "body",
    [2**53 - 1, -(2**53 - 1), True, "text", 1.5, {"n": _Int(2**53 - 1)}, {"f": _Float(2.5)}],
)
def test_a_raw_body_at_the_limits_is_sent(body: Any) -> None:
    client, sent = _recording_client()
    client.post("/v1/x", json=body)
    assert sent == ["/api/v1/x"]


def test_a_one_letter_raw_path_is_a_path() -> None:
    client, sent = _recording_client()
    client.get("X")
    assert sent == ["/api/X"]


def test_a_long_bad_header_name_is_cut_to_100_characters_in_the_message() -> None:
    name = "Bad Name " + "x" * 200
    with pytest.raises(InvalidArgumentError) as caught:
        Gabber(api_key="k", base_url="http://gabber.test", default_headers={name: "v"})
    assert caught.value.problem.startswith(f"{name[:100]!r} is not a valid HTTP header name")


def test_check_json_accepts_a_bare_null() -> None:
    """``None`` is JSON's null, at the top level as inside a container."""
    from gabber_client._validation import check_json

    check_json(None, "body")
    check_json({"a": None}, "body")


@pytest.mark.parametrize("body", [{"a": None, "b": float("nan")}, [None, float("nan")]])
def test_check_json_goes_on_past_a_null(body: Any) -> None:
    """A null is fine, and what follows it is still checked."""
    from gabber_client._validation import check_json

    with pytest.raises(InvalidArgumentError) as caught:
        check_json(body, "body")
    assert caught.value.problem == "nan is not a JSON number"


def test_an_empty_header_value_is_refused_naming_the_header() -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        Gabber(api_key="k", base_url="http://gabber.test", default_headers={"X-A": ""})
    assert (caught.value.parameter, caught.value.problem) == (
        "default_headers['X-A']",
        "must not be empty",
    )


def test_a_header_value_of_printable_ascii_is_sent_as_given() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["x-trace"])
        return httpx.Response(200, json={})

    http = httpx.Client(transport=httpx.MockTransport(handler))
    value = "Xyz 1-2 ~!@#$%^&*()_+{}|:<>?"
    client = Gabber(
        api_key="k",
        base_url="http://gabber.test",
        http_client=http,
        max_retries=0,
        default_headers={"X-Trace": value},
    )
    with client:
        client.get("/anything")
    assert seen == [value]


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({"general": 5}, ("body.general", "expected object or null, got int")),
        (
            {"generative": {"_extra": "x"}},
            ("body.generative._extra", "expected object or null, got str"),
        ),
    ],
)
def test_a_value_of_none_of_the_alternatives_types_names_them_all(
    body: dict[str, Any], problem: tuple[str, str]
) -> None:
    from gabber_client._validation import check_against_schema

    with pytest.raises(InvalidArgumentError) as caught:
        check_against_schema(body, "RealtimeSessionConfigUpdate", "body")
    assert list(caught.value.problems) == [problem]


# The schema walker on schemas of shapes the spec may take when it changes: each
# test builds the walker's node of a schema written here, strict (requests) or
# lenient (responses), and checks what it says of values.
def _said(value: Any, schema: dict[str, Any], lenient: bool = False) -> list[tuple[str, str]]:
    from gabber_client._validation import _node, _problems

    return list(_problems(value, _node(schema, {}, lenient)))


def test_a_schema_that_contains_itself_is_read_once_and_walked() -> None:
    tree: dict[str, Any] = {"type": "object", "required": ["name"], "properties": {}}
    tree["properties"] = {
        "name": {"type": "string"},
        "children": {"type": "array", "items": tree},
    }
    value = {"name": "root", "children": [{"name": "a", "children": [{"children": []}]}]}
    assert _said(value, tree) == [(".children[0].children[0].name", "is required")]


@pytest.mark.parametrize("value", [None, 1, "s", [1, "two"], {"k": [None]}, True])
def test_a_schema_without_a_type_takes_any_value(value: Any) -> None:
    assert _said(value, {"description": "anything"}) == []


def test_a_type_list_with_boolean_and_integer_takes_both() -> None:
    schema = {"type": ["integer", "boolean"]}
    assert _said(True, schema) == []
    assert _said(3, schema) == []
    assert _said(1.5, schema) == [("", "expected integer or boolean, got float")]
    assert _said(True, {"type": "integer"}) == [("", "expected integer, got bool")]


def test_a_value_of_an_alternatives_type_gets_that_alternatives_problem() -> None:
    """A value whose type one alternative admits is described by the first
    alternative's problem, not as a value of the wrong type; also a bool against a
    boolean alternative and an int against an integer one."""
    flags = {"anyOf": [{"type": "boolean", "enum": [False]}, {"type": "string"}]}
    assert _said(True, flags) == [("", "must be one of [False], got True")]
    numbers = {"anyOf": [{"type": "integer", "enum": [1]}, {"type": "string"}]}
    assert _said(5, numbers) == [("", "must be one of [1], got 5")]
    assert _said(True, numbers) == [("", "expected integer or string, got bool")]
    several = {"anyOf": [{"type": ["string", "integer"], "enum": ["a", 1]}, {"type": "null"}]}
    assert _said([], several) == [("", "expected string/integer or null, got list")]


def test_an_enum_that_admits_null_lists_its_other_values() -> None:
    schema = {"type": ["string", "null"], "enum": ["a", "b", None]}
    assert _said(None, schema) == []
    assert _said("c", schema) == [("", "must be one of ['a', 'b'], got 'c'")]


def test_an_object_without_properties_is_strict_unless_it_is_free_form() -> None:
    assert _said({"a": 1}, {"type": "object"}) == [(".a", "unknown field (known fields: none)")]
    assert _said({"a": 1}, {"type": "object", "additionalProperties": True}) == []
    listed = {
        "type": "object",
        "additionalProperties": True,
        "properties": {"name": {"type": "string"}},
    }
    assert _said({"name": "n", "b": 1}, listed) == [(".b", "unknown field (known fields: name)")]


@pytest.mark.parametrize(
    "value",
    [{"state": "new"}, {"states": ["new"]}, {"either": "new"}, {"inner": {"added": 1}}],
)
def test_a_lenient_walk_is_lenient_at_every_depth(value: dict[str, Any]) -> None:
    """Unknown enum values and fields pass in a response wherever they are: in a
    property, an array's items, an alternative, a nested object."""

    def state() -> dict[str, Any]:  # a dict of its own in each place: nodes are kept by id
        return {"type": "string", "enum": ["old"]}

    schema = {
        "type": "object",
        "properties": {
            "state": state(),
            "states": {"type": "array", "items": state()},
            "either": {"anyOf": [state(), {"type": "null"}]},
            "inner": {"type": "object", "properties": {}},
        },
    }
    assert _said(value, schema, lenient=True) == []
    assert _said(value, schema) != []


def _message(**fields: Any) -> dict[str, Any]:
    return {
        "id": "msg_1",
        "created_at": "2026-12-03T10:00:00Z",
        "role": "user",
        "content": [{"type": "text", "text": "hi"}],
    } | fields


def test_a_response_is_described_through_a_discriminated_union() -> None:
    from gabber_client._validation import response_problem

    assert response_problem(_message(), "ContextMessage") is None
    new_field = _message(content=[{"type": "text", "text": "hi", "brand_new": 1}])
    assert response_problem(new_field, "ContextMessage") is None
    assert response_problem(_message(content=[{"type": "image"}]), "ContextMessage") == (
        "body.content[0].type: must be one of ['text'], got 'image'"
    )
    assert response_problem(_message(content=[{"type": "text", "text": 5}]), "ContextMessage") == (
        "body.content[0].text: expected string or null, got int"
    )


def test_a_response_date_time_problem_names_its_field() -> None:
    from gabber_client._validation import response_problem

    assert response_problem(_message(created_at="yesterday"), "ContextMessage") == (
        "body.created_at: expected an ISO 8601 date-time, got 'yesterday'"
    )


def test_a_new_enum_value_in_a_response_is_not_its_problem() -> None:
    from gabber_client._validation import response_problem

    body = _message(role="narrator")
    assert response_problem(body, "ContextMessage") is None
    body["id"] = 5  # after the new value, in key order
    assert response_problem(body, "ContextMessage") == "body.id: expected string, got int"
