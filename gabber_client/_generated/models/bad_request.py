from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bad_request_type import BadRequestType
from ..types import UNSET

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

    type_: BadRequestType | None = None
    """ The kind of error. """
    message: None | str = None
    """ A human-readable reason. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _absent: int = _attrs_field(init=False, default=3, repr=False, eq=False)
    """Which optional nullable fields the body left out, one bit each (see model_fields_set)."""

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.type_ is not None:
            field_dict["type"] = self.type_
        elif not self._absent & 1:
            field_dict["type"] = None
        if self.message is not None:
            field_dict["message"] = self.message
        elif not self._absent & 2:
            field_dict["message"] = None
        return field_dict

    @property
    def model_fields_set(self) -> frozenset[str]:
        """The names of the fields the response body had, as in pydantic.

        An optional field the body left out reads as None; this tells it apart
        from a null. A field given a value since counts as set; a model built
        by hand counts its optional fields that are not None.
        """
        fields_set: set[str] = set()
        if self.type_ is not None or not self._absent & 1:
            fields_set.add("type_")
        if self.message is not None or not self._absent & 2:
            fields_set.add("message")
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"BadRequest: expected object, got {type(src_dict).__name__}")
        _n_absent = 0
        _absent = 0
        type_ = src_dict.get("type", UNSET)
        if type_ is UNSET:
            type_ = None
            _n_absent += 1
            _absent += 1
        elif type_ is not None and not isinstance(type_, str):
            raise TypeError(f"Expected a string for BadRequestType, got {type(type_).__name__}")

        message = src_dict.get("message", UNSET)
        if message is UNSET:
            message = None
            _n_absent += 1
            _absent += 2
        elif message is not None and not isinstance(message, str):
            raise TypeError(f"BadRequest.message: expected string, got {type(message).__name__}")

        _bad_request = _object_new(cls)
        _bad_request.type_ = type_
        _bad_request.message = message
        _bad_request._absent = _absent

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
