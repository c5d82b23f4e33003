"""Defaults of the client."""

from __future__ import annotations

import httpx

DEFAULT_BASE_URL = "https://api.gabber.dev"

API_KEY_ENV = "GABBER_API_KEY"
BASE_URL_ENV = "GABBER_BASE_URL"

DEFAULT_MAX_RETRIES = 2

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
"""Connect 5 s; read, write and pool 30 s each. The realtime endpoints are control
calls that answer in well under a second; ``start`` provisions a session and can
take a few seconds. 30 s leaves ample room for that while a hung connection still
fails (and, for idempotent calls, retries) in bounded time."""

DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
"""64 MiB: the largest response body (decoded) a client reads; a larger one ends the
call with a typed error after reading at most that much. A page of 1,000 full
sessions is about 3.5 MB."""
