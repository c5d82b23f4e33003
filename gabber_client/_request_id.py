"""The request id of a successful call, reachable from its result.

The generated models are slotted attrs classes built without ``__init__``, so
they cannot carry an extra attribute; the id is kept beside the result instead,
for as long as the result lives (a weak reference drops it with the result):
``gabber_client.get_request_id(result)``.
"""

from __future__ import annotations

import weakref
from typing import Any

import httpx

__all__ = ["get_request_id"]

REQUEST_ID_HEADER = "x-request-id"

# id(result) -> (a weak reference to result, its request id). The weak reference's
# callback removes the entry when the result dies, before its id can be reused.
_IDS: dict[int, tuple[weakref.ref[Any], str]] = {}


def remember(result: object, response: httpx.Response) -> None:
    """Keep ``response``'s request id for ``result`` (nothing when it has none, or when
    ``result`` is ``None``, a dict or a list: the ``cast_to=None`` of ``client.get``)."""
    request_id = response.headers.get(REQUEST_ID_HEADER)
    if request_id is None or result is None:
        return
    key = id(result)
    try:
        ref = weakref.ref(result, lambda _: _IDS.pop(key, None))
    except TypeError:  # not weakly referenceable: a dict, a list, a str
        return
    _IDS[key] = (ref, request_id)


def get_request_id(result: object) -> str | None:
    """The ``x-request-id`` the server sent with ``result`` (what support asks for).

    ``result`` is what a client method returned: a model, or a page of ``list``,
    ``messages`` or ``timeline`` (each page has the id of its own request). ``None``
    when the server sent no request id, or for a result that is not one (``dtmf``
    returns ``None``: use ``with_raw_response`` for its id).

    Example:
        ```python
        from gabber_client import Gabber, get_request_id

        with Gabber() as client:
            page = client.realtime.list()
            print(get_request_id(page))  # e.g. req_000042
        ```
    """
    entry = _IDS.get(id(result))
    if entry is None or entry[0]() is not result:
        return None
    return entry[1]
