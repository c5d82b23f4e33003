"""Figure 5: peak memory while iterating sessions through auto-pagination.

``for session in client.realtime.list(): ...`` must hold one page at a time, so
iterating 100,000 sessions should peak no higher than iterating 1,000. Each count
runs in a fresh interpreter (``python -m benchmarks.memory COUNT PAGE_SIZE``) over
an in-process transport that assembles each page of light sessions when it is
asked for; the peak is ``tracemalloc``'s, from just before the first request to the
end of the iteration. One warm-up request runs first, so that imports done on
first use and the client set-up are not counted.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import httpx

from gabber_client import Gabber

from ._data import dumps, light_session
from ._report import Goal, Row
from ._sizes import Sizes
from ._timing import compare
from ._transports import PagedTransport

__all__ = ["peak_bytes", "run"]

GOAL = Goal("<=", 1.1)


def _page_maker(count: int, page_size: int) -> Callable[[int], bytes]:
    """``page_body(number)``: the bytes of page ``number`` of ``count`` light sessions.

    The sessions of one page are serialised once, ahead of time; each request
    assembles its page from them (with its own ``next_page``), so that making
    pages costs little next to what is measured: the client parsing them.
    """
    pages = -(-count // page_size)
    sessions = [dumps(light_session(index)) for index in range(page_size)]

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


def peak_bytes(count: int, page_size: int) -> int:
    """Iterate ``count`` sessions served ``page_size`` per page; the traced peak in bytes."""
    http = httpx.Client(transport=PagedTransport(_page_maker(count, page_size)))
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


def _peak_in_subprocess(count: int, page_size: int) -> float:
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.memory", str(count), str(page_size)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    return float(json.loads(completed.stdout)["peak_bytes"])


def run(sizes: Sizes) -> list[Row]:
    """Compare the peaks of iterating ``memory_large`` and ``memory_small`` sessions."""
    large, small, page = sizes.memory_large, sizes.memory_small, sizes.memory_page
    result = compare(
        lambda: _peak_in_subprocess(large, page),
        lambda: _peak_in_subprocess(small, page),
        rounds=sizes.memory_rounds,
        warmup=0,
    )
    mib = 1024 * 1024
    return [
        Row(
            key="memory.pagination",
            figure=f"peak memory, iterate {large:,} sessions",
            baseline_name=f"iterate {small:,}",
            unit="MiB",
            value=result.candidate / mib,
            baseline=result.baseline / mib,
            ratio=result.ratio,
            goal=GOAL,
            rounds=result.rounds,
            note=f"tracemalloc peak, auto-pagination, {page} light sessions per page, "
            "fresh interpreter per count",
        )
    ]


def main(argv: list[str]) -> None:
    """Print ``{"peak_bytes": ...}`` for ``COUNT PAGE_SIZE``."""
    count, page_size = int(argv[0]), int(argv[1])
    print(json.dumps({"peak_bytes": peak_bytes(count, page_size)}))


if __name__ == "__main__":
    main(sys.argv[1:])
