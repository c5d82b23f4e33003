from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RealtimeSessionConfigUpdate")

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
class RealtimeSessionConfigUpdate:
    """A partial configuration; the parts given replace those of the session."""

    general: None | RealtimeSessionGeneralConfig | Unset = UNSET
    """ General settings to replace. """
    input_: None | RealtimeSessionInputConfig | Unset = UNSET
    """ Input settings to replace. """
    generative: None | RealtimeSessionGenerativeConfigUpdate | Unset = UNSET
    """ Generative settings to change. """
    output: None | RealtimeSessionOutputConfig | Unset = UNSET
    """ Output settings to replace. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        general: dict[str, Any] | None | Unset
        if isinstance(self.general, Unset):
            general = UNSET
        elif isinstance(self.general, RealtimeSessionGeneralConfig):
            general = self.general.to_dict()
        else:
            general = self.general

        input_: dict[str, Any] | None | Unset
        if isinstance(self.input_, Unset):
            input_ = UNSET
        elif isinstance(self.input_, RealtimeSessionInputConfig):
            input_ = self.input_.to_dict()
        else:
            input_ = self.input_

        generative: dict[str, Any] | None | Unset
        if isinstance(self.generative, Unset):
            generative = UNSET
        elif isinstance(self.generative, RealtimeSessionGenerativeConfigUpdate):
            generative = self.generative.to_dict()
        else:
            generative = self.generative

        output: dict[str, Any] | None | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        elif isinstance(self.output, RealtimeSessionOutputConfig):
            output = self.output.to_dict()
        else:
            output = self.output

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if general is not UNSET:
            field_dict["general"] = general
        if input_ is not UNSET:
            field_dict["input"] = input_
        if generative is not UNSET:
            field_dict["generative"] = generative
        if output is not UNSET:
            field_dict["output"] = output

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"RealtimeSessionConfigUpdate: expected object, got {type(src_dict).__name__}"
            )
        _n_absent = 0
        _general_json = src_dict.get("general", UNSET)
        general: None | RealtimeSessionGeneralConfig | Unset
        if _general_json is UNSET:
            general = UNSET
            _n_absent += 1
        else:
            if _general_json is None:
                general = _general_json
            else:
                general = _RealtimeSessionGeneralConfig_from_dict(_general_json)

        _input__json = src_dict.get("input", UNSET)
        input_: None | RealtimeSessionInputConfig | Unset
        if _input__json is UNSET:
            input_ = UNSET
            _n_absent += 1
        else:
            if _input__json is None:
                input_ = _input__json
            else:
                input_ = _RealtimeSessionInputConfig_from_dict(_input__json)

        _generative_json = src_dict.get("generative", UNSET)
        generative: None | RealtimeSessionGenerativeConfigUpdate | Unset
        if _generative_json is UNSET:
            generative = UNSET
            _n_absent += 1
        else:
            if _generative_json is None:
                generative = _generative_json
            else:
                generative = _RealtimeSessionGenerativeConfigUpdate_from_dict(_generative_json)

        _output_json = src_dict.get("output", UNSET)
        output: None | RealtimeSessionOutputConfig | Unset
        if _output_json is UNSET:
            output = UNSET
            _n_absent += 1
        else:
            if _output_json is None:
                output = _output_json
            else:
                output = _RealtimeSessionOutputConfig_from_dict(_output_json)

        _realtime_session_config_update = _object_new(cls)
        _realtime_session_config_update.general = general
        _realtime_session_config_update.input_ = input_
        _realtime_session_config_update.generative = generative
        _realtime_session_config_update.output = output

        _realtime_session_config_update.additional_properties = (
            {}
            if len(src_dict) + _n_absent == 4
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _realtime_session_config_update

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
from ..models.realtime_session_generative_config_update import RealtimeSessionGenerativeConfigUpdate
from ..models.realtime_session_input_config import RealtimeSessionInputConfig
from ..models.realtime_session_output_config import RealtimeSessionOutputConfig

# from_dict of the models this one contains, looked up once (see from_dict).
_RealtimeSessionConfigUpdate_from_dict = RealtimeSessionConfigUpdate.from_dict
_RealtimeSessionGeneralConfig_from_dict = RealtimeSessionGeneralConfig.from_dict
_RealtimeSessionGenerativeConfigUpdate_from_dict = RealtimeSessionGenerativeConfigUpdate.from_dict
_RealtimeSessionInputConfig_from_dict = RealtimeSessionInputConfig.from_dict
_RealtimeSessionOutputConfig_from_dict = RealtimeSessionOutputConfig.from_dict
