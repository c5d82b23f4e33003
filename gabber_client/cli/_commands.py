"""What each ``gabber sessions ...`` subcommand does: one function per operation.

Each handler takes the client and the parsed arguments, calls one method of
``client.realtime`` and returns an :class:`~._render.Output`. Errors propagate to
:func:`gabber_client.cli.main`, which turns them into an exit status.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .._client import Gabber
from .._minimal import minimal_value
from .._operations import OPERATIONS, SPEC_OPERATIONS

if TYPE_CHECKING:
    from ..types import RealtimeSessionConfigCreateParam
from ._exit import UsageError
from ._render import (
    Layout,
    Output,
    dtmf_table,
    messages_table,
    session_page_table,
    session_table,
    start_table,
    table,
    timeline_table,
)

__all__ = [
    "Handler",
    "end",
    "get",
    "messages",
    "timeline",
    "attach_human",
    "call",
    "dtmf",
    "generic",
    "list_sessions",
    "speak",
    "start",
    "update",
]

Handler = Callable[[Gabber, argparse.Namespace], Output]


def _dicts(items: Iterable[Any]) -> list[dict[str, Any]]:
    return [item.to_dict() for item in items]


def start(client: Gabber, args: argparse.Namespace) -> Output:
    """``sessions start``: build a configuration from the options (each one's dest is
    ``config:PART.FIELD``) and start a session."""
    parts: dict[str, dict[str, Any]] = {"general": {}, "generative": {}, "output": {}}
    for key, value in vars(args).items():
        if key.startswith("config:") and value is not None:
            part, _, field = key.removeprefix("config:").partition(".")
            parts[part][field] = value
    # Over a minimal valid config built from the spec (its required fields filled),
    # so that a field made required upstream needs no edit here.
    config = minimal_value("RealtimeSessionConfigCreate", parts)
    # Built at run time from the arguments (checked against the spec when sent).
    typed = cast("RealtimeSessionConfigCreateParam", config)
    started = client.realtime.start(typed, simulated=True if args.simulated else None)
    return Output(started.to_dict(), start_table)


def list_sessions(client: Gabber, args: argparse.Namespace) -> Output:
    """``sessions list``: one page (from ``--page``), or with ``--all`` every page from
    there on; ``next_page`` is the token of the page after the last one printed."""
    page = client.realtime.list(page=args.page)
    document = {
        "total_count": page.total_count,
        "next_page": None if args.all else page.next_page,
        "values": _dicts(page if args.all else page.values),  # the whole walk, or one page
    }
    return Output(document, session_page_table)


def _read_json(source: str) -> Any:
    """The JSON document in file ``source`` (``-`` for stdin)."""
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageError(f"--json: cannot read {source}: {reason}") from None
    where = "stdin" if source == "-" else source
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise UsageError(f"--json: {where} is not valid JSON: {exc}") from None
    except RecursionError:
        raise UsageError(f"--json: {where} is nested too deeply") from None
    except ValueError as exc:  # NaN/Infinity, or an integer beyond Python's digit limit
        raise UsageError(f"--json: {where}: {exc}") from None


def _no_constant(name: str) -> Any:
    """``parse_constant`` of :func:`json.loads`: ``NaN`` and ``Infinity`` are not JSON."""
    raise ValueError(f"{name} is not a JSON number")


def dtmf(client: Gabber, args: argparse.Namespace) -> Output:
    """``sessions dtmf SESSION DIGITS``: the API answers with an empty body, so the document
    describes what was queued."""
    client.realtime.dtmf(args.session, args.digits, duration_ms=args.duration_ms)
    document = {
        "session": args.session,
        "digits": args.digits,
        "duration_ms": args.duration_ms,
        "status": "queued",
    }
    return Output(document, dtmf_table)


def generic(operation: str, layout: Layout | None = None) -> Handler:
    """The handler of the generic command of ``operation`` (``_parser._add_generic``):
    calls its facade method with the parsed arguments; a paged result is read to its
    last page. ``--format table`` lays it out with ``layout`` (default
    :func:`generic_table`)."""
    facts, entry = SPEC_OPERATIONS[operation], OPERATIONS[operation]

    def handle(client: Gabber, args: argparse.Namespace) -> Output:
        options = vars(args)
        positional = [options[name] for where, _, name, _ in facts.parameters if where == "path"]
        kwargs: dict[str, Any] = {
            name: options[name]
            for where, _, name, _ in facts.parameters
            if where == "query" and options.get(name) is not None
        }
        if facts.request_body is not None:
            source = options.get("json")
            body = _read_json(source) if source is not None else {}
            if (
                entry.body is not None
                or entry.body_builder is not None
                or facts.body_fields is None
            ):
                positional.append(body)
            else:
                if not isinstance(body, dict):
                    raise UsageError("--json: the request body must be a JSON object")
                for key, value in options.items():
                    if key.startswith("field:") and value is not None:
                        body[key.removeprefix("field:")] = value
                fields = {wire: name for wire, name, kind, _ in facts.body_fields}
                unknown = sorted(set(body) - set(fields))
                if unknown:
                    raise UsageError(f"--json: unknown field(s) {unknown}; known: {sorted(fields)}")
                for wire, name, kind, _ in facts.body_fields:
                    if wire in body and not kind.startswith("const "):
                        kwargs[name] = body[wire]
        result = getattr(client.realtime, entry.method)(*positional, **kwargs)
        return Output(_document(result), layout or generic_table)

    return handle


def _document(result: Any) -> Any:
    """A facade method's result as JSON: a model's ``to_dict()``; every item of every
    page of a paged result; ``{"status": "ok"}`` for an empty response."""
    if result is None:
        return {"status": "ok"}
    if hasattr(result, "total_count") and hasattr(result, "values"):
        return {"total_count": result.total_count, "values": _dicts(result)}
    return result.to_dict()


def generic_table(document: Any) -> list[str]:
    """A generic command's document as a table: one row per item of a page, or one
    row per field of a single result."""
    if isinstance(document, dict) and isinstance(document.get("values"), list):
        values = [v for v in document["values"] if isinstance(v, dict)]
        columns = list(dict.fromkeys(k for v in values for k in v))
        rows = [[_scalar(v.get(c)) for c in columns] for v in values]
        return [*table(columns, rows), f"{len(values)} of {document.get('total_count')} item(s)"]
    if isinstance(document, dict):
        return table(["field", "value"], [[k, _scalar(v)] for k, v in document.items()])
    return [str(document)]


def _scalar(value: Any) -> Any:
    return json.dumps(value) if isinstance(value, dict | list) else value


# The commands with hand-tuned arguments (dest ``field:NAME`` for a body field) or a
# table of their own, otherwise generic.
get = generic("get_realtime_session", session_table)
end = generic("end_realtime_session", session_table)
update = generic("update_realtime_session", session_table)
speak = generic("speak", session_table)
call = generic("initiate_outbound_call", session_table)
attach_human = generic("attach_human", session_table)
messages = generic("get_realtime_session_messages", messages_table)
timeline = generic("get_realtime_session_timeline", timeline_table)
