"""The fake's own request and response types, shared by its transports.

Both transports (in-process :mod:`httpx` and loopback ASGI) turn what they receive
into a :class:`FakeRequest`, ask :meth:`FakeGabber.handle` for a
:class:`FakeResponse`, and then carry out its ``delay`` and ``drop``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

__all__ = [
    "JSON_CONTENT_TYPE",
    "ApiError",
    "FakeRequest",
    "FakeResponse",
    "collect_headers",
    "error_response",
    "json_response",
]

JSON_CONTENT_TYPE: Final = "application/json"


@dataclass(frozen=True, slots=True)
class FakeRequest:
    """A request as a transport received it.

    Attributes:
        method: The HTTP method, upper case.
        path: The raw, percent-encoded path, without the query.
        query: The raw query string, without ``?``.
        headers: Header names in lower case; repeated headers joined with ``", "``.
        body: The body; when ``body_too_large``, only its first bytes.
        origin: ``scheme://host[:port]`` the request was sent to, for the URLs the
            fake answers with (``next_page``).
        body_too_large: Whether the body exceeded the limit and was not read whole.
    """

    method: str
    path: str
    query: str
    headers: Mapping[str, str]
    body: bytes
    origin: str
    body_too_large: bool = False


@dataclass(frozen=True, slots=True)
class FakeResponse:
    """What to answer: a status, headers and a body, then how to deliver it.

    ``delay`` is the seconds to wait before answering; ``drop`` asks the transport
    to break the connection instead of delivering the response in full.
    """

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    delay: float = 0.0
    drop: bool = False


class ApiError(Exception):
    """An error answer of the API: status, a message naming the field, an error type."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        error_type: str | None = None,
        headers: tuple[tuple[str, str], ...] = (),
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.error_type = error_type
        self.headers = headers


def collect_headers(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Headers as a dict with lower-case names; repeated headers joined with ``", "``."""
    out: dict[str, str] = {}
    for name, value in pairs:
        key = name.lower()
        out[key] = f"{out[key]}, {value}" if key in out else value
    return out


def json_response(
    status: int, payload: Any, headers: tuple[tuple[str, str], ...] = ()
) -> FakeResponse:
    """A JSON response. ``allow_nan=False``: the fake never answers with non-JSON numbers."""
    body = json.dumps(payload, separators=(",", ":"), allow_nan=False).encode("ascii")
    return FakeResponse(status, (("content-type", JSON_CONTENT_TYPE), *headers), body)


def error_response(error: ApiError) -> FakeResponse:
    """The ``BadRequest`` body of ``error``: ``{"type": ..., "message": ...}``."""
    payload: dict[str, str] = {"message": error.message}
    if error.error_type is not None:
        payload = {"type": error.error_type, **payload}
    return json_response(error.status, payload, error.headers)
