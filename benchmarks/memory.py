"""Figure 5: peak memory while iterating sessions through auto-pagination.

``for session in client.realtime.list(): ...`` must hold one page at a time, so
iterating 100,000 sessions should peak no higher than iterating 1,000. Each count
runs in a fresh interpreter (``python -m benchmarks.memory COUNT PAGE_SIZE KIND``)
over an in-process transport that assembles each page of sessions when it is
asked for; the peak is ``tracemalloc``'s, from just before the first request to the
end of the iteration. One warm-up request runs first, so that imports done on
first use and the client set-up are not counted.

The goal row pages full sessions, as issue 16 defines it. An informational row
pages light ones (the smallest valid configuration): there a page weighs so
little that the standard library's bounded URL cache (``urllib.parse``, 128
entries, filled by httpx's cookie handling with one URL per page) shows in the
ratio although it stops growing after 128 pages. A peak under ``tracemalloc`` does
not depend on the machine's load, so the fresh interpreters run two at a time.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from gabber_client import Gabber

from ._data import dumps, full_session, light_session
from ._report import Goal, Row
from ._sizes import Sizes
from ._timing import summarise
from ._transports import PagedTransport

__all__ = ["peak_bytes", "run"]

GOAL = Goal("<=", 1.1)


KINDS = {"full": full_session, "light": light_session}
"""The sessions a page can hold, by name."""


def _page_maker(count: int, page_size: int, kind: str) -> Callable[[int], bytes]:
    """``page_body(number)``: the bytes of page ``number`` of ``count`` sessions of
    ``kind`` (see :data:`KINDS`).

    The sessions of one page are serialised once, ahead of time; each request
    assembles its page from them (with its own ``next_page``), so that making
    pages costs little next to what is measured: the client parsing them.
    """
    pages = -(-count // page_size)
    sessions = [dumps(KINDS[kind](index)) for index in range(page_size)]

    def page_body(number: int) -> bytes:
        size = min(page_size, count - number * page_size)
        following = json.dumps(f"p{number + 1}" if number + 1 < pages else None)
        return b"".join(
            (
                b'{"next_page":%s,"total_count":%d,"values":[' % (following.encode(), count),
                b",".join(sessions[:size]),
                b"]}",
            )
        )

    return page_body


def peak_bytes(count: int, page_size: int, kind: str = "full") -> int:
    """Iterate ``count`` sessions of ``kind`` served ``page_size`` per page; the
    traced peak in bytes."""
    http = httpx.Client(transport=PagedTransport(_page_maker(count, page_size, kind)))
    client = Gabber(api_key="bench-key", base_url="http://gabber.bench.invalid", http_client=http)
    # Warm up: the first call imports the operation's generated modules and fills
    # caches; those allocations are not what this figure is about.
    client.realtime.list()
    seen = 0
    gc.collect()
    tracemalloc.start()
    try:
        for session in client.realtime.list():
            seen += 1 if session.id else 0
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        http.close()
    if seen != count:
        raise RuntimeError(f"iterated {seen} sessions, expected {count}")
    return peak


def _peak_in_subprocess(count: int, page_size: int, kind: str) -> float:
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.memory", str(count), str(page_size), kind],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    return float(json.loads(completed.stdout)["peak_bytes"])


def _row(kind: str, sizes: Sizes, peaks: dict[tuple[str, int], list[float]]) -> Row:
    large, small, page = sizes.memory_large, sizes.memory_small, sizes.memory_page
    result = summarise(peaks[kind, large], peaks[kind, small])
    mib = 1024 * 1024
    return Row(
        key="memory.pagination" if kind == "full" else f"memory.pagination.{kind}",
        figure=f"peak memory, iterate {large:,} {kind} sessions",
        baseline_name=f"iterate {small:,}",
        unit="MiB",
        value=result.candidate / mib,
        baseline=result.baseline / mib,
        ratio=result.ratio,
        goal=GOAL if kind == "full" else None,
        rounds=result.rounds,
        note=f"tracemalloc peak, auto-pagination, {page} {kind} sessions per page, "
        "fresh interpreter per count",
    )


def run(sizes: Sizes) -> list[Row]:
    """Compare the peaks of iterating ``memory_large`` and ``memory_small`` sessions,
    full ones (the goal) and light ones (informational)."""
    counts = (sizes.memory_large, sizes.memory_small)
    runs = [(kind, count) for _ in range(sizes.memory_rounds) for kind in KINDS for count in counts]
    with ThreadPoolExecutor(max_workers=2) as pool:
        values = list(
            pool.map(lambda run: _peak_in_subprocess(run[1], sizes.memory_page, run[0]), runs)
        )
    peaks: dict[tuple[str, int], list[float]] = {}
    for key, value in zip(runs, values, strict=True):
        peaks.setdefault(key, []).append(value)
    return [_row(kind, sizes, peaks) for kind in KINDS]


def main(argv: list[str]) -> None:
    """Print ``{"peak_bytes": ...}`` for ``COUNT PAGE_SIZE [KIND]``."""
    count, page_size = int(argv[0]), int(argv[1])
    kind = argv[2] if len(argv) > 2 else "full"
    print(json.dumps({"peak_bytes": peak_bytes(count, page_size, kind)}))


if __name__ == "__main__":
    main(sys.argv[1:])
