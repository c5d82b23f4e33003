from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ToolDefinitionCallSettings")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "id",
        "destination",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class ToolDefinitionCallSettings:
    """How a call of the tool is carried out."""

    id: str
    """ The call settings' unique identifier. """
    destination: (
        ToolDefinitionCallSettingsDestinationClientApp
        | ToolDefinitionCallSettingsDestinationWebRequest
    )
    """ Where a call of the tool goes, discriminated by `type`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["id"] = self.id
        field_dict["destination"] = self.destination.to_dict()
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
            "destination",
        }
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ToolDefinitionCallSettings: expected object, got {type(src_dict).__name__}"
            )
        id = src_dict["id"]
        if not isinstance(id, str):
            raise TypeError(
                f"ToolDefinitionCallSettings.id: expected string, got {type(id).__name__}"
            )

        _destination_json = src_dict["destination"]
        destination: (
            ToolDefinitionCallSettingsDestinationClientApp
            | ToolDefinitionCallSettingsDestinationWebRequest
        )
        _destination_json_tag = (
            _destination_json.get("type") if isinstance(_destination_json, dict) else None
        )
        if _destination_json_tag == "web_request":
            destination = _ToolDefinitionCallSettingsDestinationWebRequest_from_dict(
                _destination_json
            )
        elif _destination_json_tag == "client_app":
            destination = _ToolDefinitionCallSettingsDestinationClientApp_from_dict(
                _destination_json
            )
        else:
            raise TypeError(
                f"ToolDefinitionCallSettings.destination: expected an object whose type is web_request or client_app, got {_destination_json_tag!r}"
            )

        _tool_definition_call_settings = _object_new(cls)
        _tool_definition_call_settings.id = id
        _tool_definition_call_settings.destination = destination

        _tool_definition_call_settings.additional_properties = (
            {}
            if len(src_dict) == 2
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _tool_definition_call_settings

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
from ..models.tool_definition_call_settings_destination_client_app import (
    ToolDefinitionCallSettingsDestinationClientApp,
)
from ..models.tool_definition_call_settings_destination_web_request import (
    ToolDefinitionCallSettingsDestinationWebRequest,
)

# from_dict of the models this one contains, looked up once (see from_dict).
_ToolDefinitionCallSettings_from_dict = ToolDefinitionCallSettings.from_dict
_ToolDefinitionCallSettingsDestinationClientApp_from_dict = (
    ToolDefinitionCallSettingsDestinationClientApp.from_dict
)
_ToolDefinitionCallSettingsDestinationWebRequest_from_dict = (
    ToolDefinitionCallSettingsDestinationWebRequest.from_dict
)
