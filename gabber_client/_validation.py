"""Checks on user input, done before anything is sent.

Dict configs are checked against the component schemas of the openapi.yaml the
package was generated from (shipped as ``_generated/openapi.json``). The checker
is a small subset of JSON Schema — exactly the keywords that spec uses — because
the runtime dependencies are kept to httpx and attrs. It is stricter than the
spec in one way: a key the schema does not list is an error (a typo such as
``time_limit`` for ``time_limit_s`` would otherwise be sent and ignored), except
in free-form objects (``_extra``, tool-call arguments).

2xx bodies are checked by the generated ``from_dict`` as it reads them; when it
refuses one, :func:`response_problem` walks the body against the spec to name the
field for the error message, leniently: the types and required fields of the
spec, but unknown fields and enum values pass, since the server may add them.
"""

from __future__ import annotations

import functools
import json
import math
import re
from datetime import datetime
from typing import Any
from urllib.parse import unquote

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
    from importlib import resources  # here: a call with a dict body is the first to need it

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
    """Raise one :class:`InvalidArgumentError` naming every field of ``value`` that
    does not conform to component schema ``schema_name``, each by its dotted path.

    :func:`_conforms` answers first, without building paths or messages; only when
    it refuses does :func:`_errors` walk the value again to name every problem."""
    if _conforms(value, _schema_node(schema_name)):
        return
    problems = _errors(value, {"$ref": f"#/components/schemas/{schema_name}"}, parameter)
    if problems:
        raise InvalidArgumentError.from_problems(problems)


class _Node:
    """One schema of the spec, read once for :func:`_conforms`: ``$ref`` resolved,
    its keywords turned into the Python values the check needs."""

    __slots__ = (
        "alternatives",
        "date_time",
        "enum",
        "free_form",
        "items",
        "mapping",
        "properties",
        "required",
        "schema",
        "tag",
        "types",
        "types_exact",
    )

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.alternatives: tuple[_Node, ...] | None = None
        self.tag: str | None = None
        self.mapping: dict[str, _Node] = {}
        self.types: tuple[type, ...] | None = None
        self.types_exact = True
        self.date_time = schema.get("format") == "date-time"
        self.enum: list[Any] | None = schema.get("enum")
        self.properties: dict[str, _Node] = {}
        self.required: tuple[str, ...] = tuple(schema.get("required", ()))
        self.free_form = False
        self.items: _Node | None = None


@functools.cache
def _schema_node(name: str) -> _Node:
    """The node of component schema ``name``. Built whole before it is cached, so a
    thread never sees one half made (two threads may each build it: same result)."""
    return _node(_schemas()[name], {})


def _node(schema: dict[str, Any], built: dict[int, _Node]) -> _Node:
    """The node of ``schema``; ``built``: the nodes made so far, by ``id`` of their
    schema dict (alive in ``_schemas()``, so no id is reused)."""
    schema = _resolve(schema)
    node = built.get(id(schema))
    if node is not None:
        return node
    node = built[id(schema)] = _Node(schema)  # registered first: schemas may recurse
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if alternatives is not None:
        discriminator = schema.get("discriminator")
        if discriminator is not None:
            node.tag = discriminator["propertyName"]
            node.mapping = {
                tag: _node({"$ref": ref}, built) for tag, ref in discriminator["mapping"].items()
            }
        node.alternatives = tuple(_node(alternative, built) for alternative in alternatives)
        return node
    declared = schema.get("type")
    if declared is not None:
        names = declared if isinstance(declared, list) else [declared]
        node.types = tuple(t for name in names for t in _JSON_TYPES[name])
        # bool is an int: refused where only "integer" or "number" admits an int
        node.types_exact = not ({"integer", "number"} & set(names)) or "boolean" in names
    properties = schema.get("properties", {})
    node.properties = {key: _node(item, built) for key, item in properties.items()}
    node.free_form = schema.get("additionalProperties") is True and not properties
    if "items" in schema:
        node.items = _node(schema["items"], built)
    return node


def _conforms(value: Any, node: _Node) -> bool:
    """Whether :func:`_errors` (strict) finds no problem in ``value`` against the
    schema of ``node``: the same rules, answered yes or no, so a conforming value
    costs no paths or messages. It must never accept what ``_errors`` refuses
    (tests/contract/test_fast_paths.py)."""
    if node.alternatives is not None:
        if node.tag is not None and isinstance(value, dict):
            tag = value.get(node.tag)
            if not isinstance(tag, str) or tag not in node.mapping:
                return False
            return _conforms(value, node.mapping[tag])
        for alternative in node.alternatives:
            if _conforms(value, alternative):
                break
        else:
            return False
        return True
    types = node.types
    if types is not None and (
        not isinstance(value, types) or (not node.types_exact and isinstance(value, bool))
    ):
        return False
    if node.date_time and isinstance(value, str) and not _is_date_time(value):
        return False
    if node.enum is not None and value not in node.enum:
        return False
    if isinstance(value, dict):
        properties = node.properties
        for name in node.required:
            if name not in value:
                return False
        for key, item in value.items():
            item_node = properties.get(key)
            if item_node is None:
                if not node.free_form:
                    return False
            elif not _conforms(item, item_node):
                return False
    elif node.items is not None and isinstance(value, list | tuple):
        items = node.items
        for item in value:
            if not _conforms(item, items):
                return False
    return True


def _is_date_time(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def response_problem(value: Any, schema_name: str) -> str | None:
    """How a decoded 2xx body ``value`` is not a ``schema_name`` (a component schema):
    the first field missing, of the wrong type or not a date-time, as ``path: problem``;
    ``None`` when there is none. Slow: for error messages."""
    problems = _errors(value, {"$ref": f"#/components/schemas/{schema_name}"}, "body", lenient=True)
    if not problems:
        return None
    path, problem = problems[0]
    return f"{path}: {problem}"


MAX_JSON_DEPTH = 64
"""How deeply a request body may nest (objects and arrays); deeper is refused."""

MAX_SAFE_INTEGER = 2**53 - 1
"""The largest integer every JSON parser reads exactly (RFC 8259 section 6)."""

_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
"""An HTTP header name: an RFC 9110 token."""


def _has_lone_surrogate(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _json_problem(value: object) -> str | None:
    """Why the scalar ``value`` is not JSON the API can read; ``None`` when it is."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return "contains a lone surrogate (not UTF-8)" if _has_lone_surrogate(value) else None
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            return f"integer beyond JSON's safe range (+/-{MAX_SAFE_INTEGER})"
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else f"{value!r} is not a JSON number"
    return f"{type(value).__name__} is not a JSON value"


def check_json(value: object, parameter: str) -> None:
    """Raise :class:`InvalidArgumentError` naming the first place where ``value`` (a
    request body) is not JSON the API can read: a cycle, NaN or infinity, an
    integer beyond +/-(2**53 - 1) (which also keeps clear of Python's digit limit),
    nesting deeper than :data:`MAX_JSON_DEPTH`, a key that is not a string, a value
    that is not JSON (a set, bytes, a datetime, ...), or a lone surrogate.

    :func:`_plain_json` answers first for the plain dicts, lists and scalars a body
    is made of, without building paths; anything it does not accept (including
    every problem above) is walked again by :func:`_check_json`, which names it."""
    if type(value) is dict and _plain_json(value, 0):
        return
    _check_json(value, parameter, 0, set())


def _plain_json(value: dict[Any, Any] | list[Any] | tuple[Any, ...], depth: int) -> bool:
    """Whether the container ``value`` at ``depth`` and everything in it are exact
    dicts, lists, tuples, str (no lone surrogate), int (within the safe range),
    finite floats, bools and None, nested less than :data:`MAX_JSON_DEPTH` deep, with
    str keys. ``False`` means "not sure" (subclasses, cycles, problems): the caller
    then walks it with :func:`_check_json`, so this must never accept what that
    refuses (tests/contract/test_fast_paths.py)."""
    if depth >= MAX_JSON_DEPTH:  # also ends a cycle: _check_json then names it
        return False
    if type(value) is dict:
        for key in value:
            if type(key) is not str or (not key.isascii() and _has_lone_surrogate(key)):
                return False
        items: Any = value.values()
    else:
        items = value
    for item in items:
        kind = type(item)
        if kind is str:
            if not item.isascii() and _has_lone_surrogate(item):
                return False
        elif kind is dict or kind is list or kind is tuple:
            if not _plain_json(item, depth + 1):
                return False
        elif kind is int:
            if not -MAX_SAFE_INTEGER <= item <= MAX_SAFE_INTEGER:
                return False
        elif kind is float:
            if not math.isfinite(item):
                return False
        elif item is not None and kind is not bool:
            return False
    return True


def _check_json(value: object, path: str, depth: int, parents: set[int]) -> None:
    if isinstance(value, dict | list | tuple):
        if id(value) in parents:
            raise InvalidArgumentError(path, "refers to itself (a cycle): not JSON")
        if depth >= MAX_JSON_DEPTH:
            raise InvalidArgumentError(path, f"nested deeper than {MAX_JSON_DEPTH} levels")
        parents.add(id(value))
        if isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(key, str):
                    raise InvalidArgumentError(
                        path, f"has a key {key!r} of type {type(key).__name__}; JSON keys are str"
                    )
                if _has_lone_surrogate(key):
                    raise InvalidArgumentError(path, "has a key with a lone surrogate")
                _check_json(item, f"{path}.{key}", depth + 1, parents)
        else:
            for index, item in enumerate(value):
                _check_json(item, f"{path}[{index}]", depth + 1, parents)
        parents.discard(id(value))
        return
    problem = _json_problem(value)
    if problem is not None:
        raise InvalidArgumentError(path, problem)


def check_header_name(name: object, parameter: str) -> str:
    """Return ``name`` if HTTP allows it as a header name (an RFC 9110 token)."""
    if not isinstance(name, str):
        raise InvalidArgumentError(parameter, f"expected str header names, got {_type_name(name)}")
    if not _HEADER_NAME.fullmatch(name):
        raise InvalidArgumentError(
            parameter,
            f"{name[:100]!r} is not a valid HTTP header name "
            "(letters, digits and !#$%&'*+-.^_`|~ only)",
        )
    return name


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
    if _has_lone_surrogate(value):
        raise InvalidArgumentError(parameter, "contains a lone surrogate (not UTF-8)")
    return value


def check_text(value: object, parameter: str) -> str:
    """Return ``value`` if it is a string with something other than white space."""
    if not isinstance(value, str):
        raise InvalidArgumentError(parameter, f"expected str, got {_type_name(value)}")
    if not value.strip():
        raise InvalidArgumentError(parameter, "must not be empty or blank")
    if _has_lone_surrogate(value):
        raise InvalidArgumentError(parameter, "contains a lone surrogate (not UTF-8)")
    return value


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def check_path(path: object) -> str:
    """``path`` of ``client.get``/``client.post`` (relative to the base URL) with a
    leading ``/``; refused when it could leave the base URL: an absolute or
    scheme-relative URL, a ``.``/``..`` segment (also percent-encoded), a
    backslash, a query or fragment, control characters."""
    if not isinstance(path, str):
        raise InvalidArgumentError("path", f"expected str, got {type(path).__name__}")
    if not path.strip("/"):
        raise InvalidArgumentError("path", "must name a path under the base URL")
    if _SCHEME.match(path) or path.startswith("//"):
        raise InvalidArgumentError(
            "path", f"expected a path relative to the base URL, got the URL {path!r}"
        )
    if any(c in path for c in "?#"):
        raise InvalidArgumentError("path", "must not hold a query or fragment: use params=")
    if "\\" in path or not path.isprintable() or any(c.isspace() for c in path):
        raise InvalidArgumentError(
            "path", "must not hold backslashes, white space or control characters"
        )
    decoded = unquote(path)
    if any(segment in (".", "..") for segment in re.split(r"[/\\]", decoded)):
        raise InvalidArgumentError("path", "must not hold '.' or '..' segments")
    return path if path.startswith("/") else "/" + path
