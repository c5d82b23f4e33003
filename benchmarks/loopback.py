"""Figure 4: ``client.realtime.get`` over loopback, against raw httpx.

One canned server (:mod:`benchmarks._canned_server`, a separate process) answers
every request with the bytes of one full session, so the server costs the same
for both sides. The client side is a default :class:`Gabber` / :class:`AsyncGabber`
(its own pool); the baseline is what a user of raw httpx writes:
``httpx.Client(base_url=..., headers={"x-api-key": ...})``, ``http.get(path)``
and ``json.loads(response.content)``, with the client's timeout.

- latency p50 and p99, sync and async: each round makes ``loopback_calls`` calls
  of each side, alternating the two call by call, and takes each side's p50 and
  p99 of that round; the ratio of a percentile is the median over the rounds of
  the per-round ratios;
- async throughput at 10, 50 and 100 concurrent calls: that many tasks, each
  making calls one after another until the sample's calls are done, on both
  sides with the client's connection limits (100 connections, 100 keep-alive:
  with fewer keep-alive slots than connections httpcore 1.0 closes connections
  that go idle under load, encode/httpcore#1000) and timeout.
"""

from __future__ import annotations

import asyncio
import gc
import json
import statistics
import time
from collections.abc import Awaitable, Callable

import httpx

from gabber_client import AsyncGabber, Gabber

from ._canned_server import CannedServer
from ._data import dumps, full_session
from ._report import Goal, Row
from ._sizes import Sizes
from ._timing import Comparison, compare, compare_rounds, percentile

__all__ = ["CONCURRENCY", "run"]

P50_GOAL = Goal("<=", 1.05)
P99_GOAL = Goal("<=", 1.10)
THROUGHPUT_GOAL = Goal(">=", 0.95)
CONCURRENCY = (10, 50, 100)

API_KEY = "bench-key"
SESSION_ID = "rs_000007"
PATH = f"/v1/realtime/{SESSION_ID}"

SUMMARIES: dict[str, Callable[[list[float]], float]] = {
    "p50": statistics.median,
    "p99": lambda values: percentile(values, 99),
}

Get = Callable[[], Awaitable[object]]


def _raw_limits() -> httpx.Limits:
    """The connection limits of a client's own pool, for the raw side."""
    from gabber_client._base_client import _LIMITS  # the client's default pool limits

    return _LIMITS


# Latency rounds collect the youngest generation before each call (outside the
# timing). The two sides share one process, so a collection of one side's garbage
# runs during whichever call pushes the allocation count over the threshold: the
# client's (its parse allocates and frees about 100 tracked objects a call), while
# the cyclic garbage is raw httpx's (each response and its stream refer to each
# other; the client breaks that cycle). Over 2,000 interleaved sync pairs: 83
# collections during client calls, none during raw calls, and no cyclic garbage
# left by the client; without this the client's p99 measured the baseline's
# collections.


def _sync_latency(base_url: str, sizes: Sizes) -> dict[str, Comparison]:
    calls = sizes.loopback_calls
    with (
        Gabber(api_key=API_KEY, base_url=base_url) as client,
        httpx.Client(
            base_url=base_url, headers={"x-api-key": API_KEY}, timeout=client.timeout
        ) as raw,
    ):

        def gabber_get() -> None:
            client.realtime.get(SESSION_ID)

        def raw_get() -> None:
            json.loads(raw.get(PATH).content)

        def one_round(candidate_first: bool) -> tuple[list[float], list[float]]:
            mine: list[float] = []
            theirs: list[float] = []
            order = [(gabber_get, mine), (raw_get, theirs)]
            if not candidate_first:
                order.reverse()
            for _ in range(calls):
                for get, samples in order:
                    gc.collect(0)  # not the other side's garbage (see above)
                    start = time.perf_counter()
                    get()
                    samples.append(time.perf_counter() - start)
                order.reverse()
            return mine, theirs

        return compare_rounds(one_round, SUMMARIES, rounds=sizes.loopback_rounds)


def _async_latency(runner: asyncio.Runner, base_url: str, sizes: Sizes) -> dict[str, Comparison]:
    calls = sizes.loopback_calls
    client = AsyncGabber(api_key=API_KEY, base_url=base_url)
    raw = httpx.AsyncClient(
        base_url=base_url, headers={"x-api-key": API_KEY}, timeout=client.timeout
    )

    async def gabber_get() -> None:
        await client.realtime.get(SESSION_ID)

    async def raw_get() -> None:
        json.loads((await raw.get(PATH)).content)

    async def one_round(candidate_first: bool) -> tuple[list[float], list[float]]:
        mine: list[float] = []
        theirs: list[float] = []
        order: list[tuple[Get, list[float]]] = [(gabber_get, mine), (raw_get, theirs)]
        if not candidate_first:
            order.reverse()
        for _ in range(calls):
            for get, samples in order:
                gc.collect(0)  # not the other side's garbage (see above)
                start = time.perf_counter()
                await get()
                samples.append(time.perf_counter() - start)
            order.reverse()
        return mine, theirs

    try:
        return compare_rounds(
            lambda first: runner.run(one_round(first)), SUMMARIES, rounds=sizes.loopback_rounds
        )
    finally:
        runner.run(client.aclose())
        runner.run(raw.aclose())


def _throughput(
    runner: asyncio.Runner, base_url: str, concurrency: int, sizes: Sizes
) -> Comparison:
    client = AsyncGabber(api_key=API_KEY, base_url=base_url)
    raw = httpx.AsyncClient(
        base_url=base_url,
        headers={"x-api-key": API_KEY},
        timeout=client.timeout,
        limits=_raw_limits(),
    )
    total = max(sizes.throughput_calls, concurrency)

    async def gabber_get() -> None:
        await client.realtime.get(SESSION_ID)

    async def raw_get() -> None:
        json.loads((await raw.get(PATH)).content)

    async def requests_per_second(get: Get) -> float:
        remaining = total

        async def worker() -> None:
            nonlocal remaining
            while remaining > 0:
                remaining -= 1
                await get()

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return total / (time.perf_counter() - start)

    async def warm_up() -> None:  # open the connections outside the samples
        await asyncio.gather(*(gabber_get() for _ in range(concurrency)))
        await asyncio.gather(*(raw_get() for _ in range(concurrency)))

    try:
        runner.run(warm_up())
        return compare(
            lambda: runner.run(requests_per_second(gabber_get)),
            lambda: runner.run(requests_per_second(raw_get)),
            rounds=sizes.throughput_rounds,
        )
    finally:
        runner.run(client.aclose())
        runner.run(raw.aclose())


def _latency_rows(
    label: str, baseline: str, results: dict[str, Comparison], note: str
) -> list[Row]:
    return [
        Row(
            key=f"loopback.{name}.{label}",
            figure=f"loopback get {name}, {label}",
            baseline_name=baseline,
            unit="us",
            value=result.candidate * 1e6,
            baseline=result.baseline * 1e6,
            ratio=result.ratio,
            goal=P50_GOAL if name == "p50" else P99_GOAL,
            rounds=result.rounds,
            note=note,
        )
        for name, result in results.items()
    ]


def run(sizes: Sizes) -> list[Row]:
    """Latency percentiles (sync, async) and async throughput at each concurrency."""
    body = dumps(full_session(7))
    with CannedServer(body) as server:
        sync_latency = _sync_latency(server.base_url, sizes)
        with asyncio.Runner() as runner:
            async_latency = _async_latency(runner, server.base_url, sizes)
            throughput = {
                concurrency: _throughput(runner, server.base_url, concurrency, sizes)
                for concurrency in CONCURRENCY
            }
    note = (
        f"{sizes.loopback_calls:,} calls of each side per round, alternating call by call, "
        f"{len(body):,}-byte session"
    )
    rows = _latency_rows("sync", "raw httpx.Client + json.loads", sync_latency, note)
    rows += _latency_rows("async", "raw httpx.AsyncClient + json.loads", async_latency, note)
    for concurrency, result in throughput.items():
        rows.append(
            Row(
                key=f"loopback.throughput.{concurrency}",
                figure=f"loopback get throughput, {concurrency} concurrent async",
                baseline_name="raw httpx.AsyncClient, same limits",
                unit="req/s",
                value=result.candidate,
                baseline=result.baseline,
                ratio=result.ratio,
                goal=THROUGHPUT_GOAL,
                rounds=result.rounds,
                note=f"{max(sizes.throughput_calls, concurrency):,} calls per sample by "
                f"{concurrency} tasks; both sides the client's limits (100 connections, "
                "100 keep-alive)",
            )
        )
    return rows
