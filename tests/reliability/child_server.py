"""A raw server in a child process, so that the client under test has the GIL to itself."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

TESTS = str(Path(__file__).resolve().parents[1])
"""The tests folder: the child's scripts format it in as ``{tests}`` to import from it."""


@contextlib.contextmanager
def child_server(script: str) -> Iterator[str]:
    """Run ``script`` (with ``{tests}`` formatted in) in a child Python, which prints
    its base URL on one line and serves until its stdin closes; yield that URL."""
    process = subprocess.Popen(
        [sys.executable, "-c", script.format(tests=TESTS)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdin is not None
    try:
        yield process.stdout.readline().strip()
    finally:
        process.stdin.close()
        process.wait(10)
