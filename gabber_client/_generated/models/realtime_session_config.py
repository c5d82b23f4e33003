from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RealtimeSessionConfig")

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
class RealtimeSessionConfig:
    """The configuration of a session, with its generative objects expanded."""

    general: RealtimeSessionGeneralConfig
    """ General settings of a session. """
    input_: RealtimeSessionInputConfig
    """ How the agent listens. """
    generative: RealtimeSessionGenerativeConfig
    """ The generative part of a session's configuration, expanded. """
    output: RealtimeSessionOutputConfig
    """ What the agent produces. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["general"] = self.general.to_dict()
        field_dict["input"] = self.input_.to_dict()
        field_dict["generative"] = self.generative.to_dict()
        field_dict["output"] = self.output.to_dict()
        return field_dict

    @property
    def model_fields_set(self) -> frozenset[str]:
        """The names of the fields the response body had, as in pydantic.

        An optional field the body left out reads as None; this tells it apart
        from a null. A field given a value since counts as set; a model built
        by hand counts its optional fields that are not None.
        """
        fields_set: set[str] = {
            "general",
            "input_",
            "generative",
            "output",
        }
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"RealtimeSessionConfig: expected object, got {type(src_dict).__name__}"
            )
        general = _RealtimeSessionGeneralConfig_from_dict(src_dict["general"])

        input_ = _RealtimeSessionInputConfig_from_dict(src_dict["input"])

        generative = _RealtimeSessionGenerativeConfig_from_dict(src_dict["generative"])

        output = _RealtimeSessionOutputConfig_from_dict(src_dict["output"])

        _realtime_session_config = _object_new(cls)
        _realtime_session_config.general = general
        _realtime_session_config.input_ = input_
        _realtime_session_config.generative = generative
        _realtime_session_config.output = output

        _realtime_session_config.additional_properties = (
            {}
            if len(src_dict) == 4
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _realtime_session_config

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
from ..models.realtime_session_generative_config import RealtimeSessionGenerativeConfig
from ..models.realtime_session_input_config import RealtimeSessionInputConfig
from ..models.realtime_session_output_config import RealtimeSessionOutputConfig

# from_dict of the models this one contains, looked up once (see from_dict).
_RealtimeSessionConfig_from_dict = RealtimeSessionConfig.from_dict
_RealtimeSessionGeneralConfig_from_dict = RealtimeSessionGeneralConfig.from_dict
_RealtimeSessionGenerativeConfig_from_dict = RealtimeSessionGenerativeConfig.from_dict
_RealtimeSessionInputConfig_from_dict = RealtimeSessionInputConfig.from_dict
_RealtimeSessionOutputConfig_from_dict = RealtimeSessionOutputConfig.from_dict
