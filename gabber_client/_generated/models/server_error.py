from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET

T = TypeVar("T", bound="ServerError")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "error",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class ServerError:
    """The body of a 500 response."""

    error: str | None = None
    """ What went wrong, in words. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.error is not None:
            field_dict["error"] = self.error
        return field_dict

    @property
    def model_fields_set(self) -> frozenset[str]:
        """The names of the fields the response body had, as in pydantic.

        An optional field the body left out reads as None; this tells it apart
        from a null. A field given a value since counts as set; a model built
        by hand counts its optional fields that are not None.
        """
        fields_set: set[str] = set()
        if self.error is not None:
            fields_set.add("error")
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"ServerError: expected object, got {type(src_dict).__name__}")
        _n_absent = 0
        error = src_dict.get("error", UNSET)
        if error is UNSET:
            error = None
            _n_absent += 1
        elif not isinstance(error, str):
            raise TypeError(f"ServerError.error: expected string, got {type(error).__name__}")

        _server_error = _object_new(cls)
        _server_error.error = error

        _server_error.additional_properties = (
            {}
            if len(src_dict) + _n_absent == 1
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _server_error

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
_ServerError_from_dict = ServerError.from_dict
