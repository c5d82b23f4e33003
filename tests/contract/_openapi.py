"""openapi-core, fed with httpx objects: the independent judge of the contract suite.

openapi-core validates a request (method, path, parameters, security, body) or a
response (status, content type, headers, body) against openapi.yaml. It reads
them through two small protocols; :class:`HttpxOpenAPIRequest` and
:class:`HttpxOpenAPIResponse` implement them for :class:`httpx.Request` and
:class:`httpx.Response`. Nothing here knows what the operations look like:
every judgement comes from the spec.

The validators are built with ``additional_properties_default_policy="forbid"``:
an object schema that does not say ``additionalProperties`` is read as closed, so
a field the spec does not declare (a misspelt name in the client or the fake) is
an error, while the free-form objects the spec opens explicitly (``_extra``,
tool-call ``arguments``) stay open.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import yaml
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.templating.paths.finders import APICallPathFinder
from werkzeug.datastructures import Headers, ImmutableMultiDict

__all__ = [
    "SERVER_URL",
    "SPEC_PATH",
    "ContractTransport",
    "Exchange",
    "HttpxOpenAPIRequest",
    "HttpxOpenAPIResponse",
    "assert_valid_request",
    "assert_valid_response",
    "load_spec",
    "make_openapi",
    "operation_id",
    "path_parameters",
    "request_errors",
    "response_errors",
]

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"
"""The single source of truth."""

SERVER_URL = "https://api.gabber.dev"
"""The spec's server. Clients are built with it as ``base_url`` but only ever talk to
in-process transports: nothing is sent to that host."""


@functools.cache
def _spec_text() -> str:
    return SPEC_PATH.read_text(encoding="utf-8")


def load_spec() -> dict[str, Any]:
    """A fresh (mutable) copy of openapi.yaml as a dict."""
    spec: dict[str, Any] = yaml.safe_load(_spec_text())
    return spec


def make_openapi(spec: dict[str, Any] | None = None, *, server_url: str | None = None) -> OpenAPI:
    """An openapi-core validator of ``spec`` (default: openapi.yaml), reading undeclared
    properties as errors. ``server_url`` replaces the spec's servers (for a fake served
    on loopback); the spec itself is never modified."""
    spec = copy.deepcopy(spec) if spec is not None else load_spec()
    if server_url is not None:
        spec["servers"] = [{"url": server_url}]
    config = Config(additional_properties_default_policy="forbid")
    return OpenAPI.from_dict(spec, config=config)


class HttpxOpenAPIRequest:
    """openapi-core's ``Request`` protocol over an :class:`httpx.Request`.

    The path is the *raw* (percent-encoded) path, as it travels: a session id holding
    ``/`` must arrive as one ``%2F``-encoded segment to match ``{session}``.
    """

    def __init__(self, request: httpx.Request) -> None:
        self._request = request
        cookies = SimpleCookie()
        for value in request.headers.get_list("cookie"):
            cookies.load(value)
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(
                parse_qsl(request.url.query.decode("ascii"), keep_blank_values=True)
            ),
            header=Headers(list(request.headers.multi_items())),
            cookie=ImmutableMultiDict({k: m.value for k, m in cookies.items()}),
        )

    @property
    def host_url(self) -> str:
        url = self._request.url
        return f"{url.scheme}://{url.netloc.decode('ascii')}"

    @property
    def path(self) -> str:
        return self._request.url.raw_path.decode("ascii").split("?", 1)[0]

    @property
    def method(self) -> str:
        return self._request.method.lower()

    @property
    def body(self) -> bytes | None:
        content = self._request.content
        return content or None

    @property
    def content_type(self) -> str:
        return str(self._request.headers.get("content-type", "")).lower()


class HttpxOpenAPIResponse:
    """openapi-core's ``Response`` protocol over a (read) :class:`httpx.Response`."""

    def __init__(self, response: httpx.Response) -> None:
        self._response = response

    @property
    def status_code(self) -> int:
        return self._response.status_code

    @property
    def content_type(self) -> str:
        return str(self._response.headers.get("content-type", "")).lower()

    @property
    def headers(self) -> Headers:
        return Headers(list(self._response.headers.multi_items()))

    @property
    def data(self) -> bytes | None:
        return self._response.content or None


def _describe(errors: Iterable[BaseException]) -> list[str]:
    """The validator's messages, causes and JSON-schema errors included."""
    lines: list[str] = []
    for error in errors:
        current: BaseException | None = error
        while current is not None:
            text = str(current) or repr(current)
            lines.append(f"{type(current).__name__}: {text}")
            for schema_error in getattr(current, "schema_errors", None) or ():
                lines.append(f"    at {schema_error.json_path}: {schema_error.message}")
                for alternative in schema_error.context or ():  # why each anyOf/oneOf branch failed
                    lines.append(f"      branch: at {alternative.json_path}: {alternative.message}")
            current = current.__cause__
    return lines


def request_errors(api: OpenAPI, request: httpx.Request) -> list[str]:
    """Every problem openapi-core finds with ``request``; empty when it conforms."""
    return _describe(api.iter_request_errors(HttpxOpenAPIRequest(request)))


def response_errors(api: OpenAPI, request: httpx.Request, response: httpx.Response) -> list[str]:
    """Every problem openapi-core finds with ``response`` to ``request``."""
    adapted = HttpxOpenAPIRequest(request)
    return _describe(api.iter_response_errors(adapted, HttpxOpenAPIResponse(response)))


def _where(request: httpx.Request) -> str:
    return f"{request.method} {request.url.raw_path.decode('ascii')}"


def assert_valid_request(api: OpenAPI, request: httpx.Request) -> None:
    """Fail with the validator's messages unless ``request`` conforms to the spec."""
    problems = request_errors(api, request)
    if problems:
        raise AssertionError(
            f"request {_where(request)} violates openapi.yaml:\n" + "\n".join(problems)
        )


def assert_valid_response(api: OpenAPI, request: httpx.Request, response: httpx.Response) -> None:
    """Fail with the validator's messages unless ``response`` conforms to the spec."""
    problems = response_errors(api, request, response)
    if problems:
        raise AssertionError(
            f"response {response.status_code} to {_where(request)} violates openapi.yaml:\n"
            + "\n".join(problems)
            + f"\nbody: {response.text[:500]}"
        )


def operation_id(api: OpenAPI, request: httpx.Request) -> str:
    """The ``operationId`` openapi-core routes ``request`` to (raises if none)."""
    adapted = HttpxOpenAPIRequest(request)
    found = APICallPathFinder(api.spec).find(adapted.method, adapted.host_url + adapted.path)
    value = found.operation["operationId"]
    assert isinstance(value, str)
    return value


def path_parameters(api: OpenAPI, request: httpx.Request) -> dict[str, str]:
    """The path parameters openapi-core matched in ``request``, still percent-encoded
    (as they travel)."""
    adapted = HttpxOpenAPIRequest(request)
    for _ in api.iter_request_errors(adapted):
        pass
    return {str(k): str(v) for k, v in adapted.parameters.path.items()}


@dataclass(frozen=True)
class Exchange:
    """One request and the response it got, as a :class:`ContractTransport` saw them."""

    request: httpx.Request
    response: httpx.Response


@dataclass
class ContractTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A transport that passes each request to ``inner`` and validates the exchange.

    Every response is checked against the spec, and so is every request when
    ``check_requests`` (turn it off to send deliberately invalid requests). A
    violation raises :class:`AssertionError` with the validator's messages out of
    the client call that caused it. ``inner`` serves sync and/or async clients.
    """

    api: OpenAPI
    inner: Any
    check_requests: bool = True
    exchanges: list[Exchange] = field(default_factory=list)

    def _check(self, request: httpx.Request, response: httpx.Response) -> None:
        self.exchanges.append(Exchange(request, response))
        if self.check_requests:
            assert_valid_request(self.api, request)
        assert_valid_response(self.api, request, response)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        assert isinstance(response, httpx.Response)
        response.read()
        self._check(request, response)
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        assert isinstance(response, httpx.Response)
        await response.aread()
        self._check(request, response)
        return response

    def statuses(self) -> Sequence[int]:
        """The status of every exchange so far, in order."""
        return [e.response.status_code for e in self.exchanges]
