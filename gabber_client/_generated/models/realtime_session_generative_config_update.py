from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RealtimeSessionGenerativeConfigUpdate")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "llm",
        "voice_override",
        "persona",
        "scenario",
        "context",
        "tool_definitions",
        "_extra",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


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
    extra: Extra | None | Unset = UNSET
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

        extra: dict[str, Any] | None | Unset
        if isinstance(self.extra, Unset):
            extra = UNSET
        elif isinstance(self.extra, Extra):
            extra = self.extra.to_dict()
        else:
            extra = self.extra

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
        if extra is not UNSET:
            field_dict["_extra"] = extra

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"RealtimeSessionGenerativeConfigUpdate: expected object, got {type(src_dict).__name__}"
            )
        _n_absent = 0
        llm = src_dict.get("llm", UNSET)
        if llm is UNSET:
            _n_absent += 1
        elif llm is not None and not isinstance(llm, str):
            raise TypeError(
                f"RealtimeSessionGenerativeConfigUpdate.llm: expected string, got {type(llm).__name__}"
            )

        voice_override = src_dict.get("voice_override", UNSET)
        if voice_override is UNSET:
            _n_absent += 1
        elif voice_override is not None and not isinstance(voice_override, str):
            raise TypeError(
                f"RealtimeSessionGenerativeConfigUpdate.voice_override: expected string, got {type(voice_override).__name__}"
            )

        persona = src_dict.get("persona", UNSET)
        if persona is UNSET:
            _n_absent += 1
        elif persona is not None and not isinstance(persona, str):
            raise TypeError(
                f"RealtimeSessionGenerativeConfigUpdate.persona: expected string, got {type(persona).__name__}"
            )

        scenario = src_dict.get("scenario", UNSET)
        if scenario is UNSET:
            _n_absent += 1
        elif scenario is not None and not isinstance(scenario, str):
            raise TypeError(
                f"RealtimeSessionGenerativeConfigUpdate.scenario: expected string, got {type(scenario).__name__}"
            )

        context = src_dict.get("context", UNSET)
        if context is UNSET:
            _n_absent += 1
        elif context is not None and not isinstance(context, str):
            raise TypeError(
                f"RealtimeSessionGenerativeConfigUpdate.context: expected string, got {type(context).__name__}"
            )

        _tool_definitions_json = src_dict.get("tool_definitions", UNSET)
        tool_definitions: list[str] | None | Unset
        if _tool_definitions_json is UNSET:
            tool_definitions = UNSET
            _n_absent += 1
        else:
            if _tool_definitions_json is None:
                tool_definitions = _tool_definitions_json
            else:
                if not isinstance(_tool_definitions_json, list):
                    raise TypeError(
                        f"RealtimeSessionGenerativeConfigUpdate.tool_definitions: expected array, got {type(_tool_definitions_json).__name__}"
                    )
                for _tool_definitions_json_item in _tool_definitions_json:
                    if not isinstance(_tool_definitions_json_item, str):
                        raise TypeError(
                            f"RealtimeSessionGenerativeConfigUpdate.tool_definitions[]: expected string, got {type(_tool_definitions_json_item).__name__}"
                        )
                tool_definitions = _tool_definitions_json

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

        _realtime_session_generative_config_update = _object_new(cls)
        _realtime_session_generative_config_update.llm = llm
        _realtime_session_generative_config_update.voice_override = voice_override
        _realtime_session_generative_config_update.persona = persona
        _realtime_session_generative_config_update.scenario = scenario
        _realtime_session_generative_config_update.context = context
        _realtime_session_generative_config_update.tool_definitions = tool_definitions
        _realtime_session_generative_config_update.extra = extra

        _realtime_session_generative_config_update.additional_properties = (
            {}
            if len(src_dict) + _n_absent == 7
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
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

# from_dict of the models this one contains, looked up once (see from_dict).
_RealtimeSessionGenerativeConfigUpdate_from_dict = RealtimeSessionGenerativeConfigUpdate.from_dict
_Extra_from_dict = Extra.from_dict
