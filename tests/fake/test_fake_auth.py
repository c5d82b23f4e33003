"""Who may call what: API keys, usage tokens, x-human-id scoping."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from spec_values import minimal_body

from gabber_client._generated._spec_facts import OPERATIONS as SPEC_OPERATIONS
from gabber_client.testing import FakeGabber

from .support import BASE_URL, KEY, assert_conforms, error, start, start_body

# A body each operation with a request body accepts: the minimal one its schema
# gives; the method, path and security of every operation come from the spec too.
BODIES: dict[str, Any] = {op: minimal_body(op) for op in SPEC_OPERATIONS}
# (method, path template, body) of every operation; {s} is a session id.
OPERATIONS: dict[str, tuple[str, str, Any]] = {
    op: (facts.method, facts.path.replace("{session}", "{s}"), BODIES.get(op))
    for op, facts in SPEC_OPERATIONS.items()
}
API_KEY_ONLY = [op for op, facts in SPEC_OPERATIONS.items() if facts.api_key_only]
EITHER = [op for op in OPERATIONS if op not in API_KEY_ONLY]
SESSION_OPS = [op for op in OPERATIONS if "{s}" in OPERATIONS[op][1]]


def _send(
    client: httpx.Client, operation: str, session_id: str, headers: dict[str, str]
) -> httpx.Response:
    method, template, body = OPERATIONS[operation]
    return client.request(method, template.format(s=session_id), json=body, headers=headers)


@pytest.fixture
def session_id(fake: FakeGabber) -> str:
    return str(fake.create_session(human="hum_1")["id"])


@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_every_operation_needs_credentials(
    fake: FakeGabber, anon: httpx.Client, session_id: str, operation: str
) -> None:
    response = _send(anon, operation, session_id, {})
    assert_conforms(response)
    error(response, 401)
    assert fake.requests[-1].operation == operation
    assert fake.requests[-1].status == 401


@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_a_wrong_api_key_is_401(anon: httpx.Client, session_id: str, operation: str) -> None:
    message = error(_send(anon, operation, session_id, {"x-api-key": "wrong"}), 401)
    assert message.startswith("x-api-key:")
    assert "wrong" not in message


@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_the_api_key_works_everywhere(anon: httpx.Client, session_id: str, operation: str) -> None:
    response = _send(anon, operation, session_id, {"x-api-key": KEY})
    assert_conforms(response)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("operation", EITHER)
def test_a_token_works_on_the_operations_that_accept_it(
    fake: FakeGabber, anon: httpx.Client, session_id: str, operation: str
) -> None:
    token = fake.issue_token("hum_1")
    response = _send(anon, operation, session_id, {"authorization": f"Bearer {token}"})
    assert_conforms(response)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("operation", API_KEY_ONLY)
def test_a_token_is_refused_by_api_key_only_operations(
    fake: FakeGabber, anon: httpx.Client, session_id: str, operation: str
) -> None:
    token = fake.issue_token("hum_1")
    response = _send(anon, operation, session_id, {"authorization": f"Bearer {token}"})
    assert_conforms(response)
    assert "API key only" in error(response, 401)


@pytest.mark.parametrize(
    "authorization",
    ["Bearer nope", "Bearer", "Basic dXNlcjpwYXNz", "bearer", "Token {token}", "{token}"],
)
def test_malformed_or_unknown_tokens_are_401(
    fake: FakeGabber, anon: httpx.Client, authorization: str
) -> None:
    token = fake.issue_token("hum_1")
    response = anon.get(
        "/v1/realtime/list", headers={"authorization": authorization.format(token=token)}
    )
    error(response, 401)


def test_the_bearer_scheme_is_case_insensitive(fake: FakeGabber, anon: httpx.Client) -> None:
    token = fake.issue_token("hum_1")
    assert anon.get("/v1/realtime/list", headers={"authorization": f"bearer {token}"}).is_success


def test_a_wrong_api_key_is_not_rescued_by_a_valid_token(
    fake: FakeGabber, anon: httpx.Client
) -> None:
    token = fake.issue_token("hum_1")
    headers = {"x-api-key": "wrong", "authorization": f"Bearer {token}"}
    error(anon.get("/v1/realtime/list", headers=headers), 401)


def test_several_api_keys(anon: httpx.Client) -> None:
    fake = FakeGabber(api_keys=["k1", "k2"])
    with httpx.Client(transport=fake.transport(), base_url=BASE_URL) as client:
        assert client.get("/v1/realtime/list", headers={"x-api-key": "k2"}).is_success
        error(client.get("/v1/realtime/list", headers={"x-api-key": KEY}), 401)


def test_a_token_scopes_to_its_human(
    fake: FakeGabber, http: httpx.Client, anon: httpx.Client
) -> None:
    mine = start(http, **{"x-human-id": "hum_1"})
    theirs = start(http, **{"x-human-id": "hum_2"})
    start(http)
    bearer = {"authorization": f"Bearer {fake.issue_token('hum_1')}"}
    listed = anon.get("/v1/realtime/list", headers=bearer).json()
    assert [s["id"] for s in listed["values"]] == [mine["id"]]
    assert listed["total_count"] == 1
    assert anon.get(f"/v1/realtime/{mine['id']}", headers=bearer).is_success
    error(anon.get(f"/v1/realtime/{theirs['id']}", headers=bearer), 404)
    error(anon.post(f"/v1/realtime/{theirs['id']}/end", headers=bearer), 404)
    assert http.get(f"/v1/realtime/{theirs['id']}").json()["state"] == "in_progress"


def test_a_token_ignores_x_human_id(fake: FakeGabber, anon: httpx.Client) -> None:
    headers = {"authorization": f"Bearer {fake.issue_token('hum_1')}", "x-human-id": "hum_2"}
    started = anon.post("/v1/realtime/start", json=start_body(), headers=headers)
    assert started.json()["session"]["human"] == "hum_1"
    listed = anon.get("/v1/realtime/list", headers=headers).json()
    assert [s["human"] for s in listed["values"]] == ["hum_1"]


@pytest.mark.parametrize("operation", SESSION_OPS)
def test_another_humans_session_is_404_with_a_token(
    fake: FakeGabber, anon: httpx.Client, session_id: str, operation: str
) -> None:
    headers = {"authorization": f"Bearer {fake.issue_token('hum_2')}"}
    response = _send(anon, operation, session_id, headers)
    expected = 401 if operation in API_KEY_ONLY else 404
    error(response, expected)


@pytest.mark.parametrize(
    "operation", [op for op in SESSION_OPS if SPEC_OPERATIONS[op].human_header]
)
def test_x_human_id_scopes_the_api_key(anon: httpx.Client, session_id: str, operation: str) -> None:
    other = {"x-api-key": KEY, "x-human-id": "hum_2"}
    error(_send(anon, operation, session_id, other), 404)
    same = {"x-api-key": KEY, "x-human-id": "hum_1"}
    assert _send(anon, operation, session_id, same).is_success


def test_an_anonymous_session_is_hidden_from_a_scoped_caller(
    fake: FakeGabber, http: httpx.Client
) -> None:
    session = fake.create_session()
    error(http.get(f"/v1/realtime/{session['id']}", headers={"x-human-id": "hum_1"}), 404)
    assert http.get(f"/v1/realtime/{session['id']}", headers={"x-human-id": ""}).is_success


def test_issue_token_needs_a_human(fake: FakeGabber) -> None:
    with pytest.raises(ValueError, match="human"):
        fake.issue_token("")
    assert fake.issue_token("a") != fake.issue_token("a")
    assert fake.issue_token("a").count(".") == 2
