"""Calls of the facade built from the spec alone: minimal valid values of schemas,
the arguments of any operation's method, and a 200 answer its response schema allows.

Used by the tests that cover every operation of the spec without per-operation test
data (``test_every_operation.py``, and ``test_client_support.OPS`` for operations it
has no hand-written data for).
"""

from __future__ import annotations

import inspect
import json
from importlib import resources
from typing import Any

import httpx

from gabber_client._operations import OPERATIONS, SPEC_OPERATIONS
from gabber_client.resources.realtime import Realtime

SPEC: dict[str, Any] = json.loads(
    resources.files("gabber_client._generated").joinpath("openapi.json").read_text("utf-8")
)
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
SESSION = "rs_1"


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = SCHEMAS[node["$ref"].rsplit("/", 1)[1]]
    return node


def minimal(node: dict[str, Any], depth: int = 0) -> Any:
    """A small valid value of schema ``node``: required fields only; an example,
    else the default, else the first enum value, else a value of the type."""
    node = resolve(node)
    if depth > 20:
        raise ValueError("schema nests too deeply for a minimal value")
    for key in ("anyOf", "oneOf"):
        if key in node:
            alternatives = [a for a in node[key] if a.get("type") != "null"]
            return minimal(alternatives[0], depth + 1)
    if "example" in node:
        return node["example"]
    if "default" in node:
        return node["default"]
    enum = [v for v in node.get("enum", ()) if v is not None]
    if enum:
        return enum[0]
    declared = node.get("type", "object")
    kind = next(k for k in ([declared] if isinstance(declared, str) else declared) if k != "null")
    if kind == "object":
        properties = node.get("properties", {})
        return {k: minimal(properties[k], depth + 1) for k in node.get("required", ())}
    if kind == "array":
        return [minimal(node.get("items", {}), depth + 1)]
    if kind == "string":
        return "2024-05-01T12:00:00+00:00" if node.get("format") == "date-time" else "x"
    return {"integer": 1, "number": 1.5, "boolean": True}[kind]


def call_arguments(operation: str) -> tuple[list[Any], dict[str, Any]]:
    """Positional and keyword arguments for the facade method of ``operation``, read
    from its signature and the spec: every required parameter, nothing else."""
    facts, entry = SPEC_OPERATIONS[operation], OPERATIONS[operation]
    fields: dict[str, Any] = {}
    if facts.request_body is not None:
        body = resolve({"$ref": f"#/components/schemas/{facts.request_body}"})
        if "oneOf" in body:
            body = resolve(body["oneOf"][0])
        properties = body.get("properties", {})
        for wire, name, _, _ in facts.body_fields or ():
            fields[name] = minimal(properties[wire])
        fields[entry.body or "body"] = minimal(
            {"$ref": f"#/components/schemas/{facts.request_body}"}
        )
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for parameter in inspect.signature(getattr(Realtime, entry.method)).parameters.values():
        if parameter.name == "self" or parameter.default is not inspect.Parameter.empty:
            continue
        value = fields.get(parameter.name, SESSION)
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY:
            kwargs[parameter.name] = value
        else:
            args.append(value)
    return args, kwargs


def answer(operation: str) -> httpx.Response:
    """A 200 the spec allows for ``operation``: its response schema's minimal value."""
    response = SPEC_OPERATIONS[operation].response
    if response is None:
        return httpx.Response(200)
    return httpx.Response(200, json=minimal({"$ref": f"#/components/schemas/{response}"}))
