"""gabber-client: the typed Python client for the Gabber realtime API.

::

    from gabber_client import Gabber

    with Gabber() as client:  # GABBER_API_KEY from the environment
        started = client.realtime.start({...})
        client.realtime.speak(started.session.id, "Hello!")
        client.realtime.end(started.session.id)

:class:`AsyncGabber` has the same methods as coroutines. Models are in
:mod:`gabber_client.models`, errors in :mod:`gabber_client.errors` (re-exported
here), :class:`Unset` and :data:`UNSET` (the type and value of a request model field
that is not set), and a local fake of the API for tests in :mod:`gabber_client.testing`.
"""

from typing import TYPE_CHECKING, Any

from ._client import AsyncGabber, Gabber
from ._constants import (
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
)
from ._parse import parse_config
from ._request_id import get_request_id
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
from .pagination import AsyncPage, AsyncPaginator, SyncPage

if TYPE_CHECKING:
    from ._generated.types import UNSET, Unset

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "UNSET",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncGabber",
    "AsyncPage",
    "AsyncPaginator",
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
    "Unset",
    "__version__",
    "get_request_id",
    "parse_config",
]


def __getattr__(name: str) -> Any:
    # Unset and UNSET live in the generated types module, which imports attrs: loaded
    # on first use, so that `import gabber_client` stays as cheap as it was.
    if name in ("UNSET", "Unset"):
        from ._generated import types

        value = getattr(types, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
