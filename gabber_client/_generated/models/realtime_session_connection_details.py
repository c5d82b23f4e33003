from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RealtimeSessionConnectionDetails")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "url",
        "token",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class RealtimeSessionConnectionDetails:
    """Where and how a realtime client connects to the session."""

    url: str
    """ Where a realtime client connects. """
    token: str
    """ The token for that connection. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["url"] = self.url
        field_dict["token"] = self.token
        return field_dict

    @property
    def model_fields_set(self) -> frozenset[str]:
        """The names of the fields the response body had, as in pydantic.

        An optional field the body left out reads as None; this tells it apart
        from a null. A field given a value since counts as set; a model built
        by hand counts its optional fields that are not None.
        """
        fields_set: set[str] = {
            "url",
            "token",
        }
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"RealtimeSessionConnectionDetails: expected object, got {type(src_dict).__name__}"
            )
        url = src_dict["url"]
        if not isinstance(url, str):
            raise TypeError(
                f"RealtimeSessionConnectionDetails.url: expected string, got {type(url).__name__}"
            )

        token = src_dict["token"]
        if not isinstance(token, str):
            raise TypeError(
                f"RealtimeSessionConnectionDetails.token: expected string, got {type(token).__name__}"
            )

        _realtime_session_connection_details = _object_new(cls)
        _realtime_session_connection_details.url = url
        _realtime_session_connection_details.token = token

        _realtime_session_connection_details.additional_properties = (
            {}
            if len(src_dict) == 2
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _realtime_session_connection_details

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
_RealtimeSessionConnectionDetails_from_dict = RealtimeSessionConnectionDetails.from_dict
