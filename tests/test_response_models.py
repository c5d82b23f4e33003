"""Response models read naturally; request models keep ``UNSET`` (issue 22, item 4).

generator-templates/model_roles.jinja decides, from the parsed spec, which models
are response models. This test reads the same thing from ``openapi.json`` on its
own (a component schema reachable from an operation's responses and from no
request body) and checks every generated model against it: a response model's
optional fields are ``T | None`` with default ``None`` and it has
``model_fields_set``; any other model keeps ``Unset`` in its optional fields.
"""

from __future__ import annotations

import copy
import json
import pickle
import typing
from importlib import resources
from typing import Any

import attrs
import pytest

from benchmarks._data import full_session
from gabber_client import UNSET, Unset, models
from gabber_client.models import (
    RealtimeSession,
    RealtimeSessionGenerativeConfigUpdate,
    RealtimeSessionTimelineItem,
)

SPEC: dict[str, Any] = json.loads(
    resources.files("gabber_client._generated").joinpath("openapi.json").read_text("utf-8")
)
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]


def _schemas_reached(node: Any, seen: set[str]) -> set[str]:
    """The component schemas ``node`` refers to, at any depth."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            target: Any = SPEC
            for part in ref.removeprefix("#/").split("/"):
                target = target[part]
            name = ref.rsplit("/", 1)[1]
            if ref.startswith("#/components/schemas/") and name not in seen:
                seen.add(name)
                _schemas_reached(target, seen)
            elif not ref.startswith("#/components/schemas/"):
                _schemas_reached(target, seen)
        for value in node.values():
            _schemas_reached(value, seen)
    elif isinstance(node, list):
        for value in node:
            _schemas_reached(value, seen)
    return seen


def _roles() -> tuple[set[str], set[str]]:
    requests: set[str] = set()
    responses: set[str] = set()
    for item in SPEC["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            _schemas_reached(operation.get("requestBody", {}), requests)
            _schemas_reached(operation["responses"], responses)
    return requests, responses


REQUESTS, RESPONSES = _roles()
OBJECT_MODELS = sorted(
    name
    for name, schema in SCHEMAS.items()
    if schema.get("type") == "object" and "properties" in schema
)


def _optional_fields(cls: type[Any]) -> dict[str, Any]:
    """The fields of model ``cls`` its schema does not require (a required field with
    a spec ``default`` has that default in the model, but is not optional)."""
    hints = typing.get_type_hints(cls)
    required = set(SCHEMAS[cls.__name__].get("required", []))
    return {
        field.name: hints[field.name]
        for field in attrs.fields(cls)
        if field.init
        and field.default is not attrs.NOTHING
        and field.name not in required
        and field.name.removesuffix("_") not in required  # ``type_`` is ``type``
    }


def test_the_spec_has_models_of_each_role() -> None:
    """The test below would prove little if the spec had only one kind."""
    assert RESPONSES - REQUESTS
    assert REQUESTS - RESPONSES
    assert REQUESTS & RESPONSES


@pytest.mark.parametrize("name", OBJECT_MODELS)
def test_optional_fields_follow_the_role_the_spec_gives_the_model(name: str) -> None:
    cls = getattr(models, name)
    optional = _optional_fields(cls)
    if name in RESPONSES and name not in REQUESTS:
        for field_name, hint in optional.items():
            assert Unset not in typing.get_args(hint), (name, field_name, hint)
            assert type(None) in typing.get_args(hint), (name, field_name, hint)
        assert isinstance(cls.model_fields_set, property)
        defaults = {field.name: field.default for field in attrs.fields(cls) if field.init}
        assert all(defaults[field_name] is None for field_name in optional)
    else:
        for field_name, hint in optional.items():
            assert Unset in typing.get_args(hint), (name, field_name, hint)
        assert not hasattr(cls, "model_fields_set")


def test_an_absent_field_and_a_null_read_as_none_and_are_told_apart() -> None:
    left_out = RealtimeSessionTimelineItem.from_dict({"seconds": 1.5})
    null = RealtimeSessionTimelineItem.from_dict({"seconds": 1.5, "type": None})
    given = RealtimeSessionTimelineItem.from_dict({"seconds": 1.5, "type": "agent"})
    assert (left_out.type_, null.type_, given.type_) == (None, None, "agent")
    assert left_out.model_fields_set == frozenset({"seconds"})
    assert null.model_fields_set == frozenset({"seconds", "type_"})
    assert given.model_fields_set == frozenset({"seconds", "type_"})
    assert left_out.to_dict() == {"seconds": 1.5}
    assert null.to_dict() == {"seconds": 1.5, "type": None}
    assert RealtimeSessionTimelineItem.from_dict({}).model_fields_set == frozenset()


def test_presence_is_not_part_of_equality_as_in_pydantic() -> None:
    left_out = RealtimeSessionTimelineItem.from_dict({"seconds": 1.5})
    null = RealtimeSessionTimelineItem.from_dict({"seconds": 1.5, "type": None})
    assert left_out == null
    assert "_absent" not in repr(left_out)


def test_a_field_given_a_value_counts_as_set() -> None:
    item = RealtimeSessionTimelineItem.from_dict({"seconds": 1.5})
    item.type_ = "silence"
    assert item.model_fields_set == frozenset({"seconds", "type_"})
    assert item.to_dict() == {"seconds": 1.5, "type": "silence"}
    item.type_ = None  # back to nothing: it was absent, so it is left out again
    assert item.to_dict() == {"seconds": 1.5}


def test_a_model_built_by_hand_counts_the_fields_that_are_not_none() -> None:
    item = RealtimeSessionTimelineItem(seconds=2.0)
    assert item.type_ is None
    assert item.model_fields_set == frozenset({"seconds"})
    assert item.to_dict() == {"seconds": 2.0}
    assert RealtimeSessionTimelineItem(seconds=2.0, type_="agent").model_fields_set == {
        "seconds",
        "type_",
    }


@pytest.mark.parametrize(
    "copier", [copy.copy, copy.deepcopy, lambda m: pickle.loads(pickle.dumps(m))]
)
def test_copies_keep_what_the_body_had(copier: Any) -> None:
    null = RealtimeSessionTimelineItem.from_dict({"type": None})
    assert copier(null).model_fields_set == frozenset({"type_"})
    assert copier(null).to_dict() == {"type": None}


def test_nested_response_models_read_naturally() -> None:
    body = full_session(1)  # in progress: ended_at and _extra are null
    del body["_extra"]
    del body["config"]["generative"]["scenario"]
    session = RealtimeSession.from_dict(body)
    assert (session.ended_at, session.extra) == (None, None)
    assert session.config.generative.scenario is None
    assert "ended_at" in session.model_fields_set
    assert "extra" not in session.model_fields_set
    assert "scenario" not in session.config.generative.model_fields_set
    written = session.to_dict()  # what was left out stays out, null stays null
    assert written.keys() == body.keys()
    assert written["config"]["generative"].keys() == body["config"]["generative"].keys()
    assert written["ended_at"] is None
    # A part of the config that requests share keeps UNSET.
    del body["config"]["general"]["time_limit_s"]
    assert RealtimeSession.from_dict(body).config.general.time_limit_s is UNSET


def test_request_models_keep_unset_to_send_null_or_nothing() -> None:
    generative = RealtimeSessionGenerativeConfigUpdate(persona=None)
    assert generative.voice_override is UNSET
    assert generative.to_dict() == {"persona": None}


def test_underscore_names_map_to_readable_attributes() -> None:
    """``_extra`` is ``extra`` (docs/configs.md, "Attribute names")."""
    fields = {field.name for field in attrs.fields(RealtimeSession)}
    assert "extra" in fields
    assert not {"field_extra", "_extra"} & fields
