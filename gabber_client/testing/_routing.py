"""Routing: which operation of openapi.yaml a method and raw request path name.

The routes are the spec's path templates (from ``_generated/_spec_facts.py``,
which ``make generate`` writes from openapi.yaml): nothing here lists them again.
Paths are matched segment by segment on the *raw* (percent-encoded) path, so a
session id that holds ``/``, ``?``, ``#``, ``%`` or ``.`` arrives as one segment
(``%2F``, ``%3F``, ``%23``, ``%25``, ``%2E``) and is percent-decoded exactly once.
Literal segments win over parameters: ``/v1/realtime/list`` and
``/v1/realtime/start`` are never read as session ids.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Final
from urllib.parse import quote, unquote

from gabber_client._generated._spec_facts import OPERATIONS as _SPEC

SPEC_OPERATIONS: Final = _SPEC
"""operationId -> what the spec says of it (``_generated/_spec_facts.py``)."""

__all__ = [
    "API_KEY_ONLY_OPERATIONS",
    "HUMAN_SCOPED_OPERATIONS",
    "OPERATION_IDS",
    "SPEC_OPERATIONS",
    "Route",
    "match_route",
    "quote_segment",
]

OPERATION_IDS: Final = frozenset(_SPEC)
"""The ``operationId`` of every operation in openapi.yaml."""

API_KEY_ONLY_OPERATIONS: Final = frozenset(op for op, facts in _SPEC.items() if facts.api_key_only)
"""Operations whose only security scheme is ``ApiKeyAuth``."""

HUMAN_SCOPED_OPERATIONS: Final = frozenset(op for op, facts in _SPEC.items() if facts.human_header)
"""Operations that declare the optional ``x-human-id`` header."""


@dataclass(frozen=True, slots=True)
class _Template:
    """One path template of the spec, split into segments, and its methods."""

    segments: tuple[str | None, ...]
    """Literal segments, ``None`` for a parameter."""
    parameters: tuple[str, ...]
    """The parameter names, in order."""
    methods: dict[str, str]
    """HTTP method -> operationId."""


def _templates() -> dict[int, list[_Template]]:
    """Templates by segment count; within a count, the most literal first (a literal
    segment wins over a parameter, the leftmost segment first)."""
    methods: dict[str, dict[str, str]] = defaultdict(dict)
    for operation, facts in _SPEC.items():
        methods[facts.path][facts.method] = operation
    by_length: dict[int, list[_Template]] = defaultdict(list)
    for path, by_method in methods.items():
        parts = path.split("/")[1:]
        segments = tuple(
            None if part.startswith("{") and part.endswith("}") else part for part in parts
        )
        names = tuple(part[1:-1] for part in parts if part.startswith("{") and part.endswith("}"))
        by_length[len(parts)].append(_Template(segments, names, by_method))
    for templates in by_length.values():
        templates.sort(key=lambda t: tuple(segment is None for segment in t.segments))
    return dict(by_length)


_TEMPLATES: Final = _templates()


@dataclass(frozen=True, slots=True)
class Route:
    """The outcome of routing one request.

    ``operation`` is set when the path and method name an operation. When the path
    names a resource but not with this method, ``operation`` is ``None`` and
    ``allowed`` lists the methods it takes (a 405); when the path names nothing,
    both are empty (a 404). ``session`` is the percent-decoded session id, if the
    path has one.
    """

    operation: str | None
    session: str | None = None
    allowed: tuple[str, ...] = ()


_NO_ROUTE: Final = Route(None)


def _decode(segment: str) -> str:
    # errors="replace": an id that is not UTF-8 cannot exist, so it is simply not found.
    return unquote(segment, errors="replace")


def match_route(method: str, raw_path: str) -> Route:
    """Route ``method`` (upper case) and ``raw_path`` (percent-encoded, no query)."""
    parts = raw_path.split("/")
    # parts[0] is "" for an absolute path; then "v1", "realtime", ...
    if len(parts) < 2 or parts[0] != "":
        return _NO_ROUTE
    parts = parts[1:]
    for template in _TEMPLATES.get(len(parts), ()):
        values: list[str] = []
        for segment, part in zip(template.segments, parts, strict=True):
            if segment is None:
                values.append(part)
            elif segment != part:
                break
        else:
            params = dict(zip(template.parameters, values, strict=True))
            session = params.get("session")
            decoded = _decode(session) if session is not None else None
            operation = template.methods.get(method)
            if operation is None:
                return Route(None, decoded, tuple(template.methods))
            return Route(operation, decoded)
    return _NO_ROUTE


def quote_segment(value: str) -> str:
    """Percent-encode ``value`` as one path segment, dots included (``%2E``)."""
    return quote(value, safe="").replace(".", "%2E")
