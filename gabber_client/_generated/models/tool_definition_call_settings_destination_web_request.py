from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tool_definition_call_settings_destination_web_request_type import (
    ToolDefinitionCallSettingsDestinationWebRequestType,
)

T = TypeVar("T", bound="ToolDefinitionCallSettingsDestinationWebRequest")

_object_new = object.__new__

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
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["type"] = self.type_
        field_dict["url"] = self.url
        return field_dict

    @property
    def model_fields_set(self) -> frozenset[str]:
        """The names of the fields the response body had, as in pydantic.

        An optional field the body left out reads as None; this tells it apart
        from a null. A field given a value since counts as set; a model built
        by hand counts its optional fields that are not None.
        """
        fields_set: set[str] = {
            "type_",
            "url",
        }
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ToolDefinitionCallSettingsDestinationWebRequest: expected object, got {type(src_dict).__name__}"
            )
        type_ = src_dict["type"]
        if type_ not in {
            "web_request",
        }:
            raise TypeError(f"Unexpected value {type_!r}, expected 'web_request'")

        url = src_dict["url"]
        if not isinstance(url, str):
            raise TypeError(
                f"ToolDefinitionCallSettingsDestinationWebRequest.url: expected string, got {type(url).__name__}"
            )

        _tool_definition_call_settings_destination_web_request = _object_new(cls)
        _tool_definition_call_settings_destination_web_request.type_ = type_
        _tool_definition_call_settings_destination_web_request.url = url

        _tool_definition_call_settings_destination_web_request.additional_properties = (
            {}
            if len(src_dict) == 2
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


# from_dict of the models this one contains, looked up once (see from_dict).
_ToolDefinitionCallSettingsDestinationWebRequest_from_dict = (
    ToolDefinitionCallSettingsDestinationWebRequest.from_dict
)
