"""Values built from the spec: minimal valid configs and bodies (:func:`minimal_config`,
:func:`minimal_body`), and values the spec does not know, by construction, for
forward-compatibility probes.

A probe that sends "a value the server may add later" must not pick one that merely
happens to be absent today (it may be added upstream tomorrow, and the probe would
then test nothing). These helpers read the spec and build a value that cannot be
one of those it lists: the listed values joined, plus a suffix.
"""

from __future__ import annotations

import copy
import functools
import inspect
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import yaml

from gabber_client._generated._spec_facts import OPERATIONS as SPEC_OPERATIONS
from gabber_client._minimal import minimal_value
from gabber_client.types import RealtimeSessionConfigCreateParam

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi.yaml"


@functools.cache
def spec() -> dict[str, Any]:
    """openapi.yaml, loaded."""
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


def _schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = spec()["components"]["schemas"][name]
    return schema


def _enum(node: dict[str, Any]) -> list[str]:
    while "$ref" in node:
        node = _schema(node["$ref"].rsplit("/", 1)[1])
    if "enum" in node:
        return [v for v in node["enum"] if v is not None]
    for alternative in node.get("anyOf", []) + node.get("oneOf", []):
        values = _enum(alternative)
        if values:
            return values
    return []


def _beyond(values: list[str]) -> str:
    return "_".join(sorted(values)) + "_later"


def unknown_enum_value(schema: str, prop: str | None = None) -> str:
    """A value the enum of ``schema`` (or of its property ``prop``) does not list."""
    node = _schema(schema) if prop is None else _schema(schema)["properties"][prop]
    values = _enum(node)
    assert values, f"{schema}.{prop}: no enum in the spec"
    return _beyond(values)


def unknown_member_tag(union: str) -> str:
    """A discriminator tag the oneOf ``union`` has no member for."""
    mapping = _schema(union)["discriminator"]["mapping"]
    return _beyond(list(mapping))


# ------------------------------------------------ minimal valid values, from the spec
CONFIG_SCHEMA = "RealtimeSessionConfigCreate"
"""The schema of a new session's configuration."""


def minimal_config(overrides: Mapping[str, Any] | None = None) -> RealtimeSessionConfigCreateParam:
    """A minimal valid session config built from the spec (its required fields, each
    its default, else its example, else a value of its type), ``overrides`` merged in
    (see :func:`with_overrides`). What a test uses when it needs "some valid config",
    so that a field made required upstream breaks no test."""
    config: RealtimeSessionConfigCreateParam = with_overrides(CONFIG_SCHEMA, overrides)
    return config


def minimal_update(overrides: Mapping[str, Any] | None = None) -> Any:
    """A valid ``update_realtime_session`` body: ``overrides`` (the parts a test
    changes), each object in it completed with the fields its schema requires."""
    return minimal_body("update_realtime_session", overrides)


def request_body_schema(operation: str) -> str | None:
    """The component schema of ``operation``'s JSON request body, if it takes one."""
    return SPEC_OPERATIONS[operation].request_body


def minimal_body(operation: str, overrides: Mapping[str, Any] | None = None) -> Any:
    """A minimal valid request body of ``operation`` (``None`` if it takes none),
    ``overrides`` merged in (see :func:`with_overrides`)."""
    schema = request_body_schema(operation)
    return None if schema is None else with_overrides(schema, overrides)


def with_overrides(schema: str, overrides: Mapping[str, Any] | None = None) -> Any:
    """The minimal value of component ``schema`` with ``overrides`` deep-merged over it
    (as :func:`gabber_client._minimal.deep_merge` does), where an object the overrides bring
    in (an optional part absent from the minimal value) is first completed with the
    minimal value of its own schema: ``{"general": {"time_limit_s": 5}}`` as an update
    gets whatever ``general`` requires, today nothing, tomorrow maybe more."""
    base = minimal_value(schema)
    return base if overrides is None else _merge(base, overrides, _resolved(_schema(schema)))


def _object_schema(node: Any) -> tuple[str | None, dict[str, Any]]:
    """The component name (if any) and schema of the object ``node`` holds: through
    ``$ref`` and the first non-null member of an ``anyOf``/``oneOf``."""
    name = None
    while isinstance(node, dict):
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[1]
            node = _schema(name)
            continue
        members = [
            m for m in node.get("anyOf", []) + node.get("oneOf", []) if m.get("type") != "null"
        ]
        if len(members) != 1:
            break
        node = members[0]
    return name, node if isinstance(node, dict) else {}


def _merge(base: Any, overrides: Mapping[str, Any], schema: dict[str, Any]) -> Any:
    out = dict(base) if isinstance(base, dict) else {}
    properties: dict[str, Any] = schema.get("properties", {})
    for key, value in overrides.items():
        if isinstance(value, Mapping):
            name, inner = _object_schema(properties.get(key, {}))
            current = out.get(key)
            if not isinstance(current, dict):
                current = minimal_value(name) if name is not None else {}
            out[key] = _merge(current, value, inner)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _is_const(schema_name: str, key: str) -> bool:
    """Whether ``key`` of the body schema (or of its oneOf members) takes one value only
    (a ``type`` tag), which the facade fills in itself."""
    node = _schema(schema_name)
    members = [m["$ref"].rsplit("/", 1)[1] for m in node.get("oneOf", []) if "$ref" in m]
    for name in [schema_name, *members]:
        prop = _schema(name).get("properties", {}).get(key, {})
        if "const" in prop or len(prop.get("enum", ())) == 1:
            return True
    return False


def facade_arguments(
    method: Callable[..., Any], operation: str, session: str | None, body: Any
) -> dict[str, Any]:
    """The keyword arguments that make the facade ``method`` of ``operation`` send
    ``body`` for ``session``, read from its signature: a body field goes to the
    parameter of its name; what is left goes whole to the one required parameter no
    field named (``update(session, config)``); a single-value tag the facade fills in
    is dropped."""
    parameters = inspect.signature(method).parameters
    arguments: dict[str, Any] = {}
    if session is not None:
        arguments["session"] = session
    rest: dict[str, Any] = {}
    for key, value in (body or {}).items():
        if key in parameters and key != "session":
            arguments[key] = value
        else:
            rest[key] = value
    unfilled = [
        name
        for name, parameter in parameters.items()
        if parameter.default is inspect.Parameter.empty
        and parameter.kind not in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD)
        and name not in arguments
    ]
    schema = request_body_schema(operation)
    if len(unfilled) == 1 and body is not None:
        arguments[unfilled[0]] = rest
    elif unfilled or any(schema is None or not _is_const(schema, key) for key in rest):
        raise TypeError(f"{operation}: cannot map {sorted(rest)} onto {list(parameters)}")
    return arguments


def facade_method_name(operation: str) -> str:
    """The facade method of ``operation`` (the operation table)."""
    from gabber_client._operations import OPERATIONS

    return OPERATIONS[operation].method


def call_operation(client: Any, operation: str, session: str, **options: Any) -> Any:
    """Call ``operation`` through ``client.realtime`` (sync or async: an async client's
    call is returned unawaited) for ``session`` (ignored when its path takes none),
    with the minimal valid body its schema gives; ``options`` are passed on."""
    method = getattr(client.realtime, facade_method_name(operation))
    path = _operation_path(operation)
    takes = session if "{session}" in path else None
    return method(**facade_arguments(method, operation, takes, minimal_body(operation)), **options)


def _operation_path(operation: str) -> str:
    for path, item in spec()["paths"].items():
        for entry in item.values():
            if isinstance(entry, dict) and entry.get("operationId") == operation:
                return str(path)
    raise KeyError(operation)


def operation_ids() -> list[str]:
    """Every operationId of the spec, sorted."""
    return sorted(
        entry["operationId"]
        for item in spec()["paths"].values()
        for entry in item.values()
        if isinstance(entry, dict) and "operationId" in entry
    )


def operation_caller(operation: str) -> Callable[[Any, str], Any]:
    """``call(client, session)``: :func:`call_operation` of ``operation``."""

    def call(client: Any, session: str) -> Any:
        return call_operation(client, operation, session)

    call.__name__ = operation
    return call


def _resolved(node: Any) -> dict[str, Any]:
    while isinstance(node, dict) and "$ref" in node:
        node = _schema(node["$ref"].rsplit("/", 1)[1])
    return node if isinstance(node, dict) else {}


def schema_breaking_body(operation: str) -> Any:
    """The minimal body of ``operation`` with one field the schema requires (else its
    first field) given a value of a JSON type the schema does not allow; ``None`` for
    an operation without a body."""
    body = minimal_body(operation)
    schema_name = request_body_schema(operation)
    if body is None or schema_name is None:
        return None
    schema = _resolved(_schema(schema_name))
    if "oneOf" in schema:
        schema = _resolved(schema["oneOf"][0])
    key = (schema.get("required") or list(schema["properties"]))[0]
    allowed = json.dumps(_resolved(schema["properties"][key]))
    body[key] = "not an array" if '"array"' in allowed else []
    return body
