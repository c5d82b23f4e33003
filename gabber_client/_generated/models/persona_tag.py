from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PersonaTag")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "name",
        "human_name",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class PersonaTag:
    """A tag of a persona."""

    name: str
    """ The tag's machine name. """
    human_name: str
    """ The tag's display name. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["name"] = self.name
        field_dict["human_name"] = self.human_name
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
            "human_name",
        }
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"PersonaTag: expected object, got {type(src_dict).__name__}")
        name = src_dict["name"]
        if not isinstance(name, str):
            raise TypeError(f"PersonaTag.name: expected string, got {type(name).__name__}")

        human_name = src_dict["human_name"]
        if not isinstance(human_name, str):
            raise TypeError(
                f"PersonaTag.human_name: expected string, got {type(human_name).__name__}"
            )

        _persona_tag = _object_new(cls)
        _persona_tag.name = name
        _persona_tag.human_name = human_name

        _persona_tag.additional_properties = (
            {}
            if len(src_dict) == 2
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _persona_tag

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
_PersonaTag_from_dict = PersonaTag.from_dict
