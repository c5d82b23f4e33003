from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.persona_gender import PersonaGender
from ..types import UNSET, Unset

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
    image_url: None | str | Unset = UNSET
    """ A picture of the persona. """
    human: None | str | Unset = UNSET
    """ The human that owns the persona. """
    gender: None | PersonaGender | Unset = UNSET
    """ The persona's gender. """
    tags: list[PersonaTag] | None | Unset = UNSET
    """ The persona's tags. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        description = self.description

        id = self.id

        name = self.name

        project = self.project

        voice = self.voice

        image_url: None | str | Unset
        if isinstance(self.image_url, Unset):
            image_url = UNSET
        else:
            image_url = self.image_url

        human: None | str | Unset
        if isinstance(self.human, Unset):
            human = UNSET
        else:
            human = self.human

        gender: None | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        elif isinstance(self.gender, str):
            gender = self.gender
        else:
            gender = self.gender

        tags: list[dict[str, Any]] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = []
            for tags_type_0_item_data in self.tags:
                tags_type_0_item = tags_type_0_item_data.to_dict()
                tags.append(tags_type_0_item)

        else:
            tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "description": description,
                "id": id,
                "name": name,
                "project": project,
                "voice": voice,
            }
        )
        if image_url is not UNSET:
            field_dict["image_url"] = image_url
        if human is not UNSET:
            field_dict["human"] = human
        if gender is not UNSET:
            field_dict["gender"] = gender
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"Persona: expected object, got {type(src_dict).__name__}")
        _n_absent = 0
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
            _n_absent += 1
        elif image_url is not None and not isinstance(image_url, str):
            raise TypeError(f"Persona.image_url: expected string, got {type(image_url).__name__}")

        human = src_dict.get("human", UNSET)
        if human is UNSET:
            _n_absent += 1
        elif human is not None and not isinstance(human, str):
            raise TypeError(f"Persona.human: expected string, got {type(human).__name__}")

        gender = src_dict.get("gender", UNSET)
        if gender is UNSET:
            _n_absent += 1
        elif gender is not None and not isinstance(gender, str):
            raise TypeError(f"Expected a string for PersonaGender, got {type(gender).__name__}")

        _tags_json = src_dict.get("tags", UNSET)
        tags: list[PersonaTag] | None | Unset
        if _tags_json is UNSET:
            tags = UNSET
            _n_absent += 1
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
