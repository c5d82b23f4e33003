"""Issue 14, item 7: ``Retry-After`` is used only when it is sane (more than 0 and
at most 60 s); otherwise the client's own backoff applies, and a 503 whose
``Retry-After`` cannot be used never makes a non-idempotent call go out again."""

from __future__ import annotations

import time
from email.utils import formatdate

import httpx
import pytest

from gabber_client import InternalServerError

from . import payloads
from .scripted import json_response, sync_client

UNUSABLE = ["soon", "", "-1", "0", "61", "3600", "1e999", "inf", "nan", "-inf", "0x10"]


def _503_then_ok(retry_after: str) -> list[httpx.Response]:
    return [
        json_response({"message": "busy"}, 503, **{"Retry-After": retry_after}),
        json_response(payloads.session()),
    ]


@pytest.mark.parametrize("retry_after", UNUSABLE)
def test_unusable_retry_after_on_503_does_not_resend_a_non_idempotent_call(
    retry_after: str, waits: list[float]
) -> None:
    answers = _503_then_ok(retry_after)
    client, recorder = sync_client(lambda _r: answers.pop(0), max_retries=3)

    with pytest.raises(InternalServerError):
        client.realtime.speak("rs_1", "hello")

    assert len(recorder.requests) == 1
    assert waits == []


def test_past_http_date_on_503_does_not_resend_a_non_idempotent_call(waits: list[float]) -> None:
    answers = _503_then_ok(formatdate(time.time() - 600, usegmt=True))
    client, recorder = sync_client(lambda _r: answers.pop(0), max_retries=3)

    with pytest.raises(InternalServerError):
        client.realtime.speak("rs_1", "hello")
    assert len(recorder.requests) == 1


@pytest.mark.parametrize("retry_after", UNUSABLE)
def test_unusable_retry_after_on_an_idempotent_call_uses_the_backoff(
    retry_after: str, waits: list[float]
) -> None:
    answers = _503_then_ok(retry_after)
    client, recorder = sync_client(lambda _r: answers.pop(0), max_retries=3)

    assert client.realtime.get("rs_1").id == "rs_1"
    assert len(recorder.requests) == 2
    (wait,) = waits
    assert 0.375 <= wait <= 0.5  # the first backoff step, whatever the header said


@pytest.mark.parametrize(("retry_after", "expected"), [("0.25", 0.25), ("7", 7.0), ("60", 60.0)])
def test_sane_retry_after_on_503_is_honoured_even_for_speak(
    retry_after: str, expected: float, waits: list[float]
) -> None:
    answers = _503_then_ok(retry_after)
    client, recorder = sync_client(lambda _r: answers.pop(0), max_retries=3)

    assert client.realtime.speak("rs_1", "hello").id == "rs_1"
    assert len(recorder.requests) == 2
    assert waits == [expected]
