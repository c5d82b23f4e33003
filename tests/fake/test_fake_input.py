"""Bad input: every kind is a 400 naming the field, never a 5xx; unknown routes 404."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from gabber_client.testing import MAX_BODY_BYTES, Catalog, FakeGabber

from .support import BASE_URL, KEY, assert_conforms, error, start, start_body


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "body: a JSON request body is required"),
        (b"   ", "body: a JSON request body is required"),
        (b"{", "body: invalid JSON"),
        (b'{"config": }', "body: invalid JSON"),
        (b"\xff\xfe\x00", "body: invalid JSON"),
        (b'{"simulated": NaN, "config": {}}', "body: invalid JSON"),
        (b'{"simulated": Infinity}', "body: invalid JSON"),
        (b'{"x": 1e999}', "body: invalid JSON"),
        (b'{"x": ' + b"9" * 5000 + b"}", "body: invalid JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "body: nested more than"),
        (b'{"_extra": ' + b'{"a":' * 70 + b"1" + b"}" * 71, "body: nested more than"),
        (b"[]", "body: [] is not of type 'object'"),
        (b'"text"', "body: 'text' is not of type 'object'"),
        (b"null", "body: None is not of type 'object'"),
        (b"{}", "config: 'config' is a required property"),
    ],
)
def test_start_with_a_bad_body(http: httpx.Client, content: bytes, expected: str) -> None:
    response = http.post(
        "/v1/realtime/start", content=content, headers={"content-type": "application/json"}
    )
    assert_conforms(response)
    assert error(response, 400).startswith(expected)
    assert response.json()["type"] == "invalid_input"


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda b: b["config"]["generative"].pop("llm"), "config.generative.llm"),
        (lambda b: b["config"].pop("output"), "config.output"),
        (
            lambda b: b["config"]["output"].pop("stream_transcript"),
            "config.output.stream_transcript",
        ),
        (lambda b: b["config"]["generative"].update(llm=5), "config.generative.llm"),
        (lambda b: b["config"]["generative"].update(llm=None), "config.generative.llm"),
        (
            lambda b: b["config"]["generative"].update(tool_definitions=["a", 3]),
            "config.generative.tool_definitions[1]",
        ),
        (
            lambda b: b["config"]["generative"].update(tool_definitions="a"),
            "config.generative.tool_definitions",
        ),
        (lambda b: b["config"]["general"].update(time_limit_s="60"), "config.general.time_limit_s"),
        (lambda b: b["config"]["general"].update(time_limit_s=True), "config.general.time_limit_s"),
        (lambda b: b["config"]["input"].update(interruptable="yes"), "config.input.interruptable"),
        (lambda b: b["config"].update(general=[]), "config.general"),
        (lambda b: b.update(simulated="true"), "simulated"),
        (lambda b: b.update(_extra=[1]), "_extra"),
        (lambda b: b["config"]["generative"].update(llm=""), "config.generative.llm"),
        (lambda b: b["config"]["generative"].update(persona=""), "config.generative.persona"),
        (lambda b: b["config"]["generative"].update(context=""), "config.generative.context"),
        (
            lambda b: b["config"]["generative"].update(tool_definitions=["a", ""]),
            "config.generative.tool_definitions[1]",
        ),
    ],
)
def test_start_names_the_bad_field(
    fake: FakeGabber, http: httpx.Client, mutate: Any, field: str
) -> None:
    body = start_body()
    mutate(body)
    response = http.post("/v1/realtime/start", json=body)
    assert_conforms(response)
    assert error(response, 400).startswith(f"{field}: ")
    assert fake.sessions() == []


def test_missing_required_property_message(http: httpx.Client) -> None:
    body = start_body()
    del body["config"]["generative"]["llm"]
    message = error(http.post("/v1/realtime/start", json=body), 400)
    assert message == "config.generative.llm: 'llm' is a required property"


def test_nullable_parts_say_what_they_may_be(http: httpx.Client) -> None:
    session = start(http)
    response = http.post(f"/v1/realtime/{session['id']}/update", json={"generative": 5})
    assert error(response, 400) == "generative: 5 is not of type 'object', 'null'"


def test_long_values_are_clipped_in_messages(http: httpx.Client) -> None:
    session = start(http)
    response = http.post(f"/v1/realtime/{session['id']}/speak", json={"text": ["x" * 5000]})
    assert len(error(response, 400)) < 400


def test_unknown_fields_are_ignored_not_echoed(http: httpx.Client) -> None:
    body = start_body()
    body["config"]["output"]["surprise"] = 1
    body["unexpected"] = True
    response = http.post("/v1/realtime/start", json=body)
    assert_conforms(response)
    assert "surprise" not in response.json()["session"]["config"]["output"]


def test_integral_floats_are_read_as_integers(http: httpx.Client) -> None:
    body = start_body()
    body["config"]["general"]["time_limit_s"] = 30.0
    response = http.post("/v1/realtime/start", json=body)
    assert response.json()["session"]["config"]["general"]["time_limit_s"] == 30
    assert re.search(rb'"time_limit_s":30[,}]', response.content), response.content


@pytest.mark.parametrize(
    ("operation_path", "body", "field"),
    [
        ("speak", {}, "text"),
        ("speak", {"text": None}, "text"),
        ("attach_human", {"human": 1}, "human"),
        ("dtmf", {"digits": "123"}, "digits"),
        ("dtmf", {"digits": [{"digit": 1, "duration": 10}]}, "digits[0].digit"),
        ("outbound_call", {"type": "phone"}, "source_phone_number"),
        (
            "outbound_call",
            {"type": "phone", "source_phone_number": "+1"},
            "destination_phone_number",
        ),
        ("outbound_call", {"type": 1}, "type"),
        ("outbound_call", {}, "type"),
        ("outbound_call", [], "body"),
        ("update", {"general": {"save_messages": "no"}}, "general.save_messages"),
        ("update", {"generative": {"tool_definitions": [1]}}, "generative.tool_definitions[0]"),
        ("update", {"output": {}}, "output.stream_transcript"),
        ("update", "x", "body"),
    ],
)
def test_other_bodies_name_the_bad_field(
    http: httpx.Client, operation_path: str, body: Any, field: str
) -> None:
    session = start(http)
    prefix = "session/" if operation_path == "attach_human" else ""
    path = f"/v1/realtime/{prefix}{session['id']}/{operation_path}"
    response = http.post(path, json=body)
    assert_conforms(response)
    assert error(response, 400).startswith(f"{field}: ")


def test_a_bad_body_is_400_even_for_an_unknown_session(http: httpx.Client) -> None:
    error(http.post("/v1/realtime/nope/speak", json={}), 400)
    error(http.post("/v1/realtime/nope/speak", json={"text": "hi"}), 404)


def test_credentials_are_checked_before_the_body(anon: httpx.Client) -> None:
    error(anon.post("/v1/realtime/start", content=b"{"), 401)


def test_a_body_over_the_limit_is_refused_before_parsing(
    fake: FakeGabber, http: httpx.Client
) -> None:
    session = start(http)
    text = "x" * MAX_BODY_BYTES
    response = http.post(f"/v1/realtime/{session['id']}/speak", json={"text": text})
    assert_conforms(response)
    assert error(response, 400) == f"body: larger than {MAX_BODY_BYTES} bytes"
    assert len(fake.requests[-1].body) == MAX_BODY_BYTES + 1


def test_a_streamed_body_is_read_only_up_to_the_limit(fake: FakeGabber, http: httpx.Client) -> None:
    session = start(http)
    sent = 0

    def chunks() -> Any:
        nonlocal sent
        for _ in range(64):
            sent += 65536
            yield b" " * 65536

    response = http.post(f"/v1/realtime/{session['id']}/speak", content=chunks())
    error(response, 400)
    assert sent <= MAX_BODY_BYTES + 65536
    assert len(fake.requests[-1].body) == MAX_BODY_BYTES + 1


def test_a_body_at_the_limit_is_read(http: httpx.Client) -> None:
    session = start(http)
    # JSON white space pads the body to the limit (a speak text itself is capped at
    # 64 Ki characters, to bound the fake's memory).
    body = b'{"text":"hi"' + b" " * (MAX_BODY_BYTES - len(b'{"text":"hi"}')) + b"}"
    assert len(body) == MAX_BODY_BYTES
    response = http.post(
        f"/v1/realtime/{session['id']}/speak",
        content=body,
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("method", "path", "prefix"),
    [
        ("GET", "/", "path: "),
        ("GET", "/v1", "path: "),
        ("GET", "/v1/realtime", "path: "),
        ("GET", "/v1/realtime/", "session: "),
        ("GET", "/v2/realtime/list", "path: "),
        ("POST", "/v1/realtime/x/unknown", "path: "),
        ("POST", "/v1/realtime/x/end/more", "path: "),
        ("POST", "/v1/realtime/session/x/other", "path: "),
        ("GET", "/v1/realtime/list/", "path: "),
        ("POST", "/v1/realtime/x/%65nd", "path: "),
        ("GET", "/v1/realtime/x/%6Dessages", "path: "),
    ],
)
def test_unknown_routes_are_404(
    fake: FakeGabber, http: httpx.Client, method: str, path: str, prefix: str
) -> None:
    response = http.request(method, path)
    assert error(response, 404).startswith(prefix)
    assert "type" not in response.json()
    assert fake.requests[-1].status == 404


def test_an_empty_session_segment_is_404(http: httpx.Client) -> None:
    assert error(http.post("/v1/realtime//end"), 404).startswith("session: ")


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("GET", "/v1/realtime/start", "POST"),
        ("POST", "/v1/realtime/list", "GET"),
        ("DELETE", "/v1/realtime/rs_1", "GET"),
        ("GET", "/v1/realtime/rs_1/end", "POST"),
        ("PUT", "/v1/realtime/rs_1/speak", "POST"),
        ("POST", "/v1/realtime/rs_1/messages", "GET"),
        ("GET", "/v1/realtime/session/rs_1/attach_human", "POST"),
    ],
)
def test_a_method_a_path_does_not_take_is_405_with_allow(
    http: httpx.Client, method: str, path: str, allow: str
) -> None:
    response = http.request(method, path)
    assert response.status_code == 405
    assert response.headers["allow"] == allow
    assert response.json()["message"].startswith("method: ")


def test_the_catalog_refuses_unknown_ids_naming_the_field() -> None:
    catalog = Catalog(
        llms={"llm_1"},
        voices=["voice_1"],
        personas=("persona_1",),
        scenarios={"scenario_1"},
        contexts={"ctx_1"},
        tool_definitions={"tool_1"},
    )
    fake = FakeGabber(catalog=catalog)
    with httpx.Client(
        transport=fake.transport(), base_url=BASE_URL, headers={"x-api-key": KEY}
    ) as client:
        known = start_body(
            llm="llm_1",
            voice_override="voice_1",
            persona="persona_1",
            scenario="scenario_1",
            context="ctx_1",
            tool_definitions=["tool_1"],
        )
        started = client.post("/v1/realtime/start", json=known)
        assert started.status_code == 200, started.text
        assert started.json()["session"]["config"]["generative"]["persona"]["voice"] == "voice_1"
        cases = {
            "llm": ("llm_2", "config.generative.llm: unknown llm id 'llm_2'"),
            "voice_override": ("v", "config.generative.voice_override: unknown voice id 'v'"),
            "persona": ("p", "config.generative.persona: unknown persona id 'p'"),
            "scenario": ("s", "config.generative.scenario: unknown scenario id 's'"),
            "context": ("c", "config.generative.context: unknown context id 'c'"),
            "tool_definitions": (
                ["tool_1", "t"],
                "config.generative.tool_definitions[1]: unknown tool definition id 't'",
            ),
        }
        for key, (value, message) in cases.items():
            response = client.post(
                "/v1/realtime/start", json=start_body(**{"llm": "llm_1", key: value})
            )
            assert_conforms(response)
            assert error(response, 400) == message
        # A context the fake created is known from then on.
        created = client.post("/v1/realtime/start", json=start_body(llm="llm_1")).json()
        context_id = created["session"]["config"]["generative"]["context"]["id"]
        again = client.post("/v1/realtime/start", json=start_body(llm="llm_1", context=context_id))
        assert again.status_code == 200
        session_id = created["session"]["id"]
        update = client.post(
            f"/v1/realtime/{session_id}/update", json={"generative": {"scenario": "nope"}}
        )
        assert error(update, 400) == "generative.scenario: unknown scenario id 'nope'"


def test_catalog_arguments() -> None:
    with pytest.raises(TypeError):
        Catalog(llms="llm_1")
    assert Catalog(llms=["a", "a"]).llms == frozenset({"a"})
    with pytest.raises(ValueError, match="no LLM"):
        FakeGabber(catalog=Catalog()).create_session()


def test_create_session_validates_its_config(fake: FakeGabber) -> None:
    config = {"general": {}, "input": {}, "generative": {}, "output": {"stream_transcript": True}}
    with pytest.raises(ValueError, match=r"^config\.generative\.llm: "):
        fake.create_session(config)
    fake.create_session(session_id="taken")
    with pytest.raises(ValueError, match="exists already"):
        fake.create_session(session_id="taken")


def test_constructor_arguments_are_checked() -> None:
    with pytest.raises(TypeError):
        FakeGabber(api_keys="one-key")
    with pytest.raises(ValueError, match="api_keys"):
        FakeGabber(api_keys=[])
    with pytest.raises(ValueError, match="api_keys"):
        FakeGabber(api_keys=[""])
    with pytest.raises(ValueError, match="page_size"):
        FakeGabber(page_size=0)
    with pytest.raises(ValueError, match="project"):
        FakeGabber(project="")


def test_recursive_references_stay_resolvable() -> None:
    from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

    from gabber_client.testing import _validation

    components = {
        "Node": {
            "type": "object",
            "properties": {"next": {"$ref": "#/components/schemas/Node"}, "n": {"type": "integer"}},
        }
    }
    inlined = _validation._inline({"$ref": "#/components/schemas/Node"}, components, ())
    assert inlined["properties"]["next"] == {
        "$ref": "urn:gabber-client:openapi#/components/schemas/Node"
    }
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    registry = Registry().with_resource(
        "urn:gabber-client:openapi",
        Resource.from_contents({"components": {"schemas": components}}, DRAFT202012),
    )
    validator = Draft202012Validator(inlined, registry=registry)
    assert validator.is_valid({"next": {"next": {"next": {"n": 1}}}})
    assert not validator.is_valid({"next": {"next": {"next": {"n": "x"}}}})
