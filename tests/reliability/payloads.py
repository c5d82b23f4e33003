"""Response bodies as the API sends them, for tests that script the server by hand.

Every timestamp is written the way ``datetime.isoformat()`` writes it back, so a
parsed model's ``to_dict()`` can be compared with the body it came from.
"""

from __future__ import annotations

import copy
from typing import Any

from spec_values import minimal_config

from gabber_client.types import RealtimeSessionConfigCreateParam

TIMESTAMP = "2024-01-01T00:00:00+00:00"


def message(message_id: str = "msg_1", *, role: str = "assistant") -> dict[str, Any]:
    """A ``ContextMessage`` with one text part and one tool call."""
    return {
        "id": message_id,
        "created_at": TIMESTAMP,
        "speaking_started_at": TIMESTAMP,
        "speaking_ended_at": None,
        "role": role,
        "realtime_session": "rs_1",
        "content": [{"type": "text", "text": "Hello there"}],
        "tool_calls": [
            {
                "id": "call_1",
                "type": "function",
                "function": {"name": "lookup", "arguments": {"q": "weather"}},
            }
        ],
    }


def tool_definition() -> dict[str, Any]:
    """A ``ToolDefinition`` with one parameter and a web-request destination."""
    return {
        "id": "tool_1",
        "name": "lookup",
        "description": "Looks things up.",
        "parameters": [
            {
                "name": "q",
                "description": "The query.",
                "type": "string",
                "required": True,
                "default": None,
            }
        ],
        "call_settings": {
            "id": "cs_1",
            "destination": {"type": "web_request", "url": "https://tools.example/lookup"},
        },
    }


def session(session_id: str = "rs_1", *, state: str = "in_progress") -> dict[str, Any]:
    """A ``RealtimeSession`` with every generative object expanded."""
    return {
        "id": session_id,
        "state": state,
        "created_at": TIMESTAMP,
        "ended_at": None,
        "project": "proj_1",
        "human": "human_1",
        "simulated": True,
        "config": {
            "general": {"time_limit_s": 600, "save_messages": True},
            "input": {"interruptable": True, "parallel_listening": False},
            "generative": {
                "llm": {
                    "created_at": TIMESTAMP,
                    "id": "llm_1",
                    "name": "An LLM",
                    "project": None,
                    "type": "text",
                    "compliance": False,
                    "description": "Thinks.",
                },
                "voice_override": {
                    "created_at": TIMESTAMP,
                    "id": "voice_1",
                    "name": "A voice",
                    "language": "en",
                    "pricing": {
                        "price_per_second": "0.001",
                        "currency": "USD",
                        "product_name": "speech",
                    },
                    "tags": [{"name": "calm", "human_name": "Calm"}],
                },
                "persona": {
                    "created_at": TIMESTAMP,
                    "description": "Helpful.",
                    "id": "persona_1",
                    "name": "Ada",
                    "project": "proj_1",
                    "gender": "female",
                    "tags": [{"name": "friendly", "human_name": "Friendly"}],
                    "voice": "voice_1",
                },
                "scenario": {
                    "created_at": TIMESTAMP,
                    "id": "scenario_1",
                    "name": "Support",
                    "project": "proj_1",
                    "prompt": "Help the caller.",
                },
                "context": {
                    "id": "ctx_1",
                    "created_at": TIMESTAMP,
                    "project": "proj_1",
                    "human": None,
                    "latest_messages": [message()],
                },
                "tool_definitions": [tool_definition()],
            },
            "output": {
                "stream_transcript": True,
                "speech_synthesis_enabled": True,
                "answer_message": "Hi!",
            },
        },
        "data": [{"type": "caller_phone_number", "value": "+15550100"}],
    }


def start_response(session_id: str = "rs_1") -> dict[str, Any]:
    """A ``RealtimeSessionStartResponse``."""
    return {
        "session": session(session_id),
        "connection_details": {"url": "wss://livekit.example", "token": "lk_token"},
    }


def page(values: list[dict[str, Any]], *, next_page: str | None = None) -> dict[str, Any]:
    """One page of a paged operation."""
    return {"values": copy.deepcopy(values), "total_count": len(values), "next_page": next_page}


START_CONFIG: RealtimeSessionConfigCreateParam = minimal_config()
"""A minimal valid ``config`` for ``start``: the spec's (tests/spec_values.py)."""
