"""Routing: which of the eleven operations a method and raw request path name.

Paths are matched segment by segment on the *raw* (percent-encoded) path, so a
session id that holds ``/``, ``?``, ``#``, ``%`` or ``.`` arrives as one segment
(``%2F``, ``%3F``, ``%23``, ``%25``, ``%2E``) and is percent-decoded exactly once.
Literal paths win over ``{session}``: ``/v1/realtime/list`` and
``/v1/realtime/start`` are never read as session ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final
from urllib.parse import quote, unquote

__all__ = [
    "API_KEY_ONLY_OPERATIONS",
    "HUMAN_SCOPED_OPERATIONS",
    "OPERATION_IDS",
    "Route",
    "match_route",
    "quote_segment",
]

OPERATION_IDS: Final = frozenset(
    {
        "start_realtime_session",
        "list_realtime_sessions",
        "get_realtime_session",
        "end_realtime_session",
        "update_realtime_session",
        "get_realtime_session_messages",
        "get_realtime_session_timeline",
        "speak",
        "dtmf",
        "initiate_outbound_call",
        "attach_human",
    }
)
"""The ``operationId`` of every operation in openapi.yaml."""

API_KEY_ONLY_OPERATIONS: Final = frozenset({"speak", "dtmf", "attach_human"})
"""Operations whose only security scheme is ``ApiKeyAuth``."""

HUMAN_SCOPED_OPERATIONS: Final = frozenset(
    {
        "start_realtime_session",
        "list_realtime_sessions",
        "get_realtime_session",
        "end_realtime_session",
        "update_realtime_session",
        "get_realtime_session_messages",
        "get_realtime_session_timeline",
    }
)
"""Operations that declare the optional ``x-human-id`` header."""

# /v1/realtime/{literal}: method -> operation id.
_LITERAL: Final[dict[str, dict[str, str]]] = {
    "start": {"POST": "start_realtime_session"},
    "list": {"GET": "list_realtime_sessions"},
}
# /v1/realtime/{session}/{action}: method -> operation id.
_ACTIONS: Final[dict[str, dict[str, str]]] = {
    "end": {"POST": "end_realtime_session"},
    "update": {"POST": "update_realtime_session"},
    "messages": {"GET": "get_realtime_session_messages"},
    "timeline": {"GET": "get_realtime_session_timeline"},
    "speak": {"POST": "speak"},
    "dtmf": {"POST": "dtmf"},
    "outbound_call": {"POST": "initiate_outbound_call"},
}
_GET_SESSION: Final = {"GET": "get_realtime_session"}
_ATTACH_HUMAN: Final = {"POST": "attach_human"}


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


def _pick(methods: dict[str, str], method: str, session: str | None) -> Route:
    operation = methods.get(method)
    if operation is None:
        return Route(None, session, tuple(methods))
    return Route(operation, session)


def _decode(segment: str) -> str:
    # errors="replace": an id that is not UTF-8 cannot exist, so it is simply not found.
    return unquote(segment, errors="replace")


def match_route(method: str, raw_path: str) -> Route:
    """Route ``method`` (upper case) and ``raw_path`` (percent-encoded, no query)."""
    parts = raw_path.split("/")
    # parts[0] is "" for an absolute path; then "v1", "realtime", ...
    if len(parts) < 4 or parts[0] != "" or parts[1] != "v1" or parts[2] != "realtime":
        return _NO_ROUTE
    rest = parts[3:]
    if len(rest) == 1:
        literal = _LITERAL.get(rest[0])
        if literal is not None:
            return _pick(literal, method, None)
        return _pick(_GET_SESSION, method, _decode(rest[0]))
    if len(rest) == 2:
        actions = _ACTIONS.get(rest[1])
        if actions is None:
            return _NO_ROUTE
        return _pick(actions, method, _decode(rest[0]))
    if len(rest) == 3 and rest[0] == "session" and rest[2] == "attach_human":
        return _pick(_ATTACH_HUMAN, method, _decode(rest[1]))
    return _NO_ROUTE


def quote_segment(value: str) -> str:
    """Percent-encode ``value`` as one path segment, dots included (``%2E``)."""
    return quote(value, safe="").replace(".", "%2E")
