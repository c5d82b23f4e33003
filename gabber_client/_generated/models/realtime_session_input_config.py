from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RealtimeSessionInputConfig")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "interruptable",
        "parallel_listening",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class RealtimeSessionInputConfig:
    """How the agent listens."""

    interruptable: bool | None | Unset = True
    """ The human may interrupt the agent. """
    parallel_listening: bool | None | Unset = False
    """ Keep listening while speaking; only matters when not interruptable. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        interruptable: bool | None | Unset
        if isinstance(self.interruptable, Unset):
            interruptable = UNSET
        else:
            interruptable = self.interruptable

        parallel_listening: bool | None | Unset
        if isinstance(self.parallel_listening, Unset):
            parallel_listening = UNSET
        else:
            parallel_listening = self.parallel_listening

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if interruptable is not UNSET:
            field_dict["interruptable"] = interruptable
        if parallel_listening is not UNSET:
            field_dict["parallel_listening"] = parallel_listening

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"RealtimeSessionInputConfig: expected object, got {type(src_dict).__name__}"
            )
        _n_absent = 0
        interruptable = src_dict.get("interruptable", UNSET)
        if interruptable is UNSET:
            _n_absent += 1
        elif interruptable is not None and not isinstance(interruptable, bool):
            raise TypeError(
                f"RealtimeSessionInputConfig.interruptable: expected boolean, got {type(interruptable).__name__}"
            )

        parallel_listening = src_dict.get("parallel_listening", UNSET)
        if parallel_listening is UNSET:
            _n_absent += 1
        elif parallel_listening is not None and not isinstance(parallel_listening, bool):
            raise TypeError(
                f"RealtimeSessionInputConfig.parallel_listening: expected boolean, got {type(parallel_listening).__name__}"
            )

        _realtime_session_input_config = _object_new(cls)
        _realtime_session_input_config.interruptable = interruptable
        _realtime_session_input_config.parallel_listening = parallel_listening

        _realtime_session_input_config.additional_properties = (
            {}
            if len(src_dict) + _n_absent == 2
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _realtime_session_input_config

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
_RealtimeSessionInputConfig_from_dict = RealtimeSessionInputConfig.from_dict
