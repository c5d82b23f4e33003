from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET

T = TypeVar("T", bound="Context")

_object_new = object.__new__
_fromisoformat = datetime.datetime.fromisoformat

_KNOWN_KEYS = frozenset(
    {
        "id",
        "created_at",
        "project",
        "latest_messages",
        "human",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class Context:
    """The conversation memory of a session."""

    id: str
    """ The context's unique identifier. """
    created_at: datetime.datetime
    """ When the context was created. """
    project: str
    """ The project that owns the context. """
    latest_messages: list[ContextMessage]
    """ The context's latest messages. """
    human: None | str = None
    """ The human that owns the context. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _absent: int = _attrs_field(init=False, default=1, repr=False, eq=False)
    """Which optional nullable fields the body left out, one bit each (see model_fields_set)."""

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["id"] = self.id
        field_dict["created_at"] = self.created_at.isoformat()
        field_dict["project"] = self.project
        field_dict["latest_messages"] = [item.to_dict() for item in self.latest_messages]
        if self.human is not None:
            field_dict["human"] = self.human
        elif not self._absent & 1:
            field_dict["human"] = None
        return field_dict

    @property
    def model_fields_set(self) -> frozenset[str]:
        """The names of the fields the response body had, as in pydantic.

        An optional field the body left out reads as None; this tells it apart
        from a null. A field given a value since counts as set; a model built
        by hand counts its optional fields that are not None.
        """
        fields_set: set[str] = {
            "id",
            "created_at",
            "project",
            "latest_messages",
        }
        if self.human is not None or not self._absent & 1:
            fields_set.add("human")
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"Context: expected object, got {type(src_dict).__name__}")
        _n_absent = 0
        _absent = 0
        id = src_dict["id"]
        if not isinstance(id, str):
            raise TypeError(f"Context.id: expected string, got {type(id).__name__}")

        created_at = _fromisoformat(src_dict["created_at"])

        project = src_dict["project"]
        if not isinstance(project, str):
            raise TypeError(f"Context.project: expected string, got {type(project).__name__}")

        _latest_messages_json = src_dict["latest_messages"]
        if not isinstance(_latest_messages_json, list):
            raise TypeError(
                f"Context.latest_messages: expected array, got {type(_latest_messages_json).__name__}"
            )
        latest_messages: list[ContextMessage] = []
        for _latest_messages_json_item in _latest_messages_json:
            latest_messages.append(_ContextMessage_from_dict(_latest_messages_json_item))

        human = src_dict.get("human", UNSET)
        if human is UNSET:
            human = None
            _n_absent += 1
            _absent += 1
        elif human is not None and not isinstance(human, str):
            raise TypeError(f"Context.human: expected string, got {type(human).__name__}")

        _context = _object_new(cls)
        _context.id = id
        _context.created_at = created_at
        _context.project = project
        _context.latest_messages = latest_messages
        _context.human = human
        _context._absent = _absent

        _context.additional_properties = (
            {}
            if len(src_dict) + _n_absent == 5
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _context

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
from ..models.context_message import ContextMessage

# from_dict of the models this one contains, looked up once (see from_dict).
_Context_from_dict = Context.from_dict
_ContextMessage_from_dict = ContextMessage.from_dict
