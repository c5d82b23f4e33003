from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET

T = TypeVar("T", bound="RealtimeSessionGenerativeConfig")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "llm",
        "context",
        "tool_definitions",
        "voice_override",
        "persona",
        "scenario",
        "_extra",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class RealtimeSessionGenerativeConfig:
    """The generative part of a session's configuration, expanded."""

    llm: LLM
    """ A large language model the agent thinks with. """
    context: Context
    """ The conversation memory of a session. """
    tool_definitions: list[ToolDefinition]
    """ The tools the agent may call. """
    voice_override: None | Voice = None
    """ The voice used instead of the persona's. """
    persona: None | Persona = None
    """ The persona the agent plays. """
    scenario: None | Scenario = None
    """ The scenario the agent plays out. """
    extra: Extra | None = None
    """ Free-form data for partner integrations. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _absent: int = _attrs_field(init=False, default=15, repr=False, eq=False)
    """Which optional nullable fields the body left out, one bit each (see model_fields_set)."""

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["llm"] = self.llm.to_dict()
        field_dict["context"] = self.context.to_dict()
        field_dict["tool_definitions"] = [item.to_dict() for item in self.tool_definitions]
        if self.voice_override is not None:
            field_dict["voice_override"] = self.voice_override.to_dict()
        elif not self._absent & 1:
            field_dict["voice_override"] = None
        if self.persona is not None:
            field_dict["persona"] = self.persona.to_dict()
        elif not self._absent & 2:
            field_dict["persona"] = None
        if self.scenario is not None:
            field_dict["scenario"] = self.scenario.to_dict()
        elif not self._absent & 4:
            field_dict["scenario"] = None
        if self.extra is not None:
            field_dict["_extra"] = self.extra.to_dict()
        elif not self._absent & 8:
            field_dict["_extra"] = None
        return field_dict

    @property
    def model_fields_set(self) -> frozenset[str]:
        """The names of the fields the response body had, as in pydantic.

        An optional field the body left out reads as None; this tells it apart
        from a null. A field given a value since counts as set; a model built
        by hand counts its optional fields that are not None.
        """
        fields_set: set[str] = {
            "llm",
            "context",
            "tool_definitions",
        }
        if self.voice_override is not None or not self._absent & 1:
            fields_set.add("voice_override")
        if self.persona is not None or not self._absent & 2:
            fields_set.add("persona")
        if self.scenario is not None or not self._absent & 4:
            fields_set.add("scenario")
        if self.extra is not None or not self._absent & 8:
            fields_set.add("extra")
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"RealtimeSessionGenerativeConfig: expected object, got {type(src_dict).__name__}"
            )
        _n_absent = 0
        _absent = 0
        llm = _LLM_from_dict(src_dict["llm"])

        context = _Context_from_dict(src_dict["context"])

        _tool_definitions_json = src_dict["tool_definitions"]
        if not isinstance(_tool_definitions_json, list):
            raise TypeError(
                f"RealtimeSessionGenerativeConfig.tool_definitions: expected array, got {type(_tool_definitions_json).__name__}"
            )
        tool_definitions: list[ToolDefinition] = []
        for _tool_definitions_json_item in _tool_definitions_json:
            tool_definitions.append(_ToolDefinition_from_dict(_tool_definitions_json_item))

        _voice_override_json = src_dict.get("voice_override", UNSET)
        voice_override: None | Voice
        if _voice_override_json is UNSET:
            voice_override = None
            _n_absent += 1
            _absent += 1
        else:
            if _voice_override_json is None:
                voice_override = _voice_override_json
            else:
                voice_override = _Voice_from_dict(_voice_override_json)

        _persona_json = src_dict.get("persona", UNSET)
        persona: None | Persona
        if _persona_json is UNSET:
            persona = None
            _n_absent += 1
            _absent += 2
        else:
            if _persona_json is None:
                persona = _persona_json
            else:
                persona = _Persona_from_dict(_persona_json)

        _scenario_json = src_dict.get("scenario", UNSET)
        scenario: None | Scenario
        if _scenario_json is UNSET:
            scenario = None
            _n_absent += 1
            _absent += 4
        else:
            if _scenario_json is None:
                scenario = _scenario_json
            else:
                scenario = _Scenario_from_dict(_scenario_json)

        _extra_json = src_dict.get("_extra", UNSET)
        extra: Extra | None
        if _extra_json is UNSET:
            extra = None
            _n_absent += 1
            _absent += 8
        else:
            if _extra_json is None:
                extra = _extra_json
            else:
                extra = _Extra_from_dict(_extra_json)

        _realtime_session_generative_config = _object_new(cls)
        _realtime_session_generative_config.llm = llm
        _realtime_session_generative_config.context = context
        _realtime_session_generative_config.tool_definitions = tool_definitions
        _realtime_session_generative_config.voice_override = voice_override
        _realtime_session_generative_config.persona = persona
        _realtime_session_generative_config.scenario = scenario
        _realtime_session_generative_config.extra = extra
        _realtime_session_generative_config._absent = _absent

        _realtime_session_generative_config.additional_properties = (
            {}
            if len(src_dict) + _n_absent == 7
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
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

# from_dict of the models this one contains, looked up once (see from_dict).
_RealtimeSessionGenerativeConfig_from_dict = RealtimeSessionGenerativeConfig.from_dict
_Context_from_dict = Context.from_dict
_Extra_from_dict = Extra.from_dict
_LLM_from_dict = LLM.from_dict
_Persona_from_dict = Persona.from_dict
_Scenario_from_dict = Scenario.from_dict
_ToolDefinition_from_dict = ToolDefinition.from_dict
_Voice_from_dict = Voice.from_dict
