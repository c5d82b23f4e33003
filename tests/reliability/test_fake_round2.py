"""Issue 14, item 11: the fake under abuse.

* ``next_page`` URLs use the server's configured address, never the request's
  ``Host`` header (a client must not choose where the next page points);
* a large body is validated off the event loop, so it does not hold up others;
* memory stays bounded under a stream of large ``speak`` texts: a text is at most
  64 Ki characters, a session keeps its latest 1,000 messages, and the recorded
  requests hold at most ``max_recorded_bytes`` of bodies."""

from __future__ import annotations

import threading
import tracemalloc
from collections.abc import Iterator

import httpx
import pytest

from gabber_client import BadRequestError
from gabber_client.testing import FakeGabber, FakeServer, _state


@pytest.fixture
def small_pages() -> Iterator[FakeServer]:
    with FakeServer(FakeGabber(page_size=1)) as server:
        yield server


@pytest.mark.parametrize("host", ["evil.test", "evil.test:8080", "127.0.0.1:1", "[::1]:9"])
def test_next_page_uses_the_configured_address_not_the_host_header(
    small_pages: FakeServer, host: str
) -> None:
    fake = small_pages.fake
    session = fake.create_session()["id"]
    with fake.client() as client:
        client.realtime.speak(session, "one")
        client.realtime.speak(session, "two")

    for kind in ("messages", "timeline"):
        response = httpx.get(
            f"{small_pages.base_url}/v1/realtime/{session}/{kind}",
            headers={"x-api-key": fake.api_key, "Host": host},
        )
        next_page = response.json()["next_page"]
        assert next_page.startswith(small_pages.base_url + "/"), next_page


def test_large_bodies_are_handled_off_the_event_loop(
    loopback: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    loopback.fake.reset()
    session = loopback.fake.create_session()["id"]
    threads: dict[int, str] = {}
    handle = loopback.fake.handle

    def recording(request: object) -> object:
        threads[len(request.body)] = threading.current_thread().name  # type: ignore[attr-defined]
        return handle(request)  # type: ignore[arg-type]

    monkeypatch.setattr(loopback.fake, "handle", recording)
    url = f"{loopback.base_url}/v1/realtime/{session}/speak"
    headers = {"x-api-key": loopback.api_key}
    httpx.post(url, json={"text": "small"}, headers=headers)
    httpx.post(url, json={"text": "large " * 20_000}, headers=headers)

    small, large = sorted(threads.items())
    assert small[1] == "gabber-fake-server"  # the event loop's thread
    assert large[1] != "gabber-fake-server"  # a worker thread


def test_a_speak_text_over_the_cap_is_a_400_naming_text() -> None:
    fake = FakeGabber()
    session = fake.create_session()["id"]
    with fake.client() as client:
        client.realtime.speak(session, "x" * _state.MAX_SPEAK_TEXT_CHARS)
        with pytest.raises(BadRequestError, match="text"):
            client.realtime.speak(session, "x" * (_state.MAX_SPEAK_TEXT_CHARS + 1))


def test_a_session_keeps_its_latest_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_state, "MAX_SESSION_MESSAGES", 5)
    fake = FakeGabber(page_size=100)
    session = fake.create_session()["id"]
    with fake.client() as client:
        for index in range(12):
            client.realtime.speak(session, f"line {index}")
        texts = [m.content[0].text for m in client.realtime.messages(session)]
        timeline = list(client.realtime.timeline(session))

    assert texts == [f"line {index}" for index in range(7, 12)]
    assert len(timeline) == 5


def test_memory_stays_bounded_under_a_stream_of_large_speak_texts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_state, "MAX_SESSION_MESSAGES", 20)
    fake = FakeGabber(max_recorded_bytes=1024 * 1024)
    session = fake.create_session()["id"]
    text = "y" * 60_000
    with fake.client() as client:
        client.realtime.speak(session, text)  # warm up
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            for _ in range(300):  # 18 MB of text
                client.realtime.speak(session, text)
            grown = tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()

    assert grown < 6 * 1024 * 1024, f"grew {grown:,} bytes"
    recorded = sum(len(r.body) for r in fake.requests)
    assert recorded <= 1024 * 1024 + 70_000
    assert fake.requests[-1].operation == "speak"  # the latest are the ones kept
