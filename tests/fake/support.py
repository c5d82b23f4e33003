"""Helpers of the fake's tests: request bodies, and openapi-core conformance checks."""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import yaml
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from spec_values import minimal_config
from werkzeug.datastructures import Headers, ImmutableMultiDict

from gabber_client.types import RealtimeSessionConfigCreateParam

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"
KEY = "gabber-fake-key"
BASE_URL = "http://fake.gabber.invalid"

CONFIG: RealtimeSessionConfigCreateParam = minimal_config()
"""Some valid session config: the spec's minimal one."""


def start_body(**generative: Any) -> dict[str, Any]:
    """A StartRealtimeSessionRequest with the minimal config, ``generative`` merged in."""
    # A plain dict: ``generative`` may hold anything, valid or not, for the fake to judge.
    config: dict[str, Any] = copy.deepcopy(dict(CONFIG))
    config["generative"].update(generative)
    return {"config": config}


def start(http: httpx.Client, **headers: str) -> dict[str, Any]:
    """Start a session with the minimal config; return the session."""
    response = http.post("/v1/realtime/start", json=start_body(), headers=headers)
    assert response.status_code == 200, response.text
    session: dict[str, Any] = response.json()["session"]
    return session


def error(response: httpx.Response, status: int) -> str:
    """Assert ``response`` is a ``status`` with a BadRequest body; return its message."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) <= {"type", "message"}
    message: str = body["message"]
    return message


@functools.cache
def _spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return spec


@functools.cache
def _openapi(server: str) -> OpenAPI:
    spec = copy.deepcopy(_spec())
    spec["servers"] = [{"url": server}]
    return OpenAPI.from_dict(spec, config=Config(additional_properties_default_policy="forbid"))


class _Request:
    def __init__(self, request: httpx.Request) -> None:
        self._request = request
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(
                parse_qsl(request.url.query.decode("ascii"), keep_blank_values=True)
            ),
            header=Headers(list(request.headers.multi_items())),
            cookie=ImmutableMultiDict(),
        )
        self.host_url = f"{request.url.scheme}://{request.url.netloc.decode('ascii')}"
        self.path = request.url.raw_path.decode("ascii").split("?", 1)[0]
        self.method = request.method.lower()
        self.body = request.content or None
        self.content_type = request.headers.get("content-type", "")


class _Response:
    def __init__(self, response: httpx.Response) -> None:
        self.status_code = response.status_code
        self.content_type = response.headers.get("content-type", "")
        self.headers = Headers(list(response.headers.multi_items()))
        self.data = response.content or None


def assert_conforms(response: httpx.Response) -> None:
    """Fail unless openapi-core finds ``response`` conforming to openapi.yaml (objects
    that do not declare ``additionalProperties`` read as closed)."""
    request = response.request
    origin = f"{request.url.scheme}://{request.url.netloc.decode('ascii')}"
    errors = list(_openapi(origin).iter_response_errors(_Request(request), _Response(response)))
    messages = []
    for problem in errors:
        current: BaseException | None = problem
        while current is not None:
            messages.append(f"{type(current).__name__}: {current}")
            for schema_error in getattr(current, "schema_errors", None) or ():
                messages.append(f"  at {schema_error.json_path}: {schema_error.message}")
            current = current.__cause__
    assert not messages, "\n".join(messages) + f"\nbody: {response.text[:500]}"
