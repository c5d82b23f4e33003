"""``make demo``: run examples/quickstart.py against the local fake, on loopback only.

1. Start the fake as a subprocess: ``python -m gabber_client.testing --host 127.0.0.1
   --port 0 --api-key <random>``, and read the base URL it prints.
2. Refuse that URL unless it is ``http://127.0.0.1:<port>``: the demo never
   contacts any other host (proxy variables are removed for the quickstart too).
3. Run ``examples/quickstart.py`` with GABBER_BASE_URL and GABBER_API_KEY set.
4. Stop the fake (SIGINT; killed if it has not exited after a few seconds), even
   when the quickstart fails or the demo is interrupted.

Exits with the quickstart's exit status (1 if the fake did not start, 130 on Ctrl-C).
"""

from __future__ import annotations

import os
import queue
import secrets
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
QUICKSTART = ROOT / "examples" / "quickstart.py"
HOST = "127.0.0.1"
START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0
QUICKSTART_TIMEOUT_S = 120.0
_BASE_URL_LINE = "export GABBER_BASE_URL="
_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy")


class DemoError(Exception):
    """The demo could not run the quickstart (the fake did not start, ...)."""


def _forward_lines(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    """Put each line of ``stream`` on ``lines``, then ``None`` at end of file. Keeps
    draining the fake's stdout, so it never blocks on a full pipe."""
    for line in stream:
        lines.put(line)
    lines.put(None)


def _read_base_url(lines: queue.Queue[str | None]) -> str:
    """The base URL the fake prints once it listens (``export GABBER_BASE_URL=...``)."""
    while True:
        try:
            line = lines.get(timeout=START_TIMEOUT_S)
        except queue.Empty:
            raise DemoError(
                f"the fake printed no base URL within {START_TIMEOUT_S:.0f} s"
            ) from None
        if line is None:
            raise DemoError("the fake exited before printing its base URL")
        if line.startswith(_BASE_URL_LINE):
            return shlex.split(line.removeprefix("export "))[0].partition("=")[2]


def _check_loopback(base_url: str) -> str:
    """``base_url`` if it is plain HTTP on 127.0.0.1 with a port, else :class:`DemoError`."""
    parts = urlsplit(base_url)
    if parts.scheme != "http" or parts.hostname != HOST or parts.port is None:
        raise DemoError(f"refusing to run against {base_url!r}: not http://{HOST}:<port>")
    return base_url


def _quickstart_env(base_url: str, api_key: str) -> dict[str, str]:
    """The environment of the quickstart: ours pointed at the fake, without proxies or
    other GABBER_ settings (a real API key stays out of it; GABBER_LOG is kept)."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name.lower() not in _PROXY_VARIABLES
        and (name == "GABBER_LOG" or not name.startswith("GABBER_"))
    }
    env.update(
        GABBER_BASE_URL=base_url,
        GABBER_API_KEY=api_key,
        NO_PROXY=HOST,
        no_proxy=HOST,
        PYTHONUNBUFFERED="1",
    )
    return env


def _stop(fake: subprocess.Popen[str]) -> None:
    """Stop the fake: SIGINT (a graceful shutdown), then kill if it lingers."""
    if fake.poll() is not None:
        return
    if os.name == "nt":  # pragma: no cover - no SIGINT for a child on Windows
        fake.terminate()
    else:
        fake.send_signal(signal.SIGINT)
    try:
        fake.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        fake.kill()
        fake.wait()


def _show_log(log: IO[str]) -> None:
    log.seek(0)
    text = log.read().strip()
    if text:
        print(f"demo: the fake's log:\n{text}", file=sys.stderr)


def run() -> int:
    """Start the fake, run the quickstart against it, stop the fake; the quickstart's status."""
    api_key = f"demo-{secrets.token_urlsafe(16)}"
    command = [sys.executable, "-m", "gabber_client.testing", "--host", HOST, "--port", "0"]
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        fake = subprocess.Popen(
            [*command, "--api-key", api_key], stdout=subprocess.PIPE, stderr=log, text=True
        )
        status: int | None = None
        try:
            assert fake.stdout is not None
            lines: queue.Queue[str | None] = queue.Queue()
            threading.Thread(target=_forward_lines, args=(fake.stdout, lines), daemon=True).start()
            base_url = _check_loopback(_read_base_url(lines))
            print(f"demo: the fake Gabber API is on {base_url}; running {QUICKSTART.name}")
            sys.stdout.flush()
            status = subprocess.run(
                [sys.executable, str(QUICKSTART)],
                env=_quickstart_env(base_url, api_key),
                timeout=QUICKSTART_TIMEOUT_S,
                check=False,
            ).returncode
        except (DemoError, subprocess.TimeoutExpired) as exc:
            print(f"demo: {exc}", file=sys.stderr)
        finally:
            _stop(fake)
        if status is None:
            _show_log(log)
            return 1
    print("demo: done" if status == 0 else f"demo: the quickstart failed (exit status {status})")
    return status


def main() -> int:
    """Run the demo; Ctrl-C stops it (and the fake) with status 130."""
    try:
        return run()
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
