"""Request URLs under a client's base URL.

A request URL of this client is always the base URL, parsed and validated once
when the client is built, plus a path the generated code has already
percent-encoded (``/v1/realtime/rs%2E1``); httpx parses the joined string.

(An earlier version assembled httpx's private parsed form of the URL from those
parts to skip the parse, about 30 µs a call. Measured again with the benchmarks
of round 2 it was worth under 10% of every user-visible figure, about 3% of a
loopback ``get``, which does not justify depending on httpx's internals: see
``benchmarks/README.md``.)
"""

from __future__ import annotations

import httpx

__all__ = ["URLBuilder"]


class URLBuilder:
    """Builds ``base URL + path`` as an :class:`httpx.URL` for one client.

    >>> URLBuilder(httpx.URL("http://127.0.0.1:8080/api/")).url("/v1/realtime/rs_1")
    URL('http://127.0.0.1:8080/api/v1/realtime/rs_1')
    """

    __slots__ = ("_prefix",)

    def __init__(self, base_url: httpx.URL) -> None:
        self._prefix = str(base_url).rstrip("/")

    @property
    def prefix(self) -> str:
        """The base URL as a string, without a trailing slash."""
        return self._prefix

    def url(self, path: str) -> httpx.URL:
        """The base URL with ``path`` (which starts with ``/``) appended."""
        return httpx.URL(self._prefix + path)
