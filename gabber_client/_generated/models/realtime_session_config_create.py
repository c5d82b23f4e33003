from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RealtimeSessionConfigCreate")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "general",
        "input",
        "generative",
        "output",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class RealtimeSessionConfigCreate:
    """The configuration of a new session."""

    general: RealtimeSessionGeneralConfig
    """ General settings of a session. """
    input_: RealtimeSessionInputConfig
    """ How the agent listens. """
    generative: RealtimeSessionGenerativeConfigCreate
    """ The generative part of a new session's configuration, by id. """
    output: RealtimeSessionOutputConfig
    """ What the agent produces. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        general = self.general.to_dict()

        input_ = self.input_.to_dict()

        generative = self.generative.to_dict()

        output = self.output.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "general": general,
                "input": input_,
                "generative": generative,
                "output": output,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"RealtimeSessionConfigCreate: expected object, got {type(src_dict).__name__}"
            )
        general = _RealtimeSessionGeneralConfig_from_dict(src_dict["general"])

        input_ = _RealtimeSessionInputConfig_from_dict(src_dict["input"])

        generative = _RealtimeSessionGenerativeConfigCreate_from_dict(src_dict["generative"])

        output = _RealtimeSessionOutputConfig_from_dict(src_dict["output"])

        _realtime_session_config_create = _object_new(cls)
        _realtime_session_config_create.general = general
        _realtime_session_config_create.input_ = input_
        _realtime_session_config_create.generative = generative
        _realtime_session_config_create.output = output

        _realtime_session_config_create.additional_properties = (
            {}
            if len(src_dict) == 4
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _realtime_session_config_create

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
from ..models.realtime_session_general_config import RealtimeSessionGeneralConfig
from ..models.realtime_session_generative_config_create import RealtimeSessionGenerativeConfigCreate
from ..models.realtime_session_input_config import RealtimeSessionInputConfig
from ..models.realtime_session_output_config import RealtimeSessionOutputConfig

# from_dict of the models this one contains, looked up once (see from_dict).
_RealtimeSessionConfigCreate_from_dict = RealtimeSessionConfigCreate.from_dict
_RealtimeSessionGeneralConfig_from_dict = RealtimeSessionGeneralConfig.from_dict
_RealtimeSessionGenerativeConfigCreate_from_dict = RealtimeSessionGenerativeConfigCreate.from_dict
_RealtimeSessionInputConfig_from_dict = RealtimeSessionInputConfig.from_dict
_RealtimeSessionOutputConfig_from_dict = RealtimeSessionOutputConfig.from_dict
