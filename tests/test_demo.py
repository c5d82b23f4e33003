"""``make demo`` and the quickstarts it shows: every step runs, against the fake only.

``scripts/demo.py`` runs as ``make demo`` runs it (a subprocess that starts the
fake as a subprocess of its own); the two quickstarts also run in-process against
a :class:`FakeServer`, so that the fake's state after them can be checked.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from gabber_client._operations import SPEC_OPERATIONS
from gabber_client.testing import FakeGabber, FakeServer

ROOT = Path(__file__).resolve().parent.parent
STEP_LINE = re.compile(r"^\[\s?(\d+)\] ([a-z ]+): (.+)$")


def steps_of(output: str) -> list[tuple[int, str, str]]:
    """The ``[ n] name: detail`` lines of ``output``, as (n, name, detail)."""
    return [
        (int(match[1]), match[2], match[3])
        for line in output.splitlines()
        if (match := STEP_LINE.match(line))
    ]


def assert_all_steps(output: str) -> None:
    """Every step ran once, numbered 1 to N in order, with these details."""
    steps = steps_of(output)
    assert [n for n, _, _ in steps] == list(range(1, len(steps) + 1))
    details = {name: detail for _, name, detail in steps}
    assert len(details) == len(steps)  # one line per step name
    assert details["start"].endswith(" in_progress")
    assert details["update"] == "time limit now 600 s"
    assert details["attach human"] == "session now belongs to quickstart-human"
    spoken = "'Hello from the gabber-client quickstart!'"
    assert details["messages"] == f"1 message(s): assistant {spoken}"  # the text, not a repr
    assert details["list"] == "ours is #1, newest first"
    assert details["end"].endswith(" ended")


def load(path: Path) -> ModuleType:
    """A fresh import of the script at ``path`` (the examples read the environment
    when imported), not registered in ``sys.modules``."""
    spec = importlib.util.spec_from_file_location(f"loaded_{path.stem}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_example(name: str) -> ModuleType:
    """A fresh import of ``examples/<name>``."""
    return load(ROOT / "examples" / name)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeServer]:
    """A fresh fake on loopback, with the environment of the examples pointing at it."""
    fake_server = FakeServer(FakeGabber(api_keys=["demo-test-key"]))
    with fake_server:
        for name in [n for n in os.environ if n.startswith("GABBER_")]:
            monkeypatch.delenv(name)
        monkeypatch.setenv("GABBER_BASE_URL", fake_server.base_url)
        monkeypatch.setenv("GABBER_API_KEY", "demo-test-key")
        yield fake_server


def assert_fake_saw_the_walk_through(fake: FakeGabber, steps: int) -> None:
    """One session, which went through a different operation at each step and ended."""
    (session,) = fake.sessions()
    assert session["state"] == "ended"
    assert session["simulated"] is True
    assert session["human"] == "quickstart-human"
    assert session["config"]["general"]["time_limit_s"] == 600
    assert {d["type"] for d in session["data"]} == {"agent_phone_number", "caller_phone_number"}
    operations = [r.operation for r in fake.requests]
    assert set(operations) <= set(SPEC_OPERATIONS)
    assert len(set(operations)) == steps  # one operation per step, each a different one
    assert all(r.status == 200 for r in fake.requests)


EXAMPLES = ["quickstart.py", "async_quickstart.py"]
"""The quickstarts; a test of one is named after it (``examples/<name>``): a failure
names the example that failed."""


def example_ids(name: str) -> str:
    return f"examples/{name}"


@pytest.mark.parametrize("example", ["quickstart.py"], ids=example_ids)  # what demo.py runs
def test_make_demo_runs_every_step(example: str) -> None:
    result = subprocess.run(
        [sys.executable, "scripts/demo.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert_all_steps(result.stdout)
    first, *_, last = result.stdout.splitlines()
    assert re.fullmatch(
        r"demo: the fake Gabber API is on http://127\.0\.0\.1:\d+; running " + re.escape(example),
        first,
    )
    assert last == "demo: done"


@pytest.mark.parametrize("example", EXAMPLES, ids=example_ids)
def test_quickstart(server: FakeServer, capsys: pytest.CaptureFixture[str], example: str) -> None:
    result = load_example(example).main()
    # asyncio.run, as `python examples/async_quickstart.py` does.
    status = asyncio.run(result) if asyncio.iscoroutine(result) else result
    assert status == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert_all_steps(captured.out)
    assert_fake_saw_the_walk_through(server.fake, len(steps_of(captured.out)))


@pytest.mark.parametrize("example", EXAMPLES, ids=example_ids)
def test_a_failed_step_still_ends_the_session(
    server: FakeServer, capsys: pytest.CaptureFixture[str], example: str
) -> None:
    server.fake.inject_fault(status=400, operation="speak")
    module = load_example(example)
    result = module.main()
    status = asyncio.run(result) if asyncio.iscoroutine(result) else result
    assert status == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("error: 400 from POST /v1/realtime/")
    steps = [(n, name) for n, name, _ in steps_of(captured.out)]
    assert steps == [(1, "start"), (2, "get"), (3, "update"), (4, "end")]
    (session,) = server.fake.sessions()
    assert session["state"] == "ended"


def load_demo() -> ModuleType:
    """A fresh import of ``scripts/demo.py`` (its ``main`` is not run)."""
    return load(ROOT / "scripts" / "demo.py")


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:8080",
        "http://127.0.0.2:8080",
        "https://127.0.0.1:8080",
        "http://127.0.0.1",
        "https://api.gabber.dev",
    ],
)
def test_the_demo_refuses_anything_but_loopback(url: str) -> None:
    demo = load_demo()
    with pytest.raises(demo.DemoError, match="refusing to run against"):
        demo._check_loopback(url)
    assert demo._check_loopback("http://127.0.0.1:8080") == "http://127.0.0.1:8080"


def test_the_quickstart_environment_has_no_proxy_and_no_real_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.invalid:3128")
    monkeypatch.setenv("http_proxy", "http://proxy.invalid:3128")
    monkeypatch.setenv("GABBER_API_KEY", "real-key")
    monkeypatch.setenv("GABBER_LLM", "real-llm")
    monkeypatch.setenv("GABBER_LOG", "info")
    env = load_demo()._quickstart_env("http://127.0.0.1:9", "fake-key")
    assert "HTTPS_PROXY" not in env
    assert "http_proxy" not in env
    assert "GABBER_LLM" not in env
    assert env["GABBER_API_KEY"] == "fake-key"
    assert env["GABBER_BASE_URL"] == "http://127.0.0.1:9"
    assert env["GABBER_LOG"] == "info"
    assert env["NO_PROXY"] == "127.0.0.1"
