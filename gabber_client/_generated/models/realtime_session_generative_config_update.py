from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RealtimeSessionGenerativeConfigUpdate")


@_attrs_define
class RealtimeSessionGenerativeConfigUpdate:
    """The generative part of a configuration update; every field optional."""

    llm: None | str | Unset = UNSET
    """ The id of the LLM. """
    voice_override: None | str | Unset = UNSET
    """ The id of a voice to use instead of the persona's. """
    persona: None | str | Unset = UNSET
    """ The id of the persona. """
    scenario: None | str | Unset = UNSET
    """ The id of the scenario. """
    context: None | str | Unset = UNSET
    """ The id of the context. """
    tool_definitions: list[str] | None | Unset = UNSET
    """ The ids of the tool definitions the agent may call. """
    field_extra: Extra | None | Unset = UNSET
    """ Free-form data for partner integrations. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        llm: None | str | Unset
        if isinstance(self.llm, Unset):
            llm = UNSET
        else:
            llm = self.llm

        voice_override: None | str | Unset
        if isinstance(self.voice_override, Unset):
            voice_override = UNSET
        else:
            voice_override = self.voice_override

        persona: None | str | Unset
        if isinstance(self.persona, Unset):
            persona = UNSET
        else:
            persona = self.persona

        scenario: None | str | Unset
        if isinstance(self.scenario, Unset):
            scenario = UNSET
        else:
            scenario = self.scenario

        context: None | str | Unset
        if isinstance(self.context, Unset):
            context = UNSET
        else:
            context = self.context

        tool_definitions: list[str] | None | Unset
        if isinstance(self.tool_definitions, Unset):
            tool_definitions = UNSET
        elif isinstance(self.tool_definitions, list):
            tool_definitions = self.tool_definitions

        else:
            tool_definitions = self.tool_definitions

        field_extra: dict[str, Any] | None | Unset
        if isinstance(self.field_extra, Unset):
            field_extra = UNSET
        elif isinstance(self.field_extra, Extra):
            field_extra = self.field_extra.to_dict()
        else:
            field_extra = self.field_extra

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if llm is not UNSET:
            field_dict["llm"] = llm
        if voice_override is not UNSET:
            field_dict["voice_override"] = voice_override
        if persona is not UNSET:
            field_dict["persona"] = persona
        if scenario is not UNSET:
            field_dict["scenario"] = scenario
        if context is not UNSET:
            field_dict["context"] = context
        if tool_definitions is not UNSET:
            field_dict["tool_definitions"] = tool_definitions
        if field_extra is not UNSET:
            field_dict["_extra"] = field_extra

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        llm: None | str | Unset = d.pop("llm", UNSET)

        voice_override: None | str | Unset = d.pop("voice_override", UNSET)

        persona: None | str | Unset = d.pop("persona", UNSET)

        scenario: None | str | Unset = d.pop("scenario", UNSET)

        context: None | str | Unset = d.pop("context", UNSET)

        def _parse_tool_definitions(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tool_definitions_type_0 = cast(list[str], data)

                return tool_definitions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tool_definitions = _parse_tool_definitions(d.pop("tool_definitions", UNSET))

        def _parse_field_extra(data: object) -> Extra | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                field_extra_type_0 = Extra.from_dict(data)

                return field_extra_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Extra | None | Unset, data)

        field_extra = _parse_field_extra(d.pop("_extra", UNSET))

        _realtime_session_generative_config_update = cls(
            llm=llm,
            voice_override=voice_override,
            persona=persona,
            scenario=scenario,
            context=context,
            tool_definitions=tool_definitions,
            field_extra=field_extra,
        )

        _realtime_session_generative_config_update.additional_properties = d
        return _realtime_session_generative_config_update

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
