"""The ``gabber`` command line: its argparse tree, with help at every level.

The global options (credentials, base URL, output format, retries, timeout) are
accepted both before and after the subcommand: ``gabber --format table sessions
list`` and ``gabber sessions list --format table`` mean the same.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeAlias

from .._calls import DEFAULT_DTMF_DURATION_MS
from .._constants import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES
from .._operations import OPERATIONS, SPEC_OPERATIONS
from .._version import __version__
from . import _commands
from ._exit import EPILOG

__all__ = ["build_parser"]

_GLOBALS_NOTE = "The global options (gabber --help) are accepted here too, e.g. --format table."


class _Formatter(argparse.HelpFormatter):
    """Wraps descriptions to the terminal; keeps text with line breaks (the exit
    status table) as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def _number(
    convert: Callable[[str], Any], expected: str, ok: Callable[[Any], bool], rule: str
) -> Callable[[str], Any]:
    """An argparse ``type``: ``convert(text)``, refused (naming ``expected`` or the
    ``rule``) when it fails or ``ok`` says no."""

    def parse(text: str) -> Any:
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {expected}, got {text!r}") from None
        if not ok(value):
            shown = value if convert is int else text
            raise argparse.ArgumentTypeError(f"must be {rule}, got {shown}")
        return value

    return parse


_positive_int = _number(int, "a whole number", lambda v: v > 0, "greater than 0")
_non_negative_int = _number(int, "a whole number", lambda v: v >= 0, "0 or more")
_positive_seconds = _number(
    float, "a number of seconds", lambda v: 0 < v < float("inf"), "a positive number of seconds"
)


def _add_global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """Add the global options to ``parser``. Below the top
    level their default is ``SUPPRESS``, so that a value given before the subcommand
    is not overwritten, and they are left out of the help (the parser's description
    says they work)."""
    group = parser.add_argument_group("global options") if top else parser
    # The commands whose operation declares x-human-id (the spec's parameters).
    humans = [
        entry.cli
        for operation, entry in OPERATIONS.items()
        if operation in SPEC_OPERATIONS and SPEC_OPERATIONS[operation].human_header
    ]
    listed = ", ".join(humans[:-1]) + f" and {humans[-1]}" if len(humans) > 1 else "".join(humans)

    def add(flag: str, text: str, default: Any = None, **options: Any) -> None:
        hidden = argparse.SUPPRESS
        group.add_argument(
            flag, default=default if top else hidden, help=text if top else hidden, **options
        )

    add(
        "--api-key",
        f"API key, sent as x-api-key (default: ${API_KEY_ENV}; prefer the variable, which "
        "other users cannot see in the process list)",
        metavar="KEY",
    )
    add("--token", "a usage token issued for one human, instead of an API key", metavar="TOKEN")
    add(
        "--base-url",
        f"where the API is (default: ${BASE_URL_ENV}, else {DEFAULT_BASE_URL})",
        metavar="URL",
    )
    add("--human", f"act for this human (x-human-id) in {listed}", metavar="ID")
    add(
        "--format",
        "json: one JSON document on stdout (default); table: aligned columns",
        "json",
        choices=("json", "table"),
    )
    add(
        "--max-retries",
        f"retries of a failed request, where safe (default: {DEFAULT_MAX_RETRIES})",
        DEFAULT_MAX_RETRIES,
        metavar="N",
        type=_non_negative_int,
    )
    add(
        "--timeout",
        "timeout of each attempt (default: 5 s to connect, 30 s to read or write)",
        metavar="SECONDS",
        type=_positive_seconds,
    )


if TYPE_CHECKING:  # not subscriptable at run time
    _Operations: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]


def _leaf(
    sessions: _Operations,
    name: str,
    handler: _commands.Handler,
    summary: str,
    description: str | None = None,
) -> argparse.ArgumentParser:
    parser = sessions.add_parser(
        name,
        help=summary,
        description=f"{description or summary[0].upper() + summary[1:] + '.'} {_GLOBALS_NOTE}",
        epilog=EPILOG,
        formatter_class=_Formatter,
    )
    parser.set_defaults(handler=handler)
    _add_global_options(parser, top=False)
    return parser


def _session_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", metavar="SESSION", help="the session")  # as generic ones


def _add_start(sessions: _Operations) -> None:
    p = _leaf(
        sessions,
        "start",
        _commands.start,
        "start a session",
        "Start a realtime session. The generative objects are named by id; the "
        "result (JSON) includes where and with which token to connect.",
    )
    # dest "config:PART.FIELD": where in the configuration the value goes.
    p.add_argument(
        "--llm", dest="config:generative.llm", metavar="ID", required=True, help="the LLM's id"
    )
    for flag, field, text in (
        ("--voice", "voice_override", "a voice to use instead of the persona's"),
        ("--persona", "persona", "the persona the agent plays"),
        ("--scenario", "scenario", "the scenario the agent plays out"),
        ("--context", "context", "a context to continue (default: a new one)"),
    ):
        p.add_argument(flag, dest=f"config:generative.{field}", metavar="ID", help=text)
    p.add_argument(
        "--tool",
        dest="config:generative.tool_definitions",
        metavar="ID",
        action="extend",
        nargs="+",
        help="tool definitions the agent may call (repeatable)",
    )
    p.add_argument("--simulated", action="store_true", help="a simulated session (no audio)")
    p.add_argument(
        "--time-limit",
        dest="config:general.time_limit_s",
        metavar="S",
        type=_positive_int,
        help="end the session after S seconds",
    )
    p.add_argument(
        "--answer-message",
        dest="config:output.answer_message",
        metavar="TEXT",
        help="what the agent says first",
    )
    p.add_argument(
        "--no-stream-transcript",
        dest="config:output.stream_transcript",
        action="store_false",
        help="do not stream the transcript to the realtime client",
    )


def _add_list(sessions: _Operations) -> None:
    p = _leaf(
        sessions,
        "list",
        _commands.list_sessions,
        "list sessions, newest first",
        "List sessions, newest first: one page, or every page with --all.",
    )
    p.add_argument("--all", action="store_true", help="follow every page after the first")
    p.add_argument("--page", metavar="TOKEN", help="start at this page (a next_page token)")


def _add_speak(sessions: _Operations) -> None:
    p = _leaf(sessions, "speak", _commands.speak, "make the agent say something")
    _session_arg(p)
    # dest "field:NAME": the body field the generic handler sends the value as.
    p.add_argument("field:text", metavar="TEXT", help="what the agent must say")


def _add_dtmf(sessions: _Operations) -> None:
    p = _leaf(
        sessions,
        "dtmf",
        _commands.dtmf,
        "make the agent send DTMF tones",
        "Make the agent send DTMF tones, one per character of DIGITS (0-9, *, #, A-D).",
    )
    _session_arg(p)
    p.add_argument("digits", metavar="DIGITS", help="the keys to press, e.g. 123#")
    p.add_argument(
        "--duration-ms",
        metavar="N",
        type=_positive_int,
        default=DEFAULT_DTMF_DURATION_MS,
        help=f"how long each tone lasts (default: {DEFAULT_DTMF_DURATION_MS})",
    )


def _add_call(sessions: _Operations) -> None:
    p = _leaf(sessions, "call", _commands.call, "have the agent place a phone call")
    _session_arg(p)
    for flag, field, text in (("--from", "source", "call from"), ("--to", "destination", "call")):
        p.add_argument(
            flag,
            dest=f"field:{field}_phone_number",
            metavar="NUMBER",
            required=True,
            help=f"{text} (E.164)",
        )


def _add_attach_human(sessions: _Operations) -> None:
    p = _leaf(
        sessions,
        "attach-human",
        _commands.attach_human,
        "attach a human to a session",
        "Attach a human to a session, e.g. one started by a phone call.",
    )
    _session_arg(p)
    p.add_argument("field:human", metavar="HUMAN", help="the human's id")


_HAND_TUNED: dict[str, Callable[[_Operations, str], None]] = {
    "start": lambda s, _: _add_start(s),
    "list": lambda s, _: _add_list(s),
    "get": lambda s, op: _add_generic(s, op, "show a session", _commands.get),
    "update": lambda s, op: _add_generic(
        s,
        op,
        "change a session's configuration",
        _commands.update,
        "Change a session's configuration: the JSON object (a RealtimeSessionConfigUpdate) "
        'replaces the parts it gives, e.g. {"general": {"time_limit_s": 600}}.',
    ),
    "speak": lambda s, _: _add_speak(s),
    "dtmf": lambda s, _: _add_dtmf(s),
    "call": lambda s, _: _add_call(s),
    "attach-human": lambda s, _: _add_attach_human(s),
    "messages": lambda s, op: _add_generic(
        s, op, "a session's messages (every page)", _commands.messages
    ),
    "timeline": lambda s, op: _add_generic(
        s, op, "a session's timeline (every page)", _commands.timeline
    ),
    "end": lambda s, op: _add_generic(s, op, "end a session", _commands.end),
}
"""The commands with hand-tuned flags, summaries or tables, by name (the table's
``cli``), each called with its operation. Every other operation of the spec gets a generic command
(:func:`_add_generic`)."""

_SCALAR_TYPES: dict[str, Callable[[str], Any]] = {
    "string": str,
    "integer": int,
    "number": float,
}


def _json_value(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not valid JSON: {exc}") from None


def _add_generic(
    sessions: _Operations,
    operation: str,
    summary: str | None = None,
    handler: _commands.Handler | None = None,
    description: str | None = None,
) -> None:
    """``gabber sessions <command>`` for any operation, from the spec's facts: path
    parameters are positional; query parameters and the request body's fields are
    options (``--field-name``; JSON for objects and arrays); ``--json FILE`` gives
    the whole body (its fields, flags override them). ``summary``, ``handler`` and
    ``description`` replace the spec's summary, :func:`_commands.generic`'s handler
    and the description made from the spec."""
    facts, entry = SPEC_OPERATIONS[operation], OPERATIONS[operation]
    described = facts.summary.rstrip(".") or operation
    p = _leaf(
        sessions,
        entry.cli,
        handler or _commands.generic(operation),
        summary or described[0].lower() + described[1:],
        description
        or f"{described}. Calls client.realtime.{entry.method} ({facts.method} {facts.path}).",
    )
    for where, wire, name, kind in facts.parameters:
        if where == "path":
            p.add_argument(name, metavar=wire.upper(), help=f"the {wire}")
        elif where == "query":
            p.add_argument(
                f"--{wire.replace('_', '-')}",
                dest=name,
                metavar="VALUE",
                type=_SCALAR_TYPES.get(kind, _json_value),
                help=f"the {wire} query parameter",
            )
    fields = facts.body_fields if entry.body is None and entry.body_builder is None else None
    if facts.request_body is not None:
        p.add_argument(
            "--json",
            metavar="FILE",
            required=fields is None,
            help="a file with the JSON request body, or - for stdin"
            + ("" if fields is None else "; the options below override its fields"),
        )
    for wire, name, kind, required in fields or ():
        if kind.startswith("const "):
            continue
        what = f"the body's {wire}" + (" (required)" if required else "")
        options: dict[str, Any] = {"metavar": "JSON", "type": _json_value}
        if kind == "boolean":
            options = {"action": argparse.BooleanOptionalAction}
        elif kind in _SCALAR_TYPES:
            options = {"metavar": "VALUE", "type": _SCALAR_TYPES[kind]}
        else:
            what += ", as JSON"
        flag = name.rstrip("_").replace("_", "-")
        try:
            p.add_argument(f"--{flag}", dest=f"field:{wire}", help=what, **options)
        except argparse.ArgumentError:  # taken (a global option): e.g. a field named human
            p.add_argument(f"--body-{flag}", dest=f"field:{wire}", help=what, **options)


def _add_sessions(commands: _Operations) -> None:
    group = commands.add_parser(
        "sessions",
        help="realtime sessions: start, inspect, steer and end them",
        description=f"Realtime sessions: start, inspect, steer and end them. {_GLOBALS_NOTE}",
        epilog=EPILOG,
        formatter_class=_Formatter,
    )
    _add_global_options(group, top=False)
    sessions = group.add_subparsers(
        title="operations", dest="operation", metavar="OPERATION", required=True
    )
    # One per operation, in the table's order (a session's life), then the others.
    for operation, entry in OPERATIONS.items():
        hand_tuned = _HAND_TUNED.get(entry.cli)
        if hand_tuned is not None:
            hand_tuned(sessions, operation)
        else:
            _add_generic(sessions, operation)


def build_parser() -> argparse.ArgumentParser:
    """The ``gabber`` parser; each leaf sets ``handler`` (a :data:`_commands.Handler`)."""
    parser = argparse.ArgumentParser(
        prog="gabber",
        description="The command line of the Gabber realtime API (gabber-client).",
        epilog=EPILOG,
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"gabber {__version__}")
    _add_global_options(parser, top=True)
    commands = parser.add_subparsers(
        title="commands", dest="command", metavar="COMMAND", required=True
    )
    _add_sessions(commands)
    return parser
