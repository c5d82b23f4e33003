"""The facade against the fake: fake.client(), fake.async_client() and the pytest fixtures."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest

from gabber_client import AsyncGabber, Gabber, NotFoundError, RateLimitError
from gabber_client.testing import DEFAULT_API_KEY, DEFAULT_BASE_URL, FakeGabber

from .support import CONFIG


def test_client_walks_through_a_session(fake: FakeGabber) -> None:
    with fake.client() as client:
        started = client.realtime.start(CONFIG, simulated=True, human="hum_1")
        session_id = started.session.id
        assert started.session.human == "hum_1"
        assert started.session.config.generative.llm.id == CONFIG["generative"]["llm"]
        for number in range(5):
            client.realtime.speak(session_id, f"sentence {number}")
        texts = [m.content[0].text for m in client.realtime.messages(session_id)]
        assert texts == [f"sentence {n}" for n in range(5)]
        ended = client.realtime.end(session_id)
        assert ended.state == "ended"
        with pytest.raises(NotFoundError):
            client.realtime.get("rs_missing")
    request = fake.requests[0]
    assert request.headers["x-api-key"] == DEFAULT_API_KEY
    assert request.headers["host"] == DEFAULT_BASE_URL.removeprefix("http://")


def test_client_with_a_token(fake: FakeGabber) -> None:
    fake.create_session(human="hum_1")
    fake.create_session(human="hum_2")
    with fake.client(token=fake.issue_token("hum_1")) as client:
        page = client.realtime.list()
        assert [s.human for s in page.values] == ["hum_1"]
    assert "x-api-key" not in fake.requests[-1].headers


def test_client_sees_injected_faults(fake: FakeGabber) -> None:
    fake.inject_fault(status=429, headers={"Retry-After": "0"}, times=5)
    with fake.client(max_retries=0) as client, pytest.raises(RateLimitError):
        client.realtime.list()
    with fake.client(max_retries=2) as client, pytest.raises(RateLimitError):
        client.realtime.list()
    assert [r.status for r in fake.requests] == [429, 429, 429, 429]
    with fake.client(max_retries=1) as client:
        assert client.realtime.list().total_count == 0


async def test_async_client_walks_through_a_session(fake: FakeGabber) -> None:
    async with fake.async_client() as client:
        started = await client.realtime.start(CONFIG)
        await client.realtime.speak(started.session.id, "hello")
        timeline = await client.realtime.timeline(started.session.id)
        assert [item.type_ for item in timeline.values] == ["agent"]


def test_the_gabber_fixture(gabber_fake: FakeGabber, gabber: Gabber) -> None:
    assert isinstance(gabber, Gabber)
    started = gabber.realtime.start(CONFIG)
    assert gabber_fake.get_session(started.session.id)["state"] == "in_progress"


async def test_the_async_gabber_fixture(gabber_fake: FakeGabber, async_gabber: AsyncGabber) -> None:
    assert isinstance(async_gabber, AsyncGabber)
    await async_gabber.realtime.start(CONFIG)
    assert len(gabber_fake.sessions()) == 1


def test_the_deprecated_fixture_names_still_work(pytester: pytest.Pytester) -> None:
    """``gabber_client`` and ``async_gabber_client`` (the names before ``gabber`` and
    ``async_gabber``) are the same clients, with a DeprecationWarning naming the new one."""
    pytester.makepyfile(
        """
        from gabber_client import AsyncGabber, Gabber

        def test_sync(gabber_client, gabber):
            assert isinstance(gabber_client, Gabber) and gabber_client is gabber

        async def test_async(async_gabber_client, async_gabber):
            assert isinstance(async_gabber_client, AsyncGabber)
            assert async_gabber_client is async_gabber
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:randomly", "-o", "asyncio_mode=auto")
    result.assert_outcomes(passed=2, warnings=2)
    result.stdout.fnmatch_lines(
        [
            "*DeprecationWarning: the pytest fixture 'gabber_client' is deprecated*use 'gabber'",
            "*DeprecationWarning: the pytest fixture 'async_gabber_client' is deprecated*"
            "use 'async_gabber'",
        ],
        consecutive=False,
    )


def test_the_gabber_fake_fixture_is_fresh(gabber_fake: FakeGabber) -> None:
    assert gabber_fake.sessions() == []
    assert gabber_fake.api_keys == (DEFAULT_API_KEY,)
    assert gabber_fake.base_url == "http://fake.gabber.invalid"


def test_transport_serves_plain_httpx_sync_and_async(fake: FakeGabber) -> None:
    transport = fake.transport()
    assert isinstance(transport, httpx.BaseTransport)
    assert isinstance(transport, httpx.AsyncBaseTransport)
    assert transport.fake is fake


def test_importing_the_plugin_is_cheap() -> None:
    code = (
        "import sys, gabber_client.testing.pytest_plugin\n"
        "heavy = {'uvicorn', 'jsonschema', 'anyio', 'gabber_client.testing._fake'}\n"
        "heavy &= set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr


def test_the_plugin_is_registered() -> None:
    from importlib.metadata import entry_points

    [plugin] = [e for e in entry_points(group="pytest11") if e.name == "gabber_client"]
    assert plugin.value == "gabber_client.testing.pytest_plugin"
    [script] = [e for e in entry_points(group="console_scripts") if e.name == "gabber-fake"]
    assert script.value == "gabber_client.testing._cli:main"
