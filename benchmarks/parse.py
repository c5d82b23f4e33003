"""Figure 2: turning response bytes into models, against ``json.loads`` alone.

Two candidates per body, each against ``json.loads`` of the same bytes:

- models: ``Model.from_dict(json.loads(body))``, the generated models alone;
- client: the parser the client runs on a 2xx response (``Call.parse`` of the
  operation, on an ``httpx.Response``): decoding, the models, and whatever checks
  the client adds. This is what a user pays.

Two bodies: a list page of full sessions (about 3.5 MB for 1,000) and one full
session (about 3.5 KB). For the page, each side keeps its last few results alive
(models for the candidate, dicts for the baseline), as an application holding
the pages it fetched does: the cyclic garbage collector then walks them while
the next page is parsed, which is most of what a big page costs.
"""

from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Callable

import httpx

from gabber_client import _calls
from gabber_client.models import ListRealtimeSessions200Response, RealtimeSession

from ._data import dumps, full_session, list_page
from ._report import Goal, Row
from ._sizes import Sizes
from ._timing import Comparison, compare, compare_calls

__all__ = ["run"]

PAGE_GOAL = Goal("<=", 2.5)
SESSION_GOAL = Goal("<=", 2.0)


def _response(body: bytes, path: str) -> httpx.Response:
    """A 200 response with ``body``, as the transport hands it to the client."""
    request = httpx.Request("GET", f"http://gabber.bench.invalid{path}")
    return httpx.Response(
        200, headers={"content-type": "application/json"}, content=body, request=request
    )


def _row(key: str, figure: str, unit: str, result: Comparison, note: str, goal: Goal | None) -> Row:
    scale = 1e3 if unit == "ms" else 1e6
    return Row(
        key=key,
        figure=figure,
        baseline_name="json.loads",
        unit=unit,
        value=result.candidate * scale,
        baseline=result.baseline * scale,
        ratio=result.ratio,
        goal=goal,
        rounds=result.rounds,
        note=note,
    )


def _kept(work: Callable[[], object], keep: int, pages: int) -> Callable[[], float]:
    """A sample of ``pages`` runs of ``work`` (seconds per run) whose last ``keep``
    results stay alive, as in an application that holds the pages it fetched (each
    side keeps its own)."""
    kept: deque[object] = deque(maxlen=max(keep, 1))
    for _ in range(keep):
        kept.append(work())

    def sample() -> float:
        start = time.perf_counter()
        for _ in range(pages):
            kept.append(work())
        return (time.perf_counter() - start) / pages

    return sample


def run(sizes: Sizes) -> list[Row]:
    """Time the client's parser and the models on a list page and on one session."""
    count, loops, rounds = sizes.parse_sessions, sizes.single_parse_loops, sizes.parse_rounds
    keep, pages = sizes.parse_kept_pages, sizes.parse_pages_per_sample
    page = dumps(list_page(0, count, total_count=count * 10, next_page="p2"))
    session = dumps(full_session(7))
    page_response = _response(page, "/v1/realtime/list")
    session_response = _response(session, "/v1/realtime/rs_000007")
    parse_page = _calls.build("list_realtime_sessions").parse
    parse_session = _calls.build("get_realtime_session", path={"session": "rs_000007"}).parse

    results = {
        "parse.page.client": compare(
            _kept(lambda: parse_page(page_response), keep, pages),
            _kept(lambda: json.loads(page), keep, pages),
            rounds=rounds,
            collect=False,
        ),
        "parse.page.models": compare(
            _kept(lambda: ListRealtimeSessions200Response.from_dict(json.loads(page)), keep, pages),
            _kept(lambda: json.loads(page), keep, pages),
            rounds=rounds,
            collect=False,
        ),
        "parse.session.client": compare_calls(
            lambda: parse_session(session_response),
            lambda: json.loads(session),
            calls=loops,
            rounds=rounds,
        ),
        "parse.session.models": compare_calls(
            lambda: RealtimeSession.from_dict(json.loads(session)),
            lambda: json.loads(session),
            calls=loops,
            rounds=rounds,
        ),
    }
    page_note = (
        f"{count:,} full sessions, {len(page):,} bytes, {pages} pages per sample; each side "
        f"keeps its last {keep} results alive; no forced collection between samples"
    )
    session_note = (
        f"{len(session):,} bytes; median parse of {loops} per side per round, the sides "
        "alternating parse by parse"
    )
    return [
        _row(
            "parse.page.client",
            f"parse list page ({count:,} full sessions, earlier pages kept): client",
            "ms",
            results["parse.page.client"],
            f"the list call's parser on an httpx.Response; {page_note}",
            PAGE_GOAL,
        ),
        _row(
            "parse.page.models",
            f"parse list page ({count:,} full sessions, earlier pages kept): models",
            "ms",
            results["parse.page.models"],
            f"ListRealtimeSessions200Response.from_dict(json.loads(b)); {page_note}",
            None,
        ),
        _row(
            "parse.session.client",
            "parse one full session: client",
            "us",
            results["parse.session.client"],
            f"the get call's parser on an httpx.Response; {session_note}",
            SESSION_GOAL,
        ),
        _row(
            "parse.session.models",
            "parse one full session: models",
            "us",
            results["parse.session.models"],
            f"RealtimeSession.from_dict(json.loads(b)); {session_note}",
            None,
        ),
    ]
