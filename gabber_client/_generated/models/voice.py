from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Voice")

_object_new = object.__new__
_fromisoformat = datetime.datetime.fromisoformat

_KNOWN_KEYS = frozenset(
    {
        "created_at",
        "id",
        "name",
        "language",
        "pricing",
        "tags",
        "service",
        "model",
        "voice",
        "embeddings",
        "cartesia_voice_id",
        "elevenlabs_voice_id",
        "project",
        "human",
        "preview_url",
        "_extra",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


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
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"Voice: expected object, got {type(src_dict).__name__}")
        _n_absent = 0
        created_at = _fromisoformat(src_dict["created_at"])

        id = src_dict["id"]
        if not isinstance(id, str):
            raise TypeError(f"Voice.id: expected string, got {type(id).__name__}")

        name = src_dict["name"]
        if not isinstance(name, str):
            raise TypeError(f"Voice.name: expected string, got {type(name).__name__}")

        language = src_dict["language"]
        if not isinstance(language, str):
            raise TypeError(f"Voice.language: expected string, got {type(language).__name__}")

        pricing = _VoicePricing_from_dict(src_dict["pricing"])

        _tags_json = src_dict["tags"]
        if not isinstance(_tags_json, list):
            raise TypeError(f"Voice.tags: expected array, got {type(_tags_json).__name__}")
        tags: list[VoiceTag] = []
        for _tags_json_item in _tags_json:
            tags.append(_VoiceTag_from_dict(_tags_json_item))

        service = src_dict.get("service", UNSET)
        if service is UNSET:
            _n_absent += 1
        elif service is not None and not isinstance(service, str):
            raise TypeError(f"Voice.service: expected string, got {type(service).__name__}")

        model = src_dict.get("model", UNSET)
        if model is UNSET:
            _n_absent += 1
        elif model is not None and not isinstance(model, str):
            raise TypeError(f"Voice.model: expected string, got {type(model).__name__}")

        voice = src_dict.get("voice", UNSET)
        if voice is UNSET:
            _n_absent += 1
        elif voice is not None and not isinstance(voice, str):
            raise TypeError(f"Voice.voice: expected string, got {type(voice).__name__}")

        _embeddings_json = src_dict.get("embeddings", UNSET)
        embeddings: list[float] | None | Unset
        if _embeddings_json is UNSET:
            embeddings = UNSET
            _n_absent += 1
        else:
            if _embeddings_json is None:
                embeddings = _embeddings_json
            else:
                if not isinstance(_embeddings_json, list):
                    raise TypeError(
                        f"Voice.embeddings: expected array, got {type(_embeddings_json).__name__}"
                    )
                for _embeddings_json_item in _embeddings_json:
                    if not (
                        isinstance(_embeddings_json_item, (int, float))
                        and not isinstance(_embeddings_json_item, bool)
                    ):
                        raise TypeError(
                            f"Voice.embeddings[]: expected number, got {type(_embeddings_json_item).__name__}"
                        )
                embeddings = _embeddings_json

        cartesia_voice_id = src_dict.get("cartesia_voice_id", UNSET)
        if cartesia_voice_id is UNSET:
            _n_absent += 1
        elif cartesia_voice_id is not None and not isinstance(cartesia_voice_id, str):
            raise TypeError(
                f"Voice.cartesia_voice_id: expected string, got {type(cartesia_voice_id).__name__}"
            )

        elevenlabs_voice_id = src_dict.get("elevenlabs_voice_id", UNSET)
        if elevenlabs_voice_id is UNSET:
            _n_absent += 1
        elif elevenlabs_voice_id is not None and not isinstance(elevenlabs_voice_id, str):
            raise TypeError(
                f"Voice.elevenlabs_voice_id: expected string, got {type(elevenlabs_voice_id).__name__}"
            )

        project = src_dict.get("project", UNSET)
        if project is UNSET:
            _n_absent += 1
        elif project is not None and not isinstance(project, str):
            raise TypeError(f"Voice.project: expected string, got {type(project).__name__}")

        human = src_dict.get("human", UNSET)
        if human is UNSET:
            _n_absent += 1
        elif human is not None and not isinstance(human, str):
            raise TypeError(f"Voice.human: expected string, got {type(human).__name__}")

        preview_url = src_dict.get("preview_url", UNSET)
        if preview_url is UNSET:
            _n_absent += 1
        elif preview_url is not None and not isinstance(preview_url, str):
            raise TypeError(f"Voice.preview_url: expected string, got {type(preview_url).__name__}")

        _field_extra_json = src_dict.get("_extra", UNSET)
        field_extra: Extra | None | Unset
        if _field_extra_json is UNSET:
            field_extra = UNSET
            _n_absent += 1
        else:
            if _field_extra_json is None:
                field_extra = _field_extra_json
            else:
                field_extra = _Extra_from_dict(_field_extra_json)

        _voice = _object_new(cls)
        _voice.created_at = created_at
        _voice.id = id
        _voice.name = name
        _voice.language = language
        _voice.pricing = pricing
        _voice.tags = tags
        _voice.service = service
        _voice.model = model
        _voice.voice = voice
        _voice.embeddings = embeddings
        _voice.cartesia_voice_id = cartesia_voice_id
        _voice.elevenlabs_voice_id = elevenlabs_voice_id
        _voice.project = project
        _voice.human = human
        _voice.preview_url = preview_url
        _voice.field_extra = field_extra

        _voice.additional_properties = (
            {}
            if len(src_dict) + _n_absent == 16
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
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

# from_dict of the models this one contains, looked up once (see from_dict).
_Voice_from_dict = Voice.from_dict
_Extra_from_dict = Extra.from_dict
_VoicePricing_from_dict = VoicePricing.from_dict
_VoiceTag_from_dict = VoiceTag.from_dict
