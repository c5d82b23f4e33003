"""The fake's state: sessions, contexts and what they accumulate.

Every method takes request bodies already validated against openapi.yaml (or
built by the fake itself), checks what the schemas cannot (known ids, E.164
numbers, empty text...), and raises :class:`~._http.ApiError` for a 400 or 404.
Nothing here locks: :class:`~._fake.FakeGabber` holds its lock around every call.
State is kept as plain JSON-ready dicts, so answering is rendering and dumping.
"""

from __future__ import annotations

import base64
import secrets
from bisect import bisect_left, insort
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from . import _schema
from ._catalog import Catalog, expand
from ._http import ApiError
from ._routing import quote_segment
from ._validation import is_e164

__all__ = ["ContextRecord", "Session", "Store", "bad_input", "iso"]

LATEST_MESSAGES: Final = 20
"""How many of a context's messages its ``latest_messages`` shows."""

CONNECTION_URL: Final = "wss://rtc.fake.gabber.invalid"
"""The ``connection_details.url`` of every session (it never resolves)."""

DEFAULT_VOICE: Final = "voice_fake_default"

_ID_FIELDS: Final = (
    # (config key, Catalog attribute, noun in messages)
    ("llm", "llms", "llm"),
    ("voice_override", "voices", "voice"),
    ("persona", "personas", "persona"),
    ("scenario", "scenarios", "scenario"),
)
_EXPANDED: Final = frozenset({key for key, _, _ in _ID_FIELDS} | {"tool_definitions", "context"})
"""Generative fields the fake expands (ids to objects); the others are echoed."""
_MAX_TOKEN: Final = 64

MAX_SPEAK_TEXT_CHARS: Final = 64 * 1024
"""The longest ``speak`` text the fake accepts (a 400 naming ``text`` beyond it)."""

MAX_SESSION_MESSAGES: Final = 1000
"""A session keeps its latest 1,000 messages (and timeline items): bounded memory."""
_CHARS_PER_SECOND: Final = 15.0


def iso(moment: datetime) -> str:
    """``moment`` (aware, as :meth:`Store.now` gives it) as an RFC 3339 UTC date-time
    (``...Z``)."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def bad_input(message: str) -> ApiError:
    """A 400 of type ``invalid_input``; ``message`` starts with the field's name."""
    return ApiError(400, message, error_type="invalid_input")


def _not_found(session_id: str) -> ApiError:
    shown = session_id if len(session_id) <= 200 else session_id[:197] + "..."
    return ApiError(404, f"session: no session {shown!r}")


def _encode_token(kind: str, position: int) -> str:
    return base64.urlsafe_b64encode(f"{kind}:{position}".encode("ascii")).decode().rstrip("=")


def _decode_token(kind: str, token: str, limit: int) -> int:
    """The position a page token stands for; 400 unless it is one the fake made."""
    error = bad_input("page: not a page token of this listing")
    if len(token) > _MAX_TOKEN:
        raise error
    try:
        # the fake's tokens drop their "=" padding; decoding ignores any beyond what it needs
        text = base64.urlsafe_b64decode(token + "==").decode("ascii")
    except ValueError:  # binascii.Error, UnicodeDecodeError, non-ASCII token
        raise error from None
    prefix, _, digits = text.partition(":")
    if prefix != kind or not digits.isascii() or not digits.isdigit() or len(digits) > 18:
        raise error
    position = int(digits)
    if position > limit:
        raise error
    return position


def _new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(12)}"


def _config_parts() -> tuple[dict[str, str], frozenset[str]]:
    """The parts of a session's config that are echoes of what was sent (every part
    but ``generative``, which the fake expands): part name -> its response schema;
    and the fields of the expanded generative part."""
    schemas = _schema.spec()["components"]["schemas"]
    parts: dict[str, str] = {}
    generative: frozenset[str] = frozenset()
    for key, prop in schemas["RealtimeSessionConfig"]["properties"].items():
        ref = prop.get("$ref")
        if not isinstance(ref, str):
            continue
        name = ref.rsplit("/", 1)[1]
        if key == "generative":
            generative = frozenset(schemas[name].get("properties", {}))
        else:
            parts[key] = name
    return parts, generative


@dataclass(slots=True, eq=False)
class ContextRecord:
    """A context: the conversation memory one or more sessions write to."""

    id: str
    created_at: str
    project: str
    human: str | None
    messages: list[dict[str, Any]] = field(default_factory=list)

    def render(self) -> dict[str, Any]:
        """The ``Context`` object, with its latest messages."""
        out: dict[str, Any] = {
            "id": self.id,
            "created_at": self.created_at,
            "project": self.project,
            "latest_messages": self.messages[-LATEST_MESSAGES:],
        }
        if self.human is not None:
            out["human"] = self.human
        return out


@dataclass(slots=True, eq=False)
class Session:
    """A session. ``index`` is its position in creation order (0 for the first)."""

    index: int
    id: str
    created_at: str
    project: str
    human: str | None
    simulated: bool
    parts: dict[str, dict[str, Any]]
    """The config's echoed parts (``general``, ``input``, ``output``, and any part
    the spec adds): the fields sent, over the schema's defaults."""
    generative: dict[str, Any]  # expanded; the context is kept apart, in `context`
    context: ContextRecord
    extra: dict[str, Any] | None = None
    state: str = "in_progress"
    ended_at: str | None = None
    data: list[dict[str, str]] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)

    def render(self) -> dict[str, Any]:
        """The ``RealtimeSession`` object."""
        out: dict[str, Any] = {
            "id": self.id,
            "state": self.state,
            "created_at": self.created_at,
            "project": self.project,
            "simulated": self.simulated,
            "config": {
                **self.parts,
                "generative": {**self.generative, "context": self.context.render()},
            },
            "data": self.data,
        }
        if self.ended_at is not None:
            out["ended_at"] = self.ended_at
        if self.human is not None:
            out["human"] = self.human
        if self.extra is not None:
            out["_extra"] = self.extra
        return out


def _by_index(session: Session) -> int:
    return session.index


class Store:
    """Sessions and contexts of one project, and the operations on them."""

    def __init__(
        self,
        *,
        project: str,
        catalog: Catalog | None,
        page_size: int,
        clock: Callable[[], datetime],
    ) -> None:
        self.project = project
        self.catalog = catalog
        self.page_size = page_size
        self.clock = clock
        self.sessions: dict[str, Session] = {}
        self.order: list[Session] = []
        self.by_human: dict[str, list[Session]] = {}
        self.contexts: dict[str, ContextRecord] = {}
        self.config_parts, self.generative_fields = _config_parts()
        voices = sorted(catalog.voices) if catalog is not None else []
        self.default_voice = voices[0] if voices else DEFAULT_VOICE

    # ------------------------------------------------------------------ lookups
    def find(self, session_id: str | None, scope: str | None) -> Session:
        """The session ``session_id`` if ``scope`` (a human, or ``None`` for every
        human) may see it; else a 404."""
        session = self.sessions.get(session_id) if session_id is not None else None
        if session is None or (scope is not None and session.human != scope):
            raise _not_found(session_id or "")
        return session

    def now(self) -> datetime:
        """The clock's time, as an aware UTC datetime."""
        moment = self.clock()
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment

    # -------------------------------------------------------------- expansion
    def _expand_id(self, key: str, catalog_field: str, noun: str, value: str, path: str) -> Any:
        if not value:
            raise bad_input(f"{path}: must not be empty")
        if self.catalog is not None and value not in getattr(self.catalog, catalog_field):
            raise bad_input(f"{path}: unknown {noun} id {value!r}")
        return expand(key, value, self.project, self.default_voice)

    def _context(self, value: str, path: str, human: str | None) -> ContextRecord:
        if not value:
            raise bad_input(f"{path}: must not be empty")
        known = self.contexts.get(value)
        if known is not None:
            return known
        if self.catalog is not None and value not in self.catalog.contexts:
            raise bad_input(f"{path}: unknown context id {value!r}")
        return ContextRecord(value, iso(self.now()), self.project, human)

    def _generative(
        self, part: Mapping[str, Any], path: str, base: Session | None, human: str | None
    ) -> tuple[dict[str, Any], ContextRecord]:
        """Expand a generative config (create, or update of ``base``): the new
        expanded dict and context. Nothing is stored yet."""
        out = dict(base.generative) if base is not None else {}
        for key, catalog_field, noun in _ID_FIELDS:
            if key not in part:
                continue
            value = part[key]
            if value is None:
                if key != "llm":  # null clears an optional object; the LLM stays
                    out.pop(key, None)
                continue
            out[key] = self._expand_id(key, catalog_field, noun, value, f"{path}.{key}")
        if "tool_definitions" in part:
            out["tool_definitions"] = [
                self._expand_id(
                    "tool_definitions",
                    "tool_definitions",
                    "tool definition",
                    tool_id,
                    f"{path}.tool_definitions[{index}]",
                )
                for index, tool_id in enumerate(part["tool_definitions"] or ())
            ]
        out.setdefault("tool_definitions", [])
        for key, value in part.items():
            # Any other field the spec declares is echoed as sent (``_extra`` today);
            # null clears it.
            if key in _EXPANDED or key not in self.generative_fields:
                continue
            if value is None:
                out.pop(key, None)
            else:
                out[key] = value
        context_id = part.get("context")
        if context_id is not None:
            context = self._context(context_id, f"{path}.context", human)
        elif base is not None:
            context = base.context
        else:
            context = ContextRecord(_new_id("ctx"), iso(self.now()), self.project, human)
        return out, context

    # ------------------------------------------------------------- operations
    def start(
        self,
        body: Mapping[str, Any],
        human: str | None,
        session_id: str | None = None,
    ) -> Session:
        """Start a session from a ``StartRealtimeSessionRequest``."""
        config = body["config"]
        generative, context = self._generative(
            config["generative"], "config.generative", None, human
        )
        if session_id is None:
            session_id = _new_id("rs")
        elif session_id in self.sessions:
            raise ValueError(f"a session with id {session_id!r} exists already")
        session = Session(
            index=len(self.order),
            id=session_id,
            created_at=iso(self.now()),
            project=self.project,
            human=human,
            simulated=bool(body.get("simulated")),
            parts={
                part: _schema.echo(schema, config.get(part) or {})
                for part, schema in self.config_parts.items()
                if part in config
            },
            generative=generative,
            context=context,
            extra=body.get("_extra"),
        )
        self.contexts[context.id] = context
        self.sessions[session.id] = session
        self.order.append(session)
        if human is not None:
            self.by_human.setdefault(human, []).append(session)
        return session

    def update(self, session: Session, body: Mapping[str, Any]) -> None:
        """Apply a ``RealtimeSessionConfigUpdate``: parts given replace the session's
        (defaults applied); generative fields given replace, the others keep."""
        generative = body.get("generative")
        if generative is not None:
            expanded, context = self._generative(generative, "generative", session, session.human)
        else:
            expanded, context = session.generative, session.context
        # Everything is checked; now commit.
        for part, schema in self.config_parts.items():
            if body.get(part) is not None:
                session.parts[part] = _schema.echo(schema, body[part])
        session.generative = expanded
        session.context = context
        self.contexts[context.id] = context

    def end(self, session: Session) -> None:
        """End the session; ending an ended session changes nothing."""
        if session.state != "ended":
            session.state = "ended"
            session.ended_at = iso(self.now())

    def _require_live(self, session: Session) -> None:
        if session.state == "ended":
            raise bad_input(f"session: session {session.id!r} has ended")

    def add_message(self, session: Session, role: str, text: str) -> dict[str, Any]:
        """Append a text message to the session (and its context, when messages are
        saved); an assistant or user message also adds a timeline item."""
        now = self.now()
        message: dict[str, Any] = {
            "id": _new_id("msg"),
            "created_at": iso(now),
            "role": role,
            "realtime_session": session.id,
            "content": [{"type": "text", "text": text}],
        }
        if role in ("assistant", "user"):
            seconds = round(max(0.2, len(text) / _CHARS_PER_SECOND), 3)
            message["speaking_started_at"] = iso(now)
            message["speaking_ended_at"] = iso(now + timedelta(seconds=seconds))
            speaker = "agent" if role == "assistant" else "user"
            session.timeline.append({"type": speaker, "seconds": seconds})
        session.messages.append(message)
        if session.parts["general"].get("save_messages") is not False:  # general is required
            session.context.messages.append(message)
        for kept in (session.messages, session.timeline, session.context.messages):
            del kept[:-MAX_SESSION_MESSAGES]  # the oldest go: bounded memory
        return message

    def speak(self, session: Session, body: Mapping[str, Any]) -> None:
        """The agent says ``text``: an assistant message and an ``agent`` timeline item."""
        self._require_live(session)
        text: str = body["text"]
        if not text.strip():
            raise bad_input("text: must not be empty")
        if len(text) > MAX_SPEAK_TEXT_CHARS:
            raise bad_input(f"text: longer than {MAX_SPEAK_TEXT_CHARS:,} characters")
        self.add_message(session, "assistant", text)

    def dtmf(self, session: Session, body: Mapping[str, Any]) -> None:
        """Check a DTMF request: a live session, at least one digit, positive durations."""
        digits = body["digits"]
        if not digits:
            raise bad_input("digits: must hold at least one digit")
        for index, digit in enumerate(digits):
            if digit["duration"] <= 0:
                raise bad_input(f"digits[{index}].duration: must be a positive integer")
        self._require_live(session)

    def outbound_call(self, session: Session, body: Mapping[str, Any]) -> None:
        """Record an outbound call's numbers in the session's ``data``."""
        for key in ("source_phone_number", "destination_phone_number"):
            if not is_e164(body[key]):
                raise bad_input(f"{key}: {body[key][:40]!r} is not an E.164 number (+14155550100)")
        self._require_live(session)
        numbers = {
            "agent_phone_number": body["source_phone_number"],
            "caller_phone_number": body["destination_phone_number"],
        }
        session.data = [item for item in session.data if item["type"] not in numbers]
        session.data.extend({"type": kind, "value": value} for kind, value in numbers.items())

    def attach_human(self, session: Session, body: Mapping[str, Any]) -> None:
        """Make ``human`` the session's human."""
        human: str = body["human"]
        if not human:
            raise bad_input("human: must not be empty")
        if session.human == human:
            return
        if session.human is not None:
            self.by_human[session.human].remove(session)
        insort(self.by_human.setdefault(human, []), session, key=_by_index)
        session.human = human

    # ------------------------------------------------------------ pagination
    def list_page(self, scope: str | None, token: str | None) -> dict[str, Any]:
        """A ``ListRealtimeSessions200Response`` page, newest first. The page token
        marks where the previous page stopped, so new sessions never shift pages."""
        visible = self.order if scope is None else self.by_human.get(scope, [])
        if token is None:
            end = len(visible)
        else:
            boundary = _decode_token("s", token, len(self.order))
            end = bisect_left(visible, boundary, key=_by_index)
        start = max(0, end - self.page_size)
        page: dict[str, Any] = {
            "total_count": len(visible),
            "values": [session.render() for session in reversed(visible[start:end])],
        }
        page["next_page"] = _encode_token("s", visible[start].index) if start > 0 else None
        return page

    def items_page(
        self,
        session: Session,
        kind: str,
        token: str | None,
        origin: str,
    ) -> dict[str, Any]:
        """A page of the session's ``messages`` or ``timeline``, oldest first;
        ``next_page`` is the URL of the next page on ``origin``."""
        items = session.messages if kind == "messages" else session.timeline
        start = 0 if token is None else _decode_token(kind[0], token, len(items))
        end = start + self.page_size
        next_page = None
        if end < len(items):
            path = f"/v1/realtime/{quote_segment(session.id)}/{kind}"
            next_page = f"{origin}{path}?page={_encode_token(kind[0], end)}"
        return {"total_count": len(items), "values": items[start:end], "next_page": next_page}
