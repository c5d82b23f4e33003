"""Every operation of the spec works through the generated facade, with no test data
written per operation: the arguments and the canned answer are built from the
spec's schemas (required fields, then examples, defaults, a value of the type).

For each operation, sync, async and raw: the request goes to the spec's method and
path, carries the body the arguments make (every required field), and the answer
is parsed as the spec's response model (or ``None`` for an empty body). A new
operation of the spec is covered here as soon as ``make generate`` has run.
"""

from __future__ import annotations

import inspect
import json
from importlib import resources
from typing import Any

import httpx
import pytest

from gabber_client import APIResponse, AsyncGabber, Gabber, models
from gabber_client._operations import OPERATIONS, SPEC_OPERATIONS
from gabber_client.resources.realtime import Realtime

SPEC: dict[str, Any] = json.loads(
    resources.files("gabber_client._generated").joinpath("openapi.json").read_text("utf-8")
)
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
SESSION = "rs_1"


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = SCHEMAS[node["$ref"].rsplit("/", 1)[1]]
    return node


def minimal(node: dict[str, Any], depth: int = 0) -> Any:
    """A small valid value of schema ``node``: required fields only; an example,
    else the default, else the first enum value, else a value of the type."""
    node = _resolve(node)
    if depth > 20:
        raise ValueError("schema nests too deeply for a minimal value")
    for key in ("anyOf", "oneOf"):
        if key in node:
            alternatives = [a for a in node[key] if a.get("type") != "null"]
            return minimal(alternatives[0], depth + 1)
    if "example" in node:
        return node["example"]
    if "default" in node:
        return node["default"]
    enum = [v for v in node.get("enum", ()) if v is not None]
    if enum:
        return enum[0]
    declared = node.get("type", "object")
    kind = next(k for k in ([declared] if isinstance(declared, str) else declared) if k != "null")
    if kind == "object":
        properties = node.get("properties", {})
        return {k: minimal(properties[k], depth + 1) for k in node.get("required", ())}
    if kind == "array":
        return [minimal(node.get("items", {}), depth + 1)]
    if kind == "string":
        return "2024-05-01T12:00:00+00:00" if node.get("format") == "date-time" else "x"
    return {"integer": 1, "number": 1.5, "boolean": True}[kind]


def call_arguments(operation: str) -> tuple[list[Any], dict[str, Any]]:
    """Positional and keyword arguments for the facade method of ``operation``, read
    from its signature and the spec: every required parameter, nothing else."""
    facts, entry = SPEC_OPERATIONS[operation], OPERATIONS[operation]
    fields: dict[str, Any] = {}
    if facts.request_body is not None:
        body = _resolve({"$ref": f"#/components/schemas/{facts.request_body}"})
        if "oneOf" in body:
            body = _resolve(body["oneOf"][0])
        properties = body.get("properties", {})
        for wire, name, _, _ in facts.body_fields or ():
            fields[name] = minimal(properties[wire])
        fields[entry.body or "body"] = minimal(
            {"$ref": f"#/components/schemas/{facts.request_body}"}
        )
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for parameter in inspect.signature(getattr(Realtime, entry.method)).parameters.values():
        if parameter.name == "self" or parameter.default is not inspect.Parameter.empty:
            continue
        value = fields.get(parameter.name, SESSION)
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY:
            kwargs[parameter.name] = value
        else:
            args.append(value)
    return args, kwargs


def answer(operation: str) -> httpx.Response:
    """A 200 the spec allows for ``operation``: its response schema's minimal value."""
    response = SPEC_OPERATIONS[operation].response
    if response is None:
        return httpx.Response(200)
    return httpx.Response(200, json=minimal({"$ref": f"#/components/schemas/{response}"}))


def check(operation: str, requests: list[httpx.Request], result: Any) -> None:
    facts = SPEC_OPERATIONS[operation]
    [request] = requests
    assert request.method == facts.method
    assert request.url.raw_path.split(b"?")[0] == facts.path.replace("{session}", SESSION).encode()
    if facts.request_body is not None:
        body = json.loads(request.content)
        schema = _resolve({"$ref": f"#/components/schemas/{facts.request_body}"})
        schema = _resolve(schema["oneOf"][0]) if "oneOf" in schema else schema
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
