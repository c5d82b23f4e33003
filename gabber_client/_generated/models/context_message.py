from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.context_message_role import ContextMessageRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="ContextMessage")

_object_new = object.__new__
_fromisoformat = datetime.datetime.fromisoformat

_KNOWN_KEYS = frozenset(
    {
        "id",
        "created_at",
        "role",
        "content",
        "speaking_started_at",
        "speaking_ended_at",
        "realtime_session",
        "tool_calls",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class ContextMessage:
    """A message of a context."""

    id: str
    """ The message's unique identifier. """
    created_at: datetime.datetime
    """ When the message was created. """
    role: ContextMessageRole
    """ Who the message is from. """
    content: list[ContextMessageContentText]
    """ The parts of the message. """
    speaking_started_at: datetime.datetime | None | Unset = UNSET
    """ When speaking the message started. """
    speaking_ended_at: datetime.datetime | None | Unset = UNSET
    """ When speaking the message ended. """
    realtime_session: None | str | Unset = UNSET
    """ The id of the realtime session the message was made in. """
    tool_calls: list[ContextMessageToolCall] | None | Unset = UNSET
    """ The tool calls the message makes. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at = self.created_at.isoformat()

        role: str = self.role

        content = []
        for content_item_data in self.content:
            content_item = content_item_data.to_dict()
            content.append(content_item)

        speaking_started_at: None | str | Unset
        if isinstance(self.speaking_started_at, Unset):
            speaking_started_at = UNSET
        elif isinstance(self.speaking_started_at, datetime.datetime):
            speaking_started_at = self.speaking_started_at.isoformat()
        else:
            speaking_started_at = self.speaking_started_at

        speaking_ended_at: None | str | Unset
        if isinstance(self.speaking_ended_at, Unset):
            speaking_ended_at = UNSET
        elif isinstance(self.speaking_ended_at, datetime.datetime):
            speaking_ended_at = self.speaking_ended_at.isoformat()
        else:
            speaking_ended_at = self.speaking_ended_at

        realtime_session: None | str | Unset
        if isinstance(self.realtime_session, Unset):
            realtime_session = UNSET
        else:
            realtime_session = self.realtime_session

        tool_calls: list[dict[str, Any]] | None | Unset
        if isinstance(self.tool_calls, Unset):
            tool_calls = UNSET
        elif isinstance(self.tool_calls, list):
            tool_calls = []
            for tool_calls_type_0_item_data in self.tool_calls:
                tool_calls_type_0_item = tool_calls_type_0_item_data.to_dict()
                tool_calls.append(tool_calls_type_0_item)

        else:
            tool_calls = self.tool_calls

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "role": role,
                "content": content,
            }
        )
        if speaking_started_at is not UNSET:
            field_dict["speaking_started_at"] = speaking_started_at
        if speaking_ended_at is not UNSET:
            field_dict["speaking_ended_at"] = speaking_ended_at
        if realtime_session is not UNSET:
            field_dict["realtime_session"] = realtime_session
        if tool_calls is not UNSET:
            field_dict["tool_calls"] = tool_calls

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"ContextMessage: expected object, got {type(src_dict).__name__}")
        _n_absent = 0
        id = src_dict["id"]
        if not isinstance(id, str):
            raise TypeError(f"ContextMessage.id: expected string, got {type(id).__name__}")

        created_at = _fromisoformat(src_dict["created_at"])

        role = src_dict["role"]
        if not isinstance(role, str):
            raise TypeError(f"Expected a string for ContextMessageRole, got {type(role).__name__}")

        _content_json = src_dict["content"]
        if not isinstance(_content_json, list):
            raise TypeError(
                f"ContextMessage.content: expected array, got {type(_content_json).__name__}"
            )
        content: list[ContextMessageContentText] = []
        for _content_json_item in _content_json:
            content.append(_ContextMessageContentText_from_dict(_content_json_item))

        _speaking_started_at_json = src_dict.get("speaking_started_at", UNSET)
        speaking_started_at: datetime.datetime | None | Unset
        if _speaking_started_at_json is UNSET:
            speaking_started_at = UNSET
            _n_absent += 1
        else:
            if _speaking_started_at_json is None:
                speaking_started_at = _speaking_started_at_json
            else:
                speaking_started_at = _fromisoformat(_speaking_started_at_json)

        _speaking_ended_at_json = src_dict.get("speaking_ended_at", UNSET)
        speaking_ended_at: datetime.datetime | None | Unset
        if _speaking_ended_at_json is UNSET:
            speaking_ended_at = UNSET
            _n_absent += 1
        else:
            if _speaking_ended_at_json is None:
                speaking_ended_at = _speaking_ended_at_json
            else:
                speaking_ended_at = _fromisoformat(_speaking_ended_at_json)

        realtime_session = src_dict.get("realtime_session", UNSET)
        if realtime_session is UNSET:
            _n_absent += 1
        elif realtime_session is not None and not isinstance(realtime_session, str):
            raise TypeError(
                f"ContextMessage.realtime_session: expected string, got {type(realtime_session).__name__}"
            )

        _tool_calls_json = src_dict.get("tool_calls", UNSET)
        tool_calls: list[ContextMessageToolCall] | None | Unset
        if _tool_calls_json is UNSET:
            tool_calls = UNSET
            _n_absent += 1
        else:
            if _tool_calls_json is None:
                tool_calls = _tool_calls_json
            else:
                if not isinstance(_tool_calls_json, list):
                    raise TypeError(
                        f"ContextMessage.tool_calls: expected array, got {type(_tool_calls_json).__name__}"
                    )
                tool_calls = []
                for _tool_calls_json_item in _tool_calls_json:
                    tool_calls.append(_ContextMessageToolCall_from_dict(_tool_calls_json_item))

        _context_message = _object_new(cls)
        _context_message.id = id
        _context_message.created_at = created_at
        _context_message.role = role
        _context_message.content = content
        _context_message.speaking_started_at = speaking_started_at
        _context_message.speaking_ended_at = speaking_ended_at
        _context_message.realtime_session = realtime_session
        _context_message.tool_calls = tool_calls

        _context_message.additional_properties = (
            {}
            if len(src_dict) + _n_absent == 8
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _context_message

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported after the class so that models which refer to each other resolve.
from ..models.context_message_content_text import ContextMessageContentText
from ..models.context_message_tool_call import ContextMessageToolCall

# from_dict of the models this one contains, looked up once (see from_dict).
_ContextMessage_from_dict = ContextMessage.from_dict
_ContextMessageContentText_from_dict = ContextMessageContentText.from_dict
_ContextMessageToolCall_from_dict = ContextMessageToolCall.from_dict
