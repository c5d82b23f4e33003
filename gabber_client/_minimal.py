"""Minimal valid request values, built from the spec's schemas.

Whatever needs "some valid config" without a user to write one (the fake's
default session, the CLI's ``gabber sessions start``, the test fixtures) builds
it here, from ``_generated/openapi.json`` (the JSON copy of openapi.yaml), so
that a field made required upstream is filled with no hand edit:

* an object holds its **required** fields only;
* a field's value is its **default**, else its **example**, else one made from
  its type (the first ``enum`` value or ``const``; the first non-null member of
  a ``oneOf``/``anyOf``; ``minItems`` items; ``minimum``; ``minLength``
  characters; a value of the ``format``).

Read once, on first use; nothing here runs on import.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Mapping
from typing import Any, Final

__all__ = ["deep_merge", "minimal_value", "request_body_schema"]

_REF: Final = "#/components/schemas/"
_FORMATS: Final[Mapping[str, str]] = {
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "time": "00:00:00Z",
    "uri": "https://example.invalid/",
    "url": "https://example.invalid/",
    "email": "user@example.invalid",
    "uuid": "00000000-0000-4000-8000-000000000000",
}
_MAX_DEPTH: Final = 32


@functools.cache
def _spec() -> dict[str, Any]:
    from importlib import resources

    text = resources.files("gabber_client._generated").joinpath("openapi.json").read_text("utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def _schemas() -> dict[str, Any]:
    schemas: dict[str, Any] = _spec()["components"]["schemas"]
    return schemas


def _resolve(node: Any) -> dict[str, Any]:
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        node = _schemas()[node["$ref"].removeprefix(_REF)]
    return node if isinstance(node, dict) else {}


def request_body_schema(operation: str) -> str | None:
    """The component schema of ``operation``'s JSON request body, if it takes one."""
    for item in _spec()["paths"].values():
        for entry in item.values():
            if isinstance(entry, dict) and entry.get("operationId") == operation:
                body = entry.get("requestBody", {})
                schema = body.get("content", {}).get("application/json", {}).get("schema", {})
                ref = schema.get("$ref")
                return ref.removeprefix(_REF) if isinstance(ref, str) else None
    raise KeyError(f"no operation {operation!r} in the spec")


def _given(node: Mapping[str, Any]) -> tuple[bool, Any]:
    """(found, value): the node's non-null ``default``, else its ``example``."""
    default = node.get("default")
    if default is not None:
        return True, copy.deepcopy(default)
    if "example" in node:
        return True, copy.deepcopy(node["example"])
    examples = node.get("examples")
    if isinstance(examples, list) and examples:
        return True, copy.deepcopy(examples[0])
    return False, None


def _types(schema: Mapping[str, Any]) -> list[str]:
    kind = schema.get("type")
    if kind is None:
        return ["object"] if "properties" in schema else []
    return [kind] if isinstance(kind, str) else list(kind)


def _value(node: Any, depth: int) -> Any:
    if depth > _MAX_DEPTH:
        raise ValueError("the schema nests too deep to build a minimal value")
    for source in (node, _resolve(node)):
        found, value = _given(source)
        if found:
            return value
    schema = _resolve(node)
    if "const" in schema:
        return copy.deepcopy(schema["const"])
    enum = [value for value in schema.get("enum", ()) if value is not None]
    if enum:
        return enum[0]
    alternatives = schema.get("oneOf") or schema.get("anyOf")
    if alternatives:
        for alternative in alternatives:
            if _types(_resolve(alternative)) != ["null"]:
                return _value(alternative, depth + 1)
        return None
    types = [kind for kind in _types(schema) if kind != "null"]
    if not types:
        return None if _types(schema) == ["null"] else {}
    kind = types[0]
    if kind == "object":
        properties: dict[str, Any] = schema.get("properties", {})
        return {
            key: _value(properties.get(key, {}), depth + 1) for key in schema.get("required", ())
        }
    if kind == "array":
        return [
            _value(schema.get("items", {}), depth + 1) for _ in range(schema.get("minItems", 0))
        ]
    if kind == "string":
        text = _FORMATS.get(schema.get("format", ""), "string")
        return text.ljust(int(schema.get("minLength", 0)), "x")
    if kind == "boolean":
        return False
    minimum = schema.get("minimum")
    if kind == "integer":
        return 0 if minimum is None else int(minimum)
    return 0.0 if minimum is None else float(minimum)


def minimal_value(schema: str, overrides: Mapping[str, Any] | None = None) -> Any:
    """A minimal valid value of component schema ``schema`` (see the module's
    docstring), with ``overrides`` deep-merged over it (see :func:`deep_merge`).

    ``minimal_value("RealtimeSessionConfigCreate", {"generative": {"llm": "my-llm"}})``
    is a config to start a session with, whatever fields the spec requires.
    """
    if schema not in _schemas():
        raise KeyError(f"no schema {schema!r} in the spec")
    value = _value({"$ref": _REF + schema}, 0)
    return value if overrides is None else deep_merge(value, overrides)


def deep_merge(base: Any, overrides: Mapping[str, Any]) -> Any:
    """``base`` with ``overrides`` merged in: an object in both is merged key by key,
    anything else in ``overrides`` replaces (a copy of) ``base``'s value."""
    if not isinstance(base, dict):
        return copy.deepcopy(dict(overrides))
    out = dict(base)
    for key, value in overrides.items():
        current = out.get(key)
        if isinstance(current, dict) and isinstance(value, Mapping):
            out[key] = deep_merge(current, value)
        else:
            out[key] = copy.deepcopy(value)
    return out
