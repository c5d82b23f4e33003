"""Figure 1: the cost of ``import gabber_client`` against ``import httpx``.

Each sample is a fresh interpreter (``python -c``) that times its own import
statement with ``time.perf_counter``; interpreter start-up, the same for both,
is left out so that it cannot dilute the ratio. ``httpx`` is the floor: the
client cannot import faster than its transport.

The interpreters run without ``PYTHONDONTWRITEBYTECODE``, and the warm-up round
writes the bytecode caches: an installed package has them (pip compiles on
install), so compiling the sources must not be counted.
"""

from __future__ import annotations

import os
import subprocess
import sys

from ._report import Goal, Row
from ._sizes import Sizes
from ._timing import compare

__all__ = ["run"]

GOAL = Goal("<=", 1.5)

_PROGRAM = (
    "import time\n"
    "start = time.perf_counter()\n"
    "import {module}\n"
    "print(time.perf_counter() - start)\n"
)


def _environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def import_seconds(module: str) -> float:
    """Seconds a fresh interpreter spends in ``import module`` (bytecode caches on)."""
    completed = subprocess.run(
        [sys.executable, "-c", _PROGRAM.format(module=module)],
        capture_output=True,
        text=True,
        check=True,
        env=_environment(),
    )
    return float(completed.stdout.strip())


def run(sizes: Sizes) -> list[Row]:
    """Time both imports in ``sizes.import_rounds`` interleaved pairs of fresh interpreters."""
    result = compare(
        lambda: import_seconds("gabber_client"),
        lambda: import_seconds("httpx"),
        rounds=sizes.import_rounds,
    )
    return [
        Row(
            key="import",
            figure="import gabber_client",
            baseline_name="import httpx",
            unit="ms",
            value=result.candidate * 1e3,
            baseline=result.baseline * 1e3,
            ratio=result.ratio,
            goal=GOAL,
            rounds=result.rounds,
            note="time in the import statement of a fresh interpreter",
        )
    ]
