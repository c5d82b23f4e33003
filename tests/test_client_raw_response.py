"""``client.realtime.with_raw_response``: the HTTP status and headers, with the
parsed result on demand, for every operation, sync and async."""

from __future__ import annotations

import httpx
import pytest
from test_client_support import MockApi, Op, json_response, page_json, session_json

from gabber_client import APIResponse, APIResponseValidationError, NotFoundError


async def test_raw_response_of_every_operation(mock_api: MockApi, kind: str, op: Op) -> None:
    client = mock_api.client()

    raw = await mock_api.settle(op.call(client.realtime.with_raw_response, "rs_1"))

    assert isinstance(raw, APIResponse)
    assert raw.status_code == 200
    assert raw.request_id == "req_test"
    assert raw.headers["x-request-id"] == "req_test"
    assert isinstance(raw.http_response, httpx.Response)
    assert raw.http_response.request is mock_api.requests[0]
    parsed = raw.parse()
    op.check(parsed)
    if op.paged:
        assert type(parsed) is mock_api.page_type
    if parsed is not None:
        assert raw.parse() is parsed  # parsed once
    assert len(mock_api.requests) == 1
    assert repr(raw).startswith(f"<APIResponse [200] {op.method} /v1/realtime/")


async def test_raw_response_without_request_id(mock_api: MockApi, kind: str) -> None:
    mock_api.queue(httpx.Response(200, json=session_json(), headers={"x-custom": "1"}))
    client = mock_api.client()

    raw = await mock_api.settle(client.realtime.with_raw_response.get("rs_1"))

    assert raw.request_id is None
    assert raw.headers["x-custom"] == "1"


async def test_raw_list_page_fetches_plain_next_pages(mock_api: MockApi, kind: str) -> None:
    mock_api.queue(
        json_response(page_json([session_json("rs_a")], next_page="tok2")),
        json_response(page_json([session_json("rs_b")])),
    )
    client = mock_api.client()

    raw = await mock_api.settle(client.realtime.with_raw_response.list())
    first = raw.parse()
    second = await mock_api.settle(first.get_next_page())

    assert type(first) is mock_api.page_type
    assert type(second) is mock_api.page_type  # not an APIResponse
    assert [s.id for s in second.values] == ["rs_b"]
    assert mock_api.requests[1].url.params["page"] == "tok2"


async def test_raw_response_still_raises_status_errors(mock_api: MockApi, kind: str) -> None:
    mock_api.queue(json_response({"message": "gone"}, status=404))
    client = mock_api.client()

    with pytest.raises(NotFoundError):
        await mock_api.settle(client.realtime.with_raw_response.get("rs_1"))


async def test_raw_response_parse_reports_a_malformed_body(mock_api: MockApi, kind: str) -> None:
    mock_api.queue(httpx.Response(200, json={"id": "rs_1"}))
    client = mock_api.client()

    raw = await mock_api.settle(client.realtime.with_raw_response.get("rs_1"))

    assert raw.status_code == 200
    with pytest.raises(APIResponseValidationError):
        raw.parse()


async def test_plain_calls_after_a_raw_call_are_plain(mock_api: MockApi, kind: str) -> None:
    client = mock_api.client()

    await mock_api.settle(client.realtime.with_raw_response.get("rs_1"))
    session = await mock_api.settle(client.realtime.get("rs_1"))

    assert not isinstance(session, APIResponse)
    assert session.id == "rs_1"
