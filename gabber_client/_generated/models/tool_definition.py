from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ToolDefinition")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "id",
        "name",
        "description",
        "parameters",
        "call_settings",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class ToolDefinition:
    """A tool the agent may call."""

    id: str
    """ The tool definition's unique identifier. """
    name: str
    """ The tool's name. """
    description: str
    """ What the tool does. """
    parameters: list[ToolDefinitionParameter]
    """ The tool's parameters. """
    call_settings: ToolDefinitionCallSettings
    """ How a call of the tool is carried out. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["id"] = self.id
        field_dict["name"] = self.name
        field_dict["description"] = self.description
        field_dict["parameters"] = [item.to_dict() for item in self.parameters]
        field_dict["call_settings"] = self.call_settings.to_dict()
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
            "name",
            "description",
            "parameters",
            "call_settings",
        }
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"ToolDefinition: expected object, got {type(src_dict).__name__}")
        id = src_dict["id"]
        if not isinstance(id, str):
            raise TypeError(f"ToolDefinition.id: expected string, got {type(id).__name__}")

        name = src_dict["name"]
        if not isinstance(name, str):
            raise TypeError(f"ToolDefinition.name: expected string, got {type(name).__name__}")

        description = src_dict["description"]
        if not isinstance(description, str):
            raise TypeError(
                f"ToolDefinition.description: expected string, got {type(description).__name__}"
            )

        _parameters_json = src_dict["parameters"]
        if not isinstance(_parameters_json, list):
            raise TypeError(
                f"ToolDefinition.parameters: expected array, got {type(_parameters_json).__name__}"
            )
        parameters: list[ToolDefinitionParameter] = []
        for _parameters_json_item in _parameters_json:
            parameters.append(_ToolDefinitionParameter_from_dict(_parameters_json_item))

        call_settings = _ToolDefinitionCallSettings_from_dict(src_dict["call_settings"])

        _tool_definition = _object_new(cls)
        _tool_definition.id = id
        _tool_definition.name = name
        _tool_definition.description = description
        _tool_definition.parameters = parameters
        _tool_definition.call_settings = call_settings

        _tool_definition.additional_properties = (
            {}
            if len(src_dict) == 5
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _tool_definition

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
from ..models.tool_definition_call_settings import ToolDefinitionCallSettings
from ..models.tool_definition_parameter import ToolDefinitionParameter

# from_dict of the models this one contains, looked up once (see from_dict).
_ToolDefinition_from_dict = ToolDefinition.from_dict
_ToolDefinitionCallSettings_from_dict = ToolDefinitionCallSettings.from_dict
_ToolDefinitionParameter_from_dict = ToolDefinitionParameter.from_dict
