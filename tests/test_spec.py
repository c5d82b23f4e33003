"""openapi.yaml: valid OpenAPI 3.1, and shaped the way the generator, the facade and
the fake rely on.

Nothing here copies the spec: every check walks it, so a field, enum value, schema
or operation the spec gains is checked with no edit here. What the API looks like
is shown by the generated ``api.md`` (checked by ``make check-drift``), whose diff
reviewers read when the spec changes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from gabber_client._constants import DEFAULT_BASE_URL
from gabber_client._generated._spec_facts import OPERATIONS as SPEC_OPERATIONS

ROOT = Path(__file__).resolve().parent.parent
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def _resolve(node: Any) -> Any:
    """Follow local $refs."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = SPEC
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in SPEC["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def _properties() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for name, schema in SCHEMAS.items():
        for prop, node in schema.get("properties", {}).items():
            yield name, prop, node


def test_spec_is_valid_openapi_3_1() -> None:
    assert SPEC["openapi"].startswith("3.1")
    validate(SPEC)


def test_the_default_base_url_is_the_specs_server() -> None:
    assert DEFAULT_BASE_URL in [server["url"] for server in SPEC["servers"]]
    assert SPEC["info"]["description"].strip()


def test_every_reference_resolves() -> None:
    for ref in set(_refs(SPEC)):
        assert ref.startswith("#/"), ref
        _resolve({"$ref": ref})  # KeyError names a dangling reference


def test_the_spec_facts_are_the_specs_operations() -> None:
    """``_generated/_spec_facts.py`` lists exactly the spec's operations (drift-checked too)."""
    found = {op["operationId"]: (method.upper(), path) for path, method, op in _operations()}
    assert found == {op: (f.method, f.path) for op, f in SPEC_OPERATIONS.items()}


@pytest.mark.parametrize("operation_id", sorted(SPEC_OPERATIONS))
def test_operation_is_well_formed(operation_id: str) -> None:
    facts = SPEC_OPERATIONS[operation_id]
    op = SPEC["paths"][facts.path][facts.method.lower()]
    assert op.get("summary"), "a summary"
    assert op.get("description"), "a description"
    assert op["security"], "every operation says which credentials it takes"
    schemes = SPEC["components"]["securitySchemes"]
    for requirement in op["security"]:
        assert set(requirement) <= set(schemes)
    params = [_resolve(p) for p in op.get("parameters", [])]
    in_path = {p["name"] for p in params if p["in"] == "path"}
    template = {part[1:-1] for part in facts.path.split("/") if part.startswith("{")}
    assert in_path == template, "every path parameter is declared"
    assert all(p["required"] for p in params if p["in"] == "path")
    assert not any(p.get("required") for p in params if p["in"] != "path"), (
        "headers and query parameters are optional (the facade's keyword arguments)"
    )
    if "requestBody" in op:
        assert op["requestBody"]["required"] is True
        schema = op["requestBody"]["content"]["application/json"]["schema"]
        assert schema["$ref"].startswith("#/components/schemas/"), "a named request body"
    responses = {code: _resolve(r) for code, r in op["responses"].items()}
    assert "200" in responses
    content = responses["200"].get("content")
    if content is not None:
        assert content["application/json"]["schema"]["$ref"].startswith("#/components/schemas/")
    for code, response in responses.items():
        if code.startswith("4"):
            schema = response["content"]["application/json"]["schema"]
            assert _resolve(schema) is SCHEMAS["BadRequest"], f"{code}: a BadRequest body"


@pytest.mark.parametrize("union", sorted(n for n, s in SCHEMAS.items() if "oneOf" in s))
def test_one_ofs_are_discriminated_by_a_tag(union: str) -> None:
    """The generator's templates read oneOf members by their discriminator tag."""
    schema = SCHEMAS[union]
    tag = schema["discriminator"]["propertyName"]
    mapping = schema["discriminator"]["mapping"]
    assert sorted(mapping.values()) == sorted(alt["$ref"] for alt in schema["oneOf"])
    for value, ref in mapping.items():
        member = _resolve({"$ref": ref})
        assert tag in member["required"]
        assert member["properties"][tag]["enum"] == [value]


@pytest.mark.parametrize(
    ("schema", "prop"), [(s, p) for s, p, _ in _properties()], ids=lambda v: str(v)
)
def test_every_property_is_described(schema: str, prop: str) -> None:
    node = SCHEMAS[schema]["properties"][prop]
    assert "description" in node or "$ref" in node, f"{schema}.{prop} has no description"


def test_required_properties_exist() -> None:
    for name, schema in SCHEMAS.items():
        missing = set(schema.get("required", ())) - set(schema.get("properties", {}))
        assert not missing, f"{name} requires undeclared {sorted(missing)}"


def _json_types(node: dict[str, Any]) -> set[str]:
    kind = node.get("type")
    return {kind} if isinstance(kind, str) else set(kind or ())


@pytest.mark.parametrize(
    ("schema", "prop"),
    [(s, p) for s, p, node in _properties() if "default" in node],
    ids=lambda v: str(v),
)
def test_defaults_fit_their_type(schema: str, prop: str) -> None:
    node = SCHEMAS[schema]["properties"][prop]
    value = node["default"]
    python: dict[str, type | tuple[type, ...]] = {
        "boolean": bool,
        "string": str,
        "integer": int,
        "number": (int, float),
    }
    fits = [python[t] for t in _json_types(node) if t in python]
    assert any(isinstance(value, t) for t in fits), f"{schema}.{prop}: default {value!r}"


def test_the_json_copy_is_the_spec() -> None:
    text = (ROOT / "gabber_client" / "_generated" / "openapi.json").read_text(encoding="utf-8")
    assert json.loads(text) == SPEC
