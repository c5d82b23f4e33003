from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.context_message_role import ContextMessageRole, check_context_message_role
from ..types import UNSET, Unset

T = TypeVar("T", bound="ContextMessage")


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
        d = dict(src_dict)
        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        role = check_context_message_role(d.pop("role"))

        content = []
        _content = d.pop("content")
        for content_item_data in _content:
            content_item = ContextMessageContentText.from_dict(content_item_data)

            content.append(content_item)

        def _parse_speaking_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                speaking_started_at_type_0 = datetime.datetime.fromisoformat(data)

                return speaking_started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        speaking_started_at = _parse_speaking_started_at(d.pop("speaking_started_at", UNSET))

        def _parse_speaking_ended_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                speaking_ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return speaking_ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        speaking_ended_at = _parse_speaking_ended_at(d.pop("speaking_ended_at", UNSET))

        realtime_session: None | str | Unset = d.pop("realtime_session", UNSET)

        def _parse_tool_calls(data: object) -> list[ContextMessageToolCall] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tool_calls_type_0 = []
                _tool_calls_type_0 = data
                for tool_calls_type_0_item_data in _tool_calls_type_0:
                    tool_calls_type_0_item = ContextMessageToolCall.from_dict(
                        tool_calls_type_0_item_data
                    )

                    tool_calls_type_0.append(tool_calls_type_0_item)

                return tool_calls_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ContextMessageToolCall] | None | Unset, data)

        tool_calls = _parse_tool_calls(d.pop("tool_calls", UNSET))

        _context_message = cls(
            id=id,
            created_at=created_at,
            role=role,
            content=content,
            speaking_started_at=speaking_started_at,
            speaking_ended_at=speaking_ended_at,
            realtime_session=realtime_session,
            tool_calls=tool_calls,
        )

        _context_message.additional_properties = d
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
