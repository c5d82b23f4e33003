from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Voice")

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
        _created_at_json = src_dict["created_at"]
        created_at = datetime.datetime.fromisoformat(_created_at_json)

        id = src_dict["id"]
        if not isinstance(id, str):
            raise TypeError(f"Voice.id: expected string, got {type(id).__name__}")

        name = src_dict["name"]
        if not isinstance(name, str):
            raise TypeError(f"Voice.name: expected string, got {type(name).__name__}")

        language = src_dict["language"]
        if not isinstance(language, str):
            raise TypeError(f"Voice.language: expected string, got {type(language).__name__}")

        _pricing_json = src_dict["pricing"]
        pricing = VoicePricing.from_dict(_pricing_json)

        _tags_json = src_dict["tags"]
        if not isinstance(_tags_json, list):
            raise TypeError(f"Voice.tags: expected array, got {type(_tags_json).__name__}")
        tags = [VoiceTag.from_dict(_tags_json_item) for _tags_json_item in _tags_json]

        _service_json = src_dict.get("service", UNSET)
        service: None | str | Unset
        if _service_json is None or _service_json is UNSET:
            service = _service_json
        else:
            if not isinstance(_service_json, str):
                raise TypeError(
                    f"Voice.service: expected string, got {type(_service_json).__name__}"
                )
            service = _service_json

        _model_json = src_dict.get("model", UNSET)
        model: None | str | Unset
        if _model_json is None or _model_json is UNSET:
            model = _model_json
        else:
            if not isinstance(_model_json, str):
                raise TypeError(f"Voice.model: expected string, got {type(_model_json).__name__}")
            model = _model_json

        _voice_json = src_dict.get("voice", UNSET)
        voice: None | str | Unset
        if _voice_json is None or _voice_json is UNSET:
            voice = _voice_json
        else:
            if not isinstance(_voice_json, str):
                raise TypeError(f"Voice.voice: expected string, got {type(_voice_json).__name__}")
            voice = _voice_json

        _embeddings_json = src_dict.get("embeddings", UNSET)
        embeddings: list[float] | None | Unset
        if _embeddings_json is None or _embeddings_json is UNSET:
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

        _cartesia_voice_id_json = src_dict.get("cartesia_voice_id", UNSET)
        cartesia_voice_id: None | str | Unset
        if _cartesia_voice_id_json is None or _cartesia_voice_id_json is UNSET:
            cartesia_voice_id = _cartesia_voice_id_json
        else:
            if not isinstance(_cartesia_voice_id_json, str):
                raise TypeError(
                    f"Voice.cartesia_voice_id: expected string, got {type(_cartesia_voice_id_json).__name__}"
                )
            cartesia_voice_id = _cartesia_voice_id_json

        _elevenlabs_voice_id_json = src_dict.get("elevenlabs_voice_id", UNSET)
        elevenlabs_voice_id: None | str | Unset
        if _elevenlabs_voice_id_json is None or _elevenlabs_voice_id_json is UNSET:
            elevenlabs_voice_id = _elevenlabs_voice_id_json
        else:
            if not isinstance(_elevenlabs_voice_id_json, str):
                raise TypeError(
                    f"Voice.elevenlabs_voice_id: expected string, got {type(_elevenlabs_voice_id_json).__name__}"
                )
            elevenlabs_voice_id = _elevenlabs_voice_id_json

        _project_json = src_dict.get("project", UNSET)
        project: None | str | Unset
        if _project_json is None or _project_json is UNSET:
            project = _project_json
        else:
            if not isinstance(_project_json, str):
                raise TypeError(
                    f"Voice.project: expected string, got {type(_project_json).__name__}"
                )
            project = _project_json

        _human_json = src_dict.get("human", UNSET)
        human: None | str | Unset
        if _human_json is None or _human_json is UNSET:
            human = _human_json
        else:
            if not isinstance(_human_json, str):
                raise TypeError(f"Voice.human: expected string, got {type(_human_json).__name__}")
            human = _human_json

        _preview_url_json = src_dict.get("preview_url", UNSET)
        preview_url: None | str | Unset
        if _preview_url_json is None or _preview_url_json is UNSET:
            preview_url = _preview_url_json
        else:
            if not isinstance(_preview_url_json, str):
                raise TypeError(
                    f"Voice.preview_url: expected string, got {type(_preview_url_json).__name__}"
                )
            preview_url = _preview_url_json

        _field_extra_json = src_dict.get("_extra", UNSET)
        field_extra: Extra | None | Unset
        if _field_extra_json is None or _field_extra_json is UNSET:
            field_extra = _field_extra_json
        else:
            field_extra = Extra.from_dict(_field_extra_json)

        _voice = object.__new__(cls)
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
            if _KNOWN_KEYS.issuperset(src_dict)
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
