"""Checks on user input, done before anything is sent.

Dict configs are checked against the component schemas of the openapi.yaml the
package was generated from (shipped as ``_generated/openapi.json``). The checker
is a small subset of JSON Schema — exactly the keywords that spec uses — because
the runtime dependencies are kept to httpx and attrs. It is stricter than the
spec in one way: a key the schema does not list is an error (a typo such as
``time_limit`` for ``time_limit_s`` would otherwise be sent and ignored), except
in free-form objects (``_extra``, tool-call arguments; a schema with neither a
type nor properties takes any value).

2xx bodies are checked by the generated ``from_dict`` as it reads them; when it
refuses one, :func:`response_problem` walks the body against the spec to name the
field for the error message, leniently: the types and required fields of the
spec, but unknown fields and enum values pass, since the server may add them.

Each check is written once, as one walk that answers "conforms" without building
a path or a message and names every problem it finds when it does not (the
paths are put together on the way back from a problem).

Also here: the checks of request bodies (JSON the API can read), ids, texts,
header names and values, and the raw paths of ``client.get``/``client.post``.
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

_ARRAYS = (list, tuple)  # tuples, not `list | tuple`: a union is built each time it is read
_CONTAINERS = (dict, list, tuple)
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


class _Node:
    """One schema of the spec, read once: ``$ref`` resolved, its keywords turned into
    the Python values :func:`_problems` needs. Strict for requests: unknown fields
    (outside free-form objects) and enum values are problems; ``lenient`` (for
    responses) lets them pass, since the server may add them."""

    __slots__ = (
        "alternatives",
        "any_key",
        "date_time",
        "described",
        "enum",
        "items",
        "known",
        "mapping",
        "properties",
        "required",
        "tag",
        "type_names",
        "types",
        "types_exact",
    )

    def __init__(self, schema: dict[str, Any], lenient: bool) -> None:
        self.alternatives: tuple[_Node, ...] | None = None
        self.tag: str | None = None
        self.mapping: dict[str, _Node] = {}
        declared = schema.get("type")
        names = [] if declared is None else declared if isinstance(declared, list) else [declared]
        self.type_names = " or ".join(names)
        self.described = "/".join(names)  # in "expected A or B, got C" (typed nodes only)
        self.types = tuple(t for name in names for t in _JSON_TYPES[name]) if names else None
        # bool is an int: refused where only "integer" or "number" admits an int
        self.types_exact = not ({"integer", "number"} & set(names)) or "boolean" in names
        self.date_time = schema.get("format") == "date-time"
        self.enum: list[Any] | None = None if lenient else schema.get("enum")
        self.properties: dict[str, _Node] = {}
        self.known = ", ".join(sorted(schema.get("properties", {}))) or "none"
        self.required: tuple[str, ...] = tuple(schema.get("required", ()))
        # free-form: no properties listed, and any key allowed or no type at all ({}: any value)
        free_form = not schema.get("properties") and (
            schema.get("additionalProperties") is True or declared is None
        )
        self.any_key = lenient or free_form  # keys it does not list are no problem
        self.items: _Node | None = None


@functools.cache
def _schema_node(name: str, lenient: bool = False) -> _Node:
    """The node of component schema ``name``. Built whole before it is cached, so a
    thread never sees one half made (two threads may each build it: same result)."""
    return _node(_schemas()[name], {}, lenient)


def _node(schema: dict[str, Any], built: dict[int, _Node], lenient: bool) -> _Node:
    """The node of ``schema``; ``built``: the nodes made so far, by ``id`` of their
    schema dict (alive in ``_schemas()``, so no id is reused)."""
    schema = _resolve(schema)
    node = built.get(id(schema))
    if node is not None:
        return node
    node = built[id(schema)] = _Node(schema, lenient)  # first: schemas may recurse
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if alternatives is not None:
        discriminator = schema.get("discriminator")
        if discriminator is not None:
            node.tag = discriminator["propertyName"]
            node.mapping = {
                tag: _node({"$ref": ref}, built, lenient)
                for tag, ref in discriminator["mapping"].items()
            }
        node.alternatives = tuple(_node(a, built, lenient) for a in alternatives)
        return node
    node.properties = {
        key: _node(item, built, lenient) for key, item in schema.get("properties", {}).items()
    }
    if "items" in schema:
        node.items = _node(schema["items"], built, lenient)
    return node


_Problems = list[tuple[str, str]]
_NONE: _Problems = []  # returned when a value conforms; never appended to


def _of_no_alternative(value: Any, alternatives: tuple[_Node, ...]) -> _Problems:
    """The problem of a value of none of the alternatives' types; else none (the
    caller then names the first alternative's problems)."""
    for node in alternatives:
        types = node.types
        if types is None or (
            isinstance(value, types) and (node.types_exact or not isinstance(value, bool))
        ):
            return _NONE
    names = " or ".join(node.described for node in alternatives)
    return [("", f"expected {names}, got {_type_name(value)}")]


def _below(step: str, found: _Problems, problems: _Problems) -> _Problems:
    """``problems`` and then ``found`` (the problems of an item), each path below ``step``.
    (Not inline in :func:`_problems`: a comprehension there would make its locals
    closure cells, which costs every call.)"""
    return [*problems, *((step + path, text) for path, text in found)]


def _problems(value: Any, node: _Node) -> _Problems:
    """Every problem of ``value`` against the schema of ``node``, as (path below
    ``value``, problem), e.g. ``(".general.time_limit_s", "expected integer, got
    str")``; empty when it conforms.

    One walk for both uses: a conforming value, the common case, costs no path or
    message; they are built only for the problems found."""
    if node.alternatives is not None:
        if node.tag is not None and isinstance(value, dict):
            tag = value.get(node.tag)
            if not isinstance(tag, str) or tag not in node.mapping:
                return [(f".{node.tag}", f"must be one of {sorted(node.mapping)}, got {tag!r}")]
            return _problems(value, node.mapping[tag])
        first = _NONE
        for alternative in node.alternatives:
            found = _problems(value, alternative)
            if not found:
                return _NONE
            first = first or found
        return _of_no_alternative(value, node.alternatives) or first
    types = node.types
    if types is not None and (
        not isinstance(value, types) or (not node.types_exact and isinstance(value, bool))
    ):
        return [("", f"expected {node.type_names}, got {_type_name(value)}")]
    if node.date_time and isinstance(value, str) and not _is_date_time(value):
        return [("", f"expected an ISO 8601 date-time, got {value!r}")]
    if node.enum is not None and value not in node.enum:
        allowed = [v for v in node.enum if v is not None]
        return [("", f"must be one of {allowed}, got {value!r}")]
    problems = _NONE
    if isinstance(value, dict):
        for name in node.required:
            if name not in value:
                problems = problems or []
                problems.append((f".{name}", "is required"))
        properties = node.properties
        for key, item in value.items():
            item_node = properties.get(key)
            if item_node is not None:
                found = _problems(item, item_node)
                if found:
                    problems = _below(f".{key}", found, problems)
            elif not node.any_key:
                problems = problems or []
                problems.append((f".{key}", f"unknown field (known fields: {node.known})"))
    elif node.items is not None and isinstance(value, _ARRAYS):
        items = node.items
        for index, item in enumerate(value):
            found = _problems(item, items)
            if found:
                problems = _below(f"[{index}]", found, problems)
    return problems


def check_against_schema(value: Any, schema_name: str, parameter: str) -> None:
    """Raise one :class:`InvalidArgumentError` naming every field of ``value`` that
    does not conform to component schema ``schema_name``, each by its dotted path."""
    problems = _problems(value, _schema_node(schema_name))
    if problems:
        raise InvalidArgumentError.from_problems(
            [(parameter + path, problem) for path, problem in problems]
        )


def _is_date_time(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def response_problem(value: Any, schema_name: str) -> str | None:
    """How a decoded 2xx body ``value`` is not a ``schema_name`` (a component schema):
    the first field missing, of the wrong type or not a date-time, as ``path: problem``;
    ``None`` when there is none. For error messages."""
    problems = _problems(value, _schema_node(schema_name, lenient=True))
    if not problems:
        return None
    path, problem = problems[0]
    return f"body{path}: {problem}"


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


def check_json(value: object, parameter: str) -> None:
    """Raise :class:`InvalidArgumentError` naming the first place where ``value`` (a
    request body) is not JSON the API can read: a cycle, NaN or infinity, an
    integer beyond +/-(2**53 - 1) (which also keeps clear of Python's digit limit),
    nesting deeper than :data:`MAX_JSON_DEPTH`, a key that is not a string, a value
    that is not JSON (a set, bytes, a datetime, ...), or a lone surrogate."""
    if isinstance(value, _CONTAINERS):
        found = _json_problem(value, 0)
    elif value is None:  # JSON's null
        return
    else:
        problem = _scalar_problem(value)
        found = None if problem is None else ([], problem)
    if found is None:
        return
    steps, problem = found
    steps.reverse()  # outermost first
    if problem == _TOO_DEEP:  # a cycle ends here too: name it where it first repeats
        seen = {id(value)}
        for index, (_, item) in enumerate(steps):
            if id(item) in seen:
                steps, problem = steps[: index + 1], "refers to itself (a cycle): not JSON"
                break
            seen.add(id(item))
    path = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step, _ in steps)
    raise InvalidArgumentError(parameter + path, problem)


_TOO_DEEP = f"nested deeper than {MAX_JSON_DEPTH} levels"

_Steps = list[tuple[str | int, object]]


def _json_problem(
    value: dict[Any, Any] | list[Any] | tuple[Any, ...], depth: int
) -> tuple[_Steps, str] | None:
    """The first problem in the container ``value`` (at ``depth``) for
    :func:`check_json`, with the steps to it, innermost first: (key or index, the
    value there); ``None`` when there is none. A conforming body costs no path: the
    steps are collected on the way back from a problem. A cycle is walked until it
    is too deep."""
    if depth >= MAX_JSON_DEPTH:
        return [], _TOO_DEEP
    is_dict = isinstance(value, dict)
    for step, item in value.items() if is_dict else enumerate(value):  # type: ignore[union-attr]
        if is_dict:
            if not isinstance(step, str):
                return [], f"has a key {step!r} of type {type(step).__name__}; JSON keys are str"
            if _has_lone_surrogate(step):
                return [], "has a key with a lone surrogate"
        if isinstance(item, _CONTAINERS):
            found = _json_problem(item, depth + 1)
        elif item is None:
            continue
        else:
            problem = _scalar_problem(item)
            found = None if problem is None else ([], problem)
        if found is not None:
            found[0].append((step, item))
            return found
    return None


def _scalar_problem(value: object) -> str | None:
    """Why ``value`` (not a container, not ``None``) is not JSON the API can read;
    ``None`` if it is. A bool is an int (0 or 1)."""
    if isinstance(value, str):
        return "contains a lone surrogate (not UTF-8)" if _has_lone_surrogate(value) else None
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            return f"integer beyond JSON's safe range (+/-{MAX_SAFE_INTEGER})"
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else f"{value!r} is not a JSON number"
    return f"{type(value).__name__} is not a JSON value"


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
