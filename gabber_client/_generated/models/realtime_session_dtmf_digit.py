from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.realtime_session_dtmf_digit_digit import (
    RealtimeSessionDTMFDigitDigit,
)

T = TypeVar("T", bound="RealtimeSessionDTMFDigit")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "digit",
        "duration",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class RealtimeSessionDTMFDigit:
    """One DTMF tone."""

    digit: RealtimeSessionDTMFDigitDigit
    """ The key to press, or `<pause>` for a pause. """
    duration: int
    """ How long the tone (or pause) lasts, in milliseconds. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        digit: str = self.digit

        duration = self.duration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "digit": digit,
                "duration": duration,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"RealtimeSessionDTMFDigit: expected object, got {type(src_dict).__name__}"
            )
        digit = src_dict["digit"]
        if not isinstance(digit, str):
            raise TypeError(
                f"Expected a string for RealtimeSessionDTMFDigitDigit, got {type(digit).__name__}"
            )

        duration = src_dict["duration"]
        if not (isinstance(duration, int) and not isinstance(duration, bool)):
            raise TypeError(
                f"RealtimeSessionDTMFDigit.duration: expected integer, got {type(duration).__name__}"
            )

        _realtime_session_dtmf_digit = _object_new(cls)
        _realtime_session_dtmf_digit.digit = digit
        _realtime_session_dtmf_digit.duration = duration

        _realtime_session_dtmf_digit.additional_properties = (
            {}
            if len(src_dict) == 2
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _realtime_session_dtmf_digit

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
_RealtimeSessionDTMFDigit_from_dict = RealtimeSessionDTMFDigit.from_dict
