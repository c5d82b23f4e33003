"""Checks on a page's ``next_page``, so that pagination cannot run away or escape.

When a page arrives (:func:`check_received`), its ``next_page``:

* must be a sane string: no NUL or other control character, no lone surrogate,
  at most :data:`MAX_NEXT_PAGE_CHARS` characters;
* if it is a URL (``messages``, ``timeline``; ``list`` has page tokens), a
  relative one is resolved against the URL of the page that carried it, as RFC
  3986 says (``httpx.URL.join``), and the page keeps the absolute URL;
* must not repeat a ``next_page`` already followed from the first page on: a
  server answering page 2 with "next: page 1" would otherwise loop for ever.

Each problem is an :class:`APIResponseValidationError` on that response. When a
URL is followed (:func:`check_follow`), it must be on the base URL's scheme, host
and port (compared case-insensitively, default ports made explicit) and under the
base URL's path prefix after dot segments are removed, so ``/api/../../etc/passwd``
is refused, as is a percent-encoded ``..``; credentials go nowhere else.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Final
from urllib.parse import unquote

import httpx

from .errors import GabberError

__all__ = ["FOLLOWED", "MAX_NEXT_PAGE_CHARS", "check_follow", "check_received"]

MAX_NEXT_PAGE_CHARS: Final = 8192
"""The longest ``next_page`` accepted (URLs beyond ~8 KB are refused by most servers)."""

TOKEN_PAGED: Final = frozenset({"list_realtime_sessions"})
"""Operations whose ``next_page`` is an opaque token rather than a URL."""

FOLLOWED: ContextVar[frozenset[str]] = ContextVar("gabber_followed", default=frozenset())
"""While a next page is fetched: every ``next_page`` followed since the first page."""

_DEFAULT_PORTS: Final = {"http": 80, "https": 443}


def _string_problem(value: str) -> str | None:
    if len(value) > MAX_NEXT_PAGE_CHARS:
        return f"is {len(value):,} characters long (at most {MAX_NEXT_PAGE_CHARS:,})"
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        return "contains a control character (NUL, CR, LF, ...)"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "contains a lone surrogate"
    return None


def check_received(
    next_page: str, *, operation: str, page_url: httpx.URL, followed: frozenset[str]
) -> str:
    """``next_page`` of a page of ``operation`` fetched from ``page_url``, resolved
    to an absolute URL when it is one; raises ``ValueError`` naming the problem."""
    problem = _string_problem(next_page)
    if problem is not None:
        raise ValueError(f"next_page {problem}")
    resolved = next_page
    if operation not in TOKEN_PAGED:
        try:
            resolved = str(page_url.join(next_page))
        except (httpx.InvalidURL, ValueError) as exc:
            raise ValueError(f"next_page is not a valid URL: {exc}") from None
    if resolved in followed:
        raise ValueError(
            f"next_page {resolved[:200]!r} repeats a page already followed "
            "(the pages would loop for ever)"
        )
    return resolved


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    scheme = url.scheme.lower()
    return scheme, url.host.lower(), url.port or _DEFAULT_PORTS.get(scheme)


def check_follow(url: str, base: httpx.URL) -> httpx.URL:
    """``url`` (absolute) parsed, if it is under ``base``; else :class:`GabberError`."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise GabberError(f"the server's next_page is not a valid URL: {url[:200]!r}") from None
    if parsed.is_relative_url and not parsed.host:  # kept relative by a caller: resolve
        parsed = base.join(url)
    if parsed.is_relative_url:  # "//host/path": another host, on the base URL's scheme
        parsed = parsed.copy_with(scheme=base.scheme)
    if _origin(parsed) != _origin(base):
        raise GabberError(
            f"refusing to follow next_page to {parsed.scheme}://{parsed.host}: "
            f"it is not on the client's base URL {base.scheme}://{base.host}; "
            "credentials are only sent to the base URL"
        )
    prefix = base.path.rstrip("/")
    path = parsed.path
    segments = [unquote(s) for s in parsed.raw_path.split(b"?")[0].decode("ascii").split("/")]
    if (prefix and path != prefix and not path.startswith(prefix + "/")) or any(
        s in (".", "..") for s in segments
    ):
        raise GabberError(
            f"refusing to follow next_page to path {path[:200]!r}: it is not under the "
            f"client's base URL path {prefix or '/'}"
        )
    return parsed
