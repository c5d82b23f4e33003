"""What ``gabber`` prints: a command's result as one JSON document, or as a table.

Every command produces an :class:`Output`: a JSON-compatible document (built from
the models' ``to_dict()``) and the function that lays that same document out as a
table. ``--format json`` prints the document; ``--format table`` the table.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from ._exit import UnprintableResult, printable

__all__ = [
    "Format",
    "Layout",
    "Output",
    "dtmf_table",
    "messages_table",
    "render",
    "session_page_table",
    "session_table",
    "start_table",
    "table",
    "timeline_table",
]

Format = Literal["json", "table"]
Layout = Callable[[Any], list[str]]
"""Lays a command's JSON document out as the lines of a table."""

_MAX_CELL = 60
_NONE = "-"


@dataclass(frozen=True, slots=True)
class Output:
    """A command's result: ``document`` for ``--format json``, ``layout(document)``
    (lines of text) for ``--format table``."""

    document: Any
    layout: Layout


def render(output: Output, fmt: Format) -> str:
    """``output`` as the text to write to stdout, ending with a newline. JSON is
    ASCII only (``\\u`` escapes), so that it survives any stdout encoding, and
    valid (``NaN`` or ``Infinity`` from the server raise
    :class:`UnprintableResult`); a table shows control characters escaped."""
    if fmt == "json":
        try:
            return json.dumps(output.document, indent=2, allow_nan=False) + "\n"
        except ValueError:
            raise UnprintableResult(
                "the server's answer holds a number JSON cannot represent (NaN or Infinity)"
            ) from None
    return "\n".join(printable(line) for line in output.layout(output.document)) + "\n"


def _cell(value: Any) -> str:
    if value is None or value == "":
        return _NONE
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = " ".join(str(value).split())
    return text if len(text) <= _MAX_CELL else text[: _MAX_CELL - 1] + "…"


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    """``rows`` under ``headers``, in left-aligned columns two spaces apart."""
    cells = [list(headers), *([_cell(value) for value in row] for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    return [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]


def _when(value: Any) -> Any:
    """An ISO 8601 date-time as ``YYYY-MM-DD HH:MM:SSZ`` in UTC; anything else as is."""
    if not isinstance(value, str):
        return value
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%SZ")


_SESSION_HEADERS = ("ID", "STATE", "SIMULATED", "HUMAN", "LLM", "CREATED", "ENDED")


def _session_row(session: Mapping[str, Any]) -> list[Any]:
    llm = session.get("config", {}).get("generative", {}).get("llm", {})
    return [
        session.get("id"),
        session.get("state"),
        session.get("simulated"),
        session.get("human"),
        llm.get("id") if isinstance(llm, Mapping) else llm,
        _when(session.get("created_at")),
        _when(session.get("ended_at")),
    ]


def session_table(session: Mapping[str, Any]) -> list[str]:
    """One session (``RealtimeSession.to_dict()``) as a one-row table."""
    return table(_SESSION_HEADERS, [_session_row(session)])


def start_table(started: Mapping[str, Any]) -> list[str]:
    """A started session and where to connect to it (the connection token is left
    out of the table; ``--format json`` has it)."""
    details = started.get("connection_details", {})
    return [
        *session_table(started["session"]),
        "",
        f"connect: {details.get('url', _NONE)}  (--format json for the connection token)",
    ]


def session_page_table(page: Mapping[str, Any]) -> list[str]:
    """A page (or, with ``--all``, every page) of sessions, with a pagination footer."""
    values = page["values"]
    lines = table(_SESSION_HEADERS, [_session_row(s) for s in values])
    footer = f"{len(values)} of {page['total_count']} session(s)"
    next_page = page.get("next_page")
    if next_page:
        footer += f"; next page: gabber sessions list --page {next_page}"
    return [*lines, "", footer]


def _text(message: Mapping[str, Any]) -> str:
    parts = [p.get("text") for p in message.get("content", []) if isinstance(p, Mapping)]
    text = " ".join(p for p in parts if isinstance(p, str))
    calls = message.get("tool_calls") or []
    names = [c.get("function", {}).get("name") for c in calls if isinstance(c, Mapping)]
    if names:
        text = (text + " " if text else "") + "[calls " + ", ".join(map(str, names)) + "]"
    return text


def messages_table(page: Mapping[str, Any]) -> list[str]:
    """A session's messages, oldest first as the API returns them."""
    rows = [
        [m.get("id"), m.get("role"), _when(m.get("created_at")), _text(m)] for m in page["values"]
    ]
    lines = table(("ID", "ROLE", "CREATED", "TEXT"), rows)
    return [*lines, "", f"{len(rows)} of {page['total_count']} message(s)"]


def timeline_table(page: Mapping[str, Any]) -> list[str]:
    """A session's timeline, with the time at which each stretch starts."""
    rows: list[list[Any]] = []
    at = 0.0
    for item in page["values"]:
        seconds = item.get("seconds")
        rows.append([f"{at:.1f}", item.get("type"), seconds])
        if isinstance(seconds, int | float):
            at += seconds
    lines = table(("AT (S)", "TYPE", "SECONDS"), rows)
    return [*lines, "", f"{len(rows)} of {page['total_count']} item(s), {at:.1f} s in all"]


def dtmf_table(sent: Mapping[str, Any]) -> list[str]:
    """The DTMF tones that were queued."""
    return table(
        ("SESSION", "DIGITS", "DURATION (MS)", "STATUS"),
        [[sent["session"], sent["digits"], sent["duration_ms"], sent["status"]]],
    )
