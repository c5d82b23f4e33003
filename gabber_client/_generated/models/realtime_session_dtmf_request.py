from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RealtimeSessionDTMFRequest")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "digits",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class RealtimeSessionDTMFRequest:
    """The body of dtmf."""

    digits: list[RealtimeSessionDTMFDigit]
    """ The tones to send, in order. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        digits = []
        for digits_item_data in self.digits:
            digits_item = digits_item_data.to_dict()
            digits.append(digits_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "digits": digits,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"RealtimeSessionDTMFRequest: expected object, got {type(src_dict).__name__}"
            )
        _digits_json = src_dict["digits"]
        if not isinstance(_digits_json, list):
            raise TypeError(
                f"RealtimeSessionDTMFRequest.digits: expected array, got {type(_digits_json).__name__}"
            )
        digits: list[RealtimeSessionDTMFDigit] = []
        for _digits_json_item in _digits_json:
            digits.append(_RealtimeSessionDTMFDigit_from_dict(_digits_json_item))

        _realtime_session_dtmf_request = _object_new(cls)
        _realtime_session_dtmf_request.digits = digits

        _realtime_session_dtmf_request.additional_properties = (
            {}
            if len(src_dict) == 1
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _realtime_session_dtmf_request

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
from ..models.realtime_session_dtmf_digit import RealtimeSessionDTMFDigit

# from_dict of the models this one contains, looked up once (see from_dict).
_RealtimeSessionDTMFRequest_from_dict = RealtimeSessionDTMFRequest.from_dict
_RealtimeSessionDTMFDigit_from_dict = RealtimeSessionDTMFDigit.from_dict
