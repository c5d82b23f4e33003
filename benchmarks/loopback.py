"""Figure 4: ``client.realtime.get`` over loopback, against raw httpx.

One canned server (:mod:`benchmarks._canned_server`, a separate process) answers
every request with the bytes of one full session, so the server costs the same
for both sides. Three figures:

- sync latency: the median of sequential ``Gabber.realtime.get`` calls, against
  ``httpx.Client.get`` + ``json.loads``;
- async latency: the same with :class:`AsyncGabber` and ``httpx.AsyncClient``;
- async throughput: ``asyncio.gather`` of many concurrent calls, with the same
  connection limits and timeout on both sides (the client's defaults).
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time

import httpx

from gabber_client import AsyncGabber, Gabber
from gabber_client._client import _LIMITS as CLIENT_LIMITS

from ._canned_server import CannedServer
from ._data import dumps, full_session
from ._report import Goal, Row
from ._sizes import Sizes
from ._timing import Comparison, compare

__all__ = ["run"]

LATENCY_GOAL = Goal("<=", 1.15)
THROUGHPUT_GOAL = Goal(">=", 0.9)
THROUGHPUT_TIMEOUT_S = 300.0

API_KEY = "bench-key"
SESSION_ID = "rs_000007"
PATH = f"/v1/realtime/{SESSION_ID}"


def _sync_latency(base_url: str, sizes: Sizes) -> Comparison:
    calls = sizes.loopback_calls
    with (
        Gabber(api_key=API_KEY, base_url=base_url) as client,
        httpx.Client(
            base_url=base_url, headers={"x-api-key": API_KEY}, timeout=client.timeout
        ) as raw,
    ):

        def gabber_sample() -> float:
            latencies = []
            for _ in range(calls):
                start = time.perf_counter()
                client.realtime.get(SESSION_ID)
                latencies.append(time.perf_counter() - start)
            return statistics.median(latencies)

        def raw_sample() -> float:
            latencies = []
            for _ in range(calls):
                start = time.perf_counter()
                json.loads(raw.get(PATH).content)
                latencies.append(time.perf_counter() - start)
            return statistics.median(latencies)

        return compare(gabber_sample, raw_sample, rounds=sizes.loopback_rounds)


class _AsyncSides:
    """An :class:`AsyncGabber` and a raw ``httpx.AsyncClient`` with the same limits.

    Both get a generous timeout: with 1,000 calls queued on 100 connections, a
    call may wait long for a connection on a slow machine, and a pool timeout
    would end the sample (or, for the client, start a retry).
    """

    def __init__(self, base_url: str) -> None:
        self.client = AsyncGabber(api_key=API_KEY, base_url=base_url, timeout=THROUGHPUT_TIMEOUT_S)
        self.raw = httpx.AsyncClient(
            base_url=base_url,
            headers={"x-api-key": API_KEY},
            timeout=self.client.timeout,
            limits=CLIENT_LIMITS,
        )

    async def gabber_get(self) -> None:
        await self.client.realtime.get(SESSION_ID)

    async def raw_get(self) -> None:
        json.loads((await self.raw.get(PATH)).content)

    async def aclose(self) -> None:
        await self.client.aclose()
        await self.raw.aclose()


def _async_figures(base_url: str, sizes: Sizes) -> tuple[Comparison, Comparison]:
    calls, concurrency = sizes.loopback_calls, sizes.concurrency

    async def latency(get: object) -> float:
        assert callable(get)
        latencies = []
        for _ in range(calls):
            start = time.perf_counter()
            await get()
            latencies.append(time.perf_counter() - start)
        return statistics.median(latencies)

    async def throughput(get: object) -> float:
        assert callable(get)
        start = time.perf_counter()
        await asyncio.gather(*(get() for _ in range(concurrency)))
        return concurrency / (time.perf_counter() - start)

    async def warm_up(sides: _AsyncSides) -> None:
        """Open the connections both sides keep alive, outside the measured samples."""
        width = min(concurrency, CLIENT_LIMITS.max_connections or concurrency)
        await asyncio.gather(*(sides.gabber_get() for _ in range(width)))
        await asyncio.gather(*(sides.raw_get() for _ in range(width)))

    with asyncio.Runner() as runner:
        sides = _AsyncSides(base_url)
        try:
            runner.run(warm_up(sides))
            latency_result = compare(
                lambda: runner.run(latency(sides.gabber_get)),
                lambda: runner.run(latency(sides.raw_get)),
                rounds=sizes.loopback_rounds,
            )
            throughput_result = compare(
                lambda: runner.run(throughput(sides.gabber_get)),
                lambda: runner.run(throughput(sides.raw_get)),
                rounds=sizes.throughput_rounds,
                warmup=0,
            )
        finally:
            runner.run(sides.aclose())
    return latency_result, throughput_result


def run(sizes: Sizes) -> list[Row]:
    """Time sync and async latency and async throughput against one canned server."""
    body = dumps(full_session(7))
    with CannedServer(body) as server:
        sync_latency = _sync_latency(server.base_url, sizes)
        async_latency, async_throughput = _async_figures(server.base_url, sizes)
    latency_note = f"median of {sizes.loopback_calls:,} sequential calls per sample"
    return [
        Row(
            key="loopback.latency.sync",
            figure="loopback get latency, sync",
            baseline_name="raw httpx.Client + json.loads",
            unit="us",
            value=sync_latency.candidate * 1e6,
            baseline=sync_latency.baseline * 1e6,
            ratio=sync_latency.ratio,
            goal=LATENCY_GOAL,
            rounds=sync_latency.rounds,
            note=latency_note,
        ),
        Row(
            key="loopback.latency.async",
            figure="loopback get latency, async",
            baseline_name="raw httpx.AsyncClient + json.loads",
            unit="us",
            value=async_latency.candidate * 1e6,
            baseline=async_latency.baseline * 1e6,
            ratio=async_latency.ratio,
            goal=LATENCY_GOAL,
            rounds=async_latency.rounds,
            note=latency_note,
        ),
        Row(
            key="loopback.throughput.async",
            figure=f"loopback get throughput, {sizes.concurrency:,} concurrent async",
            baseline_name="raw httpx.AsyncClient + json.loads",
            unit="req/s",
            value=async_throughput.candidate,
            baseline=async_throughput.baseline,
            ratio=async_throughput.ratio,
            goal=THROUGHPUT_GOAL,
            rounds=async_throughput.rounds,
            note="asyncio.gather, both with the client's connection limits "
            f"(max_connections={CLIENT_LIMITS.max_connections}, "
            f"max_keepalive_connections={CLIENT_LIMITS.max_keepalive_connections})",
        ),
    ]
