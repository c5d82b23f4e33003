"""The generated ``from_dict`` reads the body without copying it (no per-model dict
copy, no pops; ``generator-templates/model.py.jinja``) and still gives each model
its own ``additional_properties``: exactly the keys it does not know, never the
caller's dict, never a dict shared with another model."""

from __future__ import annotations

import copy
import json
from types import MappingProxyType
from typing import Any

import pytest

from benchmarks._data import full_session
from gabber_client.models import (
    Extra,
    RealtimeSession,
    ToolDefinitionCallSettings,
    ToolDefinitionCallSettingsDestinationClientApp,
    ToolDefinitionCallSettingsDestinationWebRequest,
    VoiceTag,
)


def _body() -> dict[str, Any]:
    body: dict[str, Any] = json.loads(json.dumps(full_session(3)))
    return body


def test_from_dict_leaves_its_input_unchanged() -> None:
    body = _body()
    body["x_future"] = {"nested": [1, 2]}
    body["config"]["generative"]["llm"]["x_other"] = "kept"
    before = copy.deepcopy(body)
    RealtimeSession.from_dict(body)
    assert body == before


def test_known_keys_only_give_empty_additional_properties_of_their_own() -> None:
    first = RealtimeSession.from_dict(_body())
    second = RealtimeSession.from_dict(_body())
    assert first.additional_properties == {}
    assert first.config.additional_properties == {}
    assert first.additional_properties is not second.additional_properties
    first["x_added"] = 1
    assert "x_added" not in second
    assert second.additional_properties == {}


def test_unknown_keys_and_only_they_go_to_additional_properties() -> None:
    body = _body()
    body["x_future"] = {"nested": [1, 2]}
    body["config"]["generative"]["llm"]["x_other"] = "kept"
    session = RealtimeSession.from_dict(body)
    assert session.additional_properties == {"x_future": {"nested": [1, 2]}}
    assert session.config.generative.llm.additional_properties == {"x_other": "kept"}
    # a new dict: changing it leaves the body alone, and the reverse
    session.additional_properties["x_more"] = 2
    assert "x_more" not in body
    body["x_late"] = 3
    assert "x_late" not in session
    assert session.to_dict()["x_future"] == {"nested": [1, 2]}
    assert session.to_dict()["config"]["generative"]["llm"]["x_other"] == "kept"


def test_any_mapping_is_read_the_same_as_a_dict() -> None:
    tag = VoiceTag.from_dict(MappingProxyType({"name": "warm", "human_name": "Warm", "x": 1}))
    assert (tag.name, tag.human_name, tag.additional_properties) == ("warm", "Warm", {"x": 1})
    plain = VoiceTag.from_dict(MappingProxyType({"name": "warm", "human_name": "Warm"}))
    assert plain.additional_properties == {}
    assert type(plain.additional_properties) is dict


def test_a_free_form_object_keeps_a_copy_of_every_key() -> None:
    source = {"a": 1, "b": [2]}
    extra = Extra.from_dict(source)
    assert extra.additional_properties == source
    assert extra.additional_properties is not source


def test_a_missing_required_key_still_raises_and_names_it() -> None:
    body = _body()
    del body["project"]
    with pytest.raises(KeyError, match="project"):
        RealtimeSession.from_dict(body)


# A oneOf of models tagged by a single-value ``type`` is read by the member the tag
# names (no try-each-and-catch); any other body is refused as before.


def test_a_tagged_union_reads_the_member_its_tag_names() -> None:
    web = {"type": "web_request", "url": "https://tools.example/book", "method": "POST"}
    app = {"type": "client_app"}
    for destination, model in (
        (web, ToolDefinitionCallSettingsDestinationWebRequest),
        (app, ToolDefinitionCallSettingsDestinationClientApp),
    ):
        settings = ToolDefinitionCallSettings.from_dict({"id": "cs_1", "destination": destination})
        assert type(settings.destination) is model
        assert settings.to_dict()["destination"]["type"] == destination["type"]


@pytest.mark.parametrize(
    "destination",
    [
        {"type": "carrier_pigeon"},
        {"type": "web_request"},  # required fields missing
        {"type": "web_request", "url": 5, "method": "POST"},
        {"url": "https://tools.example/book", "method": "POST"},  # no tag
        ["client_app"],
        None,
    ],
)
def test_a_tagged_union_refuses_what_no_member_accepts(destination: object) -> None:
    with pytest.raises((TypeError, ValueError, KeyError)):
        ToolDefinitionCallSettings.from_dict({"id": "cs_1", "destination": destination})
