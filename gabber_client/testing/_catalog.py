"""The catalog: which generative ids the fake knows, and the objects they expand to.

A session's configuration names its LLM, voice, persona, scenario, context and
tools by id; the API answers with the full objects. The fake makes up plausible
objects for any id: the same id always expands to the same object. Fields not
made up here (``created_at``, ...) are filled from the schema, as every response.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, fields
from typing import Any, Final

__all__ = ["Catalog", "expand"]

_TOOL_NAME: Final = re.compile(r"[^A-Za-z0-9_]")


@dataclass(frozen=True)
class Catalog:
    """The ids the fake accepts in a session's generative configuration.

    Give one to :class:`~gabber_client.testing.FakeGabber` to make it strict: an id
    that is not listed here is then a 400 naming the field (for example
    ``config.generative.llm: unknown llm id 'gpt-x'``). Contexts created by the fake
    (a session started without ``context``) are always known. Every argument takes
    any collection of strings and is stored as a ``frozenset``.
    """

    llms: Collection[str] = field(default_factory=frozenset)
    voices: Collection[str] = field(default_factory=frozenset)
    personas: Collection[str] = field(default_factory=frozenset)
    scenarios: Collection[str] = field(default_factory=frozenset)
    contexts: Collection[str] = field(default_factory=frozenset)
    tool_definitions: Collection[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        for name in (item.name for item in fields(self)):
            value = getattr(self, name)
            if isinstance(value, str):
                raise TypeError(f"Catalog.{name} must be a collection of ids, not a string")
            object.__setattr__(self, name, frozenset(value))


def _llm(llm_id: str, project: str) -> dict[str, Any]:
    return {
        "id": llm_id,
        "name": f"Fake LLM {llm_id}",
        "project": project,
        "type": "text",
        "description": f"A made-up LLM of the local fake, for id {llm_id!r}.",
    }


def _voice(voice_id: str, project: str) -> dict[str, Any]:
    return {
        "id": voice_id,
        "name": f"Fake voice {voice_id}",
        "language": "en",
        "service": "fake",
        "model": "fake-tts-1",
        "voice": voice_id,
        "project": project,
        "pricing": {"price_per_second": "0.0001", "currency": "USD", "product_name": "Fake TTS"},
        "tags": [{"name": "fake", "human_name": "Fake"}],
    }


def _persona(persona_id: str, project: str, voice: str) -> dict[str, Any]:
    return {
        "description": f"A made-up persona of the local fake, for id {persona_id!r}.",
        "id": persona_id,
        "name": f"Fake persona {persona_id}",
        "project": project,
        "gender": "female",
        "tags": [{"name": "fake", "human_name": "Fake"}],
        "voice": voice,
    }


def _scenario(scenario_id: str, project: str) -> dict[str, Any]:
    return {
        "id": scenario_id,
        "name": f"Fake scenario {scenario_id}",
        "project": project,
        "prompt": f"Play out the made-up scenario {scenario_id!r}.",
    }


def _tool_definition(tool_id: str, project: str) -> dict[str, Any]:
    del project
    return {
        "id": tool_id,
        "name": _TOOL_NAME.sub("_", tool_id)[:64] or "tool",
        "description": f"A made-up tool of the local fake, for id {tool_id!r}.",
        "parameters": [
            {
                "name": "query",
                "description": "What to look up.",
                "type": "string",
                "required": True,
            }
        ],
        "call_settings": {"id": f"{tool_id}:call", "destination": {"type": "client_app"}},
    }


_MAKERS: Final[dict[str, Callable[[str, str], dict[str, Any]]]] = {
    "llm": _llm,
    "voice_override": _voice,
    "scenario": _scenario,
    "tool_definitions": _tool_definition,
}


def expand(kind: str, object_id: str, project: str, default_voice: str) -> dict[str, Any]:
    """The object the id ``object_id`` of ``kind`` (``"llm"``, ``"voice_override"``,
    ``"persona"``, ``"scenario"`` or ``"tool_definitions"``) expands to."""
    if kind == "persona":
        return _persona(object_id, project, default_voice)
    make = _MAKERS.get(kind)
    if make is None:
        raise ValueError(f"unknown kind {kind!r}")
    return make(object_id, project)
