"""openapi.yaml: valid OpenAPI 3.1, and faithful to the reference.

The tables below are transcribed from ``../shared/reference/realtime-schemas.md``
and ``RealtimeApi.md``; a change to the spec that loses or alters any of them fails.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parent.parent
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]

REQ, OPT = True, False
DIGITS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#", "A", "B", "C", "D", "<pause>"]

# model -> {wire field name: (required, enum values or None)}
MODELS: dict[str, dict[str, tuple[bool, list[str] | None]]] = {
    "BadRequest": {
        "type": (
            OPT,
            ["usage_limit_exceeded", "project_disabled", "moderation_error", "invalid_input"],
        ),
        "message": (OPT, None),
    },
    "StartRealtimeSessionRequest": {
        "simulated": (OPT, None),
        "config": (REQ, None),
        "_extra": (OPT, None),
    },
    "RealtimeSessionConfigCreate": {
        "general": (REQ, None),
        "input": (REQ, None),
        "generative": (REQ, None),
        "output": (REQ, None),
    },
    "RealtimeSessionConfigUpdate": {
        "general": (OPT, None),
        "input": (OPT, None),
        "generative": (OPT, None),
        "output": (OPT, None),
    },
    "RealtimeSessionGenerativeConfigCreate": {
        "llm": (REQ, None),
        "voice_override": (OPT, None),
        "persona": (OPT, None),
        "scenario": (OPT, None),
        "context": (OPT, None),
        "tool_definitions": (OPT, None),
        "_extra": (OPT, None),
    },
    "RealtimeSessionGenerativeConfigUpdate": {
        "llm": (OPT, None),
        "voice_override": (OPT, None),
        "persona": (OPT, None),
        "scenario": (OPT, None),
        "context": (OPT, None),
        "tool_definitions": (OPT, None),
        "_extra": (OPT, None),
    },
    "SpeakRequest": {"text": (REQ, None)},
    "AttachHumanRequest": {"human": (REQ, None)},
    "RealtimeSessionDTMFRequest": {"digits": (REQ, None)},
    "RealtimeSessionDTMFDigit": {"digit": (REQ, DIGITS), "duration": (REQ, None)},
    "RealtimeSessionInitiateOutboundCallRequestPhone": {
        "type": (REQ, ["phone"]),
        "source_phone_number": (REQ, None),
        "destination_phone_number": (REQ, None),
    },
    "RealtimeSessionGeneralConfig": {"time_limit_s": (OPT, None), "save_messages": (OPT, None)},
    "RealtimeSessionInputConfig": {"interruptable": (OPT, None), "parallel_listening": (OPT, None)},
    "RealtimeSessionOutputConfig": {
        "stream_transcript": (REQ, None),
        "speech_synthesis_enabled": (OPT, None),
        "answer_message": (OPT, None),
    },
    "RealtimeSessionStartResponse": {"session": (REQ, None), "connection_details": (REQ, None)},
    "RealtimeSessionConnectionDetails": {"url": (REQ, None), "token": (REQ, None)},
    "RealtimeSession": {
        "id": (REQ, None),
        "state": (REQ, ["not_started", "in_progress", "ended"]),
        "created_at": (REQ, None),
        "ended_at": (OPT, None),
        "project": (REQ, None),
        "human": (OPT, None),
        "simulated": (REQ, None),
        "config": (REQ, None),
        "data": (REQ, None),
        "_extra": (OPT, None),
    },
    "RealtimeSessionData": {
        "type": (REQ, ["caller_phone_number", "agent_phone_number"]),
        "value": (REQ, None),
    },
    "RealtimeSessionConfig": {
        "general": (REQ, None),
        "input": (REQ, None),
        "generative": (REQ, None),
        "output": (REQ, None),
    },
    "RealtimeSessionGenerativeConfig": {
        "llm": (REQ, None),
        "voice_override": (OPT, None),
        "persona": (OPT, None),
        "scenario": (OPT, None),
        "context": (REQ, None),
        "tool_definitions": (REQ, None),
        "_extra": (OPT, None),
    },
    "ListRealtimeSessions200Response": {
        "next_page": (OPT, None),
        "total_count": (REQ, None),
        "values": (REQ, None),
    },
    "GetRealtimeSessionMessages200Response": {
        "next_page": (OPT, None),
        "total_count": (REQ, None),
        "values": (REQ, None),
    },
    "GetRealtimeSessionTimeline200Response": {
        "next_page": (OPT, None),
        "total_count": (REQ, None),
        "values": (REQ, None),
    },
    "RealtimeSessionTimelineItem": {
        "seconds": (OPT, None),
        "type": (OPT, ["silence", "agent", "user"]),
    },
    "ContextMessage": {
        "id": (REQ, None),
        "speaking_started_at": (OPT, None),
        "speaking_ended_at": (OPT, None),
        "created_at": (REQ, None),
        "role": (REQ, ["assistant", "system", "user", "tool"]),
        "realtime_session": (OPT, None),
        "content": (REQ, None),
        "tool_calls": (OPT, None),
    },
    "ContextMessageContentText": {"type": (REQ, ["text"]), "text": (OPT, None)},
    "ContextMessageToolCall": {
        "id": (REQ, None),
        "type": (REQ, ["function", "gabber_tool"]),
        "function": (REQ, None),
    },
    "ContextMessageToolCallFunction": {"name": (REQ, None), "arguments": (REQ, None)},
    "LLM": {
        "created_at": (REQ, None),
        "id": (REQ, None),
        "name": (REQ, None),
        "project": (OPT, None),
        "type": (REQ, None),
        "compliance": (REQ, None),
        "description": (REQ, None),
    },
    "Voice": {
        "created_at": (REQ, None),
        "id": (REQ, None),
        "name": (REQ, None),
        "language": (REQ, None),
        "service": (OPT, None),
        "model": (OPT, None),
        "voice": (OPT, None),
        "embeddings": (OPT, None),
        "cartesia_voice_id": (OPT, None),
        "elevenlabs_voice_id": (OPT, None),
        "project": (OPT, None),
        "human": (OPT, None),
        "preview_url": (OPT, None),
        "pricing": (REQ, None),
        "tags": (REQ, None),
        "_extra": (OPT, None),
    },
    "VoicePricing": {
        "price_per_second": (REQ, None),
        "currency": (REQ, None),
        "product_name": (REQ, None),
    },
    "VoiceTag": {"name": (REQ, None), "human_name": (REQ, None)},
    "Persona": {
        "created_at": (REQ, None),
        "description": (REQ, None),
        "id": (REQ, None),
        "image_url": (OPT, None),
        "name": (REQ, None),
        "project": (REQ, None),
        "human": (OPT, None),
        "gender": (OPT, ["male", "female"]),
        "tags": (OPT, None),
        "voice": (REQ, None),
    },
    "PersonaTag": {"name": (REQ, None), "human_name": (REQ, None)},
    "Scenario": {
        "created_at": (REQ, None),
        "id": (REQ, None),
        "name": (REQ, None),
        "project": (REQ, None),
        "prompt": (REQ, None),
        "human": (OPT, None),
    },
    "Context": {
        "id": (REQ, None),
        "created_at": (REQ, None),
        "project": (REQ, None),
        "human": (OPT, None),
        "latest_messages": (REQ, None),
    },
    "ToolDefinition": {
        "id": (REQ, None),
        "name": (REQ, None),
        "description": (REQ, None),
        "parameters": (REQ, None),
        "call_settings": (REQ, None),
    },
    "ToolDefinitionParameter": {
        "name": (REQ, None),
        "description": (REQ, None),
        "type": (REQ, ["string", "number", "boolean", "object", "array"]),
        "required": (REQ, None),
        "default": (OPT, None),
    },
    "ToolDefinitionCallSettings": {"id": (REQ, None), "destination": (REQ, None)},
    "ToolDefinitionCallSettingsDestinationWebRequest": {
        "type": (REQ, ["web_request"]),
        "url": (REQ, None),
    },
    "ToolDefinitionCallSettingsDestinationClientApp": {"type": (REQ, ["client_app"])},
}

ONE_OFS = {
    "RealtimeSessionInitiateOutboundCallRequest": {
        "phone": "RealtimeSessionInitiateOutboundCallRequestPhone"
    },
    "ContextMessageContent": {"text": "ContextMessageContentText"},
    "ToolDefinitionCallSettingsDestination": {
        "web_request": "ToolDefinitionCallSettingsDestinationWebRequest",
        "client_app": "ToolDefinitionCallSettingsDestinationClientApp",
    },
}

EITHER, KEY_ONLY = ["ApiKeyAuth", "BearerAuth"], ["ApiKeyAuth"]
# operationId -> (method, path, security, has x-human-id, request body schema, 200 schema)
OPERATIONS = {
    "attach_human": (
        "post",
        "/v1/realtime/session/{session}/attach_human",
        KEY_ONLY,
        False,
        "AttachHumanRequest",
        "RealtimeSession",
    ),
    "dtmf": (
        "post",
        "/v1/realtime/{session}/dtmf",
        KEY_ONLY,
        False,
        "RealtimeSessionDTMFRequest",
        None,
    ),
    "end_realtime_session": (
        "post",
        "/v1/realtime/{session}/end",
        EITHER,
        True,
        None,
        "RealtimeSession",
    ),
    "get_realtime_session": (
        "get",
        "/v1/realtime/{session}",
        EITHER,
        True,
        None,
        "RealtimeSession",
    ),
    "get_realtime_session_messages": (
        "get",
        "/v1/realtime/{session}/messages",
        EITHER,
        True,
        None,
        "GetRealtimeSessionMessages200Response",
    ),
    "get_realtime_session_timeline": (
        "get",
        "/v1/realtime/{session}/timeline",
        EITHER,
        True,
        None,
        "GetRealtimeSessionTimeline200Response",
    ),
    "initiate_outbound_call": (
        "post",
        "/v1/realtime/{session}/outbound_call",
        EITHER,
        False,
        "RealtimeSessionInitiateOutboundCallRequest",
        "RealtimeSession",
    ),
    "list_realtime_sessions": (
        "get",
        "/v1/realtime/list",
        EITHER,
        True,
        None,
        "ListRealtimeSessions200Response",
    ),
    "speak": (
        "post",
        "/v1/realtime/{session}/speak",
        KEY_ONLY,
        False,
        "SpeakRequest",
        "RealtimeSession",
    ),
    "start_realtime_session": (
        "post",
        "/v1/realtime/start",
        EITHER,
        True,
        "StartRealtimeSessionRequest",
        "RealtimeSessionStartResponse",
    ),
    "update_realtime_session": (
        "post",
        "/v1/realtime/{session}/update",
        EITHER,
        True,
        "RealtimeSessionConfigUpdate",
        "RealtimeSession",
    ),
}


def _resolve(node: Any) -> Any:
    """Follow local $refs (components only)."""
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"].removeprefix("#/")
        node = SPEC
        for part in ref.split("/"):
            node = node[part]
    return node


def _enum_of(prop: dict[str, Any]) -> list[str] | None:
    """The non-null enum values of a property, through anyOf/$ref wrappers."""
    prop = _resolve(prop)
    if "enum" in prop:
        return [v for v in prop["enum"] if v is not None]
    for alt in prop.get("anyOf", []) + prop.get("oneOf", []):
        values = _enum_of(alt)
        if values is not None:
            return values
    return None


def _allows_null(prop: dict[str, Any]) -> bool:
    t = prop.get("type")
    if t == "null" or (isinstance(t, list) and "null" in t):
        return True
    return any(_allows_null(alt) for alt in prop.get("anyOf", []) + prop.get("oneOf", []))


def test_spec_is_valid_openapi_3_1() -> None:
    assert SPEC["openapi"].startswith("3.1")
    validate(SPEC)


def test_server_description_and_tags() -> None:
    assert [s["url"] for s in SPEC["servers"]] == ["https://api.gabber.dev"]
    assert SPEC["info"]["description"].strip()
    assert {t["name"] for t in SPEC["tags"]} == {"realtime"}


@pytest.mark.parametrize("model", sorted(MODELS))
def test_model_matches_reference(model: str) -> None:
    schema = SCHEMAS[model]
    expected = MODELS[model]
    assert set(schema["properties"]) == set(expected), f"{model}: fields differ"
    required = {name for name, (req, _) in expected.items() if req}
    assert set(schema.get("required", [])) == required, f"{model}: required list differs"
    for name, (req, enum) in expected.items():
        prop = schema["properties"][name]
        found = _enum_of(prop)
        assert (None if found is None else sorted(found)) == (
            None if enum is None else sorted(enum)
        ), f"{model}.{name}: enum differs"
        if not req:
            assert _allows_null(prop), f"{model}.{name} is optional, so it may arrive as null"
        else:
            assert not _allows_null(prop), f"{model}.{name} is required and never null"
        assert "description" in prop or "$ref" in prop, f"{model}.{name} has no description"


def test_defaults_from_reference() -> None:
    def props(model: str) -> dict[str, Any]:
        found: dict[str, Any] = SCHEMAS[model]["properties"]
        return found

    assert props("RealtimeSessionGeneralConfig")["save_messages"]["default"] is True
    assert props("RealtimeSessionInputConfig")["interruptable"]["default"] is True
    assert props("RealtimeSessionInputConfig")["parallel_listening"]["default"] is False
    assert props("RealtimeSessionOutputConfig")["speech_synthesis_enabled"]["default"] is True


@pytest.mark.parametrize("union", sorted(ONE_OFS))
def test_one_ofs_are_discriminated_by_type(union: str) -> None:
    schema = SCHEMAS[union]
    assert schema["discriminator"]["propertyName"] == "type"
    mapping = {k: v.rsplit("/", 1)[1] for k, v in schema["discriminator"]["mapping"].items()}
    assert mapping == ONE_OFS[union]
    assert sorted(alt["$ref"].rsplit("/", 1)[1] for alt in schema["oneOf"]) == sorted(
        mapping.values()
    )


def test_exactly_the_eleven_operations() -> None:
    found = {
        op["operationId"]: (method, path)
        for path, item in SPEC["paths"].items()
        for method, op in item.items()
    }
    assert found == {op: (m, p) for op, (m, p, *_) in OPERATIONS.items()}


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_operation_matches_reference(operation_id: str) -> None:
    method, path, security, has_human, body, ok = OPERATIONS[operation_id]
    op = SPEC["paths"][path][method]
    assert [next(iter(s)) for s in op["security"]] == security
    params = [_resolve(p) for p in op.get("parameters", [])]
    by_name = {(p["in"], p["name"]): p for p in params}
    if "{session}" in path:
        assert by_name.pop(("path", "session"))["required"] is True
    human = by_name.pop(("header", "x-human-id"), None)
    assert (human is not None) == has_human
    if human is not None:
        assert human.get("required", False) is False
    if operation_id == "list_realtime_sessions":
        assert by_name.pop(("query", "page")).get("required", False) is False
    assert by_name == {}, f"unexpected parameters {sorted(by_name)}"
    if body is None:
        assert "requestBody" not in op
    else:
        content = op["requestBody"]["content"]["application/json"]["schema"]
        assert op["requestBody"]["required"] is True
        assert content["$ref"].endswith("/" + body)
    responses = {code: _resolve(r) for code, r in op["responses"].items()}
    assert set(responses) == {"200", "400", "401", "404", "429", "500"}
    if ok is None:
        assert "content" not in responses["200"], "dtmf answers 200 with an empty body"
    else:
        assert responses["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/" + ok)
    for code in ("400", "401", "404", "429"):
        schema = responses[code]["content"]["application/json"]["schema"]
        assert schema["$ref"].endswith("/BadRequest")


def test_reference_slips_are_fixed() -> None:
    get = SPEC["paths"]["/v1/realtime/{session}"]["get"]
    assert "end" not in (get["description"] + get["summary"]).lower()
    attach = SPEC["paths"]["/v1/realtime/session/{session}/attach_human"]["post"]
    assert "token" not in attach["responses"]["200"]["description"].lower()


def test_security_schemes() -> None:
    schemes = SPEC["components"]["securitySchemes"]
    assert schemes["ApiKeyAuth"] == {
        **schemes["ApiKeyAuth"],
        "type": "apiKey",
        "in": "header",
        "name": "x-api-key",
    }
    assert schemes["BearerAuth"]["type"] == "http"
    assert schemes["BearerAuth"]["scheme"] == "bearer"
    assert schemes["BearerAuth"]["bearerFormat"] == "JWT"
