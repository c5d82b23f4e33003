"""The one hand-written table of the API's operations: what openapi.yaml cannot say.

One entry per ``operationId``. Everything the spec does say (method, path,
parameters, security schemes, ``x-human-id``, request and response schemas) is
read from it instead: from the generated endpoint modules and from
``_generated/_spec_facts.py``, which ``make generate`` writes from the spec, so that
nothing here parses the spec on import or on a call.

When the spec gains an operation, the coverage test (``tests/test_coverage.py``)
fails naming it and the files to edit: an entry here, the facade methods
(``resources/realtime.py``, sync, async and raw), the request builder
(``_calls.py``), a handler of the fake (``testing/_fake.py``) and a CLI command
(``cli/_parser.py``, ``cli/_commands.py``). When the spec loses one, the same test
names the entry to remove.
"""

from __future__ import annotations

from typing import Final, Literal, NamedTuple

from ._generated._spec_facts import OPERATIONS as SPEC_OPERATIONS
from ._generated._spec_facts import Operation as SpecOperation

__all__ = ["OPERATIONS", "SPEC_OPERATIONS", "Operation", "SpecOperation", "by_method"]

Paging = Literal["none", "token", "url"]


class Operation(NamedTuple):
    """What the spec cannot say about one operation."""

    method: str
    """The facade method: ``client.realtime.<method>`` (sync, async and raw)."""
    retry_after_sent: bool
    """Whether a retry is safe once the request may have reached the server (the
    operation is idempotent). ``False``: retried only when it surely was not sent."""
    paging: Paging
    """How its result pages: ``none``; ``token`` (``next_page`` is a page token, sent
    back as the ``page`` query parameter); ``url`` (``next_page`` is the URL of the
    next page, followed on the base URL's origin only)."""
    cli: str
    """Its ``gabber sessions <command>``."""


OPERATIONS: Final[dict[str, Operation]] = {
    "start_realtime_session": Operation("start", False, "none", "start"),
    "list_realtime_sessions": Operation("list", True, "token", "list"),
    "get_realtime_session": Operation("get", True, "none", "get"),
    "update_realtime_session": Operation("update", True, "none", "update"),
    "end_realtime_session": Operation("end", True, "none", "end"),
    "get_realtime_session_messages": Operation("messages", True, "url", "messages"),
    "get_realtime_session_timeline": Operation("timeline", True, "url", "timeline"),
    "speak": Operation("speak", False, "none", "speak"),
    "dtmf": Operation("dtmf", False, "none", "dtmf"),
    "initiate_outbound_call": Operation("initiate_outbound_call", False, "none", "call"),
    "attach_human": Operation("attach_human", True, "none", "attach-human"),
}
"""operationId -> :class:`Operation`, in the order the reference lists them."""


def by_method() -> dict[str, str]:
    """Facade method name -> operationId."""
    return {entry.method: operation for operation, entry in OPERATIONS.items()}
