"""Facts about requests on the wire that several layers share, kept once: which
headers carry credentials, and how a request is named in messages and logs."""

from __future__ import annotations

import httpx

CREDENTIAL_HEADERS = frozenset({"authorization", "x-api-key", "proxy-authorization"})
"""Headers that carry the client's credentials: set from ``api_key``/``token`` only,
refused in ``default_headers``, ``extra_headers`` and ``client.get(headers=)``."""

_SECRET_HEADERS = CREDENTIAL_HEADERS | {"cookie", "set-cookie"}
_SECRET_WORDS = ("token", "secret", "key", "auth")


def is_secret_header(name: str) -> bool:
    """Whether a header of this name may carry a secret, to be masked wherever headers
    are shown: the credential headers, ``cookie``, ``set-cookie``, and any name
    containing ``token``, ``secret``, ``key`` or ``auth``."""
    lower = name.lower()
    return lower in _SECRET_HEADERS or any(word in lower for word in _SECRET_WORDS)


def where(request: httpx.Request) -> str:
    """``METHOD /raw/path?query`` of ``request``, as messages and logs name it."""
    return f"{request.method} {request.url.raw_path.decode('ascii')}"
