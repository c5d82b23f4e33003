"""Errors raised from a response read their message from the error body the spec
declares for that operation and status (``{"error": ...}`` for a 500 of the eight
operations upstream gives one, ``BadRequest.message`` otherwise), and the fake's
injected errors carry the declared body."""

from __future__ import annotations

import pytest

from gabber_client import InternalServerError
from gabber_client._generated._spec_facts import ERROR_MESSAGES
from gabber_client.testing import FakeGabber

WITH_500_BODY = sorted(op for op, by_status in ERROR_MESSAGES.items() if "500" in by_status)
WITHOUT_500_BODY = sorted(op for op, by_status in ERROR_MESSAGES.items() if "500" not in by_status)


def test_the_spec_declares_upstreams_500_body() -> None:
    assert WITH_500_BODY  # no operation count: the spec may gain or lose some
    assert {ERROR_MESSAGES[op]["500"] for op in WITH_500_BODY} == {"error"}
    assert all(ERROR_MESSAGES[op]["400"] == "message" for op in ERROR_MESSAGES)


@pytest.mark.parametrize("body", ['{"error": "database down"}', '{"message": "database down"}'])
def test_a_500_message_is_read_from_its_body(body: str) -> None:
    fake = FakeGabber()
    session = fake.create_session()
    fake.inject_fault(status=500, body=body, operation="get_realtime_session")
    with fake.client(max_retries=0) as client, pytest.raises(InternalServerError) as caught:
        client.realtime.get(session["id"])
    assert caught.value.error_message == "database down"
    assert str(caught.value).endswith(": database down")


def test_an_injected_500_carries_the_declared_body() -> None:
    fake = FakeGabber()
    session = fake.create_session()
    fake.inject_fault(status=500, operation="get_realtime_session")
    with fake.client(max_retries=0) as client, pytest.raises(InternalServerError) as caught:
        client.realtime.get(session["id"])
    assert caught.value.body == {"error": "injected fault: HTTP 500"}
    assert caught.value.error_message == "injected fault: HTTP 500"


def test_a_500_without_a_declared_body_keeps_the_fault_body() -> None:
    fake = FakeGabber()
    session = fake.create_session()
    assert "speak" in WITHOUT_500_BODY
    fake.inject_fault(status=500, operation="speak")
    with fake.client(max_retries=0) as client, pytest.raises(InternalServerError) as caught:
        client.realtime.speak(session["id"], "hi")
    assert caught.value.body == {"message": "injected fault: HTTP 500"}
    assert caught.value.error_message == "injected fault: HTTP 500"
