"""What counts as a secret, and copies of requests and responses without them.

Which headers carry credentials is said once, in ``_wire.is_secret_header``; the
DEBUG log, the repr of an error's request and pickled errors all use it."""

from __future__ import annotations

from typing import Any

import httpx

from ._wire import is_secret_header

__all__ = ["REDACTED", "is_secret_header", "masked_url", "redacted", "scrubbed"]

REDACTED = "<redacted>"


def redacted(headers: httpx.Headers) -> dict[str, str]:
    """``headers`` with credentials replaced by ``<redacted>``."""
    return {k: REDACTED if is_secret_header(k) else v for k, v in headers.items()}


def masked_url(url: httpx.URL) -> httpx.URL:
    """``url`` with its password (if any) replaced by ``***``, as httpx masks it in
    ``repr(url)``."""
    if not url.password:
        return url
    return url.copy_with(username=url.username, password="***")  # noqa: S106


class RedactedHeaders(httpx.Headers):
    """:class:`httpx.Headers` whose ``repr`` hides every credential (httpx's own
    hides ``authorization`` and ``proxy-authorization`` only)."""

    def __repr__(self) -> str:
        return f"Headers({redacted(self)!r})"


def hide_in_repr(request: httpx.Request) -> httpx.Request:
    """``request``, its headers' ``repr`` made to hide credentials (the values sent
    are unchanged); used on the request an error carries."""
    if not isinstance(request.headers, RedactedHeaders):
        request.headers = RedactedHeaders(request.headers)
    return request


def scrubbed(value: Any) -> Any:
    """``value`` for pickling: a request (or a response's request) copied with its
    credential headers replaced by ``<redacted>`` and no password in its URL;
    anything else as it is."""
    if isinstance(value, httpx.Request):
        copy = httpx.Request(value.method, masked_url(value.url), headers=redacted(value.headers))
        copy.extensions = {k: v for k, v in value.extensions.items() if k == "timeout"}
        return copy
    if isinstance(value, httpx.Response):
        try:
            content = value.content
        except httpx.ResponseNotRead:
            content = b""
        try:
            request: httpx.Request | None = scrubbed(value.request)
        except RuntimeError:  # a response built without a request
            request = None
        return httpx.Response(
            value.status_code, headers=value.headers, content=content, request=request
        )
    return value
