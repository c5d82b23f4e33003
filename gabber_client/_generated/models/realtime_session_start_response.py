from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RealtimeSessionStartResponse")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "session",
        "connection_details",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class RealtimeSessionStartResponse:
    """A new session and where to connect to it."""

    session: RealtimeSession
    """ A realtime voice-agent session. """
    connection_details: RealtimeSessionConnectionDetails
    """ Where and how a realtime client connects to the session. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["session"] = self.session.to_dict()
        field_dict["connection_details"] = self.connection_details.to_dict()
        return field_dict

    @property
    def model_fields_set(self) -> frozenset[str]:
        """The names of the fields the response body had, as in pydantic.

        An optional field the body left out reads as None; this tells it apart
        from a null. A field given a value since counts as set; a model built
        by hand counts its optional fields that are not None.
        """
        fields_set: set[str] = {
            "session",
            "connection_details",
        }
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"RealtimeSessionStartResponse: expected object, got {type(src_dict).__name__}"
            )
        session = _RealtimeSession_from_dict(src_dict["session"])

        connection_details = _RealtimeSessionConnectionDetails_from_dict(
            src_dict["connection_details"]
        )

        _realtime_session_start_response = _object_new(cls)
        _realtime_session_start_response.session = session
        _realtime_session_start_response.connection_details = connection_details

        _realtime_session_start_response.additional_properties = (
            {}
            if len(src_dict) == 2
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _realtime_session_start_response

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
from ..models.realtime_session import RealtimeSession
from ..models.realtime_session_connection_details import RealtimeSessionConnectionDetails

# from_dict of the models this one contains, looked up once (see from_dict).
_RealtimeSessionStartResponse_from_dict = RealtimeSessionStartResponse.from_dict
_RealtimeSession_from_dict = RealtimeSession.from_dict
_RealtimeSessionConnectionDetails_from_dict = RealtimeSessionConnectionDetails.from_dict
