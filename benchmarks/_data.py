"""Deterministic response bodies for the benchmarks, valid against openapi.yaml.

:func:`full_session` is a session whose configuration has every generative object
expanded the way the API returns them: the LLM, a voice override, a persona, a
scenario, a context with its latest messages (text parts, tool calls) and tool
definitions (web-request and client-app destinations). :func:`light_session` is
the smallest valid session. The same index always gives the same bytes, and
every session differs from its neighbours, so nothing is shared or cached.

Each configuration is the spec's minimal value of its schema (its required fields,
built by ``gabber_client._minimal``) with the benchmark's values merged in, so that a
field made required upstream keeps the bodies valid with no edit.
``tests/test_benchmarks_smoke.py`` checks the bodies against the spec's schemas.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from gabber_client._minimal import deep_merge, minimal_value
from gabber_client.types import RealtimeSessionConfigCreateParam

__all__ = [
    "MESSAGES_PER_CONTEXT",
    "PROJECT",
    "START_CONFIG",
    "dumps",
    "full_session",
    "light_session",
    "list_page",
    "start_response",
]

PROJECT = "proj_bench"
"""The project every generated object belongs to."""

MESSAGES_PER_CONTEXT = 3
"""How many messages the context of a full session carries."""

_STATES = ("ended", "in_progress", "not_started")
_ROLES = ("system", "user", "assistant")
_SENTENCES = (
    "Can I move my appointment to Tuesday afternoon?",
    "Sure, 3 pm on Tuesday is free. Shall I book it?",
    "Yes please, and text me a confirmation.",
    "Done. You will get a text shortly.",
)


def _time(index: int, offset_s: int = 0) -> str:
    """An RFC 3339 UTC date-time, distinct per ``index``, always valid."""
    total = index * 37 + offset_s
    day = 1 + (index % 28)
    hour, rest = divmod(total % 86_400, 3_600)
    minute, second = divmod(rest, 60)
    return f"2024-05-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}.{index % 1000:03d}Z"


def _llm(index: int) -> dict[str, Any]:
    return {
        "created_at": _time(index, 11),
        "id": f"llm_{index % 7}",
        "name": f"Gabber Conversational {index % 7}",
        "project": None,
        "type": "text",
        "compliance": index % 2 == 0,
        "description": "A fast conversational model tuned for spoken dialogue.",
    }


def _voice(index: int) -> dict[str, Any]:
    return {
        "created_at": _time(index, 12),
        "id": f"voice_{index % 11}",
        "name": f"Warm narrator {index % 11}",
        "language": "en",
        "service": "cartesia",
        "model": "sonic-2",
        "voice": f"cartesia-voice-{index % 11}",
        "embeddings": [round(((index * 31 + k * 17) % 1000) / 997.0, 4) for k in range(4)],
        "cartesia_voice_id": f"cv{index % 11}",
        "elevenlabs_voice_id": None,
        "project": PROJECT,
        "human": None,
        "pricing": {"price_per_second": "0.00021", "currency": "USD", "product_name": "TTS"},
        "tags": [
            {"name": "warm", "human_name": "Warm"},
            {"name": "narration", "human_name": "Narration"},
        ],
        "_extra": None,
    }


def _persona(index: int) -> dict[str, Any]:
    return {
        "created_at": _time(index, 13),
        "description": "A patient, friendly front-desk assistant.",
        "id": f"persona_{index % 13}",
        "image_url": f"https://cdn.example.com/personas/{index % 13}.png",
        "name": f"Riley {index % 13}",
        "project": PROJECT,
        "human": None,
        "gender": "female" if index % 2 else "male",
        "tags": [{"name": "support", "human_name": "Support"}],
        "voice": f"voice_{index % 11}",
    }


def _scenario(index: int) -> dict[str, Any]:
    return {
        "created_at": _time(index, 14),
        "id": f"scenario_{index % 5}",
        "name": "Reschedule an appointment",
        "project": PROJECT,
        "prompt": "You answer the phone for a dental clinic; help the caller reschedule.",
        "human": None,
    }


def _message(index: int, position: int, session_id: str) -> dict[str, Any]:
    role = _ROLES[position % len(_ROLES)]
    message: dict[str, Any] = {
        "id": f"msg_{index:06d}_{position}",
        "speaking_started_at": None if role == "system" else _time(index, 60 + position * 5),
        "speaking_ended_at": None if role == "system" else _time(index, 63 + position * 5),
        "created_at": _time(index, 60 + position * 5),
        "role": role,
        "realtime_session": session_id,
        "content": [{"type": "text", "text": _SENTENCES[(index + position) % len(_SENTENCES)]}],
    }
    if role == "assistant":
        message["tool_calls"] = [
            {
                "id": f"call_{index:06d}_{position}",
                "type": "function",
                "function": {
                    "name": "book_slot",
                    "arguments": {"day": "tuesday", "time": "15:00"},
                },
            }
        ]
    else:
        message["tool_calls"] = None
    return message


def _tool_definitions(index: int) -> list[dict[str, Any]]:
    return [
        {
            "id": f"tool_{index % 3}_book",
            "name": "book_slot",
            "description": "Book an appointment slot for the caller.",
            "parameters": [
                {
                    "name": "day",
                    "description": "The day, e.g. tuesday.",
                    "type": "string",
                    "required": True,
                    "default": None,
                },
                {
                    "name": "time",
                    "description": "The time, HH:MM.",
                    "type": "string",
                    "required": True,
                    "default": None,
                },
            ],
            "call_settings": {
                "id": f"cs_{index % 3}_book",
                "destination": {
                    "type": "web_request",
                    "url": "https://hooks.example.com/clinic/book",
                },
            },
        },
        {
            "id": f"tool_{index % 3}_hangup",
            "name": "hang_up",
            "description": "End the call politely.",
            "parameters": [],
            "call_settings": {
                "id": f"cs_{index % 3}_hangup",
                "destination": {"type": "client_app"},
            },
        },
    ]


@functools.cache
def _minimal_config() -> dict[str, Any]:
    """The minimal ``RealtimeSessionConfig`` (a session's, as responses carry it)."""
    config: dict[str, Any] = minimal_value("RealtimeSessionConfig")
    return config


def _config(index: int, session_id: str) -> dict[str, Any]:
    return _session_config(
        {
            "general": {"time_limit_s": 600, "save_messages": True},
            "input": {"interruptable": True, "parallel_listening": False},
            "generative": {
                "llm": _llm(index),
                "voice_override": _voice(index),
                "persona": _persona(index),
                "scenario": _scenario(index),
                "context": {
                    "id": f"ctx_{index:06d}",
                    "created_at": _time(index, 1),
                    "project": PROJECT,
                    "human": f"human_{index % 50}",
                    "latest_messages": [
                        _message(index, position, session_id)
                        for position in range(MESSAGES_PER_CONTEXT)
                    ],
                },
                "tool_definitions": _tool_definitions(index),
                "_extra": None,
            },
            "output": {
                "stream_transcript": True,
                "speech_synthesis_enabled": True,
                "answer_message": "Hello, this is the clinic. How can I help?",
            },
        }
    )


def _session_config(overrides: dict[str, Any]) -> dict[str, Any]:
    """The minimal session config with ``overrides`` merged in."""
    config: dict[str, Any] = deep_merge(_minimal_config(), overrides)
    return config


def full_session(index: int) -> dict[str, Any]:
    """Session number ``index`` with a full configuration (about 3 KB of JSON)."""
    session_id = f"rs_{index:06d}"
    state = _STATES[index % len(_STATES)]
    return {
        "id": session_id,
        "state": state,
        "created_at": _time(index),
        "ended_at": _time(index, 300) if state == "ended" else None,
        "project": PROJECT,
        "human": f"human_{index % 50}",
        "simulated": index % 10 == 0,
        "config": _config(index, session_id),
        "data": [
            {"type": "caller_phone_number", "value": f"+1555{index % 10_000_000:07d}"},
            {"type": "agent_phone_number", "value": "+15550100000"},
        ],
        "_extra": None,
    }


def light_session(index: int) -> dict[str, Any]:
    """Session number ``index`` with the smallest valid configuration."""
    session_id = f"rs_{index:06d}"
    return {
        "id": session_id,
        "state": "ended",
        "created_at": _time(index),
        "project": PROJECT,
        "simulated": False,
        "config": _session_config(
            {
                "generative": {
                    "llm": _llm(index),
                    "context": {
                        "id": f"ctx_{index:06d}",
                        "created_at": _time(index, 1),
                        "project": PROJECT,
                        "latest_messages": [],
                    },
                    "tool_definitions": [],
                },
            }
        ),
        "data": [],
    }


def list_page(
    start: int,
    count: int,
    *,
    total_count: int,
    next_page: str | None,
    full: bool = True,
) -> dict[str, Any]:
    """A ``ListRealtimeSessions200Response`` with sessions ``start .. start+count-1``."""
    make = full_session if full else light_session
    return {
        "next_page": next_page,
        "total_count": total_count,
        "values": [make(index) for index in range(start, start + count)],
    }


START_CONFIG: RealtimeSessionConfigCreateParam = minimal_value(
    "RealtimeSessionConfigCreate",
    {
        "general": {"time_limit_s": 600, "save_messages": True},
        "input": {"interruptable": True, "parallel_listening": False},
        "generative": {
            "llm": "llm_123",
            "persona": "persona_456",
            "scenario": "scenario_789",
            "voice_override": "voice_012",
            "tool_definitions": ["tool_book", "tool_hangup"],
            "_extra": {"temperature": 0.4, "tags": ["bench", "start"]},
        },
        "output": {
            "stream_transcript": True,
            "speech_synthesis_enabled": True,
            "answer_message": "Hi, how can I help?",
        },
    },
)
"""A ``RealtimeSessionConfigCreate`` as a user writes it: the dict ``start`` is given."""


def start_response(index: int) -> dict[str, Any]:
    """A ``RealtimeSessionStartResponse``: full session ``index`` and its connection details."""
    return {
        "session": full_session(index),
        "connection_details": {
            "url": "wss://livekit.bench.invalid",
            "token": "eyJhbGciOiJIUzI1NiJ9." + "x" * 300,
        },
    }


def dumps(body: object) -> bytes:
    """``body`` as compact UTF-8 JSON, the way an API server sends it."""
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
