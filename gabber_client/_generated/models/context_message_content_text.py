from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.context_message_content_text_type import (
    ContextMessageContentTextType,
    check_context_message_content_text_type,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ContextMessageContentText")

_KNOWN_KEYS = frozenset(
    {
        "type",
        "text",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class ContextMessageContentText:
    """A text part of a message."""

    type_: ContextMessageContentTextType
    """ The kind of part. """
    text: None | str | Unset = UNSET
    """ The text. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ContextMessageContentText: expected object, got {type(src_dict).__name__}"
            )
        _type__json = src_dict["type"]
        type_ = check_context_message_content_text_type(_type__json)

        _text_json = src_dict.get("text", UNSET)
        text: None | str | Unset
        if _text_json is None or _text_json is UNSET:
            text = _text_json
        else:
            if not isinstance(_text_json, str):
                raise TypeError(
                    f"ContextMessageContentText.text: expected string, got {type(_text_json).__name__}"
                )
            text = _text_json

        _context_message_content_text = object.__new__(cls)
        _context_message_content_text.type_ = type_
        _context_message_content_text.text = text

        _context_message_content_text.additional_properties = (
            {}
            if _KNOWN_KEYS.issuperset(src_dict)
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _context_message_content_text

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
