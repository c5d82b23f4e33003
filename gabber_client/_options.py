"""Per-call request options: ``timeout=``, ``extra_headers=``, ``extra_query=`` and
``extra_body=`` of every facade method, checked once per call and applied to the
request the client builds (so to its first attempt, every retry, and every page a
pager it returned fetches).

Also what ``client.get``/``client.post`` and ``with_options(default_headers=)``
check: header names and values (as ``default_headers`` are), no credentials, paths
that stay under the base URL. Nothing here sends anything.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias
from urllib.parse import unquote

import httpx

from . import _retry
from ._validation import check_header_value
from .errors import InvalidArgumentError

__all__ = ["RequestOptions"]

QueryValue: TypeAlias = str | int | float | bool | Sequence[str | int | float | bool]
"""A query parameter's value: a scalar, or a list of them (the parameter repeated)."""

Timeout: TypeAlias = float | httpx.Timeout | None
Headers: TypeAlias = Mapping[str, str]
Query: TypeAlias = Mapping[str, QueryValue]
Body: TypeAlias = Mapping[str, object]

CREDENTIAL_HEADERS = frozenset({"authorization", "x-api-key", "proxy-authorization"})
"""Headers that carry credentials: set by the client from ``api_key``/``token`` only."""


@dataclass(frozen=True, slots=True)
class RequestOptions:
    """The checked per-call options of one call (``None``: not given)."""

    timeout: httpx.Timeout | None = None
    extra_headers: dict[str, str] | None = None
    extra_query: dict[str, Any] | None = None
    extra_body: dict[str, Any] | None = None


_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
"""An HTTP header name (RFC 9110 token); HTTP/1.1 refuses any other at send time."""


def check_headers(value: object, parameter: str) -> dict[str, str]:
    """``value`` as a dict of headers, each name and value checked as ``default_headers``
    are, names also as HTTP tokens (``X(y)`` or ``Bad Name`` would fail when sent,
    after retries); a credential header (``x-api-key``, ``Authorization``) is refused."""
    if not isinstance(value, Mapping):
        raise InvalidArgumentError(parameter, f"expected a dict of str, got {type(value).__name__}")
    headers: dict[str, str] = {}
    for name, item in value.items():
        check_header_value(name, parameter)
        if _TOKEN.fullmatch(name) is None:
            raise InvalidArgumentError(
                parameter, f"{name!r} is not a valid HTTP header name (RFC 9110 token)"
            )
        if name.lower() in CREDENTIAL_HEADERS:
            raise InvalidArgumentError(
                f"{parameter}[{name!r}]",
                "credentials cannot be set here; build the client with api_key= or token=",
            )
        headers[name] = check_header_value(item, f"{parameter}[{name!r}]")
    return headers


_SCALARS = (str, int, float)


def check_query(value: object, parameter: str = "extra_query") -> dict[str, Any]:
    """``value`` as query parameters: str keys, scalar or list-of-scalar values."""
    if not isinstance(value, Mapping):
        raise InvalidArgumentError(parameter, f"expected a dict, got {type(value).__name__}")
    query: dict[str, Any] = {}
    for key, item in value.items():
        if not isinstance(key, str) or not key:
            raise InvalidArgumentError(parameter, f"keys must be non-empty str, got {key!r}")
        where = f"{parameter}[{key!r}]"
        if isinstance(item, list | tuple):
            if not all(isinstance(v, _SCALARS) for v in item):
                raise InvalidArgumentError(where, "expected a list of str, int, float or bool")
            query[key] = list(item)
        elif isinstance(item, _SCALARS):  # bool is an int
            query[key] = item
        else:
            raise InvalidArgumentError(
                where,
                f"expected str, int, float, bool or a list of them, got {type(item).__name__}",
            )
    return query


def check_json(value: object, parameter: str) -> None:
    """Refuse ``value`` unless it encodes as JSON (finite numbers, str keys)."""
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError, RecursionError) as exc:
        raise InvalidArgumentError(parameter, f"not JSON-serializable: {exc}") from None


def check_body(value: object, parameter: str = "extra_body") -> dict[str, Any]:
    """``value`` as a dict to merge into a JSON body (its keys are not checked against
    the spec: that is what it is for)."""
    if not isinstance(value, Mapping):
        raise InvalidArgumentError(parameter, f"expected a dict, got {type(value).__name__}")
    body = dict(value)
    bad = [key for key in body if not isinstance(key, str)]
    if bad:
        raise InvalidArgumentError(parameter, f"keys must be str, got {bad[0]!r}")
    check_json(body, parameter)
    return body


def make(
    timeout: httpx.Timeout | None,
    extra_headers: object,
    extra_query: object,
    extra_body: object,
) -> RequestOptions | None:
    """The checked options; ``None`` when none was given (the common, free case)."""
    if extra_headers is None and extra_query is None and extra_body is None and timeout is None:
        return None
    return RequestOptions(
        timeout=timeout,
        extra_headers=None
        if extra_headers is None
        else check_headers(extra_headers, "extra_headers"),
        extra_query=None if extra_query is None else check_query(extra_query),
        extra_body=None if extra_body is None else check_body(extra_body),
    )


def deep_merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``extra`` merged in: a dict into a dict recursively, anything else
    replaced. ``base`` is not changed."""
    merged = dict(base)
    for key, value in extra.items():
        current = merged.get(key)
        if isinstance(current, dict) and isinstance(value, Mapping):
            merged[key] = deep_merge(current, value)
        else:
            merged[key] = value
    return merged


def apply(kwargs: dict[str, Any], options: RequestOptions) -> dict[str, Any]:
    """The ``build_request`` arguments ``kwargs`` with ``options`` applied (a new dict)."""
    kwargs = dict(kwargs)
    if options.timeout is not None:
        kwargs["timeout"] = options.timeout
    if options.extra_headers:
        kwargs["headers"] = {**kwargs["headers"], **options.extra_headers}
    if options.extra_query:
        # Into the URL itself: httpx's build_request would drop the query of a
        # next-page URL when given params= (it replaces rather than merges).
        params = {**(kwargs.get("params") or {}), **options.extra_query}
        kwargs["url"] = httpx.URL(kwargs["url"]).copy_merge_params(params)
        kwargs["params"] = None
    if options.extra_body is not None:
        body = kwargs.get("json")
        if not isinstance(body, dict):
            raise InvalidArgumentError("extra_body", "this request has no JSON object body")
        kwargs["json"] = deep_merge(body, options.extra_body)
    return kwargs


# ------------------------------------------------------------------ raw paths

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def check_path(path: object) -> str:
    """``path`` (relative to the base URL) with a leading ``/``; refused when it could
    leave the base URL: an absolute or scheme-relative URL, a ``.``/``..`` segment
    (also percent-encoded), a backslash, a query or fragment, control characters."""
    if not isinstance(path, str):
        raise InvalidArgumentError("path", f"expected str, got {type(path).__name__}")
    if not path.strip("/"):
        raise InvalidArgumentError("path", "must name a path under the base URL")
    if _SCHEME.match(path) or path.startswith("//"):
        raise InvalidArgumentError(
            "path", f"expected a path relative to the base URL, got the URL {path!r}"
        )
    if any(c in path for c in "?#"):
        raise InvalidArgumentError("path", "must not hold a query or fragment: use params=")
    if "\\" in path or not path.isprintable() or any(c.isspace() for c in path):
        raise InvalidArgumentError(
            "path", "must not hold backslashes, white space or control characters"
        )
    decoded = unquote(path)
    if any(segment in (".", "..") for segment in re.split(r"[/\\]", decoded)):
        raise InvalidArgumentError("path", "must not hold '.' or '..' segments")
    return path if path.startswith("/") else "/" + path


def check_same_base(url: httpx.URL, base_url: httpx.URL) -> None:
    """Refuse ``url`` unless it is on ``base_url``'s origin and under its path."""
    prefix = base_url.raw_path.rstrip(b"/") + b"/"
    if (url.scheme, url.host, url.port) != (base_url.scheme, base_url.host, base_url.port) or (
        not url.raw_path.startswith(prefix)
    ):
        raise InvalidArgumentError("path", f"leaves the base URL {base_url}")


# ------------------------------------------------------- may_have_taken_effect

# Raised before the request could reach the server (the retry policy's list, in
# gabber_client/_retry.py, plus a URL httpx cannot send at all).
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)


def may_have_taken_effect(outcome: httpx.RequestError | httpx.Response) -> bool:
    """Whether the server may have acted on an attempt that ended in ``outcome``: not
    after a failure to connect, nor after an answer the retry policy takes as "not
    acted on" (429, 503 with ``Retry-After``: retried even for ``start``)."""
    if isinstance(outcome, httpx.Response):
        return not _retry.should_retry_response(outcome, idempotent=False)
    return not isinstance(outcome, _NOT_SENT)
