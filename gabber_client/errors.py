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

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

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
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
]


class GabberError(Exception):
    """The base of every exception gabber-client raises."""


class InvalidArgumentError(GabberError, ValueError, TypeError):
    """An argument is invalid; nothing was sent.

    It is both a :class:`ValueError` and a :class:`TypeError`, so either ``except``
    clause catches it. :attr:`parameter` names the offending argument (with a
    dotted path into a dict, e.g. ``config.generative.llm``).
    """

    def __init__(self, parameter: str, problem: str) -> None:
        self.parameter = parameter
        self.problem = problem
        super().__init__(f"{parameter}: {problem}")


class ClientStateError(GabberError):
    """The client cannot send this request; nothing was sent. The message says why:
    the client is closed (or was closed while the call was in flight), it is an
    :class:`AsyncGabber` used from a second event loop, or it was created before
    ``os.fork()`` with an ``http_client`` the parent process still uses."""


class APIError(GabberError):
    """An error talking to the Gabber API. :attr:`request` is the request that failed."""

    def __init__(self, message: str, *, request: httpx.Request) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APIConnectionError(APIError):
    """The request got no response: connection refused or reset, DNS failure, and so on."""

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool timeout)."""

    def __init__(self, message: str = "Request timed out.", *, request: httpx.Request) -> None:
        super().__init__(message, request=request)


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
    :attr:`type` and :attr:`error_message` come from a ``BadRequest``-shaped body
    (``{"type": ..., "message": ...}``) when there is one; :attr:`request_id` is the
    ``x-request-id`` response header.
    """

    def __init__(self, message: str, *, response: httpx.Response, body: Any) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.request_id = response.headers.get("x-request-id")
        fields = body if isinstance(body, dict) else {}
        type_ = fields.get("type")
        error_message = fields.get("message")
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
