from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tool_definition_call_settings_destination_web_request_type import (
    ToolDefinitionCallSettingsDestinationWebRequestType,
    check_tool_definition_call_settings_destination_web_request_type,
)

T = TypeVar("T", bound="ToolDefinitionCallSettingsDestinationWebRequest")

_KNOWN_KEYS = frozenset(
    {
        "type",
        "url",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class ToolDefinitionCallSettingsDestinationWebRequest:
    """The call is an HTTP request to a URL."""

    type_: ToolDefinitionCallSettingsDestinationWebRequestType
    """ The kind of destination. """
    url: str
    """ The URL the request goes to. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ToolDefinitionCallSettingsDestinationWebRequest: expected object, got {type(src_dict).__name__}"
            )
        _type__json = src_dict["type"]
        type_ = check_tool_definition_call_settings_destination_web_request_type(_type__json)

        url = src_dict["url"]
        if not isinstance(url, str):
            raise TypeError(
                f"ToolDefinitionCallSettingsDestinationWebRequest.url: expected string, got {type(url).__name__}"
            )

        _tool_definition_call_settings_destination_web_request = object.__new__(cls)
        _tool_definition_call_settings_destination_web_request.type_ = type_
        _tool_definition_call_settings_destination_web_request.url = url

        _tool_definition_call_settings_destination_web_request.additional_properties = (
            {}
            if _KNOWN_KEYS.issuperset(src_dict)
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _tool_definition_call_settings_destination_web_request

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
