from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RealtimeSessionInputConfig")

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
        _interruptable_json = src_dict.get("interruptable", UNSET)
        interruptable: bool | None | Unset
        if _interruptable_json is None or _interruptable_json is UNSET:
            interruptable = _interruptable_json
        else:
            if not isinstance(_interruptable_json, bool):
                raise TypeError(
                    f"RealtimeSessionInputConfig.interruptable: expected boolean, got {type(_interruptable_json).__name__}"
                )
            interruptable = _interruptable_json

        _parallel_listening_json = src_dict.get("parallel_listening", UNSET)
        parallel_listening: bool | None | Unset
        if _parallel_listening_json is None or _parallel_listening_json is UNSET:
            parallel_listening = _parallel_listening_json
        else:
            if not isinstance(_parallel_listening_json, bool):
                raise TypeError(
                    f"RealtimeSessionInputConfig.parallel_listening: expected boolean, got {type(_parallel_listening_json).__name__}"
                )
            parallel_listening = _parallel_listening_json

        _realtime_session_input_config = object.__new__(cls)
        _realtime_session_input_config.interruptable = interruptable
        _realtime_session_input_config.parallel_listening = parallel_listening

        _realtime_session_input_config.additional_properties = (
            {}
            if _KNOWN_KEYS.issuperset(src_dict)
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
