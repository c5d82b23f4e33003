from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.persona_gender import PersonaGender, check_persona_gender
from ..types import UNSET, Unset

T = TypeVar("T", bound="Persona")


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
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        id = d.pop("id")

        name = d.pop("name")

        project = d.pop("project")

        voice = d.pop("voice")

        image_url: None | str | Unset = d.pop("image_url", UNSET)

        human: None | str | Unset = d.pop("human", UNSET)

        def _parse_gender(data: object) -> None | PersonaGender | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_type_0 = check_persona_gender(data)

                return gender_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonaGender | Unset, data)

        gender = _parse_gender(d.pop("gender", UNSET))

        def _parse_tags(data: object) -> list[PersonaTag] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = []
                _tags_type_0 = data
                for tags_type_0_item_data in _tags_type_0:
                    tags_type_0_item = PersonaTag.from_dict(tags_type_0_item_data)

                    tags_type_0.append(tags_type_0_item)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PersonaTag] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        _persona = cls(
            created_at=created_at,
            description=description,
            id=id,
            name=name,
            project=project,
            voice=voice,
            image_url=image_url,
            human=human,
            gender=gender,
            tags=tags,
        )

        _persona.additional_properties = d
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
