"""Retry-policy behaviour that mutation testing found unpinned (issue 23, ``_retry``):
the reason a retry is logged with, and ``may_have_taken_effect`` after a call
whose earlier attempts got answers (429, 503 with or without ``Retry-After``,
500) and whose last attempt could not connect."""

from __future__ import annotations

import logging

import httpx
import pytest
from test_client_support import FakeClock

from gabber_client import APIConnectionError, Gabber


def _client(*replies: httpx.Response | Exception, max_retries: int = 1) -> Gabber:
    queue = list(replies)

    def handler(request: httpx.Request) -> httpx.Response:
        reply = queue.pop(0)
        if isinstance(reply, Exception):
            raise reply
        return reply

    http = httpx.Client(transport=httpx.MockTransport(handler))
    return Gabber(
        api_key="k", base_url="http://gabber.test", http_client=http, max_retries=max_retries
    )


def _ok() -> httpx.Response:
    return httpx.Response(200, json={"ok": True})


@pytest.mark.parametrize(
    ("first", "reason"),
    [
        (httpx.ConnectError("refused"), "ConnectError"),
        (httpx.ReadTimeout("slow"), "ReadTimeout"),
        (httpx.Response(503), "status 503"),
        (httpx.Response(429, headers={"Retry-After": "2"}), "status 429"),
    ],
)
def test_a_retry_is_logged_with_its_reason(
    first: httpx.Response | Exception,
    reason: str,
    fake_clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = _client(first, _ok())
    with caplog.at_level(logging.INFO, logger="gabber_client"):
        assert client.get("/v1/anything") == {"ok": True}
    (retry,) = [r.getMessage() for r in caplog.records if r.getMessage().startswith("retrying")]
    assert retry.startswith("retrying GET /v1/anything in ")
    assert retry.endswith(f"(retry 1 of 1): {reason}")


@pytest.mark.parametrize(
    ("first", "idempotent", "took_effect"),
    [
        # answers that say "not acted on": a later failure to connect leaves nothing done
        (httpx.Response(429), False, False),
        (httpx.Response(503, headers={"Retry-After": "1"}), False, False),
        # answers that may follow an action: retried only for an idempotent call
        (httpx.Response(500), True, True),
        (httpx.Response(503), True, True),
        (httpx.Response(503, headers={"Retry-After": "0"}), True, True),
    ],
)
def test_may_have_taken_effect_counts_every_attempt(
    first: httpx.Response, idempotent: bool, took_effect: bool, fake_clock: FakeClock
) -> None:
    client = _client(first, httpx.ConnectError("refused"))
    with pytest.raises(APIConnectionError) as caught:
        client.post("/v1/anything", json={"a": 1}, idempotent=idempotent)
    assert caught.value.may_have_taken_effect is took_effect
    assert len(fake_clock.waits) == 1  # the first answer was retried


@pytest.mark.parametrize("failure", [httpx.ConnectError("x"), httpx.PoolTimeout("x")])
def test_a_call_that_never_connected_did_not_take_effect(
    failure: Exception, fake_clock: FakeClock
) -> None:
    client = _client(failure, failure, max_retries=1)
    with pytest.raises(APIConnectionError) as caught:
        client.post("/v1/anything", json={}, idempotent=False)
    assert caught.value.may_have_taken_effect is False
    assert len(fake_clock.waits) == 1  # retried: surely not sent
