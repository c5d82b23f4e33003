"""The fake follows openapi.yaml's schemas: config echo, defaults, and filling.

Read from ``gabber_client/_generated/openapi.json`` (the JSON copy of openapi.yaml
that ``make generate`` writes), once, on first use:

* :func:`echo` copies the fields of a config part that its schema declares, as
  sent (whatever their names), over the schema's defaults;
* :func:`fill` completes a response body as Prism does: a field the fake has no
  behaviour for (not in :data:`MANAGED`) and that is absent gets the schema's
  ``example``, else its ``default``, else a value made from its type and format.
  So a field the spec gains is produced with no edit to the fake.

Schemas that requests and responses share (the ``general``, ``input`` and
``output`` parts of a config, ``Extra``) are echoes of what was sent: their
absent optional fields stay absent.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Mapping
from importlib import resources
from typing import Any, Final

from gabber_client._generated._spec_facts import OPERATIONS as SPEC_OPERATIONS

__all__ = ["MANAGED", "echo", "example", "fill", "fill_response", "spec"]

_REF: Final = "#/components/schemas/"

MANAGED: Final[Mapping[str, frozenset[str]]] = {
    "RealtimeSession": frozenset({"ended_at", "human", "_extra"}),
    "RealtimeSessionGenerativeConfig": frozenset(
        {"voice_override", "persona", "scenario", "_extra"}
    ),
    "ContextMessage": frozenset({"speaking_started_at", "speaking_ended_at"}),
    "Context": frozenset({"human"}),
}
"""Optional response fields the fake has behaviour for, which it leaves out on
purpose (a session not ended has no ``ended_at``; a message of the system has no
speaking times). Any other absent optional field is filled from the schema."""

_FORMATS: Final[Mapping[str, str]] = {
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "time": "00:00:00Z",
    "uri": "https://example.invalid/",
    "url": "https://example.invalid/",
    "email": "user@example.invalid",
    "uuid": "00000000-0000-4000-8000-000000000000",
}
_BY_TYPE: Final[Mapping[str, Any]] = {
    "string": "string",
    "integer": 0,
    "number": 0.0,
    "boolean": False,
}


@functools.cache
def spec() -> dict[str, Any]:
    """openapi.yaml, as the JSON copy the package ships."""
    text = (
        resources.files("gabber_client._generated")
        .joinpath("openapi.json")
        .read_text(encoding="utf-8")
    )
    document: dict[str, Any] = json.loads(text)
    return document


def _schemas() -> dict[str, Any]:
    schemas: dict[str, Any] = spec()["components"]["schemas"]
    return schemas


def _name(node: Any) -> str | None:
    ref = node.get("$ref") if isinstance(node, dict) else None
    return ref.removeprefix(_REF) if isinstance(ref, str) and ref.startswith(_REF) else None


def _resolve(node: Any) -> tuple[str | None, dict[str, Any]]:
    """(schema name or None, the schema) of ``node``, following ``$ref``s."""
    name = None
    while (ref := _name(node)) is not None:
        name, node = ref, _schemas()[ref]
    return name, node


def _refs(node: Any, found: set[str]) -> None:
    """Add every schema reachable from ``node`` to ``found``."""
    if isinstance(node, list):
        for item in node:
            _refs(item, found)
    elif isinstance(node, dict):
        name = _name(node)
        if name is not None:
            if name not in found:
                found.add(name)
                _refs(_schemas()[name], found)
            return
        for value in node.values():
            _refs(value, found)


@functools.cache
def _echo_schemas() -> frozenset[str]:
    """Schemas reachable from both a request body and a response body."""
    requests: set[str] = set()
    responses: set[str] = set()
    for facts in SPEC_OPERATIONS.values():
        if facts.request_body is not None:
            _refs({"$ref": _REF + facts.request_body}, requests)
        if facts.response is not None:
            _refs({"$ref": _REF + facts.response}, responses)
    return frozenset(requests & responses)


def _types(schema: Mapping[str, Any]) -> list[str]:
    kind = schema.get("type")
    if kind is None:
        return ["object"] if "properties" in schema else []
    return [kind] if isinstance(kind, str) else list(kind)


def _fits(value: Any, kind: str) -> bool:
    if kind == "null":
        return value is None
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    python = {"string": str, "object": dict, "array": list}.get(kind)
    return python is not None and isinstance(value, python)


def example(node: Any, name: str = "", stack: tuple[str, ...] = ()) -> Any:
    """A value for schema ``node``: its ``example``, else its ``default``, else one made
    from its type and format (never null when a non-null type is allowed)."""
    for source in (node, _resolve(node)[1]):
        if "example" in source:
            return copy.deepcopy(source["example"])
        examples = source.get("examples")
        if isinstance(examples, list) and examples:
            return copy.deepcopy(examples[0])
        if "default" in source:
            return copy.deepcopy(source["default"])
    schema_name, schema = _resolve(node)
    if "const" in schema:
        return copy.deepcopy(schema["const"])
    enum = [value for value in schema.get("enum", ()) if value is not None]
    if enum:
        return enum[0]
    alternatives = schema.get("oneOf") or schema.get("anyOf")
    if alternatives:
        for alternative in alternatives:
            if _resolve(alternative)[1].get("type") != "null":
                return example(alternative, name, stack)
        return None
    types = [kind for kind in _types(schema) if kind != "null"]
    if not types:
        return None
    kind = types[0]
    if kind == "string":
        return _FORMATS.get(schema.get("format", ""), "string")
    if kind in _BY_TYPE:
        minimum = schema.get("minimum")
        return _BY_TYPE[kind] if minimum is None else minimum
    if kind == "array":
        count = int(schema.get("minItems", 0))
        return [example(schema.get("items", {}), name, stack) for _ in range(count)]
    # an object
    recursive = schema_name is not None and schema_name in stack
    inner = (*stack, schema_name) if schema_name is not None else stack
    required = set(schema.get("required", ()))
    managed = MANAGED.get(schema_name or "", frozenset())
    return {
        key: example(prop, key, inner)
        for key, prop in schema.get("properties", {}).items()
        if key in required or (not recursive and key not in managed)
    }


def fill(node: Any, value: Any) -> Any:
    """``value`` (JSON, changed in place where it is an object) completed from schema
    ``node``: absent required fields, and absent optional fields that are neither
    :data:`MANAGED` nor echoed, get :func:`example` values."""
    if value is None:
        return None
    schema_name, schema = _resolve(node)
    alternatives = schema.get("oneOf") or schema.get("anyOf")
    if alternatives:
        discriminator = schema.get("discriminator")
        if discriminator is not None and isinstance(value, dict):
            target = discriminator.get("mapping", {}).get(value.get(discriminator["propertyName"]))
            return value if target is None else fill({"$ref": target}, value)
        for alternative in alternatives:
            types = _types(_resolve(alternative)[1])
            if any(_fits(value, kind) for kind in types) or (not types and isinstance(value, dict)):
                return fill(alternative, value)
        return value
    if isinstance(value, dict):
        properties: dict[str, Any] = schema.get("properties", {})
        if not properties:
            return value
        required = schema.get("required", ())
        echoed = schema_name in _echo_schemas()
        managed = MANAGED.get(schema_name or "", frozenset())
        for key, prop in properties.items():
            if key in value:
                value[key] = fill(prop, value[key])
            elif key in required or not (echoed or key in managed):
                value[key] = example(prop, key, (schema_name,) if schema_name else ())
        return value
    if isinstance(value, list):
        items = schema.get("items")
        if items is not None:
            return [fill(items, item) for item in value]
    return value


def fill_response(operation: str, document: Any) -> Any:
    """The 200 body ``document`` of ``operation`` completed by :func:`fill`."""
    response = SPEC_OPERATIONS[operation].response
    return document if response is None else fill({"$ref": _REF + response}, document)


def echo(schema_name: str, part: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of ``part`` that schema ``schema_name`` declares, as sent (``null``
    meaning "not set"), over the schema's defaults. A float with an integral value
    sent for an integer field is stored as an int (the schema allows ``30.0``)."""
    properties: dict[str, Any] = _schemas()[schema_name].get("properties", {})
    out: dict[str, Any] = {}
    for key, value in part.items():
        if key not in properties or value is None:
            continue
        integral = isinstance(value, float) and value.is_integer()
        if integral and "integer" in _types(_resolve(properties[key])[1]):
            value = int(value)
        out[key] = value
    for key, prop in properties.items():
        if key not in out and prop.get("default") is not None:
            out[key] = copy.deepcopy(prop["default"])
    return out
