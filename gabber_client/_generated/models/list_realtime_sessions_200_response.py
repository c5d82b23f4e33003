from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET

T = TypeVar("T", bound="ListRealtimeSessions200Response")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "total_count",
        "values",
        "next_page",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class ListRealtimeSessions200Response:
    """One page of sessions."""

    total_count: int
    """ How many sessions there are in all. """
    values: list[RealtimeSession]
    """ The sessions of this page. """
    next_page: None | str = None
    """ The token of the next page; absent or null on the last page. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _absent: int = _attrs_field(init=False, default=1, repr=False, eq=False)
    """Which optional nullable fields the body left out, one bit each (see model_fields_set)."""

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["total_count"] = self.total_count
        field_dict["values"] = [item.to_dict() for item in self.values]
        if self.next_page is not None:
            field_dict["next_page"] = self.next_page
        elif not self._absent & 1:
            field_dict["next_page"] = None
        return field_dict

    @property
    def model_fields_set(self) -> frozenset[str]:
        """The names of the fields the response body had, as in pydantic.

        An optional field the body left out reads as None; this tells it apart
        from a null. A field given a value since counts as set; a model built
        by hand counts its optional fields that are not None.
        """
        fields_set: set[str] = {
            "total_count",
            "values",
        }
        if self.next_page is not None or not self._absent & 1:
            fields_set.add("next_page")
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ListRealtimeSessions200Response: expected object, got {type(src_dict).__name__}"
            )
        _n_absent = 0
        _absent = 0
        total_count = src_dict["total_count"]
        if not (isinstance(total_count, int) and not isinstance(total_count, bool)):
            raise TypeError(
                f"ListRealtimeSessions200Response.total_count: expected integer, got {type(total_count).__name__}"
            )

        _values_json = src_dict["values"]
        if not isinstance(_values_json, list):
            raise TypeError(
                f"ListRealtimeSessions200Response.values: expected array, got {type(_values_json).__name__}"
            )
        values: list[RealtimeSession] = []
        for _values_json_item in _values_json:
            values.append(_RealtimeSession_from_dict(_values_json_item))

        next_page = src_dict.get("next_page", UNSET)
        if next_page is UNSET:
            next_page = None
            _n_absent += 1
            _absent += 1
        elif next_page is not None and not isinstance(next_page, str):
            raise TypeError(
                f"ListRealtimeSessions200Response.next_page: expected string, got {type(next_page).__name__}"
            )

        _list_realtime_sessions_200_response = _object_new(cls)
        _list_realtime_sessions_200_response.total_count = total_count
        _list_realtime_sessions_200_response.values = values
        _list_realtime_sessions_200_response.next_page = next_page
        _list_realtime_sessions_200_response._absent = _absent

        _list_realtime_sessions_200_response.additional_properties = (
            {}
            if len(src_dict) + _n_absent == 3
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _list_realtime_sessions_200_response

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

# from_dict of the models this one contains, looked up once (see from_dict).
_ListRealtimeSessions200Response_from_dict = ListRealtimeSessions200Response.from_dict
_RealtimeSession_from_dict = RealtimeSession.from_dict
