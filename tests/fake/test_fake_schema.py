"""The fake follows the spec's schemas, whatever fields they hold.

* Over a documented lifecycle (start with every optional field, a user message, a
  refused empty text, every other operation of the spec in the operation table's
  order, a paged one walked page by page, end, a 404), every
  optional property of every response schema appears at least once: the test
  walks the schemas of the spec, so a field the spec gains is checked (and, being
  filled from the schema, passes) with no edit.
* Config fields are echoed as sent, whatever their names: a field added to the
  spec (by editing a copy of it, so unknown by construction) is echoed too, and a
  response field added to the spec is produced from its type.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping
from typing import Any, cast

import httpx
import pytest

from gabber_client._generated._spec_facts import ERROR_MESSAGES
from gabber_client._generated._spec_facts import OPERATIONS as SPEC_OPERATIONS
from gabber_client._minimal import deep_merge, minimal_value
from gabber_client._operations import OPERATIONS
from gabber_client.testing import FakeGabber, OperationName, _schema

from .support import BASE_URL, KEY

REF = "#/components/schemas/"
CONFIG_SCHEMA = "RealtimeSessionConfigCreate"
SPEC: dict[str, Any] = json.loads(json.dumps(_schema.spec()))
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]


def _resolve(node: Any) -> tuple[str | None, dict[str, Any]]:
    name = None
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        name = node["$ref"].removeprefix(REF)
        node = SCHEMAS[name]
    return name, node


def maximal(node: Any, stack: tuple[str, ...] = ()) -> Any:
    """A value of schema ``node`` with every optional property and one item per array
    (the first oneOf/anyOf member that is not null)."""
    name, schema = _resolve(node)
    alternatives = schema.get("oneOf") or schema.get("anyOf")
    if alternatives:
        for alternative in alternatives:
            if _resolve(alternative)[1].get("type") != "null":
                return maximal(alternative, stack)
    kinds = schema.get("type", "object" if "properties" in schema else None)
    kinds = [kinds] if isinstance(kinds, str) else [k for k in kinds or () if k != "null"]
    if "array" in kinds:
        return [maximal(schema.get("items", {}), stack)]
    if "object" in kinds and "properties" in schema and name not in stack:
        inner = (*stack, name) if name else stack
        return {key: maximal(prop, inner) for key, prop in schema["properties"].items()}
    return _schema.example(node)


def _walk(node: Any, value: Any, seen: set[tuple[str, str]]) -> None:
    """Record (schema, property) for every non-null property of ``value``."""
    if value is None:
        return
    name, schema = _resolve(node)
    alternatives = schema.get("oneOf") or schema.get("anyOf")
    if alternatives:
        discriminator = schema.get("discriminator")
        if discriminator is not None and isinstance(value, dict):
            target = discriminator["mapping"].get(value.get(discriminator["propertyName"]))
            if target is not None:
                _walk({"$ref": target}, value, seen)
            return
        for alternative in alternatives:
            if _resolve(alternative)[1].get("type") != "null":
                _walk(alternative, value, seen)
        return
    if isinstance(value, dict):
        for key, prop in schema.get("properties", {}).items():
            if value.get(key) is not None:
                seen.add((name or "?", key))
                _walk(prop, value[key], seen)
    elif isinstance(value, list) and "items" in schema:
        for item in value:
            _walk(schema["items"], item, seen)


def _optional_properties(node: Any, found: set[tuple[str, str]], done: set[str]) -> None:
    """Every (schema, optional property) reachable from ``node``, oneOf members too."""
    if isinstance(node, list):
        for item in node:
            _optional_properties(item, found, done)
        return
    if not isinstance(node, dict):
        return
    ref = node.get("$ref")
    if isinstance(ref, str):
        name = ref.removeprefix(REF)
        if name in done:
            return
        done.add(name)
        schema = SCHEMAS[name]
        required = set(schema.get("required", ()))
        found.update((name, key) for key in schema.get("properties", {}) if key not in required)
        _optional_properties(schema, found, done)
        return
    for value in node.values():
        _optional_properties(value, found, done)


def _body_schema(response: dict[str, Any]) -> Any:
    """The JSON body schema of a response object (through ``#/components/responses``)."""
    ref = response.get("$ref")
    if isinstance(ref, str):
        response = SPEC["components"]["responses"][ref.rsplit("/", 1)[1]]
    return response.get("content", {}).get("application/json", {}).get("schema")


def _operation(operation_id: str) -> dict[str, Any]:
    facts = SPEC_OPERATIONS[operation_id]
    operation: dict[str, Any] = SPEC["paths"][facts.path][facts.method.lower()]
    return operation


def _response_schemas() -> list[Any]:
    """Every response body schema of the spec: 200s and error bodies."""
    found = {
        json.dumps(schema, sort_keys=True): schema
        for operation_id in SPEC_OPERATIONS
        for response in _operation(operation_id)["responses"].values()
        if (schema := _body_schema(response)) is not None
    }
    return list(found.values())


class Recorder:
    """Sends requests to the fake and walks every JSON answer against its schema."""

    def __init__(self, fake: FakeGabber) -> None:
        self.fake = fake
        self.http = httpx.Client(
            transport=fake.transport(), base_url=BASE_URL, headers={"x-api-key": KEY}
        )
        self.seen: set[tuple[str, str]] = set()

    def send(self, operation: str, session: str | None = None, **kwargs: Any) -> Any:
        facts = SPEC_OPERATIONS[operation]
        path = facts.path.replace("{session}", session or "")
        response = self.http.request(facts.method, kwargs.pop("url", path), **kwargs)
        declared = _operation(operation)["responses"][str(response.status_code)]
        schema = _body_schema(declared)
        if schema is None:
            return None
        body = response.json()
        _walk(schema, body, self.seen)
        return body

    def pages(self, operation: str, session: str | None = None, **kwargs: Any) -> None:
        page = self.send(operation, session, **kwargs)
        while page.get("next_page"):
            token = page["next_page"]
            if token.startswith("http"):
                page = self.send(operation, session, url=token)
            else:
                page = self.send(operation, session, params={"page": token}, **kwargs)


START = "start_realtime_session"
"""Starts a session: the lifecycle's first operation."""
END = "end_realtime_session"
"""Ends a session: the lifecycle's last, on the first of its two sessions."""
BODY_OVERRIDES: dict[str, dict[str, Any]] = {
    "speak": {"text": "Hello there"},
    "initiate_outbound_call": {
        "source_phone_number": "+14155550100",
        "destination_phone_number": "+14155550199",
    },
    "dtmf": {"digits": [{"digit": "1", "duration": 100}]},
    "attach_human": {"human": "h_2"},
}
"""Per operationId, the values the lifecycle wants over the maximal body."""


def _body(operation: str) -> Any:
    """The maximal body of ``operation``, with its :data:`BODY_OVERRIDES` merged in."""
    body = maximal({"$ref": REF + (SPEC_OPERATIONS[operation].request_body or "")})
    return deep_merge(body, BODY_OVERRIDES.get(operation, {}))


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    fake = FakeGabber(page_size=1)
    rec = Recorder(fake)
    yield rec
    rec.http.close()


def _lifecycle(rec: Recorder) -> None:
    """The documented lifecycle of a session, every operation with every field: two
    sessions started, every other operation of the spec on the second in the
    operation table's order (a paged one walked page by page), the first ended."""
    human = {"x-human-id": "h_1"}
    start = _body(START)
    first = rec.send(START, json=start, headers=human)["session"]["id"]
    sid = rec.send(START, json=start, headers=human)["session"]["id"]
    rec.fake.add_message(sid, "Hi, who is this?", role="user")
    rec.send("speak", sid, json={**_body("speak"), "text": " "})  # a 400: a BadRequest with a type
    for operation, entry in OPERATIONS.items():
        if operation in (START, END):
            continue
        session = sid if "{session}" in SPEC_OPERATIONS[operation].path else None
        if entry.paging != "none":
            rec.pages(operation, session)
        else:
            body = _body(operation) if SPEC_OPERATIONS[operation].request_body else None
            rec.send(operation, session, json=body)
    rec.send(END, first)
    rec.send("get_realtime_session", first)
    rec.send("get_realtime_session", "rs_none")  # a 404: a BadRequest body
    for operation, by_status in ERROR_MESSAGES.items():  # each declared 5xx body
        for status in (s for s in by_status if s.startswith("5")):
            rec.fake.inject_fault(status=int(status), operation=cast(OperationName, operation))
            body = _body(operation) if SPEC_OPERATIONS[operation].request_body else None
            rec.send(operation, first, json=body)


def test_every_optional_response_property_appears_over_a_lifecycle(recorder: Recorder) -> None:
    _lifecycle(recorder)
    optional: set[tuple[str, str]] = set()
    done: set[str] = set()
    for schema in _response_schemas():
        _optional_properties(schema, optional, done)
    assert optional, "the spec's response schemas have optional properties"
    never = sorted(optional - recorder.seen)
    assert not never, "never produced by the fake: " + ", ".join(f"{s}.{p}" for s, p in never)


def test_config_fields_are_echoed_as_sent(recorder: Recorder) -> None:
    start = _body("start_realtime_session")
    session = recorder.send("start_realtime_session", json=start)["session"]
    for part, sent in start["config"].items():
        if part == "generative":
            continue
        assert session["config"][part] == sent, part


# ------------------------------------------- fields the spec gains, by construction
def _unknown_name(schema: dict[str, Any]) -> str:
    """A property name that ``schema`` does not have (it extends all of them)."""
    return "x_" + "_".join(sorted(schema.get("properties", {})))


@pytest.fixture
def edited_spec(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """A copy of the spec the fake reads instead of its own; edit it before use."""
    spec = copy.deepcopy(SPEC)
    monkeypatch.setattr(_schema, "spec", lambda: spec)
    _schema.clear_caches()
    yield spec
    _schema.clear_caches()


def test_a_config_field_the_spec_gains_is_echoed(edited_spec: dict[str, Any]) -> None:
    schemas = edited_spec["components"]["schemas"]
    output = schemas["RealtimeSessionOutputConfig"]
    name = _unknown_name(output)
    output["properties"][name] = {"type": ["number", "null"], "description": "new"}
    fake = FakeGabber()
    session = fake.create_session(minimal_value(CONFIG_SCHEMA, {"output": {name: 1.25}}))
    # ``name`` was added to the spec at runtime: ``SessionJSON`` does not list it.
    echoed: Mapping[str, object] = session["config"]["output"]
    assert echoed[name] == 1.25


def test_a_response_field_the_spec_gains_is_produced(edited_spec: dict[str, Any]) -> None:
    schemas = edited_spec["components"]["schemas"]
    session_schema = schemas["RealtimeSession"]
    name = _unknown_name(session_schema)
    session_schema["properties"][name] = {"type": "string", "format": "date-time"}
    session_schema["required"].append(name)
    optional = _unknown_name(schemas["Voice"])
    schemas["Voice"]["properties"][optional] = {"type": ["string", "null"], "example": "ex"}
    fake = FakeGabber()
    config = minimal_value(CONFIG_SCHEMA, {"generative": {"voice_override": "v_1"}})
    session = fake.create_session(config)
    # ``name`` is a field this test added to the spec at runtime, so ``SessionJSON``
    # does not list it: read the session as the JSON object it is.
    fields: Mapping[str, object] = session
    assert fields[name] == "2024-01-01T00:00:00Z"
    voice: Mapping[str, object] | None = session["config"]["generative"].get("voice_override")
    assert voice is not None
    assert voice[optional] == "ex"


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "string"}, "string"),
        ({"type": ["string", "null"], "format": "uri"}, "https://example.invalid/"),
        ({"type": "integer", "default": 7}, 7),
        ({"type": "number", "example": 1.5, "default": 2}, 1.5),
        ({"type": "boolean"}, False),
        ({"type": "string", "enum": ["b", "a"]}, "b"),
        ({"anyOf": [{"type": "null"}, {"type": "integer"}]}, 0),
        ({"type": "array", "items": {"type": "string"}, "minItems": 2}, ["string", "string"]),
    ],
)
def test_example_values_follow_type_and_format(schema: dict[str, Any], expected: Any) -> None:
    assert _schema.example(schema) == expected
