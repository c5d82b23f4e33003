"""The eleven operations as data: what to send and how to read the answer.

Each builder checks its arguments, asks the generated module for the request
(``_get_kwargs``: method, percent-encoded URL, params, headers, JSON body) and
pairs it with the generated model that reads the answer (``from_dict``, which
checks each field's JSON type as it reads it). No URL, body or model layout is
written here a second time. The sync and async resources both send these
:class:`Call` objects, so they cannot drift apart.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Generic, Protocol, Self, TypeVar, cast

import httpx

if TYPE_CHECKING:  # at run time each builder imports what it uses on its first call
    from ._generated.api.realtime import (
        attach_human,
        dtmf,
        end_realtime_session,
        get_realtime_session,
        get_realtime_session_messages,
        get_realtime_session_timeline,
        initiate_outbound_call,
        list_realtime_sessions,
        speak,
        start_realtime_session,
        update_realtime_session,
    )
    from ._generated.models import (
        AttachHumanRequest,
        Extra,
        GetRealtimeSessionMessages200Response,
        GetRealtimeSessionTimeline200Response,
        ListRealtimeSessions200Response,
        RealtimeSession,
        RealtimeSessionConfigCreate,
        RealtimeSessionConfigUpdate,
        RealtimeSessionDTMFDigit,
        RealtimeSessionDTMFRequest,
        RealtimeSessionInitiateOutboundCallRequestPhone,
        RealtimeSessionStartResponse,
        SpeakRequest,
        StartRealtimeSessionRequest,
    )
    from ._generated.models.realtime_session_dtmf_digit_digit import (
        REALTIME_SESSION_DTMF_DIGIT_DIGIT_VALUES,
    )
from ._generated.types import UNSET, Unset
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

# The generated code costs more to import than httpx (an attrs class per model): this
# module is imported when the first client is built (see _client.py), and each builder
# imports the generated modules it uses when it is first called (@_imports), so the
# first call of a fresh process loads its own operation's models only.

_SOURCES: dict[str, str] = {
    **{
        name: f"._generated.api.realtime.{name}"
        for name in (
            "attach_human",
            "dtmf",
            "end_realtime_session",
            "get_realtime_session",
            "get_realtime_session_messages",
            "get_realtime_session_timeline",
            "initiate_outbound_call",
            "list_realtime_sessions",
            "speak",
            "start_realtime_session",
            "update_realtime_session",
        )
    },
    "REALTIME_SESSION_DTMF_DIGIT_DIGIT_VALUES": (
        "._generated.models.realtime_session_dtmf_digit_digit"
    ),
}
"""Where each generated name the builders use comes from: an endpoint module is the
module itself; any other name is an attribute of its module (models: ``_generated.models``)."""

F = TypeVar("F", bound=Callable[..., Any])


def _load(name: str) -> Any:
    source = _SOURCES.get(name, "._generated.models")
    module = importlib.import_module(source, __package__)
    return module if source.rsplit(".", 1)[-1] == name else getattr(module, name)


def _imports(*names: str) -> Callable[[F], F]:
    """Import ``names`` into this module the first time the decorated builder runs,
    then put the builder itself in place of this wrapper: later calls cost nothing."""

    def decorate(builder: F) -> F:
        def first_call(*args: Any, **kwargs: Any) -> Any:
            namespace = globals()
            for name in names:
                if name not in namespace:
                    namespace[name] = _load(name)
            namespace[builder.__name__] = builder
            return builder(*args, **kwargs)

        first_call.__name__ = builder.__name__
        first_call.__qualname__ = builder.__qualname__
        first_call.__doc__ = builder.__doc__
        first_call.__wrapped__ = builder  # type: ignore[attr-defined]
        return cast(F, first_call)

    return decorate


_UNDECODED: Any = object()

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
U = TypeVar("U")

DEFAULT_DTMF_DURATION_MS = 250
"""How long each DTMF tone lasts when ``dtmf(digits="...")`` is given a string."""


@dataclass(slots=True)
class Call(Generic[T_co]):
    """One request to send, and how to turn its 2xx response into the result.

    Never changed once built (``map`` and ``next_page_call`` make new ones); not
    ``frozen``, which would triple the cost of building one on every request."""

    operation: str
    kwargs: dict[str, Any]
    idempotent: bool
    """May be retried once it may have been sent (``_operations.OPERATIONS``)."""
    parse: Callable[[httpx.Response], T_co]
    api_key_only: bool = False
    """The spec allows only ApiKeyAuth (its security, via ``_generated/_spec_facts.py``)."""

    def map(self, then: Callable[[T_co], U]) -> Call[U]:
        """The same request, with ``then`` applied to the parsed result."""
        parse = self.parse
        return Call(
            self.operation,
            self.kwargs,
            self.idempotent,
            lambda r: then(parse(r)),
            self.api_key_only,
        )


_POLICY: dict[str, tuple[bool, bool]] = {
    operation: (entry.retry_after_sent, SPEC_OPERATIONS[operation].api_key_only)
    for operation, entry in OPERATIONS.items()
    if operation in SPEC_OPERATIONS
}
"""operationId -> (idempotent, api_key_only): the table's retry policy and the spec's
security, looked up once per call."""


def _call(operation: str, kwargs: dict[str, Any], parse: Callable[[httpx.Response], T]) -> Call[T]:
    idempotent, api_key_only = _POLICY[operation]
    return Call(operation, kwargs, idempotent, parse, api_key_only)


class _Model(Protocol):
    """A generated attrs model (they all have ``from_dict``)."""

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


M = TypeVar("M", bound=_Model)


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


def _human(value: str | None) -> str | Unset:
    return UNSET if value is None else check_header_value(value, "human")


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


@_imports(
    "start_realtime_session",
    "StartRealtimeSessionRequest",
    "RealtimeSessionConfigCreate",
    "Extra",
    "RealtimeSessionStartResponse",
)
def start(
    config: RealtimeSessionConfigCreate | Mapping[str, Any],
    *,
    simulated: bool | None,
    extra: Mapping[str, Any] | None,
    human: str | None,
) -> Call[RealtimeSessionStartResponse]:
    """``POST /v1/realtime/start``."""
    body = StartRealtimeSessionRequest(config=_model(config, RealtimeSessionConfigCreate, "config"))
    if simulated is not None:
        if not isinstance(simulated, bool):
            raise InvalidArgumentError(
                "simulated", f"expected bool, got {type(simulated).__name__}"
            )
        body.simulated = simulated
    if extra is not None:
        if not isinstance(extra, Mapping):
            raise InvalidArgumentError("extra", f"expected dict, got {type(extra).__name__}")
        body.field_extra = Extra.from_dict(dict(extra))
    return _call(
        "start_realtime_session",
        start_realtime_session._get_kwargs(body=body, x_human_id=_human(human)),
        _parser(RealtimeSessionStartResponse),
    )


@_imports("get_realtime_session", "RealtimeSession")
def get(session: str, *, human: str | None) -> Call[RealtimeSession]:
    """``GET /v1/realtime/{session}``."""
    return _call(
        "get_realtime_session",
        get_realtime_session._get_kwargs(
            session=check_id(session, "session"), x_human_id=_human(human)
        ),
        _parser(RealtimeSession),
    )


@_imports("update_realtime_session", "RealtimeSessionConfigUpdate", "RealtimeSession")
def update(
    session: str, config: RealtimeSessionConfigUpdate | Mapping[str, Any], *, human: str | None
) -> Call[RealtimeSession]:
    """``POST /v1/realtime/{session}/update``."""
    body = _model(config, RealtimeSessionConfigUpdate, "config")
    return _call(
        "update_realtime_session",
        update_realtime_session._get_kwargs(
            session=check_id(session, "session"), body=body, x_human_id=_human(human)
        ),
        _parser(RealtimeSession),
    )


@_imports("end_realtime_session", "RealtimeSession")
def end(session: str, *, human: str | None) -> Call[RealtimeSession]:
    """``POST /v1/realtime/{session}/end``."""
    return _call(
        "end_realtime_session",
        end_realtime_session._get_kwargs(
            session=check_id(session, "session"), x_human_id=_human(human)
        ),
        _parser(RealtimeSession),
    )


@_imports("list_realtime_sessions", "ListRealtimeSessions200Response")
def list_sessions(page: str | None, *, human: str | None) -> Call[ListRealtimeSessions200Response]:
    """``GET /v1/realtime/list``."""
    token: str | Unset = UNSET if page is None else check_id(page, "page")
    return _call(
        "list_realtime_sessions",
        list_realtime_sessions._get_kwargs(page=token, x_human_id=_human(human)),
        _parser(ListRealtimeSessions200Response),
    )


@_imports("get_realtime_session_messages", "GetRealtimeSessionMessages200Response")
def messages(session: str, *, human: str | None) -> Call[GetRealtimeSessionMessages200Response]:
    """``GET /v1/realtime/{session}/messages``."""
    return _call(
        "get_realtime_session_messages",
        get_realtime_session_messages._get_kwargs(
            session=check_id(session, "session"), x_human_id=_human(human)
        ),
        _parser(GetRealtimeSessionMessages200Response),
    )


@_imports("get_realtime_session_timeline", "GetRealtimeSessionTimeline200Response")
def timeline(session: str, *, human: str | None) -> Call[GetRealtimeSessionTimeline200Response]:
    """``GET /v1/realtime/{session}/timeline``."""
    return _call(
        "get_realtime_session_timeline",
        get_realtime_session_timeline._get_kwargs(
            session=check_id(session, "session"), x_human_id=_human(human)
        ),
        _parser(GetRealtimeSessionTimeline200Response),
    )


def next_page_call(call: Call[T], url: str) -> Call[T]:
    """``call`` sent to ``url`` (a next-page URL, already checked to be on the base URL's
    origin) instead of its own URL; headers and parsing stay the same."""
    return replace(call, kwargs={**call.kwargs, "url": url})


@_imports("speak", "SpeakRequest", "RealtimeSession")
def speak_text(session: str, text: str) -> Call[RealtimeSession]:
    """``POST /v1/realtime/{session}/speak``."""
    return _call(
        "speak",
        speak._get_kwargs(
            session=check_id(session, "session"), body=SpeakRequest(text=check_text(text, "text"))
        ),
        _parser(RealtimeSession),
    )


@_imports("attach_human", "AttachHumanRequest", "RealtimeSession")
def attach(session: str, human: str) -> Call[RealtimeSession]:
    """``POST /v1/realtime/session/{session}/attach_human``."""
    return _call(
        "attach_human",
        attach_human._get_kwargs(
            session=check_id(session, "session"),
            body=AttachHumanRequest(human=check_id(human, "human")),
        ),
        _parser(RealtimeSession),
    )


@_imports(
    "initiate_outbound_call", "RealtimeSessionInitiateOutboundCallRequestPhone", "RealtimeSession"
)
def outbound_call(
    session: str, *, source_phone_number: str, destination_phone_number: str
) -> Call[RealtimeSession]:
    """``POST /v1/realtime/{session}/outbound_call``."""
    body = RealtimeSessionInitiateOutboundCallRequestPhone(
        type_="phone",
        source_phone_number=check_text(source_phone_number, "source_phone_number"),
        destination_phone_number=check_text(destination_phone_number, "destination_phone_number"),
    )
    return _call(
        "initiate_outbound_call",
        initiate_outbound_call._get_kwargs(session=check_id(session, "session"), body=body),
        _parser(RealtimeSession),
    )


def _dtmf_digits(
    digits: str | Sequence[RealtimeSessionDTMFDigit | Mapping[str, Any]], duration_ms: int
) -> list[RealtimeSessionDTMFDigit]:
    if isinstance(duration_ms, bool) or not isinstance(duration_ms, int) or duration_ms <= 0:
        raise InvalidArgumentError("duration_ms", f"expected a positive int, got {duration_ms!r}")
    if isinstance(digits, str):
        if not digits:
            raise InvalidArgumentError("digits", "must not be empty")
        bad = sorted({c for c in digits if c not in REALTIME_SESSION_DTMF_DIGIT_DIGIT_VALUES})
        if bad:
            raise InvalidArgumentError(
                "digits", f"invalid DTMF digit(s) {bad}; allowed: 0-9, *, #, A, B, C, D"
            )
        return [RealtimeSessionDTMFDigit(digit=c, duration=duration_ms) for c in digits]
    if not isinstance(digits, Sequence) or not digits:
        raise InvalidArgumentError("digits", "expected a non-empty str or list of digits")
    result = []
    for index, item in enumerate(digits):
        parameter = f"digits[{index}]"
        digit = _model(item, RealtimeSessionDTMFDigit, parameter)
        if digit.digit not in REALTIME_SESSION_DTMF_DIGIT_DIGIT_VALUES:
            raise InvalidArgumentError(f"{parameter}.digit", f"invalid DTMF digit {digit.digit!r}")
        if isinstance(digit.duration, bool) or digit.duration <= 0:
            raise InvalidArgumentError(f"{parameter}.duration", "must be a positive int")
        result.append(digit)
    return result


@_imports(
    "dtmf",
    "RealtimeSessionDTMFRequest",
    "RealtimeSessionDTMFDigit",
    "REALTIME_SESSION_DTMF_DIGIT_DIGIT_VALUES",
)
def send_dtmf(
    session: str,
    digits: str | Sequence[RealtimeSessionDTMFDigit | Mapping[str, Any]],
    *,
    duration_ms: int,
) -> Call[None]:
    """``POST /v1/realtime/{session}/dtmf``."""
    body = RealtimeSessionDTMFRequest(digits=_dtmf_digits(digits, duration_ms))
    return _call(
        "dtmf",
        dtmf._get_kwargs(session=check_id(session, "session"), body=body),
        _parse_empty,
    )
