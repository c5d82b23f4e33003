from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET

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
    service: None | str = None
    """ The speech service behind the voice. """
    model: None | str = None
    """ The speech model behind the voice. """
    voice: None | str = None
    """ The voice's id at its service. """
    embeddings: list[float] | None = None
    """ The voice's embedding vector. """
    cartesia_voice_id: None | str = None
    """ The voice's id at Cartesia. """
    elevenlabs_voice_id: None | str = None
    """ The voice's id at ElevenLabs. """
    project: None | str = None
    """ The project that owns the voice, for a cloned voice. """
    human: None | str = None
    """ The human that owns the voice, for a cloned voice. """
    preview_url: None | str = None
    """ Where to hear a sample of the voice. """
    extra: Extra | None = None
    """ Free-form data for partner integrations. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _absent: int = _attrs_field(init=False, default=1023, repr=False, eq=False)
    """Which optional nullable fields the body left out, one bit each (see model_fields_set)."""

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["created_at"] = self.created_at.isoformat()
        field_dict["id"] = self.id
        field_dict["name"] = self.name
        field_dict["language"] = self.language
        field_dict["pricing"] = self.pricing.to_dict()
        field_dict["tags"] = [item.to_dict() for item in self.tags]
        if self.service is not None:
            field_dict["service"] = self.service
        elif not self._absent & 1:
            field_dict["service"] = None
        if self.model is not None:
            field_dict["model"] = self.model
        elif not self._absent & 2:
            field_dict["model"] = None
        if self.voice is not None:
            field_dict["voice"] = self.voice
        elif not self._absent & 4:
            field_dict["voice"] = None
        if self.embeddings is not None:
            field_dict["embeddings"] = self.embeddings
        elif not self._absent & 8:
            field_dict["embeddings"] = None
        if self.cartesia_voice_id is not None:
            field_dict["cartesia_voice_id"] = self.cartesia_voice_id
        elif not self._absent & 16:
            field_dict["cartesia_voice_id"] = None
        if self.elevenlabs_voice_id is not None:
            field_dict["elevenlabs_voice_id"] = self.elevenlabs_voice_id
        elif not self._absent & 32:
            field_dict["elevenlabs_voice_id"] = None
        if self.project is not None:
            field_dict["project"] = self.project
        elif not self._absent & 64:
            field_dict["project"] = None
        if self.human is not None:
            field_dict["human"] = self.human
        elif not self._absent & 128:
            field_dict["human"] = None
        if self.preview_url is not None:
            field_dict["preview_url"] = self.preview_url
        elif not self._absent & 256:
            field_dict["preview_url"] = None
        if self.extra is not None:
            field_dict["_extra"] = self.extra.to_dict()
        elif not self._absent & 512:
            field_dict["_extra"] = None
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
            "language",
            "pricing",
            "tags",
        }
        if self.service is not None or not self._absent & 1:
            fields_set.add("service")
        if self.model is not None or not self._absent & 2:
            fields_set.add("model")
        if self.voice is not None or not self._absent & 4:
            fields_set.add("voice")
        if self.embeddings is not None or not self._absent & 8:
            fields_set.add("embeddings")
        if self.cartesia_voice_id is not None or not self._absent & 16:
            fields_set.add("cartesia_voice_id")
        if self.elevenlabs_voice_id is not None or not self._absent & 32:
            fields_set.add("elevenlabs_voice_id")
        if self.project is not None or not self._absent & 64:
            fields_set.add("project")
        if self.human is not None or not self._absent & 128:
            fields_set.add("human")
        if self.preview_url is not None or not self._absent & 256:
            fields_set.add("preview_url")
        if self.extra is not None or not self._absent & 512:
            fields_set.add("extra")
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"Voice: expected object, got {type(src_dict).__name__}")
        _n_absent = 0
        _absent = 0
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
            service = None
            _n_absent += 1
            _absent += 1
        elif service is not None and not isinstance(service, str):
            raise TypeError(f"Voice.service: expected string, got {type(service).__name__}")

        model = src_dict.get("model", UNSET)
        if model is UNSET:
            model = None
            _n_absent += 1
            _absent += 2
        elif model is not None and not isinstance(model, str):
            raise TypeError(f"Voice.model: expected string, got {type(model).__name__}")

        voice = src_dict.get("voice", UNSET)
        if voice is UNSET:
            voice = None
            _n_absent += 1
            _absent += 4
        elif voice is not None and not isinstance(voice, str):
            raise TypeError(f"Voice.voice: expected string, got {type(voice).__name__}")

        _embeddings_json = src_dict.get("embeddings", UNSET)
        embeddings: list[float] | None
        if _embeddings_json is UNSET:
            embeddings = None
            _n_absent += 1
            _absent += 8
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
            cartesia_voice_id = None
            _n_absent += 1
            _absent += 16
        elif cartesia_voice_id is not None and not isinstance(cartesia_voice_id, str):
            raise TypeError(
                f"Voice.cartesia_voice_id: expected string, got {type(cartesia_voice_id).__name__}"
            )

        elevenlabs_voice_id = src_dict.get("elevenlabs_voice_id", UNSET)
        if elevenlabs_voice_id is UNSET:
            elevenlabs_voice_id = None
            _n_absent += 1
            _absent += 32
        elif elevenlabs_voice_id is not None and not isinstance(elevenlabs_voice_id, str):
            raise TypeError(
                f"Voice.elevenlabs_voice_id: expected string, got {type(elevenlabs_voice_id).__name__}"
            )

        project = src_dict.get("project", UNSET)
        if project is UNSET:
            project = None
            _n_absent += 1
            _absent += 64
        elif project is not None and not isinstance(project, str):
            raise TypeError(f"Voice.project: expected string, got {type(project).__name__}")

        human = src_dict.get("human", UNSET)
        if human is UNSET:
            human = None
            _n_absent += 1
            _absent += 128
        elif human is not None and not isinstance(human, str):
            raise TypeError(f"Voice.human: expected string, got {type(human).__name__}")

        preview_url = src_dict.get("preview_url", UNSET)
        if preview_url is UNSET:
            preview_url = None
            _n_absent += 1
            _absent += 256
        elif preview_url is not None and not isinstance(preview_url, str):
            raise TypeError(f"Voice.preview_url: expected string, got {type(preview_url).__name__}")

        _extra_json = src_dict.get("_extra", UNSET)
        extra: Extra | None
        if _extra_json is UNSET:
            extra = None
            _n_absent += 1
            _absent += 512
        else:
            if _extra_json is None:
                extra = _extra_json
            else:
                extra = _Extra_from_dict(_extra_json)

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
        _voice.extra = extra
        _voice._absent = _absent

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
