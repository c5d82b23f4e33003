"""``examples/typed_usage.py`` runs to completion offline (``mypy --strict`` checks
it in ``make typecheck``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


# Named after the example: a failure names the example that failed.
@pytest.mark.parametrize("example", ["examples/typed_usage.py"])
def test_typed_usage_runs_offline(example: str) -> None:
    # No credentials and an unroutable base URL: it must not need either.
    env = {k: v for k, v in os.environ.items() if not k.startswith("GABBER_")}
    env["GABBER_BASE_URL"] = "http://127.0.0.1:9"

    done = subprocess.run(
        [sys.executable, str(ROOT / example)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "typed_usage: ok"
    assert "sync: refused before sending: config.general.time_limit" in lines
    assert "sync: rate limited, no retry (429)" in lines
    assert any(line.startswith("async: ") and line.endswith(" is ended") for line in lines)
