"""Request URLs under a client's base URL, built without parsing a string per call.

httpx parses and validates every URL string it is given; ``httpx.URL(str)`` is
the largest single cost of a call after reading the body: skipping it makes an
in-process ``get`` about 12% faster, a loopback ``get`` about 3% (the
``inprocess.urls`` figure of ``make bench``; benchmarks/README.md). A request
URL of this client is always the base URL, parsed and validated once when the
client is built, plus a path the generated code has already percent-encoded
(``/v1/realtime/rs%2E1``). :class:`URLBuilder` assembles the parsed form of
such a URL from those parts directly.

That parsed form is httpx's own, and private (``URL._uri_reference``, an
``httpx._urlparse.ParseResult``). So the fast path is taken only where it is
provably the same as parsing:

* the path holds nothing httpx would rewrite: only unreserved characters, ``/``
  and ``%XX`` escapes (no ``.``, so no dot segments to normalise, and nothing
  left to percent-encode);
* httpx has the parsed form this module expects: checked once per process
  against ``httpx.URL(str)`` (:func:`fast_path_available`).

Anything else, including a future httpx that changes its internals, takes
``httpx.URL(str)``, which is always right, only slower.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import httpx

__all__ = ["URLBuilder", "fast_path_available"]

_PLAIN_PATH = re.compile(r"(?:/(?:[A-Za-z0-9_~-]|%[0-9A-F]{2})*)*")
"""Absolute paths that httpx's parser returns unchanged: segments of unreserved
characters other than ``.``, and upper-case percent escapes."""


def _parse_result_type() -> Any:
    from httpx import _urlparse  # private: see the module docstring

    return _urlparse.ParseResult


_URL = httpx.URL


def _assemble(parts: Any, path: str) -> httpx.URL:
    url = object.__new__(_URL)
    url._uri_reference = type(parts)(  # see the module docstring
        parts.scheme, parts.userinfo, parts.host, parts.port, path, None, None
    )
    return url


@functools.cache
def fast_path_available() -> bool:
    """Whether this httpx builds the same URL from parts as from a string."""
    try:
        probe = "http://user@example.test:8080/v1/realtime/rs%2E1%2F~_-"
        parsed = httpx.URL(probe)
        parts = parsed._uri_reference
        if not isinstance(parts, _parse_result_type()):
            return False
        built = _assemble(parts, parts.path)
        return (
            built == parsed
            and str(built) == probe
            and built.raw_path == parsed.raw_path
            and (built.scheme, built.host, built.port) == ("http", "example.test", 8080)
            and httpx.Request("GET", built).headers["host"] == "example.test:8080"
        )
    except Exception:  # any change in httpx's internals: use the public parser
        return False


class URLBuilder:
    """Builds ``base URL + path`` as an :class:`httpx.URL` for one client.

    >>> URLBuilder(httpx.URL("http://127.0.0.1:8080/api/")).url("/v1/realtime/rs_1")
    URL('http://127.0.0.1:8080/api/v1/realtime/rs_1')
    """

    __slots__ = ("_parts", "_prefix", "_prefix_path")

    def __init__(self, base_url: httpx.URL) -> None:
        self._prefix = str(base_url).rstrip("/")
        parts = base_url._uri_reference
        prefix_path = parts.path.rstrip("/")
        usable = (
            fast_path_available()
            and not parts.query
            and not parts.fragment
            and _PLAIN_PATH.fullmatch(prefix_path) is not None
        )
        self._parts = parts if usable else None
        self._prefix_path = prefix_path

    @property
    def prefix(self) -> str:
        """The base URL as a string, without a trailing slash."""
        return self._prefix

    def url(self, path: str) -> httpx.URL:
        """The base URL with ``path`` (which starts with ``/``) appended."""
        parts = self._parts
        if parts is not None and _PLAIN_PATH.fullmatch(path) is not None:
            return _assemble(parts, self._prefix_path + path)
        return httpx.URL(self._prefix + path)
