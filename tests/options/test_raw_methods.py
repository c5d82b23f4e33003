"""``client.get``/``client.post`` (and the async twins) against the fake, in-process
and on loopback: a served path, an unknown one (typed 404), paths that would leave
the base URL (refused before anything is sent), ``cast_to`` and the retry policy."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from spec_values import minimal_body

from gabber_client import (
    APIConnectionError,
    AsyncGabber,
    Gabber,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    get_request_id,
)
from gabber_client.models import ListRealtimeSessions200Response, RealtimeSession
from gabber_client.testing import FakeGabber, FakeServer

START = minimal_body("start_realtime_session", {"config": {"generative": {"llm": "llm_1"}}})
"""A valid start body, built from the spec."""

ESCAPES = [
    "https://evil.example/v1/realtime/list",
    "http://127.0.0.1:1/v1/realtime/list",
    "//evil.example/v1/realtime/list",
    "/v1/../../admin",
    "../v1/realtime/list",
    "/v1/%2e%2e/%2E%2E/admin",
    "/v1/realtime/.%2e/x",
    "/v1\\..\\admin",
    "/v1/realtime/list?page=x",
    "/v1/realtime/list#frag",
    "/v1/real time",
    "",
    "/",
    "javascript:alert(1)",
]


@pytest.fixture(params=["in-process", "loopback"])
def setup(request: pytest.FixtureRequest) -> Iterator[tuple[FakeGabber, dict[str, Any]]]:
    """The fake, and the client arguments that reach it."""
    if request.param == "in-process":
        fake = FakeGabber()
        yield fake, {"base_url": fake.base_url, "transport": fake.transport()}
    else:
        server: FakeServer = request.getfixturevalue("server")
        server.fake.reset()
        yield server.fake, {"base_url": server.base_url, "transport": None}


def _client(fake: FakeGabber, where: dict[str, Any], **kwargs: Any) -> Gabber:
    http = httpx.Client(transport=where["transport"]) if where["transport"] else None
    return Gabber(api_key=fake.api_key, base_url=where["base_url"], http_client=http, **kwargs)


def _async_client(fake: FakeGabber, where: dict[str, Any]) -> AsyncGabber:
    http = httpx.AsyncClient(transport=where["transport"]) if where["transport"] else None
    return AsyncGabber(api_key=fake.api_key, base_url=where["base_url"], http_client=http)


def test_get_a_served_path(setup: tuple[FakeGabber, dict[str, Any]]) -> None:
    fake, where = setup
    session = fake.create_session()["id"]
    client = _client(fake, where)

    data = client.get(f"/v1/realtime/{session}")
    model = client.get(f"v1/realtime/{session}", cast_to=RealtimeSession)  # no leading /

    assert isinstance(data, dict)
    assert data["id"] == session
    assert isinstance(model, RealtimeSession)
    assert model.id == session
    assert get_request_id(model) is not None
    (first, second) = [r for r in fake.requests if r.operation == "get_realtime_session"]
    assert first.headers["x-api-key"] == fake.api_key
    assert second.path == f"/v1/realtime/{session}"


def test_get_with_params_and_headers(setup: tuple[FakeGabber, dict[str, Any]]) -> None:
    fake, where = setup
    for _ in range(3):
        fake.create_session()
    client = _client(fake, where)

    listed = client.get("/v1/realtime/list", params={"x": "1"}, headers={"X-Trace": "t"}, timeout=9)
    typed = client.get("/v1/realtime/list", cast_to=ListRealtimeSessions200Response)

    assert listed["total_count"] == 3
    assert typed.total_count == 3
    sent = fake.requests[0]
    assert sent.params == {"x": ["1"]}
    assert sent.headers["x-trace"] == "t"


def test_post_a_served_path(setup: tuple[FakeGabber, dict[str, Any]]) -> None:
    fake, where = setup
    client = _client(fake, where)

    started = client.post("/v1/realtime/start", json=START)

    assert started["session"]["state"] == "in_progress"
    assert len(fake.sessions()) == 1
    assert fake.requests[0].json == START


def test_an_unknown_path_is_a_typed_404(setup: tuple[FakeGabber, dict[str, Any]]) -> None:
    fake, where = setup
    client = _client(fake, where)

    with pytest.raises(NotFoundError) as caught:
        client.get("/v1/not_yet_in_the_spec")
    with pytest.raises(NotFoundError):
        client.post("/v1/not_yet_in_the_spec", json={"a": 1})

    assert caught.value.status_code == 404
    assert caught.value.request_id is not None
    assert [r.status for r in fake.requests] == [404, 404]


async def test_async_twins(setup: tuple[FakeGabber, dict[str, Any]]) -> None:
    fake, where = setup
    session = fake.create_session()["id"]
    async with _async_client(fake, where) as client:
        model = await client.get(f"/v1/realtime/{session}", cast_to=RealtimeSession)
        ended = await client.post(f"/v1/realtime/{session}/end", idempotent=True)
        with pytest.raises(NotFoundError):
            await client.get("/v1/nope")
        with pytest.raises(InvalidArgumentError):
            await client.get("https://evil.example/x")
    assert model.id == session
    assert ended["state"] == "ended"


@pytest.mark.parametrize("path", ESCAPES)
def test_a_path_that_leaves_the_base_url_is_refused_before_sending(path: str) -> None:
    fake = FakeGabber()
    client = fake.client(base_url="http://gabber.test/api")

    with pytest.raises(InvalidArgumentError) as caught:
        client.get(path)
    with pytest.raises(InvalidArgumentError):
        client.post(path, json={})

    assert caught.value.parameter == "path"
    assert fake.requests == []


@pytest.mark.parametrize(
    ("kwargs", "parameter"),
    [
        ({"headers": {"x-api-key": "stolen"}}, "headers['x-api-key']"),
        ({"headers": {"Authorization": "Bearer x"}}, "headers['Authorization']"),
        ({"headers": {"X-Bad": "a\r\nb"}}, "headers['X-Bad']"),
        ({"params": {"a": object()}}, "params['a']"),
        ({"cast_to": dict}, "cast_to"),
        ({"cast_to": "RealtimeSession"}, "cast_to"),
        ({"timeout": -1}, "timeout"),
    ],
)
def test_bad_arguments_are_refused_before_sending(kwargs: dict[str, Any], parameter: str) -> None:
    fake = FakeGabber()
    client = fake.client()
    with pytest.raises(InvalidArgumentError) as caught:
        client.get("/v1/realtime/list", **kwargs)
    assert caught.value.parameter == parameter
    assert fake.requests == []


def test_post_body_must_be_json() -> None:
    fake = FakeGabber()
    with pytest.raises(InvalidArgumentError, match="JSON"):
        fake.client().post("/v1/x", json={"a": {1, 2}})
    with pytest.raises(InvalidArgumentError, match="idempotent"):
        fake.client().post("/v1/x", idempotent="yes")  # type: ignore[call-overload]
    assert fake.requests == []


def test_the_base_url_path_is_kept(no_sleep: list[float]) -> None:
    """Under a base URL with a path, the path is relative to it."""
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, json={"ok": True})

    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = Gabber(api_key="k", base_url="http://gabber.test/api/", http_client=http)
    assert client.get("/v2/thing", params={"a": 1}) == {"ok": True}
    assert client.get("v2/thing") == {"ok": True}
    assert seen == ["http://gabber.test/api/v2/thing?a=1", "http://gabber.test/api/v2/thing"]


def test_retry_policy(no_sleep: list[float]) -> None:
    """A get is retried after a 500; a post only with idempotent=True; a post is
    retried after a 429 like ``start``."""
    fake = FakeGabber()
    session = fake.create_session()["id"]
    client = fake.client()
    path = f"/v1/realtime/{session}/end"

    fake.inject_fault(status=500, operation="get_realtime_session")
    client.get(f"/v1/realtime/{session}")
    fake.inject_fault(status=500, operation="end_realtime_session")
    with pytest.raises(InternalServerError):
        client.post(path)
    fake.inject_fault(status=500, operation="end_realtime_session")
    client.post(path, idempotent=True)
    fake.inject_fault(status=429, headers={"Retry-After": "0"}, operation="end_realtime_session")
    client.post(path)

    statuses = [(r.operation, r.status) for r in fake.requests]
    assert statuses == [
        ("get_realtime_session", 500),
        ("get_realtime_session", 200),
        ("end_realtime_session", 500),
        ("end_realtime_session", 500),
        ("end_realtime_session", 200),
        ("end_realtime_session", 429),
        ("end_realtime_session", 200),
    ]


def test_a_lost_post_response_is_not_retried_and_may_have_taken_effect(
    no_sleep: list[float],
) -> None:
    fake = FakeGabber()
    fake.inject_fault(drop=True, operation="start_realtime_session")
    with pytest.raises(APIConnectionError) as caught:
        fake.client().post("/v1/realtime/start", json=START)
    assert caught.value.may_have_taken_effect is True
    assert len(fake.requests) == 1
    assert len(fake.sessions()) == 1


def test_a_non_json_body_with_no_cast_to_is_a_validation_error() -> None:
    from gabber_client import APIResponseValidationError

    fake = FakeGabber()
    fake.inject_fault(status=200, body="<html>", content_type="text/html")
    with pytest.raises(APIResponseValidationError, match="not JSON"):
        fake.client().get("/v1/realtime/list")
