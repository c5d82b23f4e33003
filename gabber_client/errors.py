"""The exceptions gabber-client raises: one small hierarchy under :class:`GabberError`.

::

    GabberError
    ├── InvalidArgumentError          bad input, refused before anything is sent
    ├── ClientStateError              the client cannot send: closed, forked, other loop
    └── APIError                      something went wrong talking to the API
        ├── APIConnectionError        no response (refused, reset, DNS, ...)
        │   └── APITimeoutError       the request timed out
        ├── APIResponseValidationError  a 2xx body is not what openapi.yaml says
        └── APIStatusError            a non-2xx status
            ├── BadRequestError           400
            ├── AuthenticationError       401
            ├── PermissionDeniedError     403
            ├── NotFoundError             404
            ├── ConflictError             409
            ├── UnprocessableEntityError  422
            ├── RateLimitError            429
            └── InternalServerError       >= 500

No message, ``str()`` or ``repr()`` of these errors contains an API key or token.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    import httpx

JSONValue: TypeAlias = "dict[str, JSONValue] | list[JSONValue] | str | int | float | bool | None"
"""A decoded JSON document: what :attr:`APIStatusError.body` holds."""

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientStateError",
    "ConflictError",
    "GabberError",
    "InternalServerError",
    "InvalidArgumentError",
    "JSONValue",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
]


class GabberError(Exception):
    """The base of every exception gabber-client raises.

    Every one pickles (to cross a process boundary: ``multiprocessing``,
    ``ProcessPoolExecutor``); a pickled error's request and response carry no
    credential (their credential headers are ``<redacted>``)."""

    def __reduce__(self) -> tuple[Any, ...]:
        from ._redact import scrubbed

        state = {name: scrubbed(value) for name, value in self.__dict__.items()}
        return (_rebuild, (type(self), self.args, state))


def _rebuild(cls: type[GabberError], args: tuple[Any, ...], state: dict[str, Any]) -> GabberError:
    """An error of class ``cls`` from what :meth:`GabberError.__reduce__` kept."""
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class InvalidArgumentError(GabberError, ValueError, TypeError):
    """An argument is invalid; nothing was sent.

    It is both a :class:`ValueError` and a :class:`TypeError`, so either ``except``
    clause catches it. :attr:`parameter` names the offending argument (with a
    dotted path into a dict, e.g. ``config.generative.llm``).

    An argument with several problems (a dict config missing three fields, say)
    is reported once, with all of them: :attr:`problems` lists each as
    ``(dotted path, problem)``, and the message joins them with ``"; "``.
    :attr:`parameter` and :attr:`problem` are the first.
    """

    def __init__(
        self,
        parameter: str,
        problem: str,
        *,
        more: Sequence[tuple[str, str]] = (),
        not_shown: int = 0,
    ) -> None:
        self.parameter = parameter
        self.problem = problem
        self.problems: tuple[tuple[str, str], ...] = ((parameter, problem), *more)
        message = "; ".join(f"{path}: {text}" for path, text in self.problems)
        if not_shown:
            message += f"; and {not_shown} more problem(s)"
        super().__init__(message)

    @classmethod
    def from_problems(
        cls, problems: Sequence[tuple[str, str]], *, limit: int = 20
    ) -> InvalidArgumentError:
        """One error for every ``(dotted path, problem)`` of ``problems`` (at least one):
        the first ``limit`` are listed, and counted past that."""
        (parameter, problem), *more = problems[:limit]
        return cls(parameter, problem, more=more, not_shown=max(len(problems) - limit, 0))


class ClientStateError(GabberError):
    """The client cannot send this request; nothing was sent. The message says why:
    the client is closed (or was closed while the call was in flight), it is an
    :class:`AsyncGabber` used from a second event loop, or it was created before
    ``os.fork()`` with an ``http_client`` the parent process still uses."""


class APIError(GabberError):
    """An error talking to the Gabber API. :attr:`request` is the request that failed."""

    def __init__(self, message: str, *, request: httpx.Request) -> None:
        from ._redact import hide_in_repr

        super().__init__(message)
        self.message = message
        self.request = hide_in_repr(request)


class APIConnectionError(APIError):
    """The request got no response: connection refused or reset, DNS failure, and so on.

    :attr:`may_have_taken_effect` says whether the server may have acted on it:
    ``False`` only when no attempt of the call can have reached the server (every
    attempt failed to connect, or to get a connection from the pool, or got an
    answer that says it was not acted on: 429, 503 with ``Retry-After``);
    ``True`` otherwise (a read timeout, a dropped connection, ...). After ``True``
    on ``start``, ``speak``, ``dtmf`` or ``initiate_outbound_call``, look before
    sending again (e.g. find the session with ``list``).

    Example:
        ```python
        from gabber_client import APIConnectionError
        from gabber_client.testing import FakeGabber
        from gabber_client.types import RealtimeSessionConfigCreateParam

        fake = FakeGabber()
        # The fake starts the session, then drops the connection: the answer is lost.
        fake.inject_fault(drop=True, operation="start_realtime_session")
        config: RealtimeSessionConfigCreateParam = {
            "general": {},
            "input": {},
            "generative": {"llm": "llm_1"},
            "output": {"stream_transcript": True},
        }
        with fake.client() as client:
            try:
                client.realtime.start(config)
            except APIConnectionError as exc:
                print(exc.may_have_taken_effect)  # True: not safe to simply start again
                print(client.realtime.list().total_count)  # 1: it did start
        ```
    """

    def __init__(
        self,
        message: str = "Connection error.",
        *,
        request: httpx.Request,
        may_have_taken_effect: bool = True,
    ) -> None:
        super().__init__(message, request=request)
        self.may_have_taken_effect = may_have_taken_effect


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool timeout)."""

    def __init__(
        self,
        message: str = "Request timed out.",
        *,
        request: httpx.Request,
        may_have_taken_effect: bool = True,
    ) -> None:
        super().__init__(message, request=request, may_have_taken_effect=may_have_taken_effect)


class APIResponseValidationError(APIError):
    """A successful (2xx) response whose body is not what openapi.yaml describes:
    not JSON, or a field missing or of the wrong type."""

    def __init__(self, message: str, *, response: httpx.Response) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The API answered with a non-2xx status.

    :attr:`body` is the parsed JSON body (``None`` when the body is not JSON);
    :attr:`error_message` is the message field of the error body the spec declares
    for this operation and status (``message`` of a ``BadRequest`` body, ``error``
    of a 500's ``{"error": ...}``), :attr:`type` the ``type`` field, when there is
    one; :attr:`request_id` is the ``x-request-id`` response header.
    """

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: JSONValue,
        message_field: str = "message",
    ) -> None:
        super().__init__(message, request=response.request)
        self.response: httpx.Response = response
        self.status_code: int = response.status_code
        self.body: JSONValue = body
        self.request_id: str | None = response.headers.get("x-request-id")
        fields = body if isinstance(body, dict) else {}
        type_ = fields.get("type")
        error_message = fields.get(message_field)
        self.type: str | None = type_ if isinstance(type_, str) else None
        self.error_message: str | None = error_message if isinstance(error_message, str) else None


class BadRequestError(APIStatusError):
    """400: the API rejected the request (see :attr:`type` and :attr:`error_message`)."""


class AuthenticationError(APIStatusError):
    """401: missing or rejected credentials."""


class PermissionDeniedError(APIStatusError):
    """403: the credentials may not do this."""


class NotFoundError(APIStatusError):
    """404: no such session (or not visible to this human)."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the session's state."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was well-formed but could not be processed."""


class RateLimitError(APIStatusError):
    """429: too many requests; retried automatically, raised when retries run out."""


class InternalServerError(APIStatusError):
    """A 5xx status: the server failed."""


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status_code: int) -> type[APIStatusError]:
    """The :class:`APIStatusError` subclass for ``status_code``."""
    if status_code >= 500:
        return InternalServerError
    return _STATUS_ERRORS.get(status_code, APIStatusError)
