from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET

T = TypeVar("T", bound="Scenario")

_object_new = object.__new__
_fromisoformat = datetime.datetime.fromisoformat

_KNOWN_KEYS = frozenset(
    {
        "created_at",
        "id",
        "name",
        "project",
        "prompt",
        "human",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class Scenario:
    """The situation the agent plays out."""

    created_at: datetime.datetime
    """ When the scenario was created. """
    id: str
    """ The scenario's unique identifier. """
    name: str
    """ The scenario's name. """
    project: str
    """ The project that owns the scenario. """
    prompt: str
    """ The scenario's prompt. """
    human: None | str = None
    """ The human that owns the scenario. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _absent: int = _attrs_field(init=False, default=1, repr=False, eq=False)
    """Which optional nullable fields the body left out, one bit each (see model_fields_set)."""

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["created_at"] = self.created_at.isoformat()
        field_dict["id"] = self.id
        field_dict["name"] = self.name
        field_dict["project"] = self.project
        field_dict["prompt"] = self.prompt
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
            "created_at",
            "id",
            "name",
            "project",
            "prompt",
        }
        if self.human is not None or not self._absent & 1:
            fields_set.add("human")
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"Scenario: expected object, got {type(src_dict).__name__}")
        _n_absent = 0
        _absent = 0
        created_at = _fromisoformat(src_dict["created_at"])

        id = src_dict["id"]
        if not isinstance(id, str):
            raise TypeError(f"Scenario.id: expected string, got {type(id).__name__}")

        name = src_dict["name"]
        if not isinstance(name, str):
            raise TypeError(f"Scenario.name: expected string, got {type(name).__name__}")

        project = src_dict["project"]
        if not isinstance(project, str):
            raise TypeError(f"Scenario.project: expected string, got {type(project).__name__}")

        prompt = src_dict["prompt"]
        if not isinstance(prompt, str):
            raise TypeError(f"Scenario.prompt: expected string, got {type(prompt).__name__}")

        human = src_dict.get("human", UNSET)
        if human is UNSET:
            human = None
            _n_absent += 1
            _absent += 1
        elif human is not None and not isinstance(human, str):
            raise TypeError(f"Scenario.human: expected string, got {type(human).__name__}")

        _scenario = _object_new(cls)
        _scenario.created_at = created_at
        _scenario.id = id
        _scenario.name = name
        _scenario.project = project
        _scenario.prompt = prompt
        _scenario.human = human
        _scenario._absent = _absent

        _scenario.additional_properties = (
            {}
            if len(src_dict) + _n_absent == 6
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _scenario

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
_Scenario_from_dict = Scenario.from_dict
