from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.persona_gender import PersonaGender
from ..types import UNSET

T = TypeVar("T", bound="Persona")

_object_new = object.__new__
_fromisoformat = datetime.datetime.fromisoformat

_KNOWN_KEYS = frozenset(
    {
        "created_at",
        "description",
        "id",
        "name",
        "project",
        "voice",
        "image_url",
        "human",
        "gender",
        "tags",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class Persona:
    """Who the agent is."""

    created_at: datetime.datetime
    """ When the persona was created. """
    description: str
    """ What the persona is like. """
    id: str
    """ The persona's unique identifier. """
    name: str
    """ The persona's name. """
    project: str
    """ The project that owns the persona. """
    voice: str
    """ The id of the persona's voice. """
    image_url: None | str = None
    """ A picture of the persona. """
    human: None | str = None
    """ The human that owns the persona. """
    gender: None | PersonaGender = None
    """ The persona's gender. """
    tags: list[PersonaTag] | None = None
    """ The persona's tags. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _absent: int = _attrs_field(init=False, default=15, repr=False, eq=False)
    """Which optional nullable fields the body left out, one bit each (see model_fields_set)."""

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["created_at"] = self.created_at.isoformat()
        field_dict["description"] = self.description
        field_dict["id"] = self.id
        field_dict["name"] = self.name
        field_dict["project"] = self.project
        field_dict["voice"] = self.voice
        if self.image_url is not None:
            field_dict["image_url"] = self.image_url
        elif not self._absent & 1:
            field_dict["image_url"] = None
        if self.human is not None:
            field_dict["human"] = self.human
        elif not self._absent & 2:
            field_dict["human"] = None
        if self.gender is not None:
            field_dict["gender"] = self.gender
        elif not self._absent & 4:
            field_dict["gender"] = None
        if self.tags is not None:
            field_dict["tags"] = [item.to_dict() for item in self.tags]
        elif not self._absent & 8:
            field_dict["tags"] = None
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
            "description",
            "id",
            "name",
            "project",
            "voice",
        }
        if self.image_url is not None or not self._absent & 1:
            fields_set.add("image_url")
        if self.human is not None or not self._absent & 2:
            fields_set.add("human")
        if self.gender is not None or not self._absent & 4:
            fields_set.add("gender")
        if self.tags is not None or not self._absent & 8:
            fields_set.add("tags")
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"Persona: expected object, got {type(src_dict).__name__}")
        _n_absent = 0
        _absent = 0
        created_at = _fromisoformat(src_dict["created_at"])

        description = src_dict["description"]
        if not isinstance(description, str):
            raise TypeError(
                f"Persona.description: expected string, got {type(description).__name__}"
            )

        id = src_dict["id"]
        if not isinstance(id, str):
            raise TypeError(f"Persona.id: expected string, got {type(id).__name__}")

        name = src_dict["name"]
        if not isinstance(name, str):
            raise TypeError(f"Persona.name: expected string, got {type(name).__name__}")

        project = src_dict["project"]
        if not isinstance(project, str):
            raise TypeError(f"Persona.project: expected string, got {type(project).__name__}")

        voice = src_dict["voice"]
        if not isinstance(voice, str):
            raise TypeError(f"Persona.voice: expected string, got {type(voice).__name__}")

        image_url = src_dict.get("image_url", UNSET)
        if image_url is UNSET:
            image_url = None
            _n_absent += 1
            _absent += 1
        elif image_url is not None and not isinstance(image_url, str):
            raise TypeError(f"Persona.image_url: expected string, got {type(image_url).__name__}")

        human = src_dict.get("human", UNSET)
        if human is UNSET:
            human = None
            _n_absent += 1
            _absent += 2
        elif human is not None and not isinstance(human, str):
            raise TypeError(f"Persona.human: expected string, got {type(human).__name__}")

        gender = src_dict.get("gender", UNSET)
        if gender is UNSET:
            gender = None
            _n_absent += 1
            _absent += 4
        elif gender is not None and not isinstance(gender, str):
            raise TypeError(f"Expected a string for PersonaGender, got {type(gender).__name__}")

        _tags_json = src_dict.get("tags", UNSET)
        tags: list[PersonaTag] | None
        if _tags_json is UNSET:
            tags = None
            _n_absent += 1
            _absent += 8
        else:
            if _tags_json is None:
                tags = _tags_json
            else:
                if not isinstance(_tags_json, list):
                    raise TypeError(
                        f"Persona.tags: expected array, got {type(_tags_json).__name__}"
                    )
                tags = []
                for _tags_json_item in _tags_json:
                    tags.append(_PersonaTag_from_dict(_tags_json_item))

        _persona = _object_new(cls)
        _persona.created_at = created_at
        _persona.description = description
        _persona.id = id
        _persona.name = name
        _persona.project = project
        _persona.voice = voice
        _persona.image_url = image_url
        _persona.human = human
        _persona.gender = gender
        _persona.tags = tags
        _persona._absent = _absent

        _persona.additional_properties = (
            {}
            if len(src_dict) + _n_absent == 10
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _persona

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
from ..models.persona_tag import PersonaTag

# from_dict of the models this one contains, looked up once (see from_dict).
_Persona_from_dict = Persona.from_dict
_PersonaTag_from_dict = PersonaTag.from_dict
