"""A local, stateful fake of the Gabber realtime API, for trying the client and
testing apps built on it: no API key, no network.

In-process (no sockets)::

    from gabber_client.testing import FakeGabber

    fake = FakeGabber()
    with fake.client() as client:  # a gabber_client.Gabber bound to the fake
        started = client.realtime.start({...})

    httpx.Client(transport=fake.transport())  # or plain httpx, sync or async

Over loopback::

    with FakeServer() as server:  # server.base_url, server.api_key
        ...

    $ gabber-fake --port 8080       # or: python -m gabber_client.testing

With pytest, the fixtures ``gabber_fake``, ``gabber`` and ``async_gabber`` are
available once gabber-client is installed.

The fake needs the ``fake`` extra (``pip install "gabber-client[fake]"``):
jsonschema to validate request bodies, uvicorn to serve over loopback. Without
it, the first use of a name of this package raises
:class:`ModuleNotFoundError` with that one-line hint.

Faults and records, for testing how an app copes::

    fake.inject_fault(status=429, headers={"Retry-After": "1"}, times=2)
    fake.inject_fault(drop=True, operation="end")  # as you call it: client.realtime.end
    assert fake.requests[-1].operation == "end_realtime_session"  # records: operationIds

The fake follows openapi.yaml: it validates request bodies against its schemas
(400 naming the field), enforces both security schemes (401), scopes sessions to
the human of a token or of ``x-human-id`` (404 for others), and answers only
with documented statuses and bodies (plus 405 for a method a path does not take).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from . import _extra

if TYPE_CHECKING:
    from ._asgi import FakeASGIApp
    from ._catalog import Catalog
    from ._fake import DEFAULT_API_KEY, DEFAULT_BASE_URL, FakeGabber
    from ._faults import Fault, OperationName
    from ._json import MessageJSON, SessionJSON
    from ._records import RecordedRequest
    from ._routing import OPERATION_IDS
    from ._server import FakeServer
    from ._transport import FakeTransport
    from ._validation import MAX_BODY_BYTES

__all__ = [
    "DEFAULT_API_KEY",
    "DEFAULT_BASE_URL",
    "MAX_BODY_BYTES",
    "OPERATION_IDS",
    "Catalog",
    "FakeASGIApp",
    "FakeGabber",
    "FakeServer",
    "FakeTransport",
    "Fault",
    "MessageJSON",
    "OperationName",
    "RecordedRequest",
    "SessionJSON",
]

# Imported on first use, so that importing the pytest plugin (which lives in this
# package) costs next to nothing.
_HOMES: dict[str, str] = {
    "DEFAULT_API_KEY": "._fake",
    "DEFAULT_BASE_URL": "._fake",
    "MAX_BODY_BYTES": "._validation",
    "OPERATION_IDS": "._routing",
    "Catalog": "._catalog",
    "FakeASGIApp": "._asgi",
    "FakeGabber": "._fake",
    "FakeServer": "._server",
    "FakeTransport": "._transport",
    "Fault": "._faults",
    "OperationName": "._faults",
    "MessageJSON": "._json",
    "SessionJSON": "._json",
    "RecordedRequest": "._records",
}


# What each name needs from the `fake` extra (the constants and plain records need
# nothing); checked on first use, so that a missing extra is one clear line.
_NEEDS: dict[str, tuple[str, ...]] = {
    "FakeASGIApp": _extra.IN_PROCESS,
    "FakeGabber": _extra.IN_PROCESS,
    "FakeServer": _extra.LOOPBACK,
    "FakeTransport": _extra.IN_PROCESS,
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    missing = _extra.missing_extra(_NEEDS.get(name, ()))
    if missing is not None:
        raise missing
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
