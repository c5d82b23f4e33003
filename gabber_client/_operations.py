"""The one hand-written table of the API's operations: only what openapi.yaml cannot say.

Everything the spec does say (method, path, parameters, security schemes,
``x-human-id``, request and response schemas) is read from it: from the generated
endpoint modules and from ``_generated/_spec_facts.py``, which ``make generate``
writes from the spec, so that nothing here parses the spec on import or on a call.

An operation needs no entry here. Without one it gets these defaults, all read from
the spec (:func:`resolve`):

- its facade method (``client.realtime.<method>``) and CLI command (``gabber
  sessions <command>``) are its ``operationId`` (``_`` as ``-`` in the command);
- a retry once the request may have reached the server is safe for ``GET``, ``PUT``
  and ``DELETE`` (idempotent by HTTP's definition), not for ``POST`` or ``PATCH``;
- it pages when its 200 body has ``values``, ``total_count`` and ``next_page``: by
  page token when it takes a ``page`` query parameter, else by next-page URL;
- its request body's fields are the method's parameters (required ones positional,
  the others keyword-only; all keyword-only for a oneOf body).

:data:`OVERRIDES` holds the exceptions, per ``operationId``. ``make generate`` writes
the facade (``resources/realtime.py``), its ``api.md`` entries and the CLI's commands
from the spec and this table (``scripts/facade.py``).
"""

from __future__ import annotations

from typing import Final, Literal, NamedTuple

from ._generated._spec_facts import OPERATIONS as SPEC_OPERATIONS
from ._generated._spec_facts import Operation as SpecOperation

__all__ = [
    "OPERATIONS",
    "OVERRIDES",
    "SPEC_OPERATIONS",
    "Operation",
    "Override",
    "SpecOperation",
    "resolve",
]

Paging = Literal["none", "token", "url"]

IDEMPOTENT_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
"""The HTTP methods whose requests may be retried once sent (RFC 9110, section 9.2.2)."""


class Override(NamedTuple):
    """What differs from the defaults for one operation; ``None``: the default."""

    method: str | None = None
    """A nicer facade method name than the operationId."""
    retry_after_sent: bool | None = None
    """An exception to the HTTP method's retry safety."""
    paging: Paging | None = None
    """An exception to the paging read from the response schema."""
    cli: str | None = None
    """A nicer ``gabber sessions`` command name (its flags: ``cli/_parser.py``)."""
    body: str | None = None
    """The request body as one parameter of this name, instead of its fields."""
    body_builder: str | None = None
    """A function of ``_calls.py`` whose parameters replace the body's fields and
    which builds the body from them (hand-tuned arguments)."""


class Operation(NamedTuple):
    """One operation as the facade sees it: the spec's facts with the table applied."""

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
    body: str | None = None
    """See :attr:`Override.body`."""
    body_builder: str | None = None
    """See :attr:`Override.body_builder`."""


OVERRIDES: Final[dict[str, Override]] = {
    "start_realtime_session": Override("start"),
    "list_realtime_sessions": Override("list"),
    "get_realtime_session": Override("get"),
    "update_realtime_session": Override("update", retry_after_sent=True, body="config"),
    "speak": Override(),
    "dtmf": Override(body_builder="dtmf_body"),
    "initiate_outbound_call": Override(cli="call"),
    "attach_human": Override(retry_after_sent=True),
    "get_realtime_session_messages": Override("messages"),
    "get_realtime_session_timeline": Override("timeline"),
    "end_realtime_session": Override("end", retry_after_sent=True),
}
"""operationId -> :class:`Override`. Its order is the order of the reference and of
``gabber sessions --help`` (a session's life); operations absent from it follow, by
operationId. An entry with no override only places its operation in that order."""


def resolve(operation: str, facts: SpecOperation, override: Override | None = None) -> Operation:
    """``operation`` as the facade sees it: ``override`` over the spec's defaults."""
    o = override or Override()
    method = o.method or operation
    paging: Paging = "none"
    if facts.paged:
        query = {p[1] for p in facts.parameters if p[0] == "query"}
        paging = "token" if "page" in query else "url"
    return Operation(
        method=method,
        retry_after_sent=(
            o.retry_after_sent
            if o.retry_after_sent is not None
            else facts.method in IDEMPOTENT_METHODS
        ),
        paging=o.paging or paging,
        cli=o.cli or method.replace("_", "-"),
        body=o.body,
        body_builder=o.body_builder,
    )


def _resolved() -> dict[str, Operation]:
    order = [op for op in OVERRIDES if op in SPEC_OPERATIONS]
    order += sorted(op for op in SPEC_OPERATIONS if op not in OVERRIDES)
    return {op: resolve(op, SPEC_OPERATIONS[op], OVERRIDES.get(op)) for op in order}


OPERATIONS: Final[dict[str, Operation]] = _resolved()
"""operationId -> :class:`Operation`, for every operation of the spec, in the order
of :data:`OVERRIDES` then by operationId."""
