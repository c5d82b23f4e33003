"""CPU per async request against the loopback fake, with and without ``sniffio``.

Without sniffio installed, httpcore 1.0 retries ``import sniffio`` (and fails,
searching ``sys.path``) every time it sets up a lock or an event, several times per
request. This measures what that costs a user of ``AsyncGabber``: the fake serves on
loopback in another process (its CPU is not counted), and this process times the
CPU of N sequential ``client.realtime.get`` calls (``time.process_time``), best of
R rounds, once per interpreter: pass ``--sniffio DIR`` to put a directory holding
sniffio first on ``sys.path``, so the two runs differ in that alone.

Usage: ``python -m benchmarks.sniffio_cpu [--calls N] [--rounds R] [--sniffio DIR]``;
``--compare DIR`` runs both, each in a fresh interpreter, and prints the two.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gabber_client.types import RealtimeSessionConfigCreateParam


async def _measure(base_url: str, calls: int, rounds: int) -> float:
    from gabber_client import AsyncGabber
    from gabber_client._minimal import minimal_value

    async with AsyncGabber(api_key="k", base_url=base_url) as client:
        config: RealtimeSessionConfigCreateParam = minimal_value(
            "RealtimeSessionConfigCreate",
            {"generative": {"llm": "llm_1"}, "output": {"stream_transcript": True}},
        )
        session = (await client.realtime.start(config)).session.id
        for _ in range(50):  # warm up: connections, imports, caches
            await client.realtime.get(session)
        best = float("inf")
        for _ in range(rounds):
            start = time.process_time()
            for _ in range(calls):
                await client.realtime.get(session)
            best = min(best, (time.process_time() - start) / calls)
    return best


def _serve() -> tuple[subprocess.Popen[str], str]:
    """The fake, in a process of its own (its CPU is not counted), and its URL."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "gabber_client.testing", "--port", "0", "--api-key", "k"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("export GABBER_BASE_URL="):
            return proc, line.split("=", 1)[1].strip()
    raise RuntimeError("the fake did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sniffio", type=Path, help="a directory holding sniffio")
    parser.add_argument("--compare", type=Path, help="run without, then with this sniffio")
    args = parser.parse_args()
    if args.compare is not None:
        for extra in ([], ["--sniffio", str(args.compare)]):
            cmd = [sys.executable, "-m", "benchmarks.sniffio_cpu", *extra]
            cmd += ["--calls", str(args.calls), "--rounds", str(args.rounds)]
            subprocess.run(cmd, check=True)
        return
    if args.sniffio is not None:
        sys.path.insert(0, str(args.sniffio))
    found = importlib.util.find_spec("sniffio") is not None
    installed = "with sniffio   " if found else "without sniffio"
    proc, base_url = _serve()
    try:
        seconds = asyncio.run(_measure(base_url, args.calls, args.rounds))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    print(f"{installed}: {seconds * 1e6:7.1f} us CPU per async get (best of {args.rounds})")


if __name__ == "__main__":
    main()
