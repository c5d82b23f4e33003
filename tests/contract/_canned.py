"""A stand-in server for checking requests: it records what the client sends and
answers each operation with the smallest 200 response its spec schema allows.

The answers are derived from openapi.yaml (``minimal_instance`` of the operation's
200 schema), not written by hand, and they pass through the same response
validation as everything else. Nothing here is a network: it is an
``httpx.MockTransport`` handler.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import httpx
from openapi_core import OpenAPI

from ._openapi import operation_id
from ._schemas import minimal_instance

__all__ = ["CannedApi"]


@dataclass
class CannedApi:
    """Records requests and answers each with its operation's minimal 200.

    ``next_pages`` maps an operation id to the ``next_page`` of its *first* answer
    (later answers are last pages), to make the client request a second page.
    """

    spec: dict[str, Any]
    openapi: OpenAPI
    next_pages: dict[str, str] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)

    def _ok_schema(self, operation: str) -> dict[str, Any] | None:
        for methods in self.spec["paths"].values():
            for details in methods.values():
                if details.get("operationId") == operation:
                    content = details["responses"]["200"].get("content")
                    if content is None:
                        return None
                    schema: dict[str, Any] = content["application/json"]["schema"]
                    return schema
        raise LookupError(f"no operation {operation!r} in the spec")

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        operation = operation_id(self.openapi, request)
        schema = self._ok_schema(operation)
        if schema is None:
            return httpx.Response(200)
        body = minimal_instance(schema, self.spec["components"]["schemas"])
        human = request.headers.get("x-human-id")
        if human is not None and schema.get("$ref", "").endswith("/RealtimeSession"):
            body["human"] = human  # as a server scoping by x-human-id answers
        next_page = self.next_pages.pop(operation, None)
        if next_page is not None:
            body["next_page"] = next_page
        return httpx.Response(
            200,
            content=json.dumps(body).encode("utf-8"),
            headers={"content-type": "application/json"},
        )

    def transport(self) -> httpx.MockTransport:
        """A sync and async httpx transport answering with this handler."""
        return httpx.MockTransport(self)
