from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SpeakRequest")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "text",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class SpeakRequest:
    """The body of speak."""

    text: str
    """ What the agent must say. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"SpeakRequest: expected object, got {type(src_dict).__name__}")
        text = src_dict["text"]
        if not isinstance(text, str):
            raise TypeError(f"SpeakRequest.text: expected string, got {type(text).__name__}")

        _speak_request = _object_new(cls)
        _speak_request.text = text

        _speak_request.additional_properties = (
            {}
            if len(src_dict) == 1
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _speak_request

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
_SpeakRequest_from_dict = SpeakRequest.from_dict
