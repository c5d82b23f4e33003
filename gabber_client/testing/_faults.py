"""Fault injection: make the next requests fail the way real networks and servers do."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from gabber_client._generated._spec_facts import ERROR_MESSAGES
from gabber_client._generated.operation_names import OperationName
from gabber_client._operations import OPERATIONS

from ._http import JSON_CONTENT_TYPE
from ._routing import OPERATION_IDS

__all__ = ["Fault", "FaultQueue", "OperationName", "operation_id"]


def operation_id(name: str) -> str:
    """The operationId an operation ``name`` stands for: a method of
    ``client.realtime`` (``"start"``) or an operationId (``"start_realtime_session"``)."""
    if name in OPERATION_IDS:
        return name
    by_method = {entry.method: op for op, entry in OPERATIONS.items()}
    found = by_method.get(name)
    if found is None or found not in OPERATION_IDS:
        methods = sorted(method for method, op in by_method.items() if op in OPERATION_IDS)
        raise ValueError(
            f"operation must be a method of client.realtime ({', '.join(methods)}), "
            f"an operationId ({', '.join(sorted(OPERATION_IDS))}) or None, got {name!r}"
        )
    return found


@dataclass(frozen=True, eq=False)
class Fault:
    """How the next matching request(s) fail.

    Args:
        status: Answer with this HTTP status instead of handling the request. The
            body is ``body`` if given, else a JSON error body
            (``{"message": "injected fault: HTTP 503"}``; empty for a 2xx).
        headers: Headers added to the response (e.g. ``{"Retry-After": "2"}``).
        body: Answer with this raw body instead of handling the request (an HTML
            page, truncated JSON, ``b""``, megabytes...), with ``status`` or 200.
        content_type: The ``Content-Type`` of ``body``; default ``application/json``
            (none for an empty body).
        delay: Seconds to wait before answering. In-process, a delay longer than
            the request's read timeout raises :class:`httpx.ReadTimeout` at once,
            without sleeping.
        drop: Drop the connection instead of answering in full: over loopback the
            socket is closed mid-response; in-process the transport raises
            :class:`httpx.RemoteProtocolError`.
        operation: Only requests of this operation match, named as you call it
            (``"start"``, the method of ``client.realtime``) or by its operationId
            (``"start_realtime_session"``); typed :data:`OperationName`, so that
            mypy and pyright reject an unknown name. Stored as the operationId (as
            :attr:`RecordedRequest.operation` names it). ``None`` matches every
            request.
        times: How many matching requests the fault applies to.

    When a fault sets neither ``status`` nor ``body``, the request is handled
    normally first (it changes the fake's state), then ``headers``, ``delay`` and
    ``drop`` apply to its response: a lost response to a request that succeeded.
    With ``status`` or ``body`` the request never reaches the fake's state.
    """

    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes | str | None = None
    content_type: str | None = None
    delay: float = 0.0
    drop: bool = False
    operation: OperationName | None = None
    times: int = 1

    def __post_init__(self) -> None:
        if self.status is not None and not 100 <= self.status <= 599:
            raise ValueError(f"status must be an HTTP status (100-599), got {self.status!r}")
        if not self.delay >= 0:
            raise ValueError(f"delay must be >= 0 seconds, got {self.delay!r}")
        if self.times < 1:
            raise ValueError(f"times must be >= 1, got {self.times!r}")
        if self.operation is not None:
            object.__setattr__(self, "operation", operation_id(self.operation))
        if (
            self.status is None
            and self.body is None
            and not self.headers
            and not self.delay
            and not self.drop
        ):
            raise ValueError("a Fault needs at least one of status, body, headers, delay, drop")
        object.__setattr__(self, "headers", dict(self.headers))

    @property
    def replaces_response(self) -> bool:
        """Whether the fault answers in place of the fake (``status`` or ``body`` set)."""
        return self.status is not None or self.body is not None

    def response_body(self, operation: str | None = None) -> tuple[bytes, str | None]:
        """The body and content type of a fault that replaces the response: ``body``;
        else for an error status, a JSON error body with the message in the field the
        spec names for ``operation`` and that status (``{"error": ...}`` for a 500),
        ``message`` when it names none; else empty."""
        if self.body is not None:
            raw = self.body.encode("utf-8") if isinstance(self.body, str) else self.body
        elif self.status is not None and not 200 <= self.status < 300:
            field = ERROR_MESSAGES.get(operation or "", {}).get(str(self.status), "message")
            raw = json.dumps({field: f"injected fault: HTTP {self.status}"}).encode("ascii")
        else:
            raw = b""
        if self.content_type is None and raw:
            return raw, JSON_CONTENT_TYPE
        return raw, self.content_type


@dataclass(slots=True)
class _Pending:
    fault: Fault
    left: int


class FaultQueue:
    """Pending faults, consumed in order. Not thread-safe: the caller holds a lock."""

    def __init__(self) -> None:
        self._pending: list[_Pending] = []

    def add(self, fault: Fault) -> None:
        """Queue ``fault`` behind the others."""
        self._pending.append(_Pending(fault, fault.times))

    def take(self, operation: str | None) -> Fault | None:
        """Consume one use of the first pending fault that matches ``operation``."""
        for index, entry in enumerate(self._pending):
            if entry.fault.operation is None or entry.fault.operation == operation:
                entry.left -= 1
                if entry.left == 0:
                    del self._pending[index]
                return entry.fault
        return None

    def pending(self) -> list[tuple[Fault, int]]:
        """The pending faults and how many uses each has left, in order."""
        return [(entry.fault, entry.left) for entry in self._pending]

    def clear(self) -> None:
        """Drop every pending fault."""
        self._pending.clear()
