from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RealtimeSessionGeneralConfig")


@_attrs_define
class RealtimeSessionGeneralConfig:
    """General settings of a session."""

    time_limit_s: int | None | Unset = UNSET
    """ The session ends after this many seconds. """
    save_messages: bool | None | Unset = True
    """ Save the messages to the context of the generative config. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        time_limit_s: int | None | Unset
        if isinstance(self.time_limit_s, Unset):
            time_limit_s = UNSET
        else:
            time_limit_s = self.time_limit_s

        save_messages: bool | None | Unset
        if isinstance(self.save_messages, Unset):
            save_messages = UNSET
        else:
            save_messages = self.save_messages

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if time_limit_s is not UNSET:
            field_dict["time_limit_s"] = time_limit_s
        if save_messages is not UNSET:
            field_dict["save_messages"] = save_messages

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        time_limit_s: int | None | Unset = d.pop("time_limit_s", UNSET)

        save_messages: bool | None | Unset = d.pop("save_messages", UNSET)

        _realtime_session_general_config = cls(
            time_limit_s=time_limit_s,
            save_messages=save_messages,
        )

        _realtime_session_general_config.additional_properties = d
        return _realtime_session_general_config

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
