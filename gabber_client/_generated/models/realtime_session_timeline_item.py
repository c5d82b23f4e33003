from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.realtime_session_timeline_item_type import (
    RealtimeSessionTimelineItemType,
)
from ..types import UNSET

T = TypeVar("T", bound="RealtimeSessionTimelineItem")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "seconds",
        "type",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class RealtimeSessionTimelineItem:
    """A stretch of the session's timeline."""

    seconds: float | None = None
    """ How long the stretch lasted, in seconds. """
    type_: None | RealtimeSessionTimelineItemType = None
    """ Who was speaking, or silence. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _absent: int = _attrs_field(init=False, default=3, repr=False, eq=False)
    """Which optional nullable fields the body left out, one bit each (see model_fields_set)."""

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.seconds is not None:
            field_dict["seconds"] = self.seconds
        elif not self._absent & 1:
            field_dict["seconds"] = None
        if self.type_ is not None:
            field_dict["type"] = self.type_
        elif not self._absent & 2:
            field_dict["type"] = None
        return field_dict

    @property
    def model_fields_set(self) -> frozenset[str]:
        """The names of the fields the response body had, as in pydantic.

        An optional field the body left out reads as None; this tells it apart
        from a null. A field given a value since counts as set; a model built
        by hand counts its optional fields that are not None.
        """
        fields_set: set[str] = set()
        if self.seconds is not None or not self._absent & 1:
            fields_set.add("seconds")
        if self.type_ is not None or not self._absent & 2:
            fields_set.add("type_")
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"RealtimeSessionTimelineItem: expected object, got {type(src_dict).__name__}"
            )
        _n_absent = 0
        _absent = 0
        seconds = src_dict.get("seconds", UNSET)
        if seconds is UNSET:
            seconds = None
            _n_absent += 1
            _absent += 1
        elif seconds is not None and not (
            isinstance(seconds, (int, float)) and not isinstance(seconds, bool)
        ):
            raise TypeError(
                f"RealtimeSessionTimelineItem.seconds: expected number, got {type(seconds).__name__}"
            )

        type_ = src_dict.get("type", UNSET)
        if type_ is UNSET:
            type_ = None
            _n_absent += 1
            _absent += 2
        elif type_ is not None and not isinstance(type_, str):
            raise TypeError(
                f"Expected a string for RealtimeSessionTimelineItemType, got {type(type_).__name__}"
            )

        _realtime_session_timeline_item = _object_new(cls)
        _realtime_session_timeline_item.seconds = seconds
        _realtime_session_timeline_item.type_ = type_
        _realtime_session_timeline_item._absent = _absent

        _realtime_session_timeline_item.additional_properties = (
            {}
            if len(src_dict) + _n_absent == 2
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _realtime_session_timeline_item

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
_RealtimeSessionTimelineItem_from_dict = RealtimeSessionTimelineItem.from_dict
