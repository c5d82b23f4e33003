"""Figure 4: ``client.realtime.get`` over loopback, against raw httpx.

One canned server (:mod:`benchmarks._canned_server`, a separate process) answers
every request with the bytes of one full session, so the server costs the same
for both sides. Three figures:

- sync latency: the median of sequential ``Gabber.realtime.get`` calls, against
  ``httpx.Client.get`` + ``json.loads``;
- async latency: the same with :class:`AsyncGabber` and ``httpx.AsyncClient``;
- async throughput: ``asyncio.gather`` of many concurrent calls, both sides
  with the same connection limits (:data:`THROUGHPUT_LIMITS`) and timeout.

The latency figures use a default :class:`Gabber`/:class:`AsyncGabber`. The
throughput figure gives both sides ``max_keepalive_connections`` equal to
``max_connections``: with fewer keep-alive slots than connections, httpcore
1.0.x closes every connection that goes idle while more than that many exist
(encode/httpcore#1000), so the figure would measure TCP connection churn.
"""

from __future__ import annotations

import asyncio
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
from ._timing import Comparison, compare

__all__ = ["THROUGHPUT_LIMITS", "run"]

LATENCY_GOAL = Goal("<=", 1.15)
THROUGHPUT_GOAL = Goal(">=", 0.9)

THROUGHPUT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100)
"""The connection limits of both sides of the throughput figure."""
THROUGHPUT_TIMEOUT = httpx.Timeout(300.0)
"""Generous on purpose: with 1,000 calls queued on 100 connections a call may wait
long for a connection on a slow machine, and a timeout would end the sample (or,
for the client, start a retry)."""

API_KEY = "bench-key"
SESSION_ID = "rs_000007"
PATH = f"/v1/realtime/{SESSION_ID}"

Get = Callable[[], Awaitable[None]]


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
    """An :class:`AsyncGabber` and a raw ``httpx.AsyncClient`` sending the same ``get``."""

    def __init__(
        self, client: AsyncGabber, raw: httpx.AsyncClient, lent: httpx.AsyncClient | None = None
    ) -> None:
        self.client = client
        self.raw = raw
        self._lent = lent  # the http_client= given to the client, which leaves it open

    @classmethod
    def defaults(cls, base_url: str) -> _AsyncSides:
        """A default :class:`AsyncGabber`, and raw httpx with its timeout."""
        client = AsyncGabber(api_key=API_KEY, base_url=base_url)
        raw = httpx.AsyncClient(
            base_url=base_url, headers={"x-api-key": API_KEY}, timeout=client.timeout
        )
        return cls(client, raw)

    @classmethod
    def for_throughput(cls, base_url: str) -> _AsyncSides:
        """Both sides with :data:`THROUGHPUT_LIMITS` and :data:`THROUGHPUT_TIMEOUT`."""
        http = httpx.AsyncClient(limits=THROUGHPUT_LIMITS, timeout=THROUGHPUT_TIMEOUT)
        client = AsyncGabber(api_key=API_KEY, base_url=base_url, http_client=http)
        raw = httpx.AsyncClient(
            base_url=base_url,
            headers={"x-api-key": API_KEY},
            limits=THROUGHPUT_LIMITS,
            timeout=THROUGHPUT_TIMEOUT,
        )
        return cls(client, raw, lent=http)

    async def gabber_get(self) -> None:
        await self.client.realtime.get(SESSION_ID)

    async def raw_get(self) -> None:
        json.loads((await self.raw.get(PATH)).content)

    async def warm_up(self, width: int) -> None:
        """Open ``width`` connections on each side, outside the measured samples."""
        await asyncio.gather(*(self.gabber_get() for _ in range(width)))
        await asyncio.gather(*(self.raw_get() for _ in range(width)))

    async def aclose(self) -> None:
        await self.client.aclose()
        if self._lent is not None:
            await self._lent.aclose()
        await self.raw.aclose()


def _async_figures(base_url: str, sizes: Sizes) -> tuple[Comparison, Comparison]:
    calls, concurrency = sizes.loopback_calls, sizes.concurrency

    async def latency(get: Get) -> float:
        latencies = []
        for _ in range(calls):
            start = time.perf_counter()
            await get()
            latencies.append(time.perf_counter() - start)
        return statistics.median(latencies)

    async def throughput(get: Get) -> float:
        start = time.perf_counter()
        await asyncio.gather(*(get() for _ in range(concurrency)))
        return concurrency / (time.perf_counter() - start)

    with asyncio.Runner() as runner:
        sides = _AsyncSides.defaults(base_url)
        try:
            latency_result = compare(
                lambda: runner.run(latency(sides.gabber_get)),
                lambda: runner.run(latency(sides.raw_get)),
                rounds=sizes.loopback_rounds,
            )
        finally:
            runner.run(sides.aclose())
        sides = _AsyncSides.for_throughput(base_url)
        try:
            width = min(concurrency, THROUGHPUT_LIMITS.max_connections or concurrency)
            runner.run(sides.warm_up(width))
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
    latency_note = (
        f"median of {sizes.loopback_calls:,} sequential calls per sample, "
        f"{len(body):,}-byte session"
    )
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
            note="asyncio.gather; both sides max_connections="
            f"{THROUGHPUT_LIMITS.max_connections}, max_keepalive_connections="
            f"{THROUGHPUT_LIMITS.max_keepalive_connections}",
        ),
    ]
