"""Values built from the spec's schemas: minimal valid request values, and the
one value builder the fake fills responses with.

Whatever needs "some valid config" without a user to write one (the fake's
default session, the CLI's ``gabber sessions start``, the test fixtures) builds
it here, from ``_generated/openapi.json`` (the JSON copy of openapi.yaml), so
that a field made required upstream is filled with no hand edit:

* an object holds its **required** fields only;
* a field's value is its **default**, else its **example**, else one made from
  its type (the first ``enum`` value or ``const``; the first non-null member of
  a ``oneOf``/``anyOf``; ``minItems`` items; ``minimum``; ``minLength``
  characters; a value of the ``format``).

:func:`build_value` is that walk, with the order of example and default and the
optional fields to include as parameters (the fake fills responses with it).
Read once, on first use; nothing here runs on import.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Callable, Mapping
from typing import Any, Final

__all__ = ["build_value", "deep_merge", "minimal_value", "spec"]

REF: Final = "#/components/schemas/"
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
def spec() -> dict[str, Any]:
    """openapi.yaml, as the JSON copy the package ships."""
    from importlib import resources

    text = resources.files("gabber_client._generated").joinpath("openapi.json").read_text("utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def ref_name(node: Any) -> str | None:
    """The component schema ``node`` refers to (``$ref``), if it is a reference."""
    ref = node.get("$ref") if isinstance(node, dict) else None
    return ref.removeprefix(REF) if isinstance(ref, str) and ref.startswith(REF) else None


def resolve(node: Any, schemas: Mapping[str, Any]) -> tuple[str | None, dict[str, Any]]:
    """(schema name or None, the schema) of ``node``, following ``$ref``s into ``schemas``."""
    name = None
    while (ref := ref_name(node)) is not None:
        name, node = ref, schemas[ref]
    return name, node if isinstance(node, dict) else {}


def schema_types(schema: Mapping[str, Any]) -> list[str]:
    """The JSON types ``schema`` allows (``object`` for one with properties and no type)."""
    kind = schema.get("type")
    if kind is None:
        return ["object"] if "properties" in schema else []
    return [kind] if isinstance(kind, str) else list(kind)


def _given(node: Mapping[str, Any], example_first: bool) -> list[Any]:
    """The node's non-null ``default`` and its ``example`` (or first ``examples``), in
    the order asked for; empty when it has neither."""
    default = [node["default"]] if node.get("default") is not None else []
    examples = node.get("examples")
    example = [node["example"]] if "example" in node else []
    if not example and isinstance(examples, list):
        example = examples[:1]
    return example + default if example_first else default + example


def build_value(
    node: Any,
    schemas: Mapping[str, Any],
    *,
    example_first: bool = False,
    optional: Callable[[str | None, str], bool] | None = None,
    stack: tuple[str, ...] = (),
) -> Any:
    """A value of schema ``node`` (its ``$ref``s read from ``schemas``): its default,
    else its example (the other way round with ``example_first``), else one made from
    its type (see the module's docstring); never null when a non-null type is allowed.
    An object holds its required properties, and the optional ones for which
    ``optional(schema name or None, property)`` is true, except inside a schema that
    contains itself (``stack``)."""
    if len(stack) > _MAX_DEPTH:
        raise ValueError("the schema nests too deep to build a value")
    schema_name, schema = resolve(node, schemas)
    for source in (node, schema):
        given = _given(source, example_first)
        if given:
            return copy.deepcopy(given[0])
    inner = (*stack, schema_name or "")
    build = functools.partial(
        build_value, schemas=schemas, example_first=example_first, optional=optional
    )
    if "const" in schema:
        return copy.deepcopy(schema["const"])
    enum = [value for value in schema.get("enum", ()) if value is not None]
    if enum:
        return enum[0]
    for alternative in schema.get("oneOf") or schema.get("anyOf") or ():
        if schema_types(resolve(alternative, schemas)[1]) != ["null"]:
            return build(alternative, stack=stack)
    types = [kind for kind in schema_types(schema) if kind != "null"]
    kind = types[0] if types else "null"
    if kind == "object":
        required = schema.get("required", ())
        properties: dict[str, Any] = schema.get("properties", {})
        recursive = schema_name is not None and schema_name in stack
        keys = list(required)  # in the order of required, as the client reports them
        if optional is not None:
            keys = [
                key
                for key in properties
                if key in required or (not recursive and optional(schema_name, key))
            ]
        return {key: build(properties.get(key, {}), stack=inner) for key in keys}
    if kind == "array":
        count = int(schema.get("minItems", 0))
        return [build(schema.get("items", {}), stack=inner) for _ in range(count)]
    if kind == "string":
        text = _FORMATS.get(schema.get("format", ""), "string")
        return text.ljust(int(schema.get("minLength", 0)), "x")
    minimum = schema.get("minimum")
    if kind == "integer":
        return 0 if minimum is None else int(minimum)
    if kind == "number":
        return 0.0 if minimum is None else float(minimum)
    return False if kind == "boolean" else None


def minimal_value(schema: str, overrides: Mapping[str, Any] | None = None) -> Any:
    """A minimal valid value of component schema ``schema`` (see the module's
    docstring), with ``overrides`` deep-merged over it (see :func:`deep_merge`).

    ``minimal_value("RealtimeSessionConfigCreate", {"generative": {"llm": "my-llm"}})``
    is a config to start a session with, whatever fields the spec requires.
    """
    schemas = spec()["components"]["schemas"]
    if schema not in schemas:
        raise KeyError(f"no schema {schema!r} in the spec")
    value = build_value({"$ref": REF + schema}, schemas)
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
