from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.context_message_content_text_type import (
    ContextMessageContentTextType,
)
from ..types import UNSET

T = TypeVar("T", bound="ContextMessageContentText")

_object_new = object.__new__

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
    text: None | str = None
    """ The text. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _absent: int = _attrs_field(init=False, default=1, repr=False, eq=False)
    """Which optional nullable fields the body left out, one bit each (see model_fields_set)."""

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["type"] = self.type_
        if self.text is not None:
            field_dict["text"] = self.text
        elif not self._absent & 1:
            field_dict["text"] = None
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
        }
        if self.text is not None or not self._absent & 1:
            fields_set.add("text")
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ContextMessageContentText: expected object, got {type(src_dict).__name__}"
            )
        _n_absent = 0
        _absent = 0
        type_ = src_dict["type"]
        if type_ not in {
            "text",
        }:
            raise TypeError(f"Unexpected value {type_!r}, expected 'text'")

        text = src_dict.get("text", UNSET)
        if text is UNSET:
            text = None
            _n_absent += 1
            _absent += 1
        elif text is not None and not isinstance(text, str):
            raise TypeError(
                f"ContextMessageContentText.text: expected string, got {type(text).__name__}"
            )

        _context_message_content_text = _object_new(cls)
        _context_message_content_text.type_ = type_
        _context_message_content_text.text = text
        _context_message_content_text._absent = _absent

        _context_message_content_text.additional_properties = (
            {}
            if len(src_dict) + _n_absent == 2
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


# from_dict of the models this one contains, looked up once (see from_dict).
_ContextMessageContentText_from_dict = ContextMessageContentText.from_dict
