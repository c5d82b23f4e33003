from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RealtimeSessionConfigUpdate")


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
        d = dict(src_dict)

        def _parse_general(data: object) -> None | RealtimeSessionGeneralConfig | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                general_type_0 = RealtimeSessionGeneralConfig.from_dict(data)

                return general_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RealtimeSessionGeneralConfig | Unset, data)

        general = _parse_general(d.pop("general", UNSET))

        def _parse_input_(data: object) -> None | RealtimeSessionInputConfig | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                input_type_0 = RealtimeSessionInputConfig.from_dict(data)

                return input_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RealtimeSessionInputConfig | Unset, data)

        input_ = _parse_input_(d.pop("input", UNSET))

        def _parse_generative(data: object) -> None | RealtimeSessionGenerativeConfigUpdate | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                generative_type_0 = RealtimeSessionGenerativeConfigUpdate.from_dict(data)

                return generative_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RealtimeSessionGenerativeConfigUpdate | Unset, data)

        generative = _parse_generative(d.pop("generative", UNSET))

        def _parse_output(data: object) -> None | RealtimeSessionOutputConfig | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_type_0 = RealtimeSessionOutputConfig.from_dict(data)

                return output_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RealtimeSessionOutputConfig | Unset, data)

        output = _parse_output(d.pop("output", UNSET))

        _realtime_session_config_update = cls(
            general=general,
            input_=input_,
            generative=generative,
            output=output,
        )

        _realtime_session_config_update.additional_properties = d
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
