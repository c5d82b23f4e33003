"""Request-body checks: JSON parsing and validation against openapi.yaml's schemas.

The schemas come from ``gabber_client/_generated/openapi.json`` (the JSON copy of
openapi.yaml that ``make generate`` writes and the wheel ships). One
:class:`jsonschema.Draft202012Validator` per request-body schema is built on first
use and reused for every request: its references are inlined (validating is then
three times faster), and a :mod:`referencing` registry holding the whole spec
resolves any reference left (a recursive one).
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

from gabber_client._generated._spec_facts import OPERATIONS as SPEC_OPERATIONS
from gabber_client._minimal import REF as _REF_PREFIX
from gabber_client._minimal import spec as _spec

__all__ = [
    "BODY_SCHEMAS",
    "MAX_BODY_BYTES",
    "MAX_JSON_DEPTH",
    "BodyError",
    "field_path",
    "parse_json",
    "validate_body",
]

MAX_BODY_BYTES: Final = 1024 * 1024
"""The largest request body the fake accepts, in bytes (1 MiB); larger ones are a 400."""

MAX_JSON_DEPTH: Final = 64
"""The deepest nesting of arrays and objects a request body may have."""

BODY_SCHEMAS: Final[Mapping[str, str]] = {
    operation: facts.request_body
    for operation, facts in SPEC_OPERATIONS.items()
    if facts.request_body is not None
}
"""Operation id -> the component schema of its request body (the spec's ``requestBody``)."""

_SPEC_URI: Final = "urn:gabber-client:openapi"
_MAX_MESSAGE: Final = 300
_MAX_ERRORS: Final = 20


class BodyError(ValueError):
    """A request body that cannot be accepted; ``str()`` names the field."""


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number out of range: {text[:40]}")
    return value


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not valid JSON")


def _depth_exceeds(value: object, limit: int) -> bool:
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Iterable[object] = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def parse_json(body: bytes) -> Any:
    """Parse a request body as strict JSON (no NaN/Infinity, finite numbers,
    at most :data:`MAX_JSON_DEPTH` levels); raise :class:`BodyError` if it is not."""
    if not body.strip():
        raise BodyError("body: a JSON request body is required")
    try:
        value = json.loads(body, parse_float=_finite_float, parse_constant=_reject_constant)
    except RecursionError:
        raise BodyError(f"body: nested more than {MAX_JSON_DEPTH} levels deep") from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, the two hooks above
        raise BodyError(f"body: invalid JSON: {_clip(str(exc))}") from None
    if _depth_exceeds(value, MAX_JSON_DEPTH):
        raise BodyError(f"body: nested more than {MAX_JSON_DEPTH} levels deep")
    return value


def field_path(parts: Iterable[str | int]) -> str:
    """``["config", "tool_definitions", 1]`` -> ``"config.tool_definitions[1]"``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "body"


def _clip(text: str) -> str:
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 3] + "..."


def _describe(error: Any) -> str:
    """``"<field path>: <reason>"`` for a :class:`jsonschema.ValidationError`."""
    # best_match stops at an anyOf/oneOf whose branches fail equally: go on into the
    # first branch the instance's type fits, or say which types would fit.
    while error.validator in ("anyOf", "oneOf") and error.context:
        fitting = [
            sub for sub in error.context if not (sub.validator == "type" and not sub.relative_path)
        ]
        if not fitting:
            types: list[str] = []
            for sub in error.context:
                value = sub.validator_value
                types.extend(value if isinstance(value, list) else [value])
            listed = ", ".join(repr(t) for t in dict.fromkeys(types))
            where = field_path(error.absolute_path)
            return f"{where}: {_clip(repr(error.instance))} is not of type {listed}"
        error = fitting[0]
    parts: list[str | int] = list(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        for name in error.validator_value:
            if name not in error.instance and error.message == f"{name!r} is a required property":
                parts.append(name)
                break
    return f"{field_path(parts)}: {_clip(error.message)}"


@functools.cache
def _validators() -> dict[str, Any]:
    """One validator per request-body schema, built on first use (built twice at
    worst by two first requests at once: the same result)."""
    from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    spec = _spec()
    registry: Registry[Any] = Registry().with_resource(
        _SPEC_URI, Resource.from_contents(spec, default_specification=DRAFT202012)
    )
    components: dict[str, Any] = spec["components"]["schemas"]
    return {
        operation: Draft202012Validator(
            _inline({"$ref": f"{_REF_PREFIX}{schema}"}, components, ()), registry=registry
        )
        for operation, schema in BODY_SCHEMAS.items()
    }


def _inline(node: Any, components: dict[str, Any], stack: tuple[str, ...]) -> Any:
    """``node`` with its ``#/components/schemas/...`` references replaced by copies of
    their targets, so that validating does not resolve references again and again
    (a 3x speed-up). A recursive reference is left as an absolute reference into the
    registry's copy of the spec."""
    if isinstance(node, list):
        return [_inline(item, components, stack) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith(_REF_PREFIX):
        name = ref.removeprefix(_REF_PREFIX)
        rest = {k: _inline(v, components, stack) for k, v in node.items() if k != "$ref"}
        if name in stack:
            return {**rest, "$ref": f"{_SPEC_URI}{ref}"}
        target = _inline(components[name], components, (*stack, name))
        return {**target, **rest}
    return {key: _inline(value, components, stack) for key, value in node.items()}


def validate_body(operation: str, body: object) -> None:
    """Check ``body`` against the request schema of ``operation``; raise
    :class:`BodyError` naming the field of the most relevant error."""
    from jsonschema.exceptions import best_match  # type: ignore[import-untyped]

    validator = _validators()[operation]
    # Stop after a few errors: a large body full of mistakes (say 200,000 bad DTMF
    # digits) would otherwise be walked to its end before the 400 goes out.
    error = best_match(itertools.islice(validator.iter_errors(body), _MAX_ERRORS))
    if error is not None:
        raise BodyError(_describe(error))


_E164: Final = re.compile(r"\+[1-9][0-9]{1,14}")


def is_e164(value: str) -> bool:
    """Whether ``value`` is an E.164 phone number (``+`` and 2 to 15 digits)."""
    return _E164.fullmatch(value) is not None
