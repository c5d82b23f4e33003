"""Typed views of the JSON the fake hands out directly (:meth:`FakeGabber.sessions`,
:meth:`FakeGabber.get_session`, :meth:`FakeGabber.create_session`,
:meth:`FakeGabber.add_message`): the spec's ``RealtimeSession`` and
``ContextMessage`` schemas as JSON ``TypedDict``\\ s, every level typed, required
fields required. They are GENERATED from openapi.yaml with the other response
``TypedDict``\\ s (``gabber_client/_generated/response_types.py``, written by
``make generate``), so a field the spec gains needs no edit here. Parse one with
``RealtimeSession.from_dict(...)`` for the model.
"""

from typing import Literal, TypeAlias

from gabber_client._generated.response_types import ContextMessageJSON, RealtimeSessionJSON

__all__ = ["MessageJSON", "MessageRole", "SessionJSON"]

MessageRole: TypeAlias = Literal["user", "assistant", "system", "tool"]
"""The roles :meth:`FakeGabber.add_message` takes."""

SessionJSON: TypeAlias = RealtimeSessionJSON
"""A session as the API returns it (a ``RealtimeSession``), as JSON."""

MessageJSON: TypeAlias = ContextMessageJSON
"""A message as the API returns it (a ``ContextMessage``), as JSON."""
