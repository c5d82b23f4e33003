"""Per-call request options: ``timeout=``, ``extra_headers=``, ``extra_query=`` and
``extra_body=`` of every facade method, checked once per call and applied to the
request the client builds (so to its first attempt, every retry, and every page a
pager it returned fetches).

The checks of headers and query parameters here also serve ``client.get``/``client.post``
and ``with_options(default_headers=)``. Nothing here sends anything. (Raw paths are
checked by ``_validation.check_path``; whether a failed attempt may have taken
effect is the retry policy's ``_retry.may_have_taken_effect``.)
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

import httpx

from ._validation import check_header_name, check_header_value
from ._wire import CREDENTIAL_HEADERS
from .errors import InvalidArgumentError

__all__ = ["RequestOptions"]

QueryValue: TypeAlias = str | int | float | bool | Sequence[str | int | float | bool]
"""A query parameter's value: a scalar, or a list of them (the parameter repeated)."""

Timeout: TypeAlias = float | httpx.Timeout | None
Headers: TypeAlias = Mapping[str, str]
Query: TypeAlias = Mapping[str, QueryValue]
Body: TypeAlias = Mapping[str, object]


@dataclass(frozen=True, slots=True)
class RequestOptions:
    """The checked per-call options of one call (``None``: not given)."""

    timeout: httpx.Timeout | None = None
    extra_headers: dict[str, str] | None = None
    extra_query: dict[str, Any] | None = None
    extra_body: dict[str, Any] | None = None


def check_headers(value: object, parameter: str) -> dict[str, str]:
    """``value`` as a dict of headers, each name and value checked as ``default_headers``
    are, names also as HTTP tokens (``X(y)`` or ``Bad Name`` would fail when sent,
    after retries); a credential header (``x-api-key``, ``Authorization``) is refused."""
    if not isinstance(value, Mapping):
        raise InvalidArgumentError(parameter, f"expected a dict of str, got {type(value).__name__}")
    headers: dict[str, str] = {}
    for name, item in value.items():
        check_header_name(name, parameter)
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
    if options.extra_body is not None:  # only methods with a JSON object body take it
        kwargs["json"] = deep_merge(kwargs["json"], options.extra_body)
    return kwargs
