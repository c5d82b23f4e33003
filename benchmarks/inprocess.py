"""Figure 3: the client's own cost per call, over an in-process ``httpx.MockTransport``.

No network and no server: the transport answers with canned bytes, so what is
left is the client's work per call (checking arguments, building the request,
the retry loop, parsing into models) on top of httpx. Every baseline is raw httpx
on the same kind of transport, written the way a user would write it.

- ``get``, sync and async: a default client whose own pool answers from the
  mock transport, against ``http.get(path)`` + ``json.loads``. Swapping the
  transport of the client's own pool reaches into httpx (``Client._transport``):
  httpx has no public way to give a pool a transport after it is built, and the
  client has no ``transport=`` argument. Only this benchmark does it.
- ``get`` with ``http_client=`` (an ``httpx.Client`` the caller built): the client
  then merges its headers into each request instead of setting them on the pool.
- ``start`` with a dict config: the dict is checked against the spec, turned into
  models and back into JSON; the baseline posts the same JSON with ``json=``.
- ``with_options(...)`` and ``for_human(...)`` made for each request, against the
  same ``get`` on the client itself.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from contextlib import ExitStack
from typing import Any

import httpx

from gabber_client import AsyncGabber, Gabber

from ._data import START_CONFIG, dumps, full_session, start_response
from ._report import Goal, Row
from ._sizes import Sizes
from ._timing import Comparison, compare_calls, compare_rounds

__all__ = ["API_KEY", "BASE_URL", "SESSION_ID", "run"]

BASE_URL = "http://gabber.bench.invalid"
"""Never resolved: the in-process transports answer before any connection."""
API_KEY = "bench-key"
SESSION_ID = "rs_000007"
PATH = f"/v1/realtime/{SESSION_ID}"

GET_GOAL = Goal("<=", 1.15)
START_GOAL = Goal("<=", 1.5)

_JSON = {"content-type": "application/json"}


def _mock(body: bytes) -> httpx.MockTransport:
    return httpx.MockTransport(lambda request: httpx.Response(200, headers=_JSON, content=body))


def _own_pool(client: Gabber | AsyncGabber, transport: httpx.MockTransport) -> None:
    """Make the client's own pool send through ``transport`` (see the module docstring)."""
    http: Any = client._http
    http._transport = transport
    if http._transport_for_url(httpx.URL(BASE_URL)) is not transport:
        raise RuntimeError("could not route the client's own pool to the mock transport")


def _raw(body: bytes) -> httpx.Client:
    return httpx.Client(base_url=BASE_URL, headers={"x-api-key": API_KEY}, transport=_mock(body))


def _sync_figures(body: bytes, start_body: bytes, sizes: Sizes) -> dict[str, Comparison]:
    calls, rounds = sizes.inprocess_calls, sizes.inprocess_rounds
    results: dict[str, Comparison] = {}
    with ExitStack() as stack:
        client = stack.enter_context(Gabber(api_key=API_KEY, base_url=BASE_URL))
        _own_pool(client, _mock(body))
        raw = stack.enter_context(_raw(body))
        results["get.sync"] = compare_calls(
            lambda: client.realtime.get(SESSION_ID),
            lambda: json.loads(raw.get(PATH).content),
            calls=calls,
            rounds=rounds,
        )
        results["with_options"] = compare_calls(
            lambda: client.with_options(max_retries=1).realtime.get(SESSION_ID),
            lambda: client.realtime.get(SESSION_ID),
            calls=calls,
            rounds=rounds,
        )
        results["for_human"] = compare_calls(
            lambda: client.for_human("human_7").realtime.get(SESSION_ID),
            lambda: client.realtime.get(SESSION_ID),
            calls=calls,
            rounds=rounds,
        )

        lent = stack.enter_context(httpx.Client(transport=_mock(body)))
        lent_client = stack.enter_context(
            Gabber(api_key=API_KEY, base_url=BASE_URL, http_client=lent)
        )
        results["get.lent"] = compare_calls(
            lambda: lent_client.realtime.get(SESSION_ID),
            lambda: json.loads(raw.get(PATH).content),
            calls=calls,
            rounds=rounds,
        )

        starter = stack.enter_context(Gabber(api_key=API_KEY, base_url=BASE_URL))
        _own_pool(starter, _mock(start_body))
        raw_starter = stack.enter_context(_raw(start_body))
        payload = {"config": START_CONFIG}
        results["start"] = compare_calls(
            lambda: starter.realtime.start(START_CONFIG),
            lambda: json.loads(raw_starter.post("/v1/realtime/start", json=payload).content),
            calls=calls,
            rounds=rounds,
        )
    return results


def _async_get(body: bytes, sizes: Sizes) -> Comparison:
    calls = sizes.inprocess_calls
    client = AsyncGabber(api_key=API_KEY, base_url=BASE_URL)
    _own_pool(client, _mock(body))
    raw = httpx.AsyncClient(
        base_url=BASE_URL, headers={"x-api-key": API_KEY}, transport=_mock(body)
    )

    async def one_round(candidate_first: bool) -> tuple[list[float], list[float]]:
        mine: list[float] = []
        theirs: list[float] = []
        for number in range(calls * 2):
            start = time.perf_counter()
            if (number % 2 == 0) == candidate_first:
                await client.realtime.get(SESSION_ID)
                mine.append(time.perf_counter() - start)
            else:
                json.loads((await raw.get(PATH)).content)
                theirs.append(time.perf_counter() - start)
        return mine, theirs

    with asyncio.Runner() as runner:
        try:
            return compare_rounds(
                lambda first: runner.run(one_round(first)),
                {"p50": statistics.median},
                rounds=sizes.inprocess_rounds,
            )["p50"]
        finally:
            runner.run(client.aclose())
            runner.run(raw.aclose())


def _row(
    key: str, figure: str, baseline: str, result: Comparison, goal: Goal | None, note: str
) -> Row:
    return Row(
        key=key,
        figure=figure,
        baseline_name=baseline,
        unit="us",
        value=result.candidate * 1e6,
        baseline=result.baseline * 1e6,
        ratio=result.ratio,
        goal=goal,
        rounds=result.rounds,
        note=note,
    )


def run(sizes: Sizes) -> list[Row]:
    """Time get (own pool, lent pool, derived clients) and start."""
    body = dumps(full_session(7))
    start_body = dumps(start_response(7))
    sync = _sync_figures(body, start_body, sizes)
    async_get = _async_get(body, sizes)
    calls = (
        f"median call of {sizes.inprocess_calls:,} per side per round, the sides "
        "alternating call by call"
    )
    note = f"{calls}, {len(body):,}-byte session, httpx.MockTransport"
    return [
        _row(
            "inprocess.get.sync",
            "in-process get, sync, own pool",
            "raw httpx.Client + json.loads",
            sync["get.sync"],
            GET_GOAL,
            note,
        ),
        _row(
            "inprocess.get.async",
            "in-process get, async, own pool",
            "raw httpx.AsyncClient + json.loads",
            async_get,
            GET_GOAL,
            note,
        ),
        _row(
            "inprocess.get.lent",
            "in-process get, sync, http_client= given",
            "raw httpx.Client + json.loads",
            sync["get.lent"],
            None,
            f"{note}; the client merges its headers into each request",
        ),
        _row(
            "inprocess.start",
            "in-process start, dict config",
            "raw httpx posting the same JSON + json.loads",
            sync["start"],
            START_GOAL,
            f"{calls}; config checked against the spec, {len(start_body):,}-byte answer",
        ),
        _row(
            "inprocess.with_options",
            "in-process get via with_options() per request",
            "get on the client itself",
            sync["with_options"],
            None,
            f"{calls}; client.with_options(max_retries=1).realtime.get(...)",
        ),
        _row(
            "inprocess.for_human",
            "in-process get via for_human() per request",
            "get on the client itself",
            sync["for_human"],
            None,
            f"{calls}; client.for_human(...).realtime.get(...)",
        ),
    ]
