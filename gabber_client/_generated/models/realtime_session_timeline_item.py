from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.realtime_session_timeline_item_type import (
    RealtimeSessionTimelineItemType,
    check_realtime_session_timeline_item_type,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="RealtimeSessionTimelineItem")


@_attrs_define
class RealtimeSessionTimelineItem:
    """A stretch of the session's timeline."""

    seconds: float | None | Unset = UNSET
    """ How long the stretch lasted, in seconds. """
    type_: None | RealtimeSessionTimelineItemType | Unset = UNSET
    """ Who was speaking, or silence. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        seconds: float | None | Unset
        if isinstance(self.seconds, Unset):
            seconds = UNSET
        else:
            seconds = self.seconds

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if seconds is not UNSET:
            field_dict["seconds"] = seconds
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        seconds: float | None | Unset = d.pop("seconds", UNSET)

        def _parse_type_(data: object) -> None | RealtimeSessionTimelineItemType | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = check_realtime_session_timeline_item_type(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RealtimeSessionTimelineItemType | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        _realtime_session_timeline_item = cls(
            seconds=seconds,
            type_=type_,
        )

        _realtime_session_timeline_item.additional_properties = d
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
