"""When to retry a request, and how long to wait first.

The policy (documented in the README):

* Idempotent operations (GET, and the POSTs ``end``, ``update``, ``attach_human``)
  retry on any connection error or timeout and on 408, 429, 500, 502, 503, 504.
* Non-idempotent operations (``start``, ``speak``, ``dtmf``,
  ``initiate_outbound_call``) retry only when the request surely did not take
  effect: a failure to connect (or to get a pooled connection), 429, or 503 with a
  sane ``Retry-After`` header (see below). Never after a read timeout, a dropped
  connection or a 500, so a retry can never start two sessions or say a sentence
  twice.
* The wait is exponential with jitter: about 0.5 s, doubling per attempt, capped
  at 8 s, each multiplied by a random factor in [0.75, 1]. A sane ``Retry-After``
  header (seconds, or an HTTP date, asking for more than 0 and at most 60 s)
  replaces it. A negative, zero, unparsable or absurd one (beyond 60 s, a date in
  the past) is ignored: the client's own backoff applies, and a 503 carrying only
  such a header is not a reason to send a non-idempotent call again.
"""

from __future__ import annotations

import random
import time
from email.utils import parsedate_to_datetime

import httpx

INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0

_IDEMPOTENT_STATUSES = frozenset({408, 429, 500, 502, 503, 504})

# Exceptions raised before the request could reach the server. (Any other, such as
# httpx.UnsupportedProtocol, cannot happen: every request goes to the base URL's
# http(s) origin; were one raised, it would count as "may have been sent".)
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def should_retry_exception(exc: httpx.TransportError, *, idempotent: bool) -> bool:
    """Whether a request that raised ``exc`` may be sent again."""
    if idempotent:
        return True
    return isinstance(exc, _NOT_SENT)


def should_retry_response(response: httpx.Response, *, idempotent: bool) -> bool:
    """Whether a request answered by ``response`` may be sent again."""
    status = response.status_code
    if idempotent:
        return status in _IDEMPOTENT_STATUSES
    if status == 429:
        return True
    return status == 503 and retry_after(response.headers) is not None


def may_have_taken_effect(outcome: httpx.RequestError | httpx.Response) -> bool:
    """Whether the server may have acted on an attempt that ended in ``outcome``: not
    after a failure to connect, nor after an answer this policy takes as "not acted
    on" (429, 503 with a sane ``Retry-After``: retried even for ``start``)."""
    if isinstance(outcome, httpx.Response):
        return not should_retry_response(outcome, idempotent=False)
    return not isinstance(outcome, _NOT_SENT)


def retry_after(headers: httpx.Headers) -> float | None:
    """The wait a ``Retry-After`` header asks for, in seconds; ``None`` when the header
    is absent, unreadable or not sane (not more than 0 and at most 60 s)."""
    value = headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        seconds = when.timestamp() - time.time()
    if not 0.0 < seconds <= MAX_RETRY_AFTER:  # also NaN and infinities
        return None
    return seconds


def backoff(attempt: int) -> float:
    """The wait before retry number ``attempt`` (0 for the first retry) when the server
    gave no ``Retry-After``."""
    delay = min(INITIAL_RETRY_DELAY * 2.0**attempt, MAX_RETRY_DELAY)
    return delay * (1.0 - 0.25 * random.random())  # noqa: S311 - jitter, not crypto


def describe(exc_or_response: httpx.TransportError | httpx.Response) -> str:
    """A short reason for a retry, for the log."""
    if isinstance(exc_or_response, httpx.Response):
        return f"status {exc_or_response.status_code}"
    return type(exc_or_response).__name__
