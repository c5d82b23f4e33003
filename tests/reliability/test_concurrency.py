"""One client shared by many threads (or tasks) gives every caller its own answer
and the fake loses no write.

Each call carries something unique (an ``_extra`` tag, a sentence, a time limit)
and checks that its own answer reflects it; the fake's state and its record of
requests then account for every call made.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter, defaultdict
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from spec_values import minimal_update

from gabber_client import Gabber
from gabber_client.models import Extra

from . import payloads
from .rig import Rig

THREADS = 16
CALLS_PER_THREAD = 200


@dataclass
class _Tally:
    """What one thread did, to check the fake's state against."""

    calls: Counter[str] = field(default_factory=Counter)
    spoken: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    time_limit: dict[str, int] = field(default_factory=dict)
    started: list[str] = field(default_factory=list)


def _worker(client: Gabber, worker: int, barrier: threading.Barrier) -> _Tally:
    tally = _Tally()
    barrier.wait()
    for i in range(CALLS_PER_THREAD):
        tag = f"w{worker}-c{i}"
        kind = ("start", "get", "speak", "update", "get")[i % 5]
        if kind == "start":
            started = client.realtime.start(payloads.START_CONFIG, extra={"tag": tag})
            assert isinstance(started.session.extra, Extra)
            assert started.session.extra["tag"] == tag
            tally.started.append(started.session.id)
            tally.calls["start_realtime_session"] += 1
            continue
        session = tally.started[-1]  # the thread's latest: a get, speak, update, get each
        if kind == "get":
            assert client.realtime.get(session).id == session
            tally.calls["get_realtime_session"] += 1
        elif kind == "speak":
            result = client.realtime.speak(session, f"said {tag}")
            last = result.config.generative.context.latest_messages[-1]
            assert result.id == session
            assert last.content[0].text == f"said {tag}"
            tally.spoken[session].append(f"said {tag}")
            tally.calls["speak"] += 1
        else:
            limit = 1000 * worker + i
            updated = client.realtime.update(
                session, minimal_update({"general": {"time_limit_s": limit}})
            )
            assert updated.id == session
            assert updated.config.general.time_limit_s == limit
            tally.time_limit[session] = limit
            tally.calls["update_realtime_session"] += 1
    return tally


def _texts(session: Mapping[str, object]) -> list[str]:
    config = session["config"]
    assert isinstance(config, dict)
    messages = config["generative"]["context"]["latest_messages"]
    return [m["content"][0]["text"] for m in messages]


def test_one_client_shared_by_16_threads(in_process: Rig) -> None:
    client = in_process.client()
    barrier = threading.Barrier(THREADS)
    with ThreadPoolExecutor(THREADS) as pool:
        futures = [pool.submit(_worker, client, n, barrier) for n in range(THREADS)]
        tallies = [future.result() for future in futures]

    calls = sum((t.calls for t in tallies), Counter[str]())
    assert calls.total() == THREADS * CALLS_PER_THREAD
    recorded = Counter(r.operation for r in in_process.fake.requests)
    assert recorded == calls
    assert all(r.status == 200 for r in in_process.fake.requests)

    sessions = {s["id"]: s for s in in_process.fake.sessions()}
    started = [sid for t in tallies for sid in t.started]
    assert sorted(sessions) == sorted(started)  # one session per start, none lost
    for tally in tallies:
        for sid in tally.started:
            assert _texts(sessions[sid]) == tally.spoken.get(sid, [])
            expected_limit = tally.time_limit.get(sid, 60)
            assert sessions[sid]["config"]["general"]["time_limit_s"] == expected_limit


async def test_one_async_client_with_1000_concurrent_calls(in_process: Rig) -> None:
    ids = [in_process.session(f"pre-{n:03d}") for n in range(250)]
    async with in_process.async_client() as client:

        async def start(n: int) -> None:
            started = await client.realtime.start(payloads.START_CONFIG, extra={"tag": n})
            assert isinstance(started.session.extra, Extra)
            assert started.session.extra["tag"] == n

        async def get(session: str) -> None:
            assert (await client.realtime.get(session)).id == session

        async def speak(session: str) -> None:
            result = await client.realtime.speak(session, f"hello {session}")
            texts = [m.content[0].text for m in result.config.generative.context.latest_messages]
            assert result.id == session
            assert texts == [f"hello {session}"]

        async def update(n: int, session: str) -> None:
            result = await client.realtime.update(
                session, minimal_update({"general": {"time_limit_s": n}})
            )
            assert result.id == session
            assert result.config.general.time_limit_s == n

        calls = [start(n) for n in range(250)]
        calls += [get(s) for s in ids]
        calls += [speak(s) for s in ids]
        calls += [update(n + 1, s) for n, s in enumerate(ids)]
        await asyncio.gather(*calls)

    recorded = Counter(r.operation for r in in_process.fake.requests)
    assert recorded == {
        "start_realtime_session": 250,
        "get_realtime_session": 250,
        "speak": 250,
        "update_realtime_session": 250,
    }
    sessions = {s["id"]: s for s in in_process.fake.sessions()}
    assert len(sessions) == 500
    tags = sorted(x["tag"] for s in sessions.values() if (x := s.get("_extra")) is not None)
    assert tags == list(range(250))
    for n, sid in enumerate(ids):
        assert _texts(sessions[sid]) == [f"hello {sid}"]
        assert sessions[sid]["config"]["general"]["time_limit_s"] == n + 1
