"""Serve :class:`gabber_client.testing.FakeServer` from a child process, for figure 6.

``FakeServer`` serves from a thread of the process that starts it; run in the
benchmark's own process, the load generator and the server would share one GIL
and the figure would measure that. Run as ``python -m benchmarks._fake_host``: it
starts a ``FakeServer`` with one session whose configuration names every kind of
generative object, prints one JSON line (``base_url``, ``api_key``, ``session``)
and serves until its stdin closes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import TracebackType
from typing import Any, Self

__all__ = ["FakeHost", "SESSION_CONFIG"]

SESSION_CONFIG: dict[str, Any] = {
    "general": {"time_limit_s": 600},
    "input": {"interruptable": True},
    "generative": {
        "llm": "llm_bench",
        "voice_override": "voice_bench",
        "persona": "persona_bench",
        "scenario": "scenario_bench",
        "tool_definitions": ["tool_bench_book", "tool_bench_hangup"],
    },
    "output": {"stream_transcript": True, "answer_message": "Hello!"},
}
"""The configuration of the session the fake serves: merged over the spec's minimal
``RealtimeSessionConfigCreate`` (``gabber_client._minimal``), so that a field made
required upstream is filled."""


class FakeHost:
    """The fake in a child process, as a context manager; ``.base_url``, ``.api_key``,
    ``.session`` (an id) once entered."""

    def __init__(self, python: str = sys.executable) -> None:
        self._python = python
        self._process: subprocess.Popen[str] | None = None
        self.base_url = ""
        self.api_key = ""
        self.session = ""

    def __enter__(self) -> Self:
        self._process = subprocess.Popen(
            [self._python, "-m", "benchmarks._fake_host"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        try:
            ready = json.loads(line)
        except ValueError:
            self.__exit__(None, None, None)
            raise RuntimeError(f"the fake did not start: {line!r}") from None
        self.base_url, self.api_key, self.session = (
            ready["base_url"],
            ready["api_key"],
            ready["session"],
        )
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        process = self._process
        if process is None:
            return
        assert process.stdin is not None
        assert process.stdout is not None
        process.stdin.close()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
        self._process = None


def main() -> None:
    """Serve a fake with one session until stdin closes."""
    from gabber_client._minimal import minimal_value
    from gabber_client.testing import FakeGabber, FakeServer

    fake = FakeGabber(max_recorded_requests=100)
    config = minimal_value("RealtimeSessionConfigCreate", SESSION_CONFIG)
    session = fake.create_session(config, human="human_bench")
    with FakeServer(fake) as server:
        ready = {"base_url": server.base_url, "api_key": server.api_key, "session": session["id"]}
        print(json.dumps(ready), flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    main()
