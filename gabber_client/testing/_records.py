"""The record of the requests a fake received."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

if TYPE_CHECKING:
    from ._faults import Fault

from .._wire import is_secret_header

__all__ = ["RecordedRequest"]


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One request the fake received, as it arrived, and how it was answered.

    Attributes:
        method: The HTTP method, upper case.
        path: The raw, percent-encoded path (no query), e.g.
            ``/v1/realtime/a%2Fb/end``.
        query: The raw query string, without ``?`` (``""`` when none).
        headers: The request headers, names in lower case (repeated headers joined
            with ``", "``). They include credentials; ``repr()`` masks every header that may
            carry one (as the client's logs do).
        body: The raw body bytes (up to 1 MiB + 1 byte of an oversized body).
        operation: The operation id the request was routed to, or ``None``.
        session: The percent-decoded session id of the path, or ``None``.
        status: The status the fake answered (or would have answered, had the
            connection not been dropped or timed out).
        fault: The injected :class:`Fault` that applied, or ``None``.
    """

    method: str
    path: str
    query: str
    headers: Mapping[str, str]
    body: bytes
    operation: str | None
    session: str | None
    status: int
    fault: Fault | None

    @property
    def json(self) -> Any:
        """The body parsed as JSON, or ``None`` when it is empty or not JSON."""
        try:
            return json.loads(self.body)
        except (ValueError, RecursionError):
            return None

    @property
    def params(self) -> dict[str, list[str]]:
        """The query parameters, decoded: ``{"page": ["tok"]}``."""
        return parse_qs(self.query, keep_blank_values=True)

    def __repr__(self) -> str:
        headers = {
            name: ("***" if is_secret_header(name) else value)
            for name, value in self.headers.items()
        }
        return (
            f"RecordedRequest(method={self.method!r}, path={self.path!r}, query={self.query!r}, "
            f"headers={headers!r}, body=<{len(self.body)} bytes>, operation={self.operation!r}, "
            f"session={self.session!r}, status={self.status!r}, fault={self.fault!r})"
        )
