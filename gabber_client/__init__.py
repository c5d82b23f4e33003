"""gabber-client: the typed Python client for the Gabber realtime API.

::

    from gabber_client import Gabber

    with Gabber() as client:  # GABBER_API_KEY from the environment
        started = client.realtime.start({...})
        client.realtime.speak(started.session.id, "Hello!")
        client.realtime.end(started.session.id)

:class:`AsyncGabber` has the same methods as coroutines. Models are in
:mod:`gabber_client.models`, errors in :mod:`gabber_client.errors` (re-exported
here), and a local fake of the API for tests in :mod:`gabber_client.testing`.
"""

from ._client import AsyncGabber, Gabber
from ._constants import (
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
)
from ._response import APIResponse
from ._version import __version__
from .errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientStateError,
    ConflictError,
    GabberError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from .pagination import AsyncPage, SyncPage

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncGabber",
    "AsyncPage",
    "AuthenticationError",
    "BadRequestError",
    "ClientStateError",
    "ConflictError",
    "Gabber",
    "GabberError",
    "InternalServerError",
    "InvalidArgumentError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "SyncPage",
    "UnprocessableEntityError",
    "__version__",
]
