"""Async quickstart: ``quickstart.py`` with :class:`AsyncGabber`, for asyncio code.

The same steps, the same environment variables (GABBER_API_KEY,
GABBER_BASE_URL, GABBER_LLM, GABBER_CALL_FROM, GABBER_CALL_TO), the same output::

    python examples/async_quickstart.py

Every method is a coroutine; pages are walked with ``async for``.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import sys

from gabber_client import AsyncGabber, GabberError
from gabber_client.types import RealtimeSessionConfigCreateParam

LLM = os.environ.get("GABBER_LLM", "quickstart-llm")
CALL_FROM = os.environ.get("GABBER_CALL_FROM", "+12025550100")
CALL_TO = os.environ.get("GABBER_CALL_TO", "+12025550123")
HUMAN = "quickstart-human"

# A RealtimeSessionConfigCreate as a dict: checked against the API's schema before
# it is sent (a misspelt key is an InvalidArgumentError naming it).
CONFIG: RealtimeSessionConfigCreateParam = {
    "general": {"time_limit_s": 300},  # the session ends by itself after 5 minutes
    "input": {"interruptable": True},
    "generative": {"llm": LLM},
    "output": {"stream_transcript": True, "answer_message": "Hi! How can I help?"},
}


STEP = itertools.count(1)  # the number of the next step


def step(name: str, detail: str) -> None:
    """Print one numbered line, e.g. ``[ 1] start: session rs_123 in_progress``."""
    print(f"[{next(STEP):2}] {name}: {detail}")


async def walk_through(client: AsyncGabber) -> None:
    """Start a session, use every other operation on it, then end it."""
    started = await client.realtime.start(CONFIG, simulated=True)
    session_id = started.session.id
    step("start", f"session {session_id} {started.session.state}")
    try:
        session = await client.realtime.get(session_id)
        llm = session.config.generative.llm.id
        step("get", f"session {session.id} {session.state}, llm {llm}")

        session = await client.realtime.update(session_id, {"general": {"time_limit_s": 600}})
        step("update", f"time limit now {session.config.general.time_limit_s} s")

        await client.realtime.speak(session_id, "Hello from the gabber-client quickstart!")
        step("speak", "the agent said hello")

        await client.realtime.dtmf(session_id, "123#")
        step("dtmf", "sent the tones 1, 2, 3, #")

        session = await client.realtime.initiate_outbound_call(
            session_id, source_phone_number=CALL_FROM, destination_phone_number=CALL_TO
        )
        step("outbound call", f"calling {CALL_TO} from {CALL_FROM}, session {session.state}")

        session = await client.realtime.attach_human(session_id, HUMAN)
        step("attach human", f"session now belongs to {session.human}")

        # `async for` over a page follows next_page: every message, page by page.
        # A message's content is a list of parts; a text part has .text (or none).
        said = [
            f"{message.role} {' '.join(part.text or '' for part in message.content)!r}"
            async for message in await client.realtime.messages(session_id)
        ]
        step("messages", f"{len(said)} message(s): {', '.join(said) or 'none yet'}")

        seconds = 0.0
        items = 0
        async for item in await client.realtime.timeline(session_id):
            items += 1
            if isinstance(item.seconds, int | float):
                seconds += item.seconds
        step("timeline", f"{items} item(s), {seconds:.1f} s in all")

        # Newest first, fetched page by page: stop as soon as our session shows up.
        position = None
        number = 0
        async for listed in await client.realtime.list():
            number += 1
            if listed.id == session_id:
                position = number
                break
        step("list", f"ours is #{position}, newest first" if position else "ours is not listed")
    finally:
        # Always end what you start, even when a step failed.
        session = await client.realtime.end(session_id)
        step("end", f"session {session.id} {session.state}")


async def main() -> int:
    """Run the walk-through; on an API error, print it and return 1."""
    try:
        # GABBER_API_KEY and GABBER_BASE_URL from the environment.
        async with AsyncGabber() as client:
            await walk_through(client)
    except GabberError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
