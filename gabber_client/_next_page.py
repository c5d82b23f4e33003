"""Checks on a page's ``next_page``, so that pagination cannot run away or escape.

When a page arrives (:func:`check_received`), its ``next_page``:

* must be a sane string: no NUL or other control character, no lone surrogate,
  at most :data:`MAX_NEXT_PAGE_CHARS` characters;
* if it is a URL (``messages``, ``timeline``; ``list`` has page tokens), a
  relative one is resolved against the URL of the page that carried it, as RFC
  3986 says (``httpx.URL.join``), and the page keeps the absolute URL;
* must not show that the pages loop (a server answering page 2 with "next:
  page 1" would otherwise be walked for ever), checked in constant memory by
  :class:`Walk`: a ``next_page`` equal to the one followed to reach the page, to
  the first one followed, or (``messages``, ``timeline``) to the URL of the page
  itself or of the first page is refused at once; any other loop is refused
  after at most twice as many further pages as the walk took to reach its first
  repeat (Brent's cycle detection), so before three times as many pages in all.

Each problem is an :class:`APIResponseValidationError` on that response. When a
URL is followed (:func:`check_follow`), it must be on the base URL's scheme, host
and port (as httpx normalises them: case-insensitively, a default port dropped) and under the
base URL's path prefix after dot segments are removed, so ``/api/../../etc/passwd``
is refused, as is a percent-encoded ``..``; credentials go nowhere else.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Final
from urllib.parse import unquote

import httpx

from .errors import GabberError

__all__ = ["FOLLOWED", "MAX_NEXT_PAGE_CHARS", "START", "Walk", "check_follow", "check_received"]

MAX_NEXT_PAGE_CHARS: Final = 8192
"""The longest ``next_page`` accepted (URLs beyond ~8 KB are refused by most servers)."""

TOKEN_PAGED: Final = frozenset({"list_realtime_sessions"})
"""Operations whose ``next_page`` is an opaque token rather than a URL."""


class Walk:
    """What a page remembers of the ``next_page`` values followed to reach it, in
    constant memory whatever the number of pages: the first one, the last one, and
    one remembered at power-of-two steps (Brent's cycle detection).

    A page whose ``next_page`` equals one of them is refused. The server's pages
    are a function of the ``next_page`` followed, so a repeat means a loop, and a
    loop of length L entered after T pages repeats the remembered value within at
    most ``2 * max(T, L)`` pages after its first repeat. Immutable: a page keeps
    its own, so fetching its next page twice checks the same way twice.
    """

    __slots__ = ("first", "power", "previous", "saved", "start", "steps")

    def __init__(
        self,
        start: str | None = None,
        first: str | None = None,
        previous: str | None = None,
        saved: str | None = None,
        power: int = 1,
        steps: int = 0,
    ) -> None:
        self.start = start  # the URL of the first page (URL-paged operations)
        self.first = first  # the first next_page followed
        self.previous = previous  # the next_page followed to reach this page
        self.saved = saved  # Brent's remembered next_page
        self.power = power  # how many next_page values `saved` is compared with
        self.steps = steps  # how many have been since it was remembered

    def repeats(self, next_page: str) -> bool:
        """Whether ``next_page`` (resolved) is one this walk remembers: a loop."""
        return next_page in (self.previous, self.first, self.saved, self.start)

    def at(self, page_url: str) -> Walk:
        """This walk, for the first page fetched from ``page_url``: remembers it."""
        if self.start is not None:  # not the first page
            return self
        return Walk(start=page_url)

    def after(self, next_page: str) -> Walk:
        """The walk of the page reached by following ``next_page`` from this one."""
        steps = self.steps + 1
        if steps == self.power:  # remember this one for twice as long
            return Walk(self.start, self.first or next_page, next_page, next_page, steps * 2, 0)
        first = self.first or next_page
        return Walk(self.start, first, next_page, self.saved, self.power, steps)


START: Final = Walk()
"""The walk of a first page."""

FOLLOWED: ContextVar[Walk | None] = ContextVar("gabber_followed", default=None)
"""While a next page is fetched: the walk that reaches it (see :class:`Walk`)."""


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
    next_page: str, *, operation: str, page_url: httpx.URL, walk: Walk
) -> tuple[str, Walk]:
    """``next_page`` of a page of ``operation`` fetched from ``page_url`` by ``walk``,
    resolved to an absolute URL when it is one, and the page's walk (which remembers
    the first page's URL); raises ``ValueError`` naming the problem."""
    problem = _string_problem(next_page)
    if problem is not None:
        raise ValueError(f"next_page {problem}")
    resolved = next_page
    if operation not in TOKEN_PAGED:
        try:
            resolved = str(page_url.join(next_page))
        except (httpx.InvalidURL, ValueError) as exc:
            raise ValueError(f"next_page is not a valid URL: {exc}") from None
        walk = walk.at(str(page_url))
    if walk.repeats(resolved):
        raise ValueError(
            f"next_page {resolved[:200]!r} repeats a page already followed "
            "(the pages would loop for ever)"
        )
    return resolved, walk


def check_follow(url: str, base: httpx.URL) -> httpx.URL:
    """``url`` parsed, if it is under ``base``; else :class:`GabberError`. ``url`` is a
    ``next_page`` that :func:`check_received` resolved: absolute and valid."""
    parsed = httpx.URL(url)  # httpx lowercases scheme and host, and drops a default port
    if (parsed.scheme, parsed.host, parsed.port) != (base.scheme, base.host, base.port):
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
