from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.context_message_tool_call_type import (
    ContextMessageToolCallType,
)

T = TypeVar("T", bound="ContextMessageToolCall")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "id",
        "type",
        "function",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class ContextMessageToolCall:
    """A call of a tool made by a message."""

    id: str
    """ The call's unique identifier. """
    type_: ContextMessageToolCallType
    """ The kind of tool called. """
    function: ContextMessageToolCallFunction
    """ The function a tool call calls. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["id"] = self.id
        field_dict["type"] = self.type_
        field_dict["function"] = self.function.to_dict()
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
            "type_",
            "function",
        }
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ContextMessageToolCall: expected object, got {type(src_dict).__name__}"
            )
        id = src_dict["id"]
        if not isinstance(id, str):
            raise TypeError(f"ContextMessageToolCall.id: expected string, got {type(id).__name__}")

        type_ = src_dict["type"]
        if not isinstance(type_, str):
            raise TypeError(
                f"Expected a string for ContextMessageToolCallType, got {type(type_).__name__}"
            )

        function = _ContextMessageToolCallFunction_from_dict(src_dict["function"])

        _context_message_tool_call = _object_new(cls)
        _context_message_tool_call.id = id
        _context_message_tool_call.type_ = type_
        _context_message_tool_call.function = function

        _context_message_tool_call.additional_properties = (
            {}
            if len(src_dict) == 3
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _context_message_tool_call

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
from ..models.context_message_tool_call_function import ContextMessageToolCallFunction

# from_dict of the models this one contains, looked up once (see from_dict).
_ContextMessageToolCall_from_dict = ContextMessageToolCall.from_dict
_ContextMessageToolCallFunction_from_dict = ContextMessageToolCallFunction.from_dict
