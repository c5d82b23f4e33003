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

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Final
from urllib.parse import quote, unquote

from gabber_client._generated._spec_facts import OPERATIONS as _SPEC
from gabber_client._scope import path_pattern

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


def _routes() -> list[tuple[re.Pattern[str], dict[str, str]]]:
    """(the pattern of a path template, HTTP method -> operationId), the most literal
    first (a literal segment wins over a parameter, the leftmost segment first). A
    parameter matches one raw segment."""
    methods: dict[str, dict[str, str]] = defaultdict(dict)
    for operation, facts in _SPEC.items():
        methods[facts.path][facts.method] = operation
    by_literal = sorted(methods, key=lambda path: [p[:1] == "{" for p in path.split("/")])
    return [(path_pattern(path), methods[path]) for path in by_literal]


_ROUTES: Final = _routes()


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


def match_route(method: str, raw_path: str) -> Route:
    """Route ``method`` (upper case) and ``raw_path`` (percent-encoded, no query)."""
    for pattern, methods in _ROUTES:
        match = pattern.fullmatch(raw_path)
        if match is not None:
            session = match.groupdict().get("session")
            # errors="replace": an id that is not UTF-8 cannot exist, so it is simply not found.
            decoded = unquote(session, errors="replace") if session is not None else None
            operation = methods.get(method)
            return Route(operation, decoded, () if operation else tuple(methods))
    return _NO_ROUTE


def quote_segment(value: str) -> str:
    """Percent-encode ``value`` as one path segment, dots included (``%2E``)."""
    return quote(value, safe="").replace(".", "%2E")
