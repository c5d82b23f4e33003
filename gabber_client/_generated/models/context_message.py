from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.context_message_role import ContextMessageRole
from ..types import UNSET

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
    speaking_started_at: datetime.datetime | None = None
    """ When speaking the message started. """
    speaking_ended_at: datetime.datetime | None = None
    """ When speaking the message ended. """
    realtime_session: None | str = None
    """ The id of the realtime session the message was made in. """
    tool_calls: list[ContextMessageToolCall] | None = None
    """ The tool calls the message makes. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _absent: int = _attrs_field(init=False, default=15, repr=False, eq=False)
    """Which optional nullable fields the body left out, one bit each (see model_fields_set)."""

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["id"] = self.id
        field_dict["created_at"] = self.created_at.isoformat()
        field_dict["role"] = self.role
        field_dict["content"] = [item.to_dict() for item in self.content]
        if self.speaking_started_at is not None:
            field_dict["speaking_started_at"] = self.speaking_started_at.isoformat()
        elif not self._absent & 1:
            field_dict["speaking_started_at"] = None
        if self.speaking_ended_at is not None:
            field_dict["speaking_ended_at"] = self.speaking_ended_at.isoformat()
        elif not self._absent & 2:
            field_dict["speaking_ended_at"] = None
        if self.realtime_session is not None:
            field_dict["realtime_session"] = self.realtime_session
        elif not self._absent & 4:
            field_dict["realtime_session"] = None
        if self.tool_calls is not None:
            field_dict["tool_calls"] = [item.to_dict() for item in self.tool_calls]
        elif not self._absent & 8:
            field_dict["tool_calls"] = None
        return field_dict

    @property
    def model_fields_set(self) -> frozenset[str]:
        """The names of the fields the response body had, as in pydantic.

        An optional field the body left out reads as None; this tells it apart
        from a null. A field given a value since counts as set; a model built
        by hand counts its optional fields that are not None.
        """
        fields_set: set[str] = {
            "id",
            "created_at",
            "role",
            "content",
        }
        if self.speaking_started_at is not None or not self._absent & 1:
            fields_set.add("speaking_started_at")
        if self.speaking_ended_at is not None or not self._absent & 2:
            fields_set.add("speaking_ended_at")
        if self.realtime_session is not None or not self._absent & 4:
            fields_set.add("realtime_session")
        if self.tool_calls is not None or not self._absent & 8:
            fields_set.add("tool_calls")
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"ContextMessage: expected object, got {type(src_dict).__name__}")
        _n_absent = 0
        _absent = 0
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
        speaking_started_at: datetime.datetime | None
        if _speaking_started_at_json is UNSET:
            speaking_started_at = None
            _n_absent += 1
            _absent += 1
        else:
            if _speaking_started_at_json is None:
                speaking_started_at = _speaking_started_at_json
            else:
                speaking_started_at = _fromisoformat(_speaking_started_at_json)

        _speaking_ended_at_json = src_dict.get("speaking_ended_at", UNSET)
        speaking_ended_at: datetime.datetime | None
        if _speaking_ended_at_json is UNSET:
            speaking_ended_at = None
            _n_absent += 1
            _absent += 2
        else:
            if _speaking_ended_at_json is None:
                speaking_ended_at = _speaking_ended_at_json
            else:
                speaking_ended_at = _fromisoformat(_speaking_ended_at_json)

        realtime_session = src_dict.get("realtime_session", UNSET)
        if realtime_session is UNSET:
            realtime_session = None
            _n_absent += 1
            _absent += 4
        elif realtime_session is not None and not isinstance(realtime_session, str):
            raise TypeError(
                f"ContextMessage.realtime_session: expected string, got {type(realtime_session).__name__}"
            )

        _tool_calls_json = src_dict.get("tool_calls", UNSET)
        tool_calls: list[ContextMessageToolCall] | None
        if _tool_calls_json is UNSET:
            tool_calls = None
            _n_absent += 1
            _absent += 8
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
        _context_message._absent = _absent

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
