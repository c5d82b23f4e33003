"""The component schemas of openapi.yaml as self-contained JSON Schemas, data drawn
from them, and the generated code each one maps to.

* :func:`inlined` resolves every ``#/components/schemas/...`` reference in place
  (the spec has no recursive schemas), so hypothesis-jsonschema and jsonschema see
  one standalone schema.
* :func:`instances` draws values from it with a JSON Schema -> Hypothesis engine,
  with one restriction: ``format: date-time`` strings are drawn in the canonical
  form ``datetime.isoformat()`` writes (timezone-aware, whole-minute offsets). The
  generated models parse date-times with ``fromisoformat`` and write them back with
  ``isoformat()``, which normalises every other spelling of the same instant
  (``Z`` becomes ``+00:00``, ``.5`` becomes ``.500000``); restricting the strategy
  keeps the round trip's equality exact instead of loosening it.

  The engine is Schemathesis' own (``schemathesis.generation.jsonschema``, pinned
  with schemathesis 4.32.5), not hypothesis-jsonschema: hypothesis-jsonschema
  0.23.1 cannot draw any object under the pinned hypothesis 6.170.17
  (``AttributeError: 'many' object has no attribute 'more'`` in
  ``from_object_schema``: hypothesis changed ``conjecture.utils.many``).
* :func:`minimal_instance` is the smallest conforming value of a schema (required
  properties only, first enum value, first alternative): canned responses built
  from the spec rather than written by hand.
* :func:`model_target` names what the generator made of a schema: an attrs class,
  the classes of a ``oneOf``'s members, or an enum's check function and values.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

import jsonschema_rs
from hypothesis import strategies as st
from openapi_python_client.strings import snake_case
from schemathesis.generation.jsonschema.builder import build

from gabber_client._generated import models

__all__ = [
    "EnumTarget",
    "ModelTarget",
    "bounded",
    "canonical_date_times",
    "free_form_values",
    "inlined",
    "instances",
    "minimal_instance",
    "model_target",
    "ref_name",
]

_REF_PREFIX = "#/components/schemas/"
_MINIMAL_DATE_TIME = "2024-01-01T00:00:00+00:00"


def ref_name(ref: str) -> str:
    """``"Voice"`` for ``"#/components/schemas/Voice"``."""
    if not ref.startswith(_REF_PREFIX):
        raise ValueError(f"not a component schema reference: {ref!r}")
    return ref[len(_REF_PREFIX) :]


def inlined(schema: Any, schemas: Mapping[str, Any]) -> Any:
    """``schema`` with every component reference replaced by the (inlined) schema it
    names, and ``discriminator`` dropped (JSON Schema does not know it; the ``oneOf``
    beside it says the same)."""
    if isinstance(schema, list):
        return [inlined(s, schemas) for s in schema]
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        return inlined(schemas[ref_name(schema["$ref"])], schemas)
    result: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "discriminator":
            continue
        if key == "properties":  # property names are not keywords ("$ref", "format")
            result[key] = {name: inlined(sub, schemas) for name, sub in value.items()}
        else:
            result[key] = inlined(value, schemas)
    return result


def canonical_date_times() -> st.SearchStrategy[str]:
    """RFC 3339 date-times spelt exactly as ``datetime.isoformat()`` spells them."""
    offsets = st.integers(min_value=-(23 * 60 + 59), max_value=23 * 60 + 59).map(
        lambda minutes: datetime.timezone(datetime.timedelta(minutes=minutes))
    )
    return st.datetimes(timezones=offsets).map(lambda moment: moment.isoformat())


_SCALARS: dict[str, Any] = {"type": ["string", "integer", "number", "boolean", "null"]}
_SMALL_JSON: dict[str, Any] = {
    "anyOf": [
        _SCALARS,
        {"type": "array", "items": _SCALARS, "maxItems": 3},
        {"type": "object", "additionalProperties": _SCALARS, "maxProperties": 3},
    ]
}
_MAX_ITEMS = 2


def bounded(schema: Any) -> Any:
    """``schema`` (inlined) with the *size* of its values bounded, never their shape:
    arrays get at most 2 items, undeclared properties of an object hold scalars, and
    free-form objects (``additionalProperties: true``) hold scalars, short arrays or
    small objects. Every value of the result conforms to ``schema``; drawing deep
    free-form JSON at every level made large schemas take minutes."""
    if isinstance(schema, list):
        return [bounded(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    result: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "properties":
            result[key] = {name: bounded(sub) for name, sub in value.items()}
        elif key in ("enum", "required"):
            result[key] = value
        else:
            result[key] = bounded(value)
    kinds = schema.get("type", [])
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if "object" in kinds or "properties" in schema:
        extra = schema.get("additionalProperties")
        if extra is None:
            result["additionalProperties"] = _SCALARS
        elif extra is True:
            result["additionalProperties"] = _SMALL_JSON
    if "array" in kinds and "maxItems" not in schema:
        result["maxItems"] = _MAX_ITEMS
    return result


def instances(schema: Mapping[str, Any], schemas: Mapping[str, Any]) -> st.SearchStrategy[Any]:
    """Values conforming to ``schema`` (references resolved against ``schemas``), of
    bounded size (see :func:`bounded`)."""
    return build(
        bounded(inlined(dict(schema), schemas)),
        draft=jsonschema_rs.Draft202012,
        formats={"date-time": canonical_date_times()},
    )


def free_form_values() -> st.SearchStrategy[Any]:
    """Values for an undeclared property: scalars, short arrays, small objects."""
    return build(_SMALL_JSON, draft=jsonschema_rs.Draft202012, formats={})


def minimal_instance(schema: Any, schemas: Mapping[str, Any]) -> Any:
    """The smallest value conforming to ``schema``: required properties only, the first
    enum value, the first alternative, empty arrays, ``""``/``0``/``False``."""
    if "$ref" in schema:
        return minimal_instance(schemas[ref_name(schema["$ref"])], schemas)
    if "enum" in schema:
        return schema["enum"][0]
    for keyword in ("oneOf", "anyOf"):
        if keyword in schema:
            return minimal_instance(schema[keyword][0], schemas)
    declared = schema.get("type", "object")
    kind = declared[0] if isinstance(declared, list) else declared
    if kind == "object":
        properties = schema.get("properties", {})
        return {
            name: minimal_instance(properties[name], schemas) for name in schema.get("required", [])
        }
    simple: dict[str, Any] = {
        "array": [],
        "integer": 0,
        "number": 0,
        "boolean": False,
        "null": None,
    }
    if kind == "string":
        return _MINIMAL_DATE_TIME if schema.get("format") == "date-time" else "x"
    return simple[kind]


@dataclass(frozen=True)
class ModelTarget:
    """An object schema (or the member schemas of a ``oneOf``), as generated classes."""

    classes: Mapping[str, type]
    """Component schema name -> generated attrs class (one entry for an object)."""
    discriminator: str | None = None
    """For a ``oneOf``, the property naming the member."""
    mapping: Mapping[str, str] | None = None
    """For a ``oneOf``, discriminator value -> member schema name."""

    def class_for(self, value: Mapping[str, Any]) -> type:
        """The class that must read ``value``."""
        if self.discriminator is None or self.mapping is None:
            (only,) = self.classes.values()
            return only
        return self.classes[self.mapping[value[self.discriminator]]]


@dataclass(frozen=True)
class EnumTarget:
    """An enum-only schema: a type alias with a check function and the known values."""

    check: Callable[[Any], Any]
    values: Collection[str]


def _generated(name: str) -> type:
    value = getattr(models, name)
    assert isinstance(value, type), f"{name} is not a generated class"
    return value


def model_target(name: str, schemas: Mapping[str, Any]) -> ModelTarget | EnumTarget:
    """What ``gabber_client._generated.models`` holds for component schema ``name``."""
    schema = schemas[name]
    if "oneOf" in schema:
        members = [ref_name(m["$ref"]) for m in schema["oneOf"]]
        discriminator = schema["discriminator"]
        return ModelTarget(
            classes={member: _generated(member) for member in members},
            discriminator=discriminator["propertyName"],
            mapping={tag: ref_name(ref) for tag, ref in discriminator["mapping"].items()},
        )
    if "enum" in schema:
        snake = snake_case(name)
        module = importlib.import_module(f"{models.__name__}.{snake}")
        return EnumTarget(
            check=getattr(module, f"check_{snake}"),
            values=getattr(module, f"{snake.upper()}_VALUES"),
        )
    return ModelTarget(classes={name: _generated(name)})
