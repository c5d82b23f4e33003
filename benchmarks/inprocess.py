"""Figure 3: per-call cost of ``client.realtime.get`` over an in-process transport.

No network and no server: the transport answers with the canned bytes of one full
session, so what is left is the client's own work per call (building the
request, the retry loop, parsing into models) on top of httpx. The baseline is
raw httpx on the same transport: ``http.get(url)`` then ``json.loads`` of the
body. Sync (:class:`Gabber` vs ``httpx.Client``) and async (:class:`AsyncGabber`
vs ``httpx.AsyncClient``). Informational: the loopback figures carry the goals.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable

import httpx

from gabber_client import AsyncGabber, Gabber

from ._data import dumps, full_session
from ._report import Row
from ._sizes import Sizes
from ._timing import Comparison, compare
from ._transports import AsyncCannedTransport, CannedTransport

__all__ = ["API_KEY", "BASE_URL", "SESSION_ID", "run"]

BASE_URL = "http://gabber.bench.invalid"
"""Never resolved: the in-process transports answer before any connection."""
API_KEY = "bench-key"
SESSION_ID = "rs_000007"


def _per_call(calls: int, once: Callable[[], object]) -> Callable[[], float]:
    def sample() -> float:
        start = time.perf_counter()
        for _ in range(calls):
            once()
        return (time.perf_counter() - start) / calls

    return sample


def _sync(body: bytes, sizes: Sizes) -> Comparison:
    url = f"{BASE_URL}/v1/realtime/{SESSION_ID}"
    with (
        httpx.Client(transport=CannedTransport(body)) as client_http,
        httpx.Client(transport=CannedTransport(body), headers={"x-api-key": API_KEY}) as raw,
        Gabber(api_key=API_KEY, base_url=BASE_URL, http_client=client_http) as client,
    ):
        return compare(
            _per_call(sizes.inprocess_calls, lambda: client.realtime.get(SESSION_ID)),
            _per_call(sizes.inprocess_calls, lambda: json.loads(raw.get(url).content)),
            rounds=sizes.inprocess_rounds,
        )


def _async(body: bytes, sizes: Sizes) -> Comparison:
    url = f"{BASE_URL}/v1/realtime/{SESSION_ID}"
    calls = sizes.inprocess_calls
    client_http = httpx.AsyncClient(transport=AsyncCannedTransport(body))
    raw = httpx.AsyncClient(transport=AsyncCannedTransport(body), headers={"x-api-key": API_KEY})
    client = AsyncGabber(api_key=API_KEY, base_url=BASE_URL, http_client=client_http)

    async def gabber_calls() -> float:
        start = time.perf_counter()
        for _ in range(calls):
            await client.realtime.get(SESSION_ID)
        return (time.perf_counter() - start) / calls

    async def raw_calls() -> float:
        start = time.perf_counter()
        for _ in range(calls):
            json.loads((await raw.get(url)).content)
        return (time.perf_counter() - start) / calls

    with asyncio.Runner() as runner:
        try:
            return compare(
                lambda: runner.run(gabber_calls()),
                lambda: runner.run(raw_calls()),
                rounds=sizes.inprocess_rounds,
            )
        finally:
            runner.run(client_http.aclose())
            runner.run(raw.aclose())


def run(sizes: Sizes) -> list[Row]:
    """Time sync and async ``get`` against raw httpx on the same in-process transport."""
    body = dumps(full_session(7))
    note = f"{sizes.inprocess_calls:,} sequential calls per sample, {len(body):,}-byte session"
    rows = []
    for label, result in (("sync", _sync(body, sizes)), ("async", _async(body, sizes))):
        rows.append(
            Row(
                key=f"inprocess.{label}",
                figure=f"in-process get, {label}",
                baseline_name=f"raw httpx {label} + json.loads",
                unit="us",
                value=result.candidate * 1e6,
                baseline=result.baseline * 1e6,
                ratio=result.ratio,
                goal=None,
                rounds=result.rounds,
                note=note,
            )
        )
    return rows
