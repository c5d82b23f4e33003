from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tool_definition_call_settings_destination_client_app_type import (
    ToolDefinitionCallSettingsDestinationClientAppType,
)

T = TypeVar("T", bound="ToolDefinitionCallSettingsDestinationClientApp")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "type",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class ToolDefinitionCallSettingsDestinationClientApp:
    """The call is handed to the client app."""

    type_: ToolDefinitionCallSettingsDestinationClientAppType
    """ The kind of destination. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["type"] = self.type_
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
        }
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ToolDefinitionCallSettingsDestinationClientApp: expected object, got {type(src_dict).__name__}"
            )
        type_ = src_dict["type"]
        if type_ not in {
            "client_app",
        }:
            raise TypeError(f"Unexpected value {type_!r}, expected 'client_app'")

        _tool_definition_call_settings_destination_client_app = _object_new(cls)
        _tool_definition_call_settings_destination_client_app.type_ = type_

        _tool_definition_call_settings_destination_client_app.additional_properties = (
            {}
            if len(src_dict) == 1
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _tool_definition_call_settings_destination_client_app

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
_ToolDefinitionCallSettingsDestinationClientApp_from_dict = (
    ToolDefinitionCallSettingsDestinationClientApp.from_dict
)
