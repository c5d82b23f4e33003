from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StartRealtimeSessionRequest")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "config",
        "simulated",
        "_extra",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class StartRealtimeSessionRequest:
    """The body of start_realtime_session."""

    config: RealtimeSessionConfigCreate
    """ The configuration of a new session. """
    simulated: bool | None | Unset = UNSET
    """ Start a simulated session (no real audio). """
    extra: Extra | None | Unset = UNSET
    """ Free-form data for partner integrations. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        config = self.config.to_dict()

        simulated: bool | None | Unset
        if isinstance(self.simulated, Unset):
            simulated = UNSET
        else:
            simulated = self.simulated

        extra: dict[str, Any] | None | Unset
        if isinstance(self.extra, Unset):
            extra = UNSET
        elif isinstance(self.extra, Extra):
            extra = self.extra.to_dict()
        else:
            extra = self.extra

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "config": config,
            }
        )
        if simulated is not UNSET:
            field_dict["simulated"] = simulated
        if extra is not UNSET:
            field_dict["_extra"] = extra

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"StartRealtimeSessionRequest: expected object, got {type(src_dict).__name__}"
            )
        _n_absent = 0
        config = _RealtimeSessionConfigCreate_from_dict(src_dict["config"])

        simulated = src_dict.get("simulated", UNSET)
        if simulated is UNSET:
            _n_absent += 1
        elif simulated is not None and not isinstance(simulated, bool):
            raise TypeError(
                f"StartRealtimeSessionRequest.simulated: expected boolean, got {type(simulated).__name__}"
            )

        _extra_json = src_dict.get("_extra", UNSET)
        extra: Extra | None | Unset
        if _extra_json is UNSET:
            extra = UNSET
            _n_absent += 1
        else:
            if _extra_json is None:
                extra = _extra_json
            else:
                extra = _Extra_from_dict(_extra_json)

        _start_realtime_session_request = _object_new(cls)
        _start_realtime_session_request.config = config
        _start_realtime_session_request.simulated = simulated
        _start_realtime_session_request.extra = extra

        _start_realtime_session_request.additional_properties = (
            {}
            if len(src_dict) + _n_absent == 3
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _start_realtime_session_request

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


# Imported after the class so that models which refer to each other resolve.
from ..models.extra import Extra
from ..models.realtime_session_config_create import RealtimeSessionConfigCreate

# from_dict of the models this one contains, looked up once (see from_dict).
_StartRealtimeSessionRequest_from_dict = StartRealtimeSessionRequest.from_dict
_Extra_from_dict = Extra.from_dict
_RealtimeSessionConfigCreate_from_dict = RealtimeSessionConfigCreate.from_dict
