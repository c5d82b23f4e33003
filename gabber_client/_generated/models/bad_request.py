from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bad_request_type import BadRequestType
from ..types import UNSET, Unset

T = TypeVar("T", bound="BadRequest")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "type",
        "message",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class BadRequest:
    """The body of an error response."""

    type_: BadRequestType | None | Unset = UNSET
    """ The kind of error. """
    message: None | str | Unset = UNSET
    """ A human-readable reason. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"BadRequest: expected object, got {type(src_dict).__name__}")
        _n_absent = 0
        type_ = src_dict.get("type", UNSET)
        if type_ is UNSET:
            _n_absent += 1
        elif type_ is not None and not isinstance(type_, str):
            raise TypeError(f"Expected a string for BadRequestType, got {type(type_).__name__}")

        message = src_dict.get("message", UNSET)
        if message is UNSET:
            _n_absent += 1
        elif message is not None and not isinstance(message, str):
            raise TypeError(f"BadRequest.message: expected string, got {type(message).__name__}")

        _bad_request = _object_new(cls)
        _bad_request.type_ = type_
        _bad_request.message = message

        _bad_request.additional_properties = (
            {}
            if len(src_dict) + _n_absent == 2
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _bad_request

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
_BadRequest_from_dict = BadRequest.from_dict
