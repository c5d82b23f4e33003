from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tool_definition_parameter_type import (
    ToolDefinitionParameterType,
)
from ..types import UNSET

T = TypeVar("T", bound="ToolDefinitionParameter")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "name",
        "description",
        "type",
        "required",
        "default",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class ToolDefinitionParameter:
    """A parameter of a tool."""

    name: str
    """ The parameter's name. """
    description: str
    """ What the parameter is. """
    type_: ToolDefinitionParameterType
    """ The parameter's JSON type. """
    required: bool
    """ Whether the parameter must be given. """
    default: None | str = None
    """ The parameter's default value, as text. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _absent: int = _attrs_field(init=False, default=1, repr=False, eq=False)
    """Which optional nullable fields the body left out, one bit each (see model_fields_set)."""

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["name"] = self.name
        field_dict["description"] = self.description
        field_dict["type"] = self.type_
        field_dict["required"] = self.required
        if self.default is not None:
            field_dict["default"] = self.default
        elif not self._absent & 1:
            field_dict["default"] = None
        return field_dict

    @property
    def model_fields_set(self) -> frozenset[str]:
        """The names of the fields the response body had, as in pydantic.

        An optional field the body left out reads as None; this tells it apart
        from a null. A field given a value since counts as set; a model built
        by hand counts its optional fields that are not None.
        """
        fields_set: set[str] = {
            "name",
            "description",
            "type_",
            "required",
        }
        if self.default is not None or not self._absent & 1:
            fields_set.add("default")
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ToolDefinitionParameter: expected object, got {type(src_dict).__name__}"
            )
        _n_absent = 0
        _absent = 0
        name = src_dict["name"]
        if not isinstance(name, str):
            raise TypeError(
                f"ToolDefinitionParameter.name: expected string, got {type(name).__name__}"
            )

        description = src_dict["description"]
        if not isinstance(description, str):
            raise TypeError(
                f"ToolDefinitionParameter.description: expected string, got {type(description).__name__}"
            )

        type_ = src_dict["type"]
        if not isinstance(type_, str):
            raise TypeError(
                f"Expected a string for ToolDefinitionParameterType, got {type(type_).__name__}"
            )

        required = src_dict["required"]
        if not isinstance(required, bool):
            raise TypeError(
                f"ToolDefinitionParameter.required: expected boolean, got {type(required).__name__}"
            )

        default = src_dict.get("default", UNSET)
        if default is UNSET:
            default = None
            _n_absent += 1
            _absent += 1
        elif default is not None and not isinstance(default, str):
            raise TypeError(
                f"ToolDefinitionParameter.default: expected string, got {type(default).__name__}"
            )

        _tool_definition_parameter = _object_new(cls)
        _tool_definition_parameter.name = name
        _tool_definition_parameter.description = description
        _tool_definition_parameter.type_ = type_
        _tool_definition_parameter.required = required
        _tool_definition_parameter.default = default
        _tool_definition_parameter._absent = _absent

        _tool_definition_parameter.additional_properties = (
            {}
            if len(src_dict) + _n_absent == 5
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _tool_definition_parameter

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
_ToolDefinitionParameter_from_dict = ToolDefinitionParameter.from_dict
