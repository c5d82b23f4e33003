"""What counts as a secret, and copies of requests and responses without them.

The one place that says which headers carry credentials (the DEBUG log, the
repr of an error's request, pickled errors all use it)."""

from __future__ import annotations

from typing import Any

import httpx

__all__ = ["REDACTED", "is_secret_header", "masked_url", "redacted", "scrubbed"]

REDACTED = "<redacted>"

_SECRET_HEADERS = frozenset(
    {"authorization", "x-api-key", "cookie", "set-cookie", "proxy-authorization"}
)
_SECRET_WORDS = ("token", "secret", "key", "auth")


def is_secret_header(name: str) -> bool:
    """Whether a header of this name carries a credential: ``authorization``,
    ``x-api-key``, ``cookie``, ``set-cookie``, ``proxy-authorization``, and any
    name containing ``token``, ``secret``, ``key`` or ``auth``."""
    lower = name.lower()
    return lower in _SECRET_HEADERS or any(word in lower for word in _SECRET_WORDS)


def redacted(headers: httpx.Headers) -> dict[str, str]:
    """``headers`` with credentials replaced by ``<redacted>``."""
    return {k: REDACTED if is_secret_header(k) else v for k, v in headers.items()}


def masked_url(url: httpx.URL) -> str:
    """``url`` as a string with its password (if any) replaced by ``***``, as httpx
    masks it in ``repr(url)``."""
    if not url.password:
        return str(url)
    return str(url.copy_with(username=url.username, password="***"))  # noqa: S106


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
        url = value.url
        if url.password:
            url = url.copy_with(password="***")  # noqa: S106
        copy = httpx.Request(value.method, url, headers=redacted(value.headers))
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
