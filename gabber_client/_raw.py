"""``client.get``/``client.post``: calls to endpoints the spec does not have yet,
with the client's credentials, base URL, logging, errors and retry policy.

The path is checked to stay under the base URL before anything is sent (no
absolute URL, no ``..``), the headers as ``default_headers`` are (no credentials),
and the result is parsed as the generated model ``cast_to`` (checked like any
response) or returned as the decoded JSON.
"""

from __future__ import annotations

from typing import Any

import httpx

from . import _options, _validation
from ._calls import Call, _parser
from ._generated import models as _models
from ._wire import where
from .errors import APIResponseValidationError, InvalidArgumentError

__all__ = ["raw_call"]


def _decoded_json(response: httpx.Response) -> Any:
    """The body as decoded JSON; ``None`` for an empty body."""
    if not response.content:
        return None
    try:
        return response.json()
    except (ValueError, RecursionError) as exc:
        raise APIResponseValidationError(
            f"{where(response.request)} returned a body that is not JSON: {type(exc).__name__}",
            response=response,
        ) from None


def _check_cast_to(cast_to: object) -> type[Any]:
    if isinstance(cast_to, type):
        model: type[Any] = cast_to
        generated: object = getattr(_models, model.__name__, None)
        if generated is model:
            return model
    raise InvalidArgumentError(
        "cast_to", f"expected a model class of gabber_client.models or None, got {cast_to!r}"
    )


def raw_call(
    method: str,
    path: object,
    params: object,
    headers: object,
    *,
    json: object = None,
    cast_to: object,
    idempotent: object,
) -> Call[Any]:
    """The :class:`Call` of ``client.get``/``client.post``."""
    checked_path = _validation.check_path(path)
    if not isinstance(idempotent, bool):
        raise InvalidArgumentError("idempotent", f"expected bool, got {type(idempotent).__name__}")
    kwargs: dict[str, Any] = {"method": method, "url": checked_path}
    if params is not None:
        kwargs["params"] = _options.check_query(params, "params")
    if headers is not None:
        kwargs["headers"] = _options.check_headers(headers, "headers")
    if json is not None:
        _options.check_json(json, "json")
        kwargs["json"] = json
    parse = _decoded_json if cast_to is None else _parser(_check_cast_to(cast_to))
    return Call(f"{method} {checked_path}", kwargs, idempotent, parse)
