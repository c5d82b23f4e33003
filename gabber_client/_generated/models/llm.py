from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LLM")

_object_new = object.__new__
_fromisoformat = datetime.datetime.fromisoformat

_KNOWN_KEYS = frozenset(
    {
        "created_at",
        "id",
        "name",
        "type",
        "compliance",
        "description",
        "project",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class LLM:
    """A large language model the agent thinks with."""

    created_at: datetime.datetime
    """ When the LLM was created. """
    id: str
    """ The LLM's unique identifier. """
    name: str
    """ The LLM's name. """
    type_: str
    """ The kind of LLM. """
    compliance: bool
    """ Whether the LLM is compliance-certified. """
    description: str
    """ What the LLM is. """
    project: None | str | Unset = UNSET
    """ The project that owns the LLM, for a project's own LLM. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        name = self.name

        type_ = self.type_

        compliance = self.compliance

        description = self.description

        project: None | str | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        else:
            project = self.project

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "name": name,
                "type": type_,
                "compliance": compliance,
                "description": description,
            }
        )
        if project is not UNSET:
            field_dict["project"] = project

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"LLM: expected object, got {type(src_dict).__name__}")
        _n_absent = 0
        created_at = _fromisoformat(src_dict["created_at"])

        id = src_dict["id"]
        if not isinstance(id, str):
            raise TypeError(f"LLM.id: expected string, got {type(id).__name__}")

        name = src_dict["name"]
        if not isinstance(name, str):
            raise TypeError(f"LLM.name: expected string, got {type(name).__name__}")

        type_ = src_dict["type"]
        if not isinstance(type_, str):
            raise TypeError(f"LLM.type: expected string, got {type(type_).__name__}")

        compliance = src_dict["compliance"]
        if not isinstance(compliance, bool):
            raise TypeError(f"LLM.compliance: expected boolean, got {type(compliance).__name__}")

        description = src_dict["description"]
        if not isinstance(description, str):
            raise TypeError(f"LLM.description: expected string, got {type(description).__name__}")

        project = src_dict.get("project", UNSET)
        if project is UNSET:
            _n_absent += 1
        elif project is not None and not isinstance(project, str):
            raise TypeError(f"LLM.project: expected string, got {type(project).__name__}")

        _llm = _object_new(cls)
        _llm.created_at = created_at
        _llm.id = id
        _llm.name = name
        _llm.type_ = type_
        _llm.compliance = compliance
        _llm.description = description
        _llm.project = project

        _llm.additional_properties = (
            {}
            if len(src_dict) + _n_absent == 7
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _llm

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
_LLM_from_dict = LLM.from_dict
