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
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from spec_values import call_operation

from gabber_client import APIResponse, AsyncGabber, Gabber, models
from gabber_client._minimal import REF, build_value, resolve, spec
from gabber_client._operations import OPERATIONS, SPEC_OPERATIONS

SESSION = "rs_1"


def _schema(name: str) -> dict[str, Any]:
    return resolve({"$ref": REF + name}, spec()["components"]["schemas"])[1]


def answer(operation: str) -> httpx.Response:
    """A 200 the spec allows for ``operation``: a value built from its response
    schema (examples first, as the fake answers)."""
    response = SPEC_OPERATIONS[operation].response
    if response is None:
        return httpx.Response(200)
    schemas = spec()["components"]["schemas"]
    value = build_value({"$ref": REF + response}, schemas, example_first=True)
    for key, node in _schema(response).get("properties", {}).items():
        node = resolve(node, schemas)[1]
        if node.get("type") == "array" and key in value:  # one item, to parse one
            value[key] = [build_value(node["items"], schemas, example_first=True)]
    return httpx.Response(200, json=value)


def check(operation: str, requests: list[httpx.Request], result: Any) -> None:
    facts = SPEC_OPERATIONS[operation]
    [request] = requests
    assert request.method == facts.method
    assert request.url.raw_path.split(b"?")[0] == facts.path.replace("{session}", SESSION).encode()
    if facts.request_body is not None:
        body = json.loads(request.content)
        schema = _schema(facts.request_body)
        if "oneOf" in schema:
            schema = resolve(schema["oneOf"][0], spec()["components"]["schemas"])[1]
        assert set(schema.get("required", ())) <= set(body)
    else:
        assert request.content == b""
    if isinstance(result, APIResponse):
        assert result.status_code == 200
        result = result.parse()
    if facts.response is None:
        assert result is None
    elif OPERATIONS[operation].paging != "none":
        assert result.total_count == answer(operation).json()["total_count"]
        assert len(result) == 1  # the one item of the answer, parsed
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
        result = call_operation(SimpleNamespace(realtime=resource), operation, SESSION)
        check(operation, requests, result)


@pytest.mark.parametrize("raw", [False, True], ids=["plain", "raw"])
async def test_async(operation: str, raw: bool) -> None:
    requests: list[httpx.Request] = []
    http = httpx.AsyncClient(transport=_transport(operation, requests))
    async with AsyncGabber(api_key="k", base_url="http://gabber.test", http_client=http) as client:
        resource: Any = client.realtime.with_raw_response if raw else client.realtime
        result = await call_operation(SimpleNamespace(realtime=resource), operation, SESSION)
        check(operation, requests, result)
