"""Forward compatibility: a server newer than this client must not break it.

The server may add enum values and fields at any time. Parsing through the facade
must still succeed: an unknown enum value arrives as its raw string, and an
unknown field is kept in the model's ``additional_properties`` and written back by
``to_dict()``. (The static side of the promise, that ``str`` is part of each enum
type, is checked by ``test_enum_typing.py``.)
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from spec_values import unknown_enum_value, unknown_member_tag

from gabber_client import APIResponseValidationError, BadRequestError, Gabber
from gabber_client.models import BadRequest

from . import payloads
from .scripted import always, async_client, json_response, sync_client

FUTURE = {"x_future": {"nested": [1, "two", None], "flag": True}}
"""An unknown field, as a server from the future might add it anywhere."""

Path = tuple[str | int, ...]


def _json_at(body: Any, path: Path) -> Any:
    for step in path:
        body = body[step]
    return body


def _model_at(model: Any, path: Path) -> Any:
    for step in path:
        model = model[step] if isinstance(step, int) else getattr(model, step)
    return model


def _get(client: Gabber) -> Any:
    return client.realtime.get("rs_1")


def _start(client: Gabber) -> Any:
    return client.realtime.start(payloads.START_CONFIG)


# ------------------------------------------------------------------ enum values

# (JSON path to the enum field inside a session, its new value, attribute path).
SESSION_ENUMS: list[tuple[str, Path, str, Path]] = [
    ("session state", ("state",), unknown_enum_value("RealtimeSession", "state"), ("state",)),
    (
        "data type",
        ("data", 0, "type"),
        unknown_enum_value("RealtimeSessionData", "type"),
        ("data", 0, "type_"),
    ),
    (
        "persona gender",
        ("config", "generative", "persona", "gender"),
        unknown_enum_value("PersonaGender"),
        ("config", "generative", "persona", "gender"),
    ),
    (
        "context message role",
        ("config", "generative", "context", "latest_messages", 0, "role"),
        unknown_enum_value("ContextMessage", "role"),
        ("config", "generative", "context", "latest_messages", 0, "role"),
    ),
    (
        "tool call type",
        ("config", "generative", "context", "latest_messages", 0, "tool_calls", 0, "type"),
        unknown_enum_value("ContextMessageToolCall", "type"),
        ("config", "generative", "context", "latest_messages", 0, "tool_calls", 0, "type_"),
    ),
    (
        "tool parameter type",
        ("config", "generative", "tool_definitions", 0, "parameters", 0, "type"),
        unknown_enum_value("ToolDefinitionParameter", "type"),
        ("config", "generative", "tool_definitions", 0, "parameters", 0, "type_"),
    ),
]


@pytest.mark.parametrize(
    ("json_path", "value", "attr_path"),
    [pytest.param(j, v, a, id=name) for name, j, v, a in SESSION_ENUMS],
)
@pytest.mark.parametrize("operation", [_get, _start], ids=["get", "start"])
def test_unknown_enum_value_in_a_session_comes_through_as_its_string(
    json_path: Path, value: str, attr_path: Path, operation: Callable[[Gabber], Any]
) -> None:
    body = payloads.session()
    *parent, key = json_path
    _json_at(body, tuple(parent))[key] = value
    reply = {"session": body, "connection_details": {"url": "wss://x", "token": "t"}}
    client, _ = sync_client(
        lambda r: json_response(reply if r.url.path.endswith("start") else body)
    )

    result = operation(client)
    session = result.session if hasattr(result, "session") else result

    assert _model_at(session, attr_path) == value
    assert type(_model_at(session, attr_path)) is str
    assert session.to_dict() == body


def test_unknown_enum_values_in_messages_come_through() -> None:
    role = unknown_enum_value("ContextMessage", "role")
    msg = payloads.message(role=role)
    call_type = unknown_enum_value("ContextMessageToolCall", "type")
    msg["tool_calls"][0]["type"] = call_type
    client, _ = sync_client(always(payloads.page([msg])))

    page = client.realtime.messages("rs_1")

    (parsed,) = page.values
    assert parsed.role == role
    assert isinstance(parsed.tool_calls, list)
    assert parsed.tool_calls[0].type_ == call_type
    assert parsed.to_dict() == msg


async def test_unknown_timeline_type_comes_through_async() -> None:
    new = unknown_enum_value("RealtimeSessionTimelineItemType")
    items = [{"seconds": 1.5, "type": new}, {"seconds": 0.5, "type": "agent"}]
    client, _ = async_client(always(payloads.page(items)))

    page = await client.realtime.timeline("rs_1")

    assert [item.type_ for item in page.values] == [new, "agent"]
    assert [item.to_dict() for item in page.values] == items


def test_unknown_bad_request_type_is_exposed_on_the_error() -> None:
    body = {"type": "quota_frozen", "message": "the project's quota is frozen"}
    client, _ = sync_client(always(body, status=400))

    with pytest.raises(BadRequestError) as caught:
        client.realtime.get("rs_1")

    assert caught.value.type == "quota_frozen"
    assert caught.value.error_message == "the project's quota is frozen"
    assert "quota is frozen" in str(caught.value)
    model = BadRequest.from_dict(body)
    assert model.type_ == "quota_frozen"
    assert model.to_dict() == body


# ----------------------------------------------------------------- new fields

# (JSON path of an object inside a session, attribute path of its model).
SESSION_OBJECTS: list[tuple[str, Path, Path]] = [
    ("session", (), ()),
    ("config", ("config",), ("config",)),
    ("general", ("config", "general"), ("config", "general")),
    ("input", ("config", "input"), ("config", "input_")),
    ("output", ("config", "output"), ("config", "output")),
    ("generative", ("config", "generative"), ("config", "generative")),
    ("llm", ("config", "generative", "llm"), ("config", "generative", "llm")),
    (
        "voice",
        ("config", "generative", "voice_override"),
        ("config", "generative", "voice_override"),
    ),
    (
        "voice pricing",
        ("config", "generative", "voice_override", "pricing"),
        ("config", "generative", "voice_override", "pricing"),
    ),
    (
        "voice tag",
        ("config", "generative", "voice_override", "tags", 0),
        ("config", "generative", "voice_override", "tags", 0),
    ),
    ("persona", ("config", "generative", "persona"), ("config", "generative", "persona")),
    ("scenario", ("config", "generative", "scenario"), ("config", "generative", "scenario")),
    ("context", ("config", "generative", "context"), ("config", "generative", "context")),
    (
        "context message",
        ("config", "generative", "context", "latest_messages", 0),
        ("config", "generative", "context", "latest_messages", 0),
    ),
    (
        "message text part",
        ("config", "generative", "context", "latest_messages", 0, "content", 0),
        ("config", "generative", "context", "latest_messages", 0, "content", 0),
    ),
    (
        "tool call",
        ("config", "generative", "context", "latest_messages", 0, "tool_calls", 0),
        ("config", "generative", "context", "latest_messages", 0, "tool_calls", 0),
    ),
    (
        "tool call function",
        ("config", "generative", "context", "latest_messages", 0, "tool_calls", 0, "function"),
        ("config", "generative", "context", "latest_messages", 0, "tool_calls", 0, "function"),
    ),
    (
        "tool definition",
        ("config", "generative", "tool_definitions", 0),
        ("config", "generative", "tool_definitions", 0),
    ),
    (
        "tool parameter",
        ("config", "generative", "tool_definitions", 0, "parameters", 0),
        ("config", "generative", "tool_definitions", 0, "parameters", 0),
    ),
    (
        "tool call settings",
        ("config", "generative", "tool_definitions", 0, "call_settings"),
        ("config", "generative", "tool_definitions", 0, "call_settings"),
    ),
    (
        "tool destination",
        ("config", "generative", "tool_definitions", 0, "call_settings", "destination"),
        ("config", "generative", "tool_definitions", 0, "call_settings", "destination"),
    ),
    ("data item", ("data", 0), ("data", 0)),
]


@pytest.mark.parametrize(
    ("json_path", "attr_path"), [pytest.param(j, a, id=name) for name, j, a in SESSION_OBJECTS]
)
def test_unknown_field_in_a_session_is_kept_and_round_trips(
    json_path: Path, attr_path: Path
) -> None:
    body = payloads.session()
    _json_at(body, json_path).update(copy.deepcopy(FUTURE))
    client, _ = sync_client(always(body))

    session = client.realtime.get("rs_1")

    assert _model_at(session, attr_path).additional_properties == FUTURE
    assert session.to_dict() == body


def test_unknown_fields_everywhere_at_once_round_trip_through_json() -> None:
    body = payloads.start_response()
    body.update(copy.deepcopy(FUTURE))
    body["connection_details"].update(copy.deepcopy(FUTURE))
    for json_path, _ in [(j, a) for _, j, a in SESSION_OBJECTS]:
        _json_at(body["session"], json_path).update(copy.deepcopy(FUTURE))
    client, _ = sync_client(always(body))

    result = client.realtime.start(payloads.START_CONFIG)

    assert result.additional_properties == FUTURE
    assert result.connection_details.additional_properties == FUTURE
    assert json.loads(json.dumps(result.to_dict())) == body


@pytest.mark.parametrize("operation", ["list", "messages", "timeline"])
def test_unknown_fields_on_pages_and_their_items_are_kept(operation: str) -> None:
    item = {
        "list": payloads.session(),
        "messages": payloads.message(),
        "timeline": {"seconds": 2.0, "type": "user"},
    }[operation]
    item.update(copy.deepcopy(FUTURE))
    body = payloads.page([item])
    body["cursor_kind"] = "opaque"
    client, recorder = sync_client(always(body))

    page = (
        client.realtime.list()
        if operation == "list"
        else (getattr(client.realtime, operation)("rs_1"))
    )

    (parsed,) = page.values
    assert parsed.additional_properties == FUTURE
    assert parsed.to_dict() == item
    assert len(recorder.requests) == 1


def test_unknown_fields_survive_with_raw_response() -> None:
    state = unknown_enum_value("RealtimeSession", "state")
    body = payloads.session(state=state)
    body["x_future"] = 1
    client, _ = sync_client(always(body))

    raw = client.realtime.with_raw_response.get("rs_1")

    assert raw.status_code == 200
    assert raw.parse().state == state
    assert raw.parse().additional_properties == {"x_future": 1}


# ------------------------------------------- a oneOf member this client lacks

IMAGE = unknown_member_tag("ContextMessageContent")
"""A content part type the spec has no member for (say, a later ``image`` part)."""


def _with_image_part(message: dict[str, Any]) -> dict[str, Any]:
    message["content"].append({"type": IMAGE, "url": "https://img.example/1.png"})
    return message


def test_unknown_content_part_type_fails_messages_with_a_typed_error_today() -> None:
    """Reported, not fixed: ContextMessageContent is a oneOf with one member (text);
    the generated parser rejects any other ``type``, so a server that adds an
    ``image`` part makes the whole page unreadable. The failure is at least typed."""
    client, _ = sync_client(always(payloads.page([_with_image_part(payloads.message())])))

    with pytest.raises(APIResponseValidationError) as caught:
        client.realtime.messages("rs_1")

    assert IMAGE in str(caught.value)
    assert caught.value.status_code == 200


def test_unknown_content_part_in_a_session_context_fails_get_today() -> None:
    """Reported, not fixed: the same oneOf is embedded in every session (its
    context's ``latest_messages``), so one image message breaks get/list/start."""
    body = payloads.session()
    _with_image_part(body["config"]["generative"]["context"]["latest_messages"][0])
    client, _ = sync_client(always(body))

    with pytest.raises(APIResponseValidationError):
        client.realtime.get("rs_1")


def test_unknown_tool_destination_type_fails_get_today() -> None:
    """Reported, not fixed: ToolDefinitionCallSettingsDestination is a closed oneOf too."""
    body = payloads.session()
    destination = {
        "type": unknown_member_tag("ToolDefinitionCallSettingsDestination"),
        "url": "https://mcp.example",
    }
    body["config"]["generative"]["tool_definitions"][0]["call_settings"]["destination"] = (
        destination
    )
    client, _ = sync_client(always(body))

    with pytest.raises(APIResponseValidationError):
        client.realtime.get("rs_1")


def test_a_request_never_goes_out_twice_for_a_parse_failure() -> None:
    body = payloads.session()
    _with_image_part(body["config"]["generative"]["context"]["latest_messages"][0])
    client, recorder = sync_client(always(body))

    with pytest.raises(APIResponseValidationError):
        client.realtime.get("rs_1")

    assert [r.url.path for r in recorder.requests] == ["/v1/realtime/rs_1"]
