"""Typed views of the JSON the fake hands out directly (:meth:`FakeGabber.sessions`,
:meth:`FakeGabber.get_session`, :meth:`FakeGabber.create_session`,
:meth:`FakeGabber.add_message`): the top-level fields of the spec's
``RealtimeSession`` and ``ContextMessage`` schemas, required ones required.
``tests/fake/test_fake_typing.py`` checks them against openapi.yaml, so they
cannot drift from it. Nested objects are plain JSON dicts; parse one with
``RealtimeSession.from_dict(...)`` for the full model.
"""

from typing import Any, Literal, NotRequired, TypeAlias, TypedDict

__all__ = ["MessageJSON", "MessageRole", "SessionJSON"]

MessageRole: TypeAlias = Literal["user", "assistant", "system", "tool"]
"""The roles :meth:`FakeGabber.add_message` takes."""


class SessionJSON(TypedDict):
    id: str
    state: str
    created_at: str
    project: str
    simulated: bool
    config: dict[str, Any]
    data: list[dict[str, Any]]
    ended_at: NotRequired[str | None]
    human: NotRequired[str | None]
    _extra: NotRequired[dict[str, Any] | None]


"""A session as the API returns it (a ``RealtimeSession``), as JSON."""


class MessageJSON(TypedDict):
    """A message as the API returns it (a ``ContextMessage``), as JSON."""

    id: str
    created_at: str
    role: str
    content: list[dict[str, Any]]
    realtime_session: NotRequired[str | None]
    speaking_started_at: NotRequired[str | None]
    speaking_ended_at: NotRequired[str | None]
    tool_calls: NotRequired[list[dict[str, Any]] | None]
