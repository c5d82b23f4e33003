from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.realtime_session_data_type import (
    RealtimeSessionDataType,
)

T = TypeVar("T", bound="RealtimeSessionData")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "type",
        "value",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class RealtimeSessionData:
    """One piece of data gathered about a session."""

    type_: RealtimeSessionDataType
    """ What the value is. """
    value: str
    """ The value. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["type"] = self.type_
        field_dict["value"] = self.value
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
            "value",
        }
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"RealtimeSessionData: expected object, got {type(src_dict).__name__}")
        type_ = src_dict["type"]
        if not isinstance(type_, str):
            raise TypeError(
                f"Expected a string for RealtimeSessionDataType, got {type(type_).__name__}"
            )

        value = src_dict["value"]
        if not isinstance(value, str):
            raise TypeError(
                f"RealtimeSessionData.value: expected string, got {type(value).__name__}"
            )

        _realtime_session_data = _object_new(cls)
        _realtime_session_data.type_ = type_
        _realtime_session_data.value = value

        _realtime_session_data.additional_properties = (
            {}
            if len(src_dict) == 2
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _realtime_session_data

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
_RealtimeSessionData_from_dict = RealtimeSessionData.from_dict
