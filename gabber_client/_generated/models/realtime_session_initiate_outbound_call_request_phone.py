from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.realtime_session_initiate_outbound_call_request_phone_type import (
    RealtimeSessionInitiateOutboundCallRequestPhoneType,
)

T = TypeVar("T", bound="RealtimeSessionInitiateOutboundCallRequestPhone")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "type",
        "source_phone_number",
        "destination_phone_number",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class RealtimeSessionInitiateOutboundCallRequestPhone:
    """Call a phone number from a phone number."""

    type_: RealtimeSessionInitiateOutboundCallRequestPhoneType
    """ The kind of call. """
    source_phone_number: str
    """ The phone number to call from (E.164). """
    destination_phone_number: str
    """ The phone number to call (E.164). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        source_phone_number = self.source_phone_number

        destination_phone_number = self.destination_phone_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "source_phone_number": source_phone_number,
                "destination_phone_number": destination_phone_number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"RealtimeSessionInitiateOutboundCallRequestPhone: expected object, got {type(src_dict).__name__}"
            )
        type_ = src_dict["type"]
        if type_ not in {
            "phone",
        }:
            raise TypeError(f"Unexpected value {type_!r}, expected 'phone'")

        source_phone_number = src_dict["source_phone_number"]
        if not isinstance(source_phone_number, str):
            raise TypeError(
                f"RealtimeSessionInitiateOutboundCallRequestPhone.source_phone_number: expected string, got {type(source_phone_number).__name__}"
            )

        destination_phone_number = src_dict["destination_phone_number"]
        if not isinstance(destination_phone_number, str):
            raise TypeError(
                f"RealtimeSessionInitiateOutboundCallRequestPhone.destination_phone_number: expected string, got {type(destination_phone_number).__name__}"
            )

        _realtime_session_initiate_outbound_call_request_phone = _object_new(cls)
        _realtime_session_initiate_outbound_call_request_phone.type_ = type_
        _realtime_session_initiate_outbound_call_request_phone.source_phone_number = (
            source_phone_number
        )
        _realtime_session_initiate_outbound_call_request_phone.destination_phone_number = (
            destination_phone_number
        )

        _realtime_session_initiate_outbound_call_request_phone.additional_properties = (
            {}
            if len(src_dict) == 3
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _realtime_session_initiate_outbound_call_request_phone

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
_RealtimeSessionInitiateOutboundCallRequestPhone_from_dict = (
    RealtimeSessionInitiateOutboundCallRequestPhone.from_dict
)
