from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RealtimeSessionGenerativeConfig")


@_attrs_define
class RealtimeSessionGenerativeConfig:
    """The generative part of a session's configuration, expanded."""

    llm: LLM
    """ A large language model the agent thinks with. """
    context: Context
    """ The conversation memory of a session. """
    tool_definitions: list[ToolDefinition]
    """ The tools the agent may call. """
    voice_override: None | Unset | Voice = UNSET
    """ The voice used instead of the persona's. """
    persona: None | Persona | Unset = UNSET
    """ The persona the agent plays. """
    scenario: None | Scenario | Unset = UNSET
    """ The scenario the agent plays out. """
    field_extra: Extra | None | Unset = UNSET
    """ Free-form data for partner integrations. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        llm = self.llm.to_dict()

        context = self.context.to_dict()

        tool_definitions = []
        for tool_definitions_item_data in self.tool_definitions:
            tool_definitions_item = tool_definitions_item_data.to_dict()
            tool_definitions.append(tool_definitions_item)

        voice_override: dict[str, Any] | None | Unset
        if isinstance(self.voice_override, Unset):
            voice_override = UNSET
        elif isinstance(self.voice_override, Voice):
            voice_override = self.voice_override.to_dict()
        else:
            voice_override = self.voice_override

        persona: dict[str, Any] | None | Unset
        if isinstance(self.persona, Unset):
            persona = UNSET
        elif isinstance(self.persona, Persona):
            persona = self.persona.to_dict()
        else:
            persona = self.persona

        scenario: dict[str, Any] | None | Unset
        if isinstance(self.scenario, Unset):
            scenario = UNSET
        elif isinstance(self.scenario, Scenario):
            scenario = self.scenario.to_dict()
        else:
            scenario = self.scenario

        field_extra: dict[str, Any] | None | Unset
        if isinstance(self.field_extra, Unset):
            field_extra = UNSET
        elif isinstance(self.field_extra, Extra):
            field_extra = self.field_extra.to_dict()
        else:
            field_extra = self.field_extra

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "llm": llm,
                "context": context,
                "tool_definitions": tool_definitions,
            }
        )
        if voice_override is not UNSET:
            field_dict["voice_override"] = voice_override
        if persona is not UNSET:
            field_dict["persona"] = persona
        if scenario is not UNSET:
            field_dict["scenario"] = scenario
        if field_extra is not UNSET:
            field_dict["_extra"] = field_extra

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        llm = LLM.from_dict(d.pop("llm"))

        context = Context.from_dict(d.pop("context"))

        tool_definitions = []
        _tool_definitions = d.pop("tool_definitions")
        for tool_definitions_item_data in _tool_definitions:
            tool_definitions_item = ToolDefinition.from_dict(tool_definitions_item_data)

            tool_definitions.append(tool_definitions_item)

        def _parse_voice_override(data: object) -> None | Unset | Voice:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                voice_override_type_0 = Voice.from_dict(data)

                return voice_override_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | Voice, data)

        voice_override = _parse_voice_override(d.pop("voice_override", UNSET))

        def _parse_persona(data: object) -> None | Persona | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                persona_type_0 = Persona.from_dict(data)

                return persona_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Persona | Unset, data)

        persona = _parse_persona(d.pop("persona", UNSET))

        def _parse_scenario(data: object) -> None | Scenario | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scenario_type_0 = Scenario.from_dict(data)

                return scenario_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Scenario | Unset, data)

        scenario = _parse_scenario(d.pop("scenario", UNSET))

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

        _realtime_session_generative_config = cls(
            llm=llm,
            context=context,
            tool_definitions=tool_definitions,
            voice_override=voice_override,
            persona=persona,
            scenario=scenario,
            field_extra=field_extra,
        )

        _realtime_session_generative_config.additional_properties = d
        return _realtime_session_generative_config

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
from ..models.context import Context
from ..models.extra import Extra
from ..models.llm import LLM
from ..models.persona import Persona
from ..models.scenario import Scenario
from ..models.tool_definition import ToolDefinition
from ..models.voice import Voice
