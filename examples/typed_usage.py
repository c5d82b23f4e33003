"""Typed usage of gabber-client, sync and async, against the in-process fake.

Every value below has a precise static type (``mypy --strict`` checks this file):
models, pages, raw responses and errors. It runs without network or credentials,
against :class:`gabber_client.testing.FakeGabber`::

    python examples/typed_usage.py

Swap ``fake.client()`` for ``Gabber()`` (``GABBER_API_KEY`` in the environment)
to run the same code against the service.
"""

from __future__ import annotations

import asyncio
from typing import Any

from gabber_client import (
    APIResponse,
    AsyncGabber,
    AsyncPage,
    Gabber,
    InvalidArgumentError,
    NotFoundError,
    RateLimitError,
    SyncPage,
)
from gabber_client.models import (
    ContextMessage,
    RealtimeSession,
    RealtimeSessionConfigCreate,
    RealtimeSessionDTMFDigit,
    RealtimeSessionGeneralConfig,
    RealtimeSessionGenerativeConfigCreate,
    RealtimeSessionInputConfig,
    RealtimeSessionOutputConfig,
    RealtimeSessionStartResponse,
    RealtimeSessionTimelineItem,
)
from gabber_client.testing import FakeGabber

HUMAN = "human_42"

CONFIG = RealtimeSessionConfigCreate(
    general=RealtimeSessionGeneralConfig(time_limit_s=300),
    input_=RealtimeSessionInputConfig(interruptable=True),
    generative=RealtimeSessionGenerativeConfigCreate(llm="llm_fake"),
    output=RealtimeSessionOutputConfig(stream_transcript=True, answer_message="Hi!"),
)
"""A session configuration built from models (a dict with the same keys works too)."""


def expect(condition: bool, what: str) -> None:
    """Stop with a clear message when the fake does not answer as documented."""
    if not condition:
        raise SystemExit(f"typed_usage: unexpected result: {what}")


def sync_usage(fake: FakeGabber) -> None:
    """Every operation with :class:`Gabber`, plus pages, raw responses and errors."""
    with fake.client(human=HUMAN) as client:
        started: RealtimeSessionStartResponse = client.realtime.start(CONFIG, simulated=True)
        session_id: str = started.session.id
        print(f"sync: started {session_id} ({started.session.state})")

        session: RealtimeSession = client.realtime.update(
            session_id, {"general": {"time_limit_s": 600}}
        )
        expect(session.config.general.time_limit_s == 600, "time limit updated")
        client.realtime.speak(session_id, "Hello!")
        client.realtime.dtmf(session_id, "12#", duration_ms=200)
        client.realtime.dtmf(session_id, [RealtimeSessionDTMFDigit(digit="<pause>", duration=500)])
        client.realtime.initiate_outbound_call(
            session_id, source_phone_number="+12025550100", destination_phone_number="+12025550123"
        )

        # A session started without a human (say, by a phone call) can be given one. It
        # is no session of HUMAN yet, so this client (scoped to HUMAN) refuses to act
        # on it: claiming it takes an unscoped client, on purpose.
        anonymous = fake.create_session()["id"]
        unscoped = client.for_human(None)
        attached: RealtimeSession = unscoped.realtime.attach_human(anonymous, HUMAN)
        expect(attached.human == HUMAN, "human attached")

        # Pages iterate lazily over every page; the fake serves two items per page.
        for text in ("one", "two", "three"):
            fake.add_message(session_id, text)
        messages: SyncPage[ContextMessage] = client.realtime.messages(session_id)
        texts = [part.text for message in messages for part in message.content]
        expect(texts[-3:] == ["one", "two", "three"], f"messages in order, got {texts}")
        timeline: SyncPage[RealtimeSessionTimelineItem] = client.realtime.timeline(session_id)
        seconds = sum(item.seconds or 0.0 for item in timeline)
        print(f"sync: {len(texts)} messages, {seconds:.1f} s of timeline")

        first: SyncPage[RealtimeSession] = client.realtime.list()
        pages = 1
        page = first
        while page.has_next_page():
            page = page.get_next_page()
            pages += 1
        print(f"sync: {first.total_count} session(s) over {pages} page(s)")

        raw: APIResponse[RealtimeSession] = client.realtime.with_raw_response.get(session_id)
        fetched: RealtimeSession = raw.parse()
        expect(raw.status_code == 200 and fetched.id == session_id, "raw get")

        ended: RealtimeSession = client.realtime.end(session_id)
        print(f"sync: {ended.id} is {ended.state}")

        errors(client, fake)


def errors(client: Gabber, fake: FakeGabber) -> None:
    """The typed errors: refused input, statuses, and retries turned off."""
    try:
        typo: Any = {**CONFIG.to_dict(), "general": {"time_limit": 5}}  # mypy would flag it
        client.realtime.start(typo)
    except InvalidArgumentError as exc:  # nothing was sent
        print(f"sync: refused before sending: {exc.parameter}")
    try:
        client.realtime.get("rs_does_not_exist")
    except NotFoundError as exc:
        print(f"sync: {exc.status_code} {exc.error_message!r}")
    fake.inject_fault(status=429, headers={"Retry-After": "0"})  # the next request gets a 429
    try:
        client.with_options(max_retries=0).realtime.list()
    except RateLimitError as exc:
        print(f"sync: rate limited, no retry ({exc.status_code})")


async def async_usage(fake: FakeGabber) -> None:
    """The same API with :class:`AsyncGabber`, authenticated with a usage token."""
    client: AsyncGabber
    async with fake.async_client(token=fake.issue_token(HUMAN)) as client:
        started = await client.realtime.start(CONFIG, simulated=True)
        session_id = started.session.id
        session: RealtimeSession = await client.realtime.get(session_id)
        fake.add_message(session_id, "async hello")

        messages: AsyncPage[ContextMessage] = await client.realtime.messages(session_id)
        count = 0
        async for _message in messages:
            count += 1
        listed: AsyncPage[RealtimeSession] = await client.realtime.list()
        ids = [s.id async for s in listed]
        expect(session_id in ids, "the new session is listed")

        raw = await client.realtime.with_raw_response.list()
        parsed: AsyncPage[RealtimeSession] = raw.parse()
        expect(parsed.total_count == len(ids), "raw list")
        ended = await client.realtime.end(session.id)
        print(f"async: {count} message(s), {len(ids)} session(s), {ended.id} is {ended.state}")


def main() -> None:
    fake = FakeGabber(page_size=2)
    for _ in range(2):  # earlier sessions, so that list has pages to walk
        fake.create_session(human=HUMAN)
    sync_usage(fake)
    asyncio.run(async_usage(fake))
    print("typed_usage: ok")


if __name__ == "__main__":
    main()
