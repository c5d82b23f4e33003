"""Checked by ``mypy --strict`` in ``test_enum_typing.py``: every enum field of a
response model is typed so that a value added by the server later (a plain
``str``) is part of its type. Had a field been typed with a closed ``Literal``,
``assert_type(..., str)`` would be a type error; mypy folds ``Literal[...] | str``
into ``str``, so ``str`` is exactly what each field reveals.
"""

from __future__ import annotations

from typing import assert_type

from gabber_client.models import (
    BadRequest,
    ContextMessage,
    ContextMessageToolCall,
    Persona,
    RealtimeSession,
    RealtimeSessionData,
    RealtimeSessionTimelineItem,
    ToolDefinitionParameter,
)


def session_state(session: RealtimeSession) -> None:
    """A session state from the future (``paused``) is a str."""
    assert_type(session.state, str)
    session.state = "paused"


def message_role(message: ContextMessage) -> None:
    """A message role from the future (``developer``) is a str."""
    assert_type(message.role, str)
    message.role = "developer"


def timeline_type(item: RealtimeSessionTimelineItem) -> None:
    """A timeline type from the future (``tool``) is a str."""
    assert_type(item.type_, str | None)
    item.type_ = "tool"


def data_type(data: RealtimeSessionData) -> None:
    """A data type from the future (``sip_uri``) is a str."""
    assert_type(data.type_, str)
    data.type_ = "sip_uri"


def tool_call_type(call: ContextMessageToolCall) -> None:
    """A tool call type from the future (``mcp``) is a str."""
    assert_type(call.type_, str)
    call.type_ = "mcp"


def persona_gender(persona: Persona) -> None:
    """A persona gender from the future (``nonbinary``) is a str."""
    assert_type(persona.gender, str | None)
    persona.gender = "nonbinary"


def bad_request_type(error: BadRequest) -> None:
    """A BadRequest type from the future (``quota_frozen``) is a str."""
    assert_type(error.type_, str | None)
    error.type_ = "quota_frozen"


def tool_parameter_type(parameter: ToolDefinitionParameter) -> None:
    """A tool parameter type from the future (``integer``) is a str."""
    assert_type(parameter.type_, str)
    parameter.type_ = "integer"
