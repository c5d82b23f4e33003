from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Voice")


@_attrs_define
class Voice:
    """A voice the agent speaks with."""

    created_at: datetime.datetime
    """ When the voice was created. """
    id: str
    """ The voice's unique identifier. """
    name: str
    """ The voice's name. """
    language: str
    """ The voice's language. """
    pricing: VoicePricing
    """ What the voice costs. """
    tags: list[VoiceTag]
    """ The voice's tags. """
    service: None | str | Unset = UNSET
    """ The speech service behind the voice. """
    model: None | str | Unset = UNSET
    """ The speech model behind the voice. """
    voice: None | str | Unset = UNSET
    """ The voice's id at its service. """
    embeddings: list[float] | None | Unset = UNSET
    """ The voice's embedding vector. """
    cartesia_voice_id: None | str | Unset = UNSET
    """ The voice's id at Cartesia. """
    elevenlabs_voice_id: None | str | Unset = UNSET
    """ The voice's id at ElevenLabs. """
    project: None | str | Unset = UNSET
    """ The project that owns the voice, for a cloned voice. """
    human: None | str | Unset = UNSET
    """ The human that owns the voice, for a cloned voice. """
    preview_url: None | str | Unset = UNSET
    """ Where to hear a sample of the voice. """
    field_extra: Extra | None | Unset = UNSET
    """ Free-form data for partner integrations. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        name = self.name

        language = self.language

        pricing = self.pricing.to_dict()

        tags = []
        for tags_item_data in self.tags:
            tags_item = tags_item_data.to_dict()
            tags.append(tags_item)

        service: None | str | Unset
        if isinstance(self.service, Unset):
            service = UNSET
        else:
            service = self.service

        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        else:
            model = self.model

        voice: None | str | Unset
        if isinstance(self.voice, Unset):
            voice = UNSET
        else:
            voice = self.voice

        embeddings: list[float] | None | Unset
        if isinstance(self.embeddings, Unset):
            embeddings = UNSET
        elif isinstance(self.embeddings, list):
            embeddings = self.embeddings

        else:
            embeddings = self.embeddings

        cartesia_voice_id: None | str | Unset
        if isinstance(self.cartesia_voice_id, Unset):
            cartesia_voice_id = UNSET
        else:
            cartesia_voice_id = self.cartesia_voice_id

        elevenlabs_voice_id: None | str | Unset
        if isinstance(self.elevenlabs_voice_id, Unset):
            elevenlabs_voice_id = UNSET
        else:
            elevenlabs_voice_id = self.elevenlabs_voice_id

        project: None | str | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        else:
            project = self.project

        human: None | str | Unset
        if isinstance(self.human, Unset):
            human = UNSET
        else:
            human = self.human

        preview_url: None | str | Unset
        if isinstance(self.preview_url, Unset):
            preview_url = UNSET
        else:
            preview_url = self.preview_url

        field_extra: dict[str, Any] | None | Unset
        if isinstance(self.field_extra, Unset):
            field_extra = UNSET
        elif isinstance(self.field_extra, Extra):
            field_extra = self.field_extra.to_dict()
        else:
            field_extra = self.field_extra

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "name": name,
                "language": language,
                "pricing": pricing,
                "tags": tags,
            }
        )
        if service is not UNSET:
            field_dict["service"] = service
        if model is not UNSET:
            field_dict["model"] = model
        if voice is not UNSET:
            field_dict["voice"] = voice
        if embeddings is not UNSET:
            field_dict["embeddings"] = embeddings
        if cartesia_voice_id is not UNSET:
            field_dict["cartesia_voice_id"] = cartesia_voice_id
        if elevenlabs_voice_id is not UNSET:
            field_dict["elevenlabs_voice_id"] = elevenlabs_voice_id
        if project is not UNSET:
            field_dict["project"] = project
        if human is not UNSET:
            field_dict["human"] = human
        if preview_url is not UNSET:
            field_dict["preview_url"] = preview_url
        if field_extra is not UNSET:
            field_dict["_extra"] = field_extra

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        name = d.pop("name")

        language = d.pop("language")

        pricing = VoicePricing.from_dict(d.pop("pricing"))

        tags = []
        _tags = d.pop("tags")
        for tags_item_data in _tags:
            tags_item = VoiceTag.from_dict(tags_item_data)

            tags.append(tags_item)

        service: None | str | Unset = d.pop("service", UNSET)

        model: None | str | Unset = d.pop("model", UNSET)

        voice: None | str | Unset = d.pop("voice", UNSET)

        def _parse_embeddings(data: object) -> list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                embeddings_type_0 = cast(list[float], data)

                return embeddings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None | Unset, data)

        embeddings = _parse_embeddings(d.pop("embeddings", UNSET))

        cartesia_voice_id: None | str | Unset = d.pop("cartesia_voice_id", UNSET)

        elevenlabs_voice_id: None | str | Unset = d.pop("elevenlabs_voice_id", UNSET)

        project: None | str | Unset = d.pop("project", UNSET)

        human: None | str | Unset = d.pop("human", UNSET)

        preview_url: None | str | Unset = d.pop("preview_url", UNSET)

        def _parse_field_extra(data: object) -> Extra | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                field_extra_type_0 = Extra.from_dict(data)

                return field_extra_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Extra | None | Unset, data)

        field_extra = _parse_field_extra(d.pop("_extra", UNSET))

        _voice = cls(
            created_at=created_at,
            id=id,
            name=name,
            language=language,
            pricing=pricing,
            tags=tags,
            service=service,
            model=model,
            voice=voice,
            embeddings=embeddings,
            cartesia_voice_id=cartesia_voice_id,
            elevenlabs_voice_id=elevenlabs_voice_id,
            project=project,
            human=human,
            preview_url=preview_url,
            field_extra=field_extra,
        )

        _voice.additional_properties = d
        return _voice

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
from ..models.extra import Extra
from ..models.voice_pricing import VoicePricing
from ..models.voice_tag import VoiceTag
