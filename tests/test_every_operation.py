"""Every operation of the spec works through the generated facade, with no test data
written per operation: the arguments and the canned answer are built from the
spec's schemas (required fields, then examples, defaults, a value of the type).

For each operation, sync, async and raw: the request goes to the spec's method and
path, carries the body the arguments make (every required field), and the answer
is parsed as the spec's response model (or ``None`` for an empty body). A new
operation of the spec is covered here as soon as ``make generate`` has run.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from spec_calls import SESSION, answer, call_arguments, resolve

from gabber_client import APIResponse, AsyncGabber, Gabber, models
from gabber_client._operations import OPERATIONS, SPEC_OPERATIONS


def check(operation: str, requests: list[httpx.Request], result: Any) -> None:
    facts = SPEC_OPERATIONS[operation]
    [request] = requests
    assert request.method == facts.method
    assert request.url.raw_path.split(b"?")[0] == facts.path.replace("{session}", SESSION).encode()
    if facts.request_body is not None:
        body = json.loads(request.content)
        schema = resolve({"$ref": f"#/components/schemas/{facts.request_body}"})
        schema = resolve(schema["oneOf"][0]) if "oneOf" in schema else schema
        assert set(schema.get("required", ())) <= set(body)
    else:
        assert request.content == b""
    if isinstance(result, APIResponse):
        assert result.status_code == 200
        result = result.parse()
    if facts.response is None:
        assert result is None
    elif OPERATIONS[operation].paging != "none":
        assert result.total_count == 1
    else:
        assert isinstance(result, getattr(models, facts.response))


def _transport(operation: str, requests: list[httpx.Request]) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return answer(operation)

    return httpx.MockTransport(handle)


@pytest.fixture(params=list(OPERATIONS))
def operation(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.mark.parametrize("raw", [False, True], ids=["plain", "raw"])
def test_sync(operation: str, raw: bool) -> None:
    requests: list[httpx.Request] = []
    http = httpx.Client(transport=_transport(operation, requests))
    with Gabber(api_key="k", base_url="http://gabber.test", http_client=http) as client:
        resource: Any = client.realtime.with_raw_response if raw else client.realtime
        args, kwargs = call_arguments(operation)
        result = getattr(resource, OPERATIONS[operation].method)(*args, **kwargs)
        check(operation, requests, result)


@pytest.mark.parametrize("raw", [False, True], ids=["plain", "raw"])
async def test_async(operation: str, raw: bool) -> None:
    requests: list[httpx.Request] = []
    http = httpx.AsyncClient(transport=_transport(operation, requests))
    async with AsyncGabber(api_key="k", base_url="http://gabber.test", http_client=http) as client:
        resource: Any = client.realtime.with_raw_response if raw else client.realtime
        args, kwargs = call_arguments(operation)
        result = await getattr(resource, OPERATIONS[operation].method)(*args, **kwargs)
        check(operation, requests, result)
