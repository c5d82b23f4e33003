from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET

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
    project: None | str = None
    """ The project that owns the LLM, for a project's own LLM. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _absent: int = _attrs_field(init=False, default=1, repr=False, eq=False)
    """Which optional nullable fields the body left out, one bit each (see model_fields_set)."""

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["created_at"] = self.created_at.isoformat()
        field_dict["id"] = self.id
        field_dict["name"] = self.name
        field_dict["type"] = self.type_
        field_dict["compliance"] = self.compliance
        field_dict["description"] = self.description
        if self.project is not None:
            field_dict["project"] = self.project
        elif not self._absent & 1:
            field_dict["project"] = None
        return field_dict

    @property
    def model_fields_set(self) -> frozenset[str]:
        """The names of the fields the response body had, as in pydantic.

        An optional field the body left out reads as None; this tells it apart
        from a null. A field given a value since counts as set; a model built
        by hand counts its optional fields that are not None.
        """
        fields_set: set[str] = {
            "created_at",
            "id",
            "name",
            "type_",
            "compliance",
            "description",
        }
        if self.project is not None or not self._absent & 1:
            fields_set.add("project")
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"LLM: expected object, got {type(src_dict).__name__}")
        _n_absent = 0
        _absent = 0
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
            project = None
            _n_absent += 1
            _absent += 1
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
        _llm._absent = _absent

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
