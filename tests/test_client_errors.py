"""Error mapping: every status, transport failure and malformed 2xx body becomes a
:class:`gabber_client.GabberError` subclass, never a raw KeyError/TypeError/
ValueError/JSONDecodeError or an httpx exception."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from test_client_support import MockApi, Op, json_response, page_json, session_json

from gabber_client import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    GabberError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)

STATUS_ERRORS: list[tuple[int, type[APIStatusError]]] = [
    (400, BadRequestError),
    (401, AuthenticationError),
    (403, PermissionDeniedError),
    (404, NotFoundError),
    (409, ConflictError),
    (422, UnprocessableEntityError),
    (429, RateLimitError),
    (500, InternalServerError),
    (502, InternalServerError),
    (503, InternalServerError),
    (504, InternalServerError),
    (418, APIStatusError),
    (451, APIStatusError),
]

ERROR_BODY = {"type": "invalid_input", "message": "unknown llm 'llm_9'"}


@pytest.mark.parametrize(("status", "error"), STATUS_ERRORS, ids=[str(s) for s, _ in STATUS_ERRORS])
async def test_status_is_mapped_to_its_error(
    mock_api: MockApi, kind: str, status: int, error: type[APIStatusError]
) -> None:
    client = mock_api.client(max_retries=0)
    mock_api.queue(
        httpx.Response(status, json=ERROR_BODY, headers={"x-request-id": f"req_{status}"})
    )

    with pytest.raises(APIStatusError) as caught:
        await mock_api.settle(client.realtime.get("rs_1"))

    exc = caught.value
    assert type(exc) is error
    assert exc.status_code == status
    assert exc.body == ERROR_BODY
    assert exc.type == "invalid_input"
    assert exc.error_message == "unknown llm 'llm_9'"
    assert exc.request_id == f"req_{status}"
    assert exc.response.status_code == status
    assert exc.request.url.path == "/v1/realtime/rs_1"
    assert str(status) in str(exc)
    assert "unknown llm 'llm_9'" in str(exc)
    assert "GET /v1/realtime/rs_1" in str(exc)
    assert len(mock_api.requests) == 1


async def test_every_operation_maps_errors(mock_api: MockApi, kind: str, op: Op) -> None:
    client = mock_api.client()
    mock_api.queue(json_response({"type": "moderation_error", "message": "no"}, status=400))

    with pytest.raises(BadRequestError) as caught:
        await mock_api.settle(op.call(client.realtime, "rs_1"))

    assert caught.value.type == "moderation_error"
    assert caught.value.request_id == "req_test"


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (b"<html><body>Bad Gateway</body></html>", {"content-type": "text/html"}),
        (b"", {}),
        (b'"just a string"', {"content-type": "application/json"}),
        (b'{"type": 5, "message": ["x"]}', {"content-type": "application/json"}),
    ],
    ids=["html", "empty", "json-string", "mistyped-fields"],
)
async def test_status_error_with_an_unusual_body(
    mock_api: MockApi, kind: str, body: bytes, headers: dict[str, str]
) -> None:
    client = mock_api.client(max_retries=0)
    mock_api.queue(httpx.Response(502, content=body, headers=headers))

    with pytest.raises(InternalServerError) as caught:
        await mock_api.settle(client.realtime.get("rs_1"))

    exc = caught.value
    assert exc.status_code == 502
    assert exc.body == (json.loads(body) if body.startswith((b"{", b'"')) else None)
    assert exc.type is None
    assert exc.error_message is None
    assert exc.request_id is None
    assert "502" in str(exc)


async def test_html_error_page_is_quoted_in_the_message(mock_api: MockApi, kind: str) -> None:
    client = mock_api.client(max_retries=0)
    mock_api.queue(httpx.Response(403, content=b"<h1>Forbidden by proxy</h1>"))

    with pytest.raises(PermissionDeniedError) as caught:
        await mock_api.settle(client.realtime.get("rs_1"))

    assert "Forbidden by proxy" in str(caught.value)


TRANSPORT_ERRORS: list[tuple[type[httpx.TransportError], type[APIConnectionError]]] = [
    (httpx.ConnectError, APIConnectionError),
    (httpx.ReadError, APIConnectionError),
    (httpx.WriteError, APIConnectionError),
    (httpx.RemoteProtocolError, APIConnectionError),
    (httpx.ProxyError, APIConnectionError),
    (httpx.ConnectTimeout, APITimeoutError),
    (httpx.ReadTimeout, APITimeoutError),
    (httpx.WriteTimeout, APITimeoutError),
    (httpx.PoolTimeout, APITimeoutError),
]


@pytest.mark.parametrize(
    ("raised", "error"), TRANSPORT_ERRORS, ids=[r.__name__ for r, _ in TRANSPORT_ERRORS]
)
async def test_transport_failure_is_mapped(
    mock_api: MockApi,
    kind: str,
    op: Op,
    raised: type[httpx.TransportError],
    error: type[APIConnectionError],
) -> None:
    client = mock_api.client(max_retries=0)
    mock_api.queue(raised("boom"))

    with pytest.raises(APIConnectionError) as caught:
        await mock_api.settle(op.call(client.realtime, "rs_1"))

    assert type(caught.value) is error
    assert isinstance(caught.value.__cause__, raised)
    assert caught.value.request is mock_api.requests[0]
    assert raised.__name__ in str(caught.value)


def _with(body: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {**body, **changes}


def _without(body: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in body.items() if k != key}


BAD_BODIES: list[tuple[str, bytes]] = [
    ("not-json", b"<html>oops</html>"),
    ("truncated-json", b'{"id": "rs_1", "state": '),
    ("empty", b""),
    ("json-list", b"[]"),
    ("json-null", b"null"),
    ("missing-id", json.dumps(_without(session_json(), "id")).encode()),
    ("missing-config", json.dumps(_without(session_json(), "config")).encode()),
    ("state-not-str", json.dumps(_with(session_json(), state=5)).encode()),
    ("created-at-not-date", json.dumps(_with(session_json(), created_at="yesterday")).encode()),
    ("data-not-list", json.dumps(_with(session_json(), data=7)).encode()),
    ("config-not-object", json.dumps(_with(session_json(), config="cfg")).encode()),
    ("id-not-str", json.dumps(_with(session_json(), id=17)).encode()),
    ("simulated-not-bool", json.dumps(_with(session_json(), simulated="no")).encode()),
    ("project-null", json.dumps(_with(session_json(), project=None)).encode()),
    # optional and nullable: the generated from_dict would keep the raw string
    ("ended-at-not-date", json.dumps(_with(session_json(), ended_at="yesterday")).encode()),
    ("human-not-str", json.dumps(_with(session_json(), human=["h"])).encode()),
]


@pytest.mark.parametrize("body", [b for _, b in BAD_BODIES], ids=[n for n, _ in BAD_BODIES])
async def test_malformed_2xx_body_raises_validation_error(
    mock_api: MockApi, kind: str, body: bytes
) -> None:
    client = mock_api.client()
    mock_api.queue(httpx.Response(200, content=body, headers={"content-type": "application/json"}))

    with pytest.raises(APIResponseValidationError) as caught:
        await mock_api.settle(client.realtime.get("rs_1"))

    assert caught.value.status_code == 200
    assert caught.value.response.content == body
    assert "RealtimeSession" in str(caught.value)
    assert len(mock_api.requests) == 1  # a malformed body is never retried


BAD_PAGES: list[tuple[str, dict[str, Any]]] = [
    ("values-missing", {"total_count": 1}),
    ("values-not-list", {"total_count": 1, "values": {"id": "rs_1"}}),
    ("item-malformed", page_json([{"id": "rs_1"}])),
    ("total-count-not-int", {"total_count": "many", "values": []}),
    ("next-page-not-str", {"total_count": 0, "values": [], "next_page": 2}),
]


@pytest.mark.parametrize("body", [b for _, b in BAD_PAGES], ids=[n for n, _ in BAD_PAGES])
async def test_malformed_page_raises_validation_error(
    mock_api: MockApi, kind: str, body: dict[str, Any]
) -> None:
    client = mock_api.client()
    mock_api.queue(json_response(body))

    with pytest.raises(APIResponseValidationError):
        await mock_api.settle(client.realtime.list())


async def test_unknown_fields_and_enum_values_are_accepted(mock_api: MockApi, kind: str) -> None:
    """Forward compatibility: what the server adds later is kept, not refused."""
    client = mock_api.client()
    body = _with(session_json(), state="paused", brand_new_field={"x": 1})
    body["data"] = [{"type": "sip_uri", "value": "sip:agent@gabber.test"}]
    mock_api.queue(json_response(body))

    session = await mock_api.settle(client.realtime.get("rs_1"))

    assert session.state == "paused"
    assert session.data[0].type_ == "sip_uri"
    assert session.additional_properties["brand_new_field"] == {"x": 1}


def test_hierarchy() -> None:
    assert issubclass(APIStatusError, APIError)
    assert issubclass(APIConnectionError, APIError)
    assert issubclass(APITimeoutError, APIConnectionError)
    assert issubclass(APIResponseValidationError, APIError)
    assert issubclass(APIError, GabberError)
    for _, error in STATUS_ERRORS:
        assert issubclass(error, APIStatusError)
