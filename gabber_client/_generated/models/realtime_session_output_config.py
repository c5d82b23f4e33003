from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RealtimeSessionOutputConfig")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "stream_transcript",
        "speech_synthesis_enabled",
        "answer_message",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class RealtimeSessionOutputConfig:
    """What the agent produces."""

    stream_transcript: bool
    """ Stream the transcript to the realtime client. """
    speech_synthesis_enabled: bool | None | Unset = True
    """ Synthesize speech. """
    answer_message: None | str | Unset = UNSET
    """ Spoken first when the human joins; when absent the agent waits. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stream_transcript = self.stream_transcript

        speech_synthesis_enabled: bool | None | Unset
        if isinstance(self.speech_synthesis_enabled, Unset):
            speech_synthesis_enabled = UNSET
        else:
            speech_synthesis_enabled = self.speech_synthesis_enabled

        answer_message: None | str | Unset
        if isinstance(self.answer_message, Unset):
            answer_message = UNSET
        else:
            answer_message = self.answer_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stream_transcript": stream_transcript,
            }
        )
        if speech_synthesis_enabled is not UNSET:
            field_dict["speech_synthesis_enabled"] = speech_synthesis_enabled
        if answer_message is not UNSET:
            field_dict["answer_message"] = answer_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"RealtimeSessionOutputConfig: expected object, got {type(src_dict).__name__}"
            )
        _n_absent = 0
        stream_transcript = src_dict["stream_transcript"]
        if not isinstance(stream_transcript, bool):
            raise TypeError(
                f"RealtimeSessionOutputConfig.stream_transcript: expected boolean, got {type(stream_transcript).__name__}"
            )

        speech_synthesis_enabled = src_dict.get("speech_synthesis_enabled", UNSET)
        if speech_synthesis_enabled is UNSET:
            _n_absent += 1
        elif speech_synthesis_enabled is not None and not isinstance(
            speech_synthesis_enabled, bool
        ):
            raise TypeError(
                f"RealtimeSessionOutputConfig.speech_synthesis_enabled: expected boolean, got {type(speech_synthesis_enabled).__name__}"
            )

        answer_message = src_dict.get("answer_message", UNSET)
        if answer_message is UNSET:
            _n_absent += 1
        elif answer_message is not None and not isinstance(answer_message, str):
            raise TypeError(
                f"RealtimeSessionOutputConfig.answer_message: expected string, got {type(answer_message).__name__}"
            )

        _realtime_session_output_config = _object_new(cls)
        _realtime_session_output_config.stream_transcript = stream_transcript
        _realtime_session_output_config.speech_synthesis_enabled = speech_synthesis_enabled
        _realtime_session_output_config.answer_message = answer_message

        _realtime_session_output_config.additional_properties = (
            {}
            if len(src_dict) + _n_absent == 3
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _realtime_session_output_config

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


# from_dict of the models this one contains, looked up once (see from_dict).
_RealtimeSessionOutputConfig_from_dict = RealtimeSessionOutputConfig.from_dict
