"""Every operation's request, built by one function from the spec's facts.

:func:`build` checks the arguments of a facade method as the spec describes them
(``_generated/_spec_facts.py``), asks the operation's generated endpoint module for
the request (``_get_kwargs``: method, percent-encoded URL, params, headers, JSON
body) and pairs it with the generated model that reads the answer (``from_dict``,
which checks each field's JSON type as it reads it). No URL, body or model layout
is written here: a new operation of the spec needs no line in this module. The sync
and async resources both send these :class:`Call` objects, so they cannot drift
apart.

The generated code costs more to import than httpx (an attrs class per model), so
it is imported by name when an operation is first called: the first call of a fresh
process loads its own operation's modules only.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from types import ModuleType
from typing import TYPE_CHECKING, Any, Generic, Protocol, Self, TypeVar

import httpx

from ._generated.types import UNSET
from ._model_check import check_model
from ._operations import OPERATIONS, SPEC_OPERATIONS
from ._validation import (
    check_against_schema,
    check_header_value,
    check_id,
    check_text,
    response_problem,
)
from ._wire import where
from .errors import APIResponseValidationError, InvalidArgumentError

if TYPE_CHECKING:
    from ._generated.models import RealtimeSessionDTMFDigit, RealtimeSessionDTMFRequest
    from .types import RealtimeSessionDTMFDigitParam

__all__ = ["DEFAULT_DTMF_DURATION_MS", "Call", "build", "dtmf_body"]

_UNDECODED: Any = object()

T_co = TypeVar("T_co", covariant=True)
U = TypeVar("U")

DEFAULT_DTMF_DURATION_MS = 250
"""How long each DTMF tone lasts when ``dtmf(digits="...")`` is given a string."""


@dataclass(slots=True)
class Call(Generic[T_co]):
    """One request to send, and how to turn its 2xx response into the result.

    Never changed once built (``map`` and paging make new ones); not
    ``frozen``, which would triple the cost of building one on every request."""

    operation: str
    kwargs: dict[str, Any]
    idempotent: bool
    """May be retried once it may have been sent (``_operations.OPERATIONS``)."""
    parse: Callable[[httpx.Response], T_co]
    api_key_only: bool = False
    """The spec allows only ApiKeyAuth (its security, via ``_generated/_spec_facts.py``)."""
    paging: str = "none"
    """How its result pages (``_operations.Operation.paging``)."""

    def map(self, then: Callable[[T_co], U]) -> Call[U]:
        """The same request, with ``then`` applied to the parsed result."""
        parse = self.parse
        call: Call[Any] = self
        return replace(call, parse=lambda r: then(parse(r)))


class _Model(Protocol):
    """A generated attrs model (they all have ``from_dict``)."""

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


M = TypeVar("M", bound=_Model)


class _Endpoint:
    """What :func:`build` needs of one operation, read once (on its first call)."""

    __slots__ = ("body_model", "facts", "idempotent", "module", "paging", "parse", "query_kinds")

    def __init__(self, operation: str) -> None:
        from ._generated import models

        facts = SPEC_OPERATIONS[operation]
        entry = OPERATIONS[operation]
        self.facts = facts
        self.module: ModuleType = importlib.import_module(
            f"._generated.{facts.module}", __package__
        )
        self.body_model: Any = (
            getattr(models, facts.body_model) if facts.body_model is not None else None
        )
        self.parse: Callable[[httpx.Response], Any] = (
            _parser(getattr(models, facts.response)) if facts.response else _parse_empty
        )
        self.idempotent = entry.retry_after_sent
        self.paging = entry.paging
        self.query_kinds = {
            name: kind for where, _, name, kind in facts.parameters if where == "query"
        }


_endpoint = functools.cache(_Endpoint)


def build(
    operation: str,
    *,
    path: Mapping[str, object] | None = None,
    query: Mapping[str, object] | None = None,
    headers: Mapping[str, object] | None = None,
    human: str | None = None,
    fields: Mapping[str, object] | None = None,
    body: object = None,
    body_name: str = "body",
) -> Call[Any]:
    """The request of ``operation``, from a facade method's arguments.

    ``path``, ``query`` and ``headers`` are keyed by the endpoint module's keyword
    for each parameter; ``human`` is the ``x-human-id`` (already merged with the
    client's default). The body is either ``fields`` (its fields by wire name, as the
    facade flattens them; ``None`` values of optional fields are left out) or
    ``body`` (the whole body: a model, or a dict checked against the spec's schema,
    named ``body_name`` in errors). Every argument is checked before anything is
    sent: bad input raises :class:`InvalidArgumentError` naming it.
    """
    endpoint = _endpoint(operation)
    facts = endpoint.facts
    kwargs: dict[str, Any] = {}
    for name, value in (path or {}).items():
        kwargs[name] = check_id(value, name)
    for name, value in (query or {}).items():
        if value is not None:
            kind = endpoint.query_kinds.get(name)
            kwargs[name] = check_id(value, name) if kind == "string" else _typed(value, kind, name)
    for name, value in (headers or {}).items():
        if value is not None:
            kwargs[name] = check_header_value(value, name)
    if facts.human_header:
        kwargs["x_human_id"] = UNSET if human is None else check_header_value(human, "human")
    if fields is not None:
        kwargs["body"] = _body_from_fields(endpoint, fields)
    elif endpoint.body_model is not None:
        kwargs["body"] = _model(body, endpoint.body_model, body_name)
    return Call(
        operation,
        endpoint.module._get_kwargs(**kwargs),
        endpoint.idempotent,
        endpoint.parse,
        facts.api_key_only,
        endpoint.paging,
    )


def _body_from_fields(endpoint: _Endpoint, fields: Mapping[str, object]) -> Any:
    """The body model, from its fields by wire name, each checked as its kind says."""
    from ._generated import models

    data: dict[str, Any] = {}
    for wire, name, kind, required in endpoint.facts.body_fields or ():
        value = fields.get(wire)
        if value is None and not required:
            continue
        if kind.startswith("const "):
            data[wire] = kind.removeprefix("const ") if value is None else value
        elif kind.startswith("model "):
            data[wire] = _model(value, getattr(models, kind.removeprefix("model ")), name).to_dict()
        elif kind == "string" and required:
            data[wire] = check_text(value, name)
        else:
            data[wire] = _typed(value, kind, name)
    try:
        return endpoint.body_model.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InvalidArgumentError("body", f"{type(exc).__name__}: {exc}") from None


_JSON_TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "boolean": bool,
    "integer": int,
    "number": (int, float),
    "array": (list, tuple),
    "object": Mapping,
}


def _typed(value: object, kind: str | None, name: str) -> object:
    """``value`` if it is of the JSON type ``kind`` (any other kind: as is; the
    generated ``from_dict`` checks it)."""
    expected = _JSON_TYPES.get(kind or "")
    if expected is not None and (
        not isinstance(value, expected) or (isinstance(value, bool) and kind != "boolean")
    ):
        raise InvalidArgumentError(name, f"expected {kind}, got {type(value).__name__}")
    return value


def _parser(model: type[M]) -> Callable[[httpx.Response], M]:
    """The 2xx body of a response as a ``model`` (the generated ``from_dict``).

    The generated ``from_dict`` checks the JSON type of every field as it reads it
    (``generator-templates/checked_construct.jinja``), so any malformed body raises
    :class:`APIResponseValidationError` naming the field, never a raw
    KeyError/TypeError/ValueError/JSONDecodeError, and never a model holding a
    value of the wrong type.
    """
    name = model.__name__

    def parse(response: httpx.Response) -> M:
        data: Any = _UNDECODED
        try:
            data = response.json()
            return model.from_dict(data)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError, RecursionError) as exc:
            # (RecursionError: JSON nested too deeply to decode or walk)
            problem = f"{type(exc).__name__}: {exc}"
        if data is not _UNDECODED:
            with contextlib.suppress(RecursionError):  # name the field, where the spec can
                problem = response_problem(data, name) or problem
        raise APIResponseValidationError(
            f"{where(response.request)} returned a body that does not match {name}: {problem}",
            response=response,
        )

    return parse


def _parse_empty(response: httpx.Response) -> None:
    return None


def _model(value: object, model: type[M], parameter: str) -> M:
    """``value`` as a ``model``: a model is checked field by field against its
    annotations, a dict against the spec's schema of the same name (and converted);
    anything else is refused. Either way every problem is reported at once."""
    if isinstance(value, model):
        check_model(value, parameter)
        return value
    if not isinstance(value, Mapping):
        raise InvalidArgumentError(
            parameter, f"expected {model.__name__} or dict, got {type(value).__name__}"
        )
    data = dict(value)
    check_against_schema(data, model.__name__, parameter)
    result: M = model.from_dict(data)
    return result


# ------------------------------------------------ hand-tuned arguments (the table's
# ``body_builder``): the facade takes this function's parameters instead of the
# body's fields.
def dtmf_body(
    digits: str | Sequence[RealtimeSessionDTMFDigit | RealtimeSessionDTMFDigitParam],
    *,
    duration_ms: int = DEFAULT_DTMF_DURATION_MS,
) -> RealtimeSessionDTMFRequest:
    """The body of ``dtmf``, from its digits as a string or as a list.

    Args:
        digits: The keys to press: a string such as ``"123#"`` (0-9, ``*``, ``#``,
            A-D), or a list of digit models or dicts (each its own ``duration``,
            ``<pause>`` allowed).
        duration_ms: How long each tone of a string of digits lasts, in milliseconds.
    """
    from ._generated.models import RealtimeSessionDTMFDigit, RealtimeSessionDTMFRequest
    from ._generated.models.realtime_session_dtmf_digit_digit import (
        REALTIME_SESSION_DTMF_DIGIT_DIGIT_VALUES as allowed,
    )

    if isinstance(duration_ms, bool) or not isinstance(duration_ms, int) or duration_ms <= 0:
        raise InvalidArgumentError("duration_ms", f"expected a positive int, got {duration_ms!r}")
    if isinstance(digits, str):
        if not digits:
            raise InvalidArgumentError("digits", "must not be empty")
        bad = sorted({c for c in digits if c not in allowed})
        if bad:
            raise InvalidArgumentError(
                "digits", f"invalid DTMF digit(s) {bad}; allowed: 0-9, *, #, A, B, C, D"
            )
        tones = [RealtimeSessionDTMFDigit(digit=c, duration=duration_ms) for c in digits]
        return RealtimeSessionDTMFRequest(digits=tones)
    if not isinstance(digits, Sequence) or not digits:
        raise InvalidArgumentError("digits", "expected a non-empty str or list of digits")
    result = []
    for index, item in enumerate(digits):
        parameter = f"digits[{index}]"
        digit = _model(item, RealtimeSessionDTMFDigit, parameter)
        if digit.digit not in allowed:
            raise InvalidArgumentError(f"{parameter}.digit", f"invalid DTMF digit {digit.digit!r}")
        if isinstance(digit.duration, bool) or digit.duration <= 0:
            raise InvalidArgumentError(f"{parameter}.duration", "must be a positive int")
        result.append(digit)
    return RealtimeSessionDTMFRequest(digits=result)
