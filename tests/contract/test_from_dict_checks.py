"""The generated ``from_dict`` refuses exactly the values openapi.yaml refuses.

``from_dict`` checks each field's JSON type as it reads it
(``generator-templates/checked_construct.jinja``); the facade relies on that
alone to reject a malformed 2xx body. This suite proves the checks complete and
no stricter than the spec, against an independent validator: jsonschema-rs
(Draft 2020-12, formats on) on the inlined component schema, with one
adjustment the client makes on purpose: an enum of two or more values accepts
any string (forward compatibility; single-value enums, the oneOf tags, stay
strict).

For every object schema, a *maximal* instance (every optional property present
and non-null, one item in each array; each alternative of a oneOf in turn) has
each of its values, at every depth, removed or replaced by a stand-in of every
JSON type. ``from_dict`` must raise exactly when the validator finds an error.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import jsonschema_rs
import pytest

from ._openapi import load_spec
from ._schemas import ModelTarget, inlined, model_target, ref_name

pytestmark = pytest.mark.contract

SCHEMAS: dict[str, Any] = load_spec()["components"]["schemas"]
OBJECT_SCHEMAS = sorted(
    name
    for name, schema in SCHEMAS.items()
    if isinstance(model_target(name, SCHEMAS), ModelTarget) and "oneOf" not in schema
)

STAND_INS: list[Any] = [
    None,
    True,
    0,
    -7,
    1.5,
    "",
    "x",
    "2024-05-08T00:05:19Z",
    [],
    ["x"],
    [1.5],
    [{}],
    {},
    {"type": "text"},
]
"""Every JSON type, a date-time and a string that is not one, arrays and objects."""

_DATE_TIME = "2024-05-08T00:05:19.007000+00:00"


def _forward_compatible(schema: Any) -> Any:
    """``schema`` with every enum of two or more values widened to any string."""
    if isinstance(schema, list):
        return [_forward_compatible(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    result = {}
    for key, value in schema.items():
        if key == "enum" and len(value) > 1:
            continue
        if key == "properties":
            result[key] = {name: _forward_compatible(sub) for name, sub in value.items()}
        else:
            result[key] = _forward_compatible(value)
    return result


def _maximal(schema: Any, variant: int) -> Any:
    """A value of ``schema`` with every property present and non-null; the
    ``variant``-th alternative of each oneOf (modulo their number)."""
    if "$ref" in schema:
        return _maximal(SCHEMAS[ref_name(schema["$ref"])], variant)
    if "enum" in schema:
        return schema["enum"][0]
    for keyword in ("oneOf", "anyOf"):
        if keyword in schema:
            alternatives = [a for a in schema[keyword] if a.get("type") != "null"]
            return _maximal(alternatives[variant % len(alternatives)], variant)
    declared = schema.get("type", "object")
    kinds = [k for k in (declared if isinstance(declared, list) else [declared]) if k != "null"]
    kind = kinds[0]
    if kind == "object":
        properties = schema.get("properties", {})
        if not properties:  # free-form
            return {"note": "free-form", "count": 1}
        return {name: _maximal(sub, variant) for name, sub in properties.items()}
    if kind == "array":
        return [_maximal(schema["items"], variant)]
    if kind == "string":
        return _DATE_TIME if schema.get("format") == "date-time" else "x"
    return {"integer": 3, "number": 2.5, "boolean": True}[kind]


Path = tuple[str | int, ...]


def _paths(value: Any, prefix: Path = ()) -> Iterator[Path]:
    """Every path to a value inside ``value`` (the root excluded)."""
    if isinstance(value, dict):
        items: list[tuple[str | int, Any]] = list(value.items())
    elif isinstance(value, list):
        items = list(enumerate(value))
    else:
        return
    for key, item in items:
        yield (*prefix, key)
        yield from _paths(item, (*prefix, key))


def _mutations(value: Any) -> Iterator[tuple[str, Any]]:
    """(description, mutated copy) for every path of ``value`` and every stand-in."""
    for path in _paths(value):
        for index, stand_in in enumerate([*STAND_INS, _REMOVE]):
            copy = json.loads(json.dumps(value))
            parent = copy
            for step in path[:-1]:
                parent = parent[step]
            if stand_in is _REMOVE:
                del parent[path[-1]]
                what = "removed"
            else:
                parent[path[-1]] = stand_in
                what = f"= {STAND_INS[index]!r}"
            yield f"{'.'.join(map(str, path))} {what}", copy


_REMOVE = object()


def _refused(model: type, value: Any) -> str | None:
    try:
        model.from_dict(value)  # type: ignore[attr-defined]
    except (TypeError, ValueError, KeyError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


@pytest.mark.parametrize("variant", [0, 1])
@pytest.mark.parametrize("name", OBJECT_SCHEMAS)
def test_from_dict_refuses_exactly_what_the_spec_refuses(name: str, variant: int) -> None:
    target = model_target(name, SCHEMAS)
    assert isinstance(target, ModelTarget)
    (model,) = target.classes.values()
    validator = jsonschema_rs.Draft202012Validator(
        _forward_compatible(inlined(SCHEMAS[name], SCHEMAS)), validate_formats=True
    )
    maximal = _maximal(SCHEMAS[name], variant)
    assert validator.is_valid(maximal), "the maximal instance itself must conform"
    assert _refused(model, maximal) is None

    disagreements = []
    refused = total = 0
    for what, mutated in _mutations(maximal):
        total += 1
        spec_ok = validator.is_valid(mutated)
        client = _refused(model, mutated)
        refused += client is not None
        if spec_ok != (client is None):
            spec = "accepts" if spec_ok else "refuses"
            disagreements.append(f"{what}: the spec {spec}, from_dict gives {client!r}")
    assert not disagreements, f"{len(disagreements)} of {total}:\n" + "\n".join(disagreements[:15])
    if SCHEMAS[name].get("properties"):
        assert refused > 0
    else:  # free-form (Extra): anything inside goes
        assert refused == 0


@pytest.mark.parametrize("name", OBJECT_SCHEMAS)
def test_from_dict_refuses_a_body_that_is_not_an_object(name: str) -> None:
    target = model_target(name, SCHEMAS)
    assert isinstance(target, ModelTarget)
    (model,) = target.classes.values()
    for value in ([], [["id", "x"]], "x", 1, None):
        assert _refused(model, value) is not None, value


def test_the_stand_ins_cover_every_json_type() -> None:
    kinds = {type(v).__name__ for v in STAND_INS}
    assert kinds == {"NoneType", "bool", "int", "float", "str", "list", "dict"}


def test_the_suite_covers_every_object_schema() -> None:
    """Each object schema is tested itself, or is a oneOf member tested by its own name."""
    with_properties = {n for n, s in SCHEMAS.items() if s.get("properties")}
    assert with_properties <= set(OBJECT_SCHEMAS)
