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
from collections.abc import Callable, Mapping
from typing import Any, Final

from gabber_client._generated._spec_facts import OPERATIONS as SPEC_OPERATIONS
from gabber_client._minimal import REF as _REF
from gabber_client._minimal import build_value, resolve, schema_types
from gabber_client._minimal import ref_name as _name
from gabber_client._minimal import spec as spec

__all__ = [
    "MANAGED",
    "SESSION_SCHEMA",
    "clear_caches",
    "echo",
    "example",
    "fill",
    "fill_response",
    "schema_example",
    "spec",
]

SESSION_SCHEMA: Final = "RealtimeSession"
"""The session model: the schema :class:`~._state.Session` renders. An operation the
fake has no behaviour for that returns it answers with the stored session."""

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


def _schemas() -> dict[str, Any]:
    schemas: dict[str, Any] = spec()["components"]["schemas"]
    return schemas


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


def _optional(schema_name: str | None, key: str) -> bool:
    return key not in MANAGED.get(schema_name or "", frozenset())


def example(node: Any, stack: tuple[str, ...] = ()) -> Any:
    """A value for schema ``node``: its ``example``, else its ``default``, else one made
    from its type and format (never null when a non-null type is allowed); an object
    with every property that is not :data:`MANAGED` (only the required ones inside a
    schema that contains itself)."""
    return build_value(node, _schemas(), example_first=True, optional=_optional, stack=stack)


def schema_example(schema_name: str) -> Any:
    """A value of component schema ``schema_name``, as :func:`example` makes one."""
    return example({"$ref": _REF + schema_name})


_Filler = Callable[[Any], Any]


def _copier(value: Any) -> Callable[[], Any]:
    """A function returning a fresh copy of the JSON ``value`` (shared if immutable)."""
    if value == [] or value == {}:
        return type(value)
    if isinstance(value, dict | list):
        return functools.partial(json.loads, json.dumps(value))
    return lambda: value


def _identity(value: Any) -> Any:
    return value


class _Compiler:
    """Turns schemas into filler functions once; :func:`fill` then only runs them.

    (Walking the schema for every response cost ~400 us per full session; compiled,
    about 50 us.)"""

    def __init__(self) -> None:
        self._by_name: dict[str, _Filler] = {}

    def named(self, name: str) -> _Filler:
        found = self._by_name.get(name)
        if found is not None:
            return found
        # A recursive schema refers to itself through this indirection until built.
        cell: list[_Filler] = []
        self._by_name[name] = lambda value: cell[0](value)
        built = self._build(name, _schemas()[name])
        cell.append(built)
        self._by_name[name] = built
        return built

    def node(self, node: Any) -> _Filler:
        """The filler of schema ``node`` (:func:`_identity`: nothing to fill in it)."""
        ref = _name(node)
        if ref is not None:
            return self.named(ref)
        return self._build(None, node) if isinstance(node, dict) else _identity

    def _build(self, schema_name: str | None, schema: dict[str, Any]) -> _Filler:
        alternatives = schema.get("oneOf") or schema.get("anyOf")
        if alternatives:
            return self._union(schema, alternatives)
        if "properties" in schema:
            return self._object(schema_name, schema)
        items = schema.get("items")
        if items is not None:
            item = self.node(items)
            if item is not _identity:
                return functools.partial(_fill_list, item)
        return _identity

    def _union(self, schema: dict[str, Any], alternatives: list[Any]) -> _Filler:
        discriminator = schema.get("discriminator")
        if discriminator is not None:
            tag = discriminator["propertyName"]
            members = {
                value: self.node({"$ref": target})
                for value, target in discriminator.get("mapping", {}).items()
            }
            if all(member is _identity for member in members.values()):
                return _identity
            return functools.partial(_fill_tagged, tag, members)
        from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

        options = [
            (schema_types(resolve(alternative, _schemas())[1]), self.node(alternative))
            for alternative in alternatives
        ]
        fits = Draft202012Validator.TYPE_CHECKER.is_type
        return functools.partial(_fill_first_fitting, fits, options)

    def _object(self, schema_name: str | None, schema: dict[str, Any]) -> _Filler:
        required = set(schema.get("required", ()))
        echoed = schema_name in _echo_schemas()
        managed = MANAGED.get(schema_name or "", frozenset())
        stack = (schema_name,) if schema_name else ()
        missing: list[tuple[str, Callable[[], Any]]] = []
        descend: list[tuple[str, _Filler]] = []
        for key, prop in schema["properties"].items():
            if key in required or not (echoed or key in managed):
                missing.append((key, _copier(example(prop, stack))))
            child = self.node(prop)
            if child is not _identity:
                descend.append((key, child))
        if not missing and not descend:
            return _identity
        return functools.partial(_fill_object, tuple(missing), tuple(descend))


def _fill_object(
    missing: tuple[tuple[str, Callable[[], Any]], ...],
    descend: tuple[tuple[str, _Filler], ...],
    value: Any,
) -> Any:
    # Fillers change objects and lists in place and return them.
    if type(value) is not dict:
        return value
    for key, make in missing:
        if key not in value:
            value[key] = make()
    for key, child in descend:
        current = value.get(key)
        if current is not None:
            child(current)
    return value


def _fill_list(item: _Filler, value: Any) -> Any:
    if type(value) is list:
        for element in value:
            if element is not None:
                item(element)
    return value


def _fill_tagged(tag: str, members: dict[Any, _Filler], value: Any) -> Any:
    if type(value) is dict:
        member = members.get(value.get(tag))
        if member is not None:
            return member(value)
    return value


def _fill_first_fitting(
    fits: Callable[[Any, str], bool], options: list[tuple[list[str], _Filler]], value: Any
) -> Any:
    if value is None:
        return None
    for types, filler in options:
        if any(fits(value, kind) for kind in types) or (not types and type(value) is dict):
            return filler(value)
    return value


@functools.cache
def _compiler() -> _Compiler:
    return _Compiler()


def fill(node: Any, value: Any) -> Any:
    """``value`` (JSON, changed in place where it is an object) completed from schema
    ``node``: absent required fields, and absent optional fields that are neither
    :data:`MANAGED` nor echoed, get :func:`example` values."""
    return None if value is None else _compiler().node(node)(value)


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
        if integral and "integer" in schema_types(resolve(properties[key], _schemas())[1]):
            value = int(value)
        out[key] = value
    for key, prop in properties.items():
        if key not in out and prop.get("default") is not None:
            out[key] = copy.deepcopy(prop["default"])
    return out


def clear_caches() -> None:
    """Forget what was read from the spec (for tests that edit a copy of it)."""
    _echo_schemas.cache_clear()
    _compiler.cache_clear()
