from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RealtimeSessionGeneralConfig")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "time_limit_s",
        "save_messages",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


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
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"RealtimeSessionGeneralConfig: expected object, got {type(src_dict).__name__}"
            )
        _n_absent = 0
        time_limit_s = src_dict.get("time_limit_s", UNSET)
        if time_limit_s is UNSET:
            _n_absent += 1
        elif time_limit_s is not None and not (
            isinstance(time_limit_s, int) and not isinstance(time_limit_s, bool)
        ):
            raise TypeError(
                f"RealtimeSessionGeneralConfig.time_limit_s: expected integer, got {type(time_limit_s).__name__}"
            )

        save_messages = src_dict.get("save_messages", UNSET)
        if save_messages is UNSET:
            _n_absent += 1
        elif save_messages is not None and not isinstance(save_messages, bool):
            raise TypeError(
                f"RealtimeSessionGeneralConfig.save_messages: expected boolean, got {type(save_messages).__name__}"
            )

        _realtime_session_general_config = _object_new(cls)
        _realtime_session_general_config.time_limit_s = time_limit_s
        _realtime_session_general_config.save_messages = save_messages

        _realtime_session_general_config.additional_properties = (
            {}
            if len(src_dict) + _n_absent == 2
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
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


# from_dict of the models this one contains, looked up once (see from_dict).
_RealtimeSessionGeneralConfig_from_dict = RealtimeSessionGeneralConfig.from_dict
