"""Checks on user input, done before anything is sent.

Dict configs are checked against the component schemas of the openapi.yaml the
package was generated from (shipped as ``_generated/openapi.json``). The checker
is a small subset of JSON Schema — exactly the keywords that spec uses — because
the runtime dependencies are kept to httpx and attrs. It is stricter than the
spec in one way: a key the schema does not list is an error (a typo such as
``time_limit`` for ``time_limit_s`` would otherwise be sent and ignored), except
in free-form objects (``_extra``, tool-call arguments).

2xx bodies are checked too (:func:`response_problem`), leniently: the types and
required fields of the spec, but unknown fields and enum values pass, since the
server may add them.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from datetime import datetime
from importlib import resources
from typing import Any

from .errors import InvalidArgumentError

_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list, tuple),
    "null": (type(None),),
}


@functools.cache
def _schemas() -> dict[str, Any]:
    text = resources.files("gabber_client._generated").joinpath("openapi.json").read_text("utf-8")
    schemas: dict[str, Any] = json.loads(text)["components"]["schemas"]
    return schemas


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if ref is None:
        return schema
    return _resolve(_schemas()[ref.rsplit("/", 1)[1]])


def _type_name(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _errors(
    value: Any, schema: dict[str, Any], path: str, *, lenient: bool = False
) -> list[tuple[str, str]]:
    """Every (path, problem) of ``value`` against ``schema``; empty when it conforms.
    ``lenient`` accepts unknown fields and enum values (for responses)."""
    schema = _resolve(schema)
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if alternatives is not None:
        discriminator = schema.get("discriminator")
        if discriminator is not None and isinstance(value, dict):
            tag = value.get(discriminator["propertyName"])
            mapping = discriminator["mapping"]
            if not isinstance(tag, str) or tag not in mapping:
                prop = f"{path}.{discriminator['propertyName']}"
                return [(prop, f"must be one of {sorted(mapping)}, got {tag!r}")]
            return _errors(value, {"$ref": mapping[tag]}, path, lenient=lenient)
        found: list[tuple[str, str]] = []
        for alternative in alternatives:
            alternative_problems = _errors(value, alternative, path, lenient=lenient)
            if not alternative_problems:
                return []
            found = found or alternative_problems
        # Report the first alternative's problems unless the value is of none of the types.
        if all(_errors_type_only(value, _resolve(a)) for a in alternatives):
            names = " or ".join(_describe(_resolve(a)) for a in alternatives)
            return [(path, f"expected {names}, got {_type_name(value)}")]
        return found
    type_problem = _errors_type_only(value, schema)
    if type_problem:
        return [(path, type_problem)]
    if schema.get("format") == "date-time" and isinstance(value, str) and not _is_date_time(value):
        return [(path, f"expected an ISO 8601 date-time, got {value!r}")]
    if "enum" in schema and value not in schema["enum"] and not lenient:
        allowed = [v for v in schema["enum"] if v is not None]
        return [(path, f"must be one of {allowed}, got {value!r}")]
    problems: list[tuple[str, str]] = []
    if isinstance(value, dict):
        properties: dict[str, Any] = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                problems.append((f"{path}.{name}", "is required"))
        free_form = schema.get("additionalProperties") is True and not properties
        for key, item in value.items():
            if key in properties:
                problems.extend(_errors(item, properties[key], f"{path}.{key}", lenient=lenient))
            elif not free_form and not lenient:
                known = ", ".join(sorted(properties)) or "none"
                problems.append((f"{path}.{key}", f"unknown field (known fields: {known})"))
    elif isinstance(value, list | tuple) and "items" in schema:
        for index, item in enumerate(value):
            problems.extend(_errors(item, schema["items"], f"{path}[{index}]", lenient=lenient))
    return problems


def _describe(schema: dict[str, Any]) -> str:
    declared = schema.get("type", "object")
    return "/".join(declared) if isinstance(declared, list) else str(declared)


def _errors_type_only(value: Any, schema: dict[str, Any]) -> str | None:
    declared = schema.get("type")
    if declared is None:
        return None
    names = declared if isinstance(declared, list) else [declared]
    for name in names:
        if isinstance(value, _JSON_TYPES[name]) and not (
            isinstance(value, bool) and name in ("integer", "number")
        ):
            return None
    return f"expected {' or '.join(names)}, got {_type_name(value)}"


def check_against_schema(value: Any, schema_name: str, parameter: str) -> None:
    """Raise :class:`InvalidArgumentError` naming the first field of ``value`` that
    does not conform to component schema ``schema_name``."""
    problems = _errors(value, {"$ref": f"#/components/schemas/{schema_name}"}, parameter)
    if problems:
        path, problem = problems[0]
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        raise InvalidArgumentError(path, f"{problem}{more}")


def _is_date_time(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


Checker = Callable[[Any], bool]


def _compile(schema: dict[str, Any]) -> Checker:
    """A fast ``value -> bool``: whether ``value`` has the types and required fields
    of ``schema``. Lenient like ``_errors(lenient=True)``: unknown fields and enum
    values pass."""
    ref = schema.get("$ref")
    if ref is not None:
        return _component_checker(ref.rsplit("/", 1)[1])
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if alternatives is not None:
        discriminator = schema.get("discriminator")
        if discriminator is not None:
            tag = discriminator["propertyName"]
            by_tag = {k: _compile({"$ref": v}) for k, v in discriminator["mapping"].items()}

            def tagged(value: Any) -> bool:
                found = value.get(tag) if isinstance(value, dict) else None
                member = by_tag.get(found) if isinstance(found, str) else None
                return member is not None and member(value)

            return tagged
        others = [a for a in alternatives if a != {"type": "null"}]
        if len(others) == 1 and len(alternatives) == 2:  # a nullable field
            inner = _compile(others[0])

            def nullable(value: Any) -> bool:
                return value is None or inner(value)

            return nullable
        members = tuple(_compile(a) for a in alternatives)

        def any_of(value: Any) -> bool:
            for member in members:  # noqa: SIM110 - a loop is faster than any()
                if member(value):
                    return True
            return False

        return any_of
    allowed = _exact_types(schema)
    date_time = schema.get("format") == "date-time"
    item_types = _scalar_types(schema["items"]) if "items" in schema else None
    item_ok = _compile(schema["items"]) if "items" in schema and item_types is None else None
    # Properties of a scalar type are checked inline (one set lookup); the others
    # (date-times included: the generated from_dict keeps a bad optional one as a
    # raw string) through their own checker.
    scalars = tuple(
        (name, types)
        for name, sub in schema.get("properties", {}).items()
        if (types := _scalar_types(sub)) is not None
    )
    nested = tuple(
        (name, _compile(sub))
        for name, sub in schema.get("properties", {}).items()
        if _scalar_types(sub) is None
    )
    # Required fields are left to from_dict too: a missing one raises KeyError there,
    # and response_problem() then names it.

    def check(value: Any) -> bool:
        kind = type(value)
        if allowed is not None and kind not in allowed:
            return False
        if kind is str:
            return not date_time or _is_date_time(value)
        if kind is dict:
            get = value.get
            for name, types in scalars:
                item = get(name, _ABSENT)
                if item is not _ABSENT and type(item) not in types:
                    return False
            for name, ok in nested:
                item = get(name, _ABSENT)
                if item is not _ABSENT and not ok(item):
                    return False
        elif kind is list:
            if item_types is not None:  # scalars (embeddings, ids): no call per item
                for item in value:
                    if type(item) not in item_types:
                        return False
            elif item_ok is not None:
                for item in value:
                    if not item_ok(item):
                        return False
        return True

    return check


_ABSENT = object()

# json.loads gives exactly these types, so an exact type lookup is both the
# fastest check and the right one (a bool is not an integer in JSON).
_EXACT_TYPES: dict[str, frozenset[type]] = {
    "string": frozenset({str}),
    "integer": frozenset({int}),
    "number": frozenset({int, float}),
    "boolean": frozenset({bool}),
    "object": frozenset({dict}),
    "array": frozenset({list}),
    "null": frozenset({type(None)}),
}


def _exact_types(schema: dict[str, Any]) -> frozenset[type] | None:
    """The exact Python types a decoded JSON value of ``schema`` may have; ``None``: any."""
    declared = schema.get("type")
    if declared is None:
        return None
    names = declared if isinstance(declared, list) else [declared]
    return frozenset().union(*(_EXACT_TYPES[name] for name in names))


def _scalar_types(schema: dict[str, Any]) -> frozenset[type] | None:
    """The exact types of a property whose schema is a plain scalar (no $ref, union,
    items or properties); ``None`` for any other property."""
    if any(key in schema for key in ("$ref", "anyOf", "oneOf", "items", "properties", "format")):
        return None
    types = _exact_types(schema)
    if types is None or dict in types or list in types:
        return None
    return types


_CHECKERS: dict[str, Checker] = {}


def _component_checker(name: str) -> Checker:
    checker = _CHECKERS.get(name)
    if checker is None:
        # While it compiles, a schema that refers to itself gets this forwarder.
        _CHECKERS[name] = lambda value: _CHECKERS[name](value)
        checker = _CHECKERS[name] = _compile(_schemas()[name])
    return checker


def response_types_ok(value: Any, schema_name: str) -> bool:
    """Whether every field of a decoded 2xx body ``value`` has the JSON type that
    component schema ``schema_name`` gives it (the fast check run on every response;
    required fields and date-times are checked by the generated ``from_dict``).
    Unknown fields and enum values are accepted: the server may add them."""
    return _component_checker(schema_name)(value)


def response_problem(value: Any, schema_name: str) -> str | None:
    """How a decoded 2xx body ``value`` is not a ``schema_name`` (a component schema):
    the first field missing, of the wrong type or not a date-time, as ``path: problem``;
    ``None`` when there is none. Slow: for error messages."""
    problems = _errors(value, {"$ref": f"#/components/schemas/{schema_name}"}, "body", lenient=True)
    if not problems:
        return None
    path, problem = problems[0]
    return f"{path}: {problem}"


def check_header_value(value: object, parameter: str) -> str:
    """Return ``value`` if it is a string that is safe as an HTTP header value."""
    if not isinstance(value, str):
        raise InvalidArgumentError(parameter, f"expected str, got {_type_name(value)}")
    if not value:
        raise InvalidArgumentError(parameter, "must not be empty")
    if any(c in value for c in "\r\n\0"):
        raise InvalidArgumentError(parameter, "must not contain CR, LF or NUL characters")
    if not value.isascii() or not value.isprintable():
        raise InvalidArgumentError(
            parameter, "must contain printable ASCII characters only (HTTP header value)"
        )
    if value != value.strip():
        raise InvalidArgumentError(
            parameter, "must not start or end with white space (HTTP would strip it)"
        )
    return value


def check_id(value: object, parameter: str) -> str:
    """Return ``value`` if it is a non-empty string. Ids are opaque: any character is
    allowed, since the generated code percent-encodes path parameters."""
    if not isinstance(value, str):
        raise InvalidArgumentError(parameter, f"expected str, got {_type_name(value)}")
    if not value:
        raise InvalidArgumentError(parameter, "must not be empty")
    return value


def check_text(value: object, parameter: str) -> str:
    """Return ``value`` if it is a string with something other than white space."""
    if not isinstance(value, str):
        raise InvalidArgumentError(parameter, f"expected str, got {_type_name(value)}")
    if not value.strip():
        raise InvalidArgumentError(parameter, "must not be empty or blank")
    return value
