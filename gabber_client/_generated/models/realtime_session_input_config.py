from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RealtimeSessionInputConfig")


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
        d = dict(src_dict)
        interruptable: bool | None | Unset = d.pop("interruptable", UNSET)

        parallel_listening: bool | None | Unset = d.pop("parallel_listening", UNSET)

        _realtime_session_input_config = cls(
            interruptable=interruptable,
            parallel_listening=parallel_listening,
        )

        _realtime_session_input_config.additional_properties = d
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
