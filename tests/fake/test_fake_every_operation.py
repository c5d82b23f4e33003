"""The fake serves every operation of the spec, including those it has no
behaviour for: validated as declared, answered from the response schema (the
session itself when the schema is the session model), never a 501.

An operation without behaviour is simulated by removing the fake's handler of a
real operation, so each of the spec's operation shapes is tried: with and
without a body, a session in the path or not, a session, a page, a start
response or no body as the answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from gabber_client._generated._spec_facts import OPERATIONS as SPEC_OPERATIONS
from gabber_client._minimal import minimal_value
from gabber_client.testing import FakeGabber, _fake
from gabber_client.testing._schema import SESSION_SCHEMA

from .support import BASE_URL, KEY, assert_conforms

OPERATIONS = sorted(SPEC_OPERATIONS)


def _request(
    http: httpx.Client, operation: str, session: str, body: Any = None, **headers: str
) -> httpx.Response:
    facts = SPEC_OPERATIONS[operation]
    path = facts.path.replace("{session}", session)
    if body is None and facts.request_body is not None:
        body = minimal_value(facts.request_body)
    return http.request(facts.method, path, json=body, headers=headers)


@pytest.fixture
def fake() -> FakeGabber:
    return FakeGabber()


@pytest.fixture
def http(fake: FakeGabber) -> Iterator[httpx.Client]:
    with httpx.Client(
        transport=fake.transport(), base_url=BASE_URL, headers={"x-api-key": KEY}
    ) as client:
        yield client


@pytest.mark.parametrize("operation", OPERATIONS)
def test_the_schema_answers_an_operation_without_behaviour(
    operation: str, fake: FakeGabber, http: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = fake.create_session()
    monkeypatch.setattr(_fake, "_HANDLERS", {})
    before = fake.get_session(session["id"])
    response = _request(http, operation, session["id"])
    assert response.status_code == 200, response.text
    assert_conforms(response)
    facts = SPEC_OPERATIONS[operation]
    if facts.response is None:
        assert response.content == b""
    elif facts.response == SESSION_SCHEMA and "{session}" in facts.path:
        assert response.json() == before  # the stored session, unchanged
    assert fake.requests[-1].operation == operation


@pytest.mark.parametrize(
    "operation", [op for op in OPERATIONS if "{session}" in SPEC_OPERATIONS[op].path]
)
def test_an_operation_without_behaviour_checks_the_session(
    operation: str, fake: FakeGabber, http: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    owned = fake.create_session(human="h_1")
    monkeypatch.setattr(_fake, "_HANDLERS", {})
    assert _request(http, operation, "rs_missing").status_code == 404
    if SPEC_OPERATIONS[operation].human_header:
        other = _request(http, operation, owned["id"], **{"x-human-id": "h_2"})
        assert other.status_code == 404
        assert _request(http, operation, owned["id"], **{"x-human-id": "h_1"}).status_code == 200


@pytest.mark.parametrize(
    "operation", [op for op in OPERATIONS if SPEC_OPERATIONS[op].request_body is not None]
)
def test_an_operation_without_behaviour_validates_its_body(
    operation: str, fake: FakeGabber, http: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = fake.create_session()
    monkeypatch.setattr(_fake, "_HANDLERS", {})
    response = _request(http, operation, session["id"], body=[1, 2])
    assert response.status_code == 400
    assert response.json()["message"].startswith("body: ")


@pytest.mark.parametrize("operation", [op for op in OPERATIONS if SPEC_OPERATIONS[op].api_key_only])
def test_an_operation_without_behaviour_enforces_its_security(
    operation: str, fake: FakeGabber, http: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = fake.create_session(human="h_1")
    token = fake.issue_token("h_1")
    monkeypatch.setattr(_fake, "_HANDLERS", {})
    http.headers.pop("x-api-key")
    response = _request(http, operation, session["id"], authorization=f"Bearer {token}")
    assert response.status_code == 401


@pytest.mark.parametrize("operation", OPERATIONS)
def test_no_operation_of_the_spec_is_answered_501(
    operation: str, fake: FakeGabber, http: httpx.Client
) -> None:
    session = fake.create_session()
    response = _request(http, operation, session["id"])
    assert response.status_code == 200, response.text
    assert_conforms(response)
