"""Clients whose "server" is a function: each test scripts the exact responses.

Used where the test needs a response the fake would never give (an enum value
from the future, a field the spec does not know yet). Nothing leaves the process.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from gabber_client import AsyncGabber, Gabber

BASE_URL = "http://gabber.test"
API_KEY = "sk-scripted-SECRET-0123456789"

Handler = Callable[[httpx.Request], httpx.Response]


MAX_REQUESTS = 5_000
"""More requests than any test makes: a walk past it is endless (a loop not detected)."""


class Recorder:
    """An httpx transport handler that records each request, then answers with
    ``handler``; it fails the test past :data:`MAX_REQUESTS` requests, so that a
    client that never stops (a page loop it misses) fails at once instead of hanging."""

    def __init__(self, handler: Handler, max_requests: int | None = MAX_REQUESTS) -> None:
        self.handler = handler
        self.max_requests = max_requests  # None: a client shared by many tests
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.max_requests is not None and len(self.requests) > self.max_requests:
            pytest.fail(f"more than {self.max_requests:,} requests: the client never stopped")
        return self.handler(request)


def json_response(body: Any, status: int = 200, **headers: str) -> httpx.Response:
    """A response carrying ``body`` as JSON."""
    return httpx.Response(
        status,
        content=json.dumps(body).encode(),
        headers={"content-type": "application/json", **headers},
    )


def always(body: Any, status: int = 200) -> Handler:
    """A handler that answers every request with ``body``."""
    return lambda _request: json_response(body, status)


def sync_client(
    handler: Handler, max_requests: int | None = MAX_REQUESTS, **options: Any
) -> tuple[Gabber, Recorder]:
    """A :class:`Gabber` whose requests go to ``handler``, and the recorder of them."""
    recorder = Recorder(handler, max_requests)
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    options.setdefault("api_key", API_KEY)
    return Gabber(base_url=BASE_URL, http_client=http, **options), recorder


def async_client(
    handler: Handler, max_requests: int | None = MAX_REQUESTS, **options: Any
) -> tuple[AsyncGabber, Recorder]:
    """An :class:`AsyncGabber` whose requests go to ``handler``, and the recorder of them."""
    recorder = Recorder(handler, max_requests)
    http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
    options.setdefault("api_key", API_KEY)
    return AsyncGabber(base_url=BASE_URL, http_client=http, **options), recorder
