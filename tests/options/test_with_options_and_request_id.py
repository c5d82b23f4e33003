"""``with_options(default_headers=, base_url=, human=)`` (sharing the pool), the
request id of a result (``get_request_id``), and async ``list``/``messages``/
``timeline`` used directly in ``async for`` as well as awaited."""

from __future__ import annotations

import gc

import httpx
import pytest

from gabber_client import (
    AsyncGabber,
    AsyncPage,
    AsyncPaginator,
    Gabber,
    InvalidArgumentError,
    get_request_id,
)
from gabber_client.testing import FakeGabber, FakeServer

from .recording import Recording


@pytest.mark.parametrize("own_pool", [True, False])
def test_with_options_default_headers_add_to_the_clients(own_pool: bool) -> None:
    fake = FakeGabber()
    session = fake.create_session()["id"]
    recorder = Recording(fake.transport())
    if own_pool:
        parent = Gabber(api_key=fake.api_key, base_url=fake.base_url, default_headers={"X-A": "1"})
        parent._http.close()  # swapped for one that records, with the same headers
        parent._pool.http = httpx.Client(transport=recorder, headers=parent._http.headers)
    else:
        http = httpx.Client(transport=recorder)
        parent = Gabber(
            api_key=fake.api_key,
            base_url=fake.base_url,
            default_headers={"X-A": "1"},
            http_client=http,
        )
    child = parent.with_options(default_headers={"X-A": "2", "X-B": "3"})

    child.realtime.get(session)
    parent.realtime.get(session)

    from_child, from_parent = recorder.sent
    assert (from_child.headers["X-A"], from_child.headers["X-B"]) == ("2", "3")
    assert from_parent.headers["X-A"] == "1"
    assert "X-B" not in from_parent.headers
    for sent in (from_child, from_parent):
        assert sent.headers.get_list("X-A") == [sent.headers["X-A"]]  # sent once
        assert sent.headers["x-api-key"] == fake.api_key
    assert child._http is parent._http  # one pool


def test_with_options_base_url_and_human_share_the_pool() -> None:
    with FakeServer() as one, FakeServer() as two:
        session = two.fake.create_session(human="h_2")["id"]
        with Gabber(api_key=one.fake.api_key, base_url=one.base_url) as client:
            other = client.with_options(base_url=two.base_url, human="h_2")
            got = other.realtime.get(session)
            assert other._http is client._http
            assert other.base_url == httpx.URL(two.base_url)
            assert other.human == "h_2"
            assert client.human is None
            assert client.with_options(human=None).human is None
        assert got.id == session
        assert [r.headers["x-human-id"] for r in two.fake.requests] == ["h_2"]
        assert one.fake.requests == []


@pytest.mark.parametrize(
    ("kwargs", "parameter"),
    [
        ({"base_url": "ftp://x"}, "base_url"),
        ({"base_url": "http://x/?q=1"}, "base_url"),
        ({"human": "a\nb"}, "human"),
        ({"default_headers": {"X-A": "a\r\n"}}, "default_headers['X-A']"),
        ({"default_headers": "X-A: 1"}, "default_headers"),
    ],
)
def test_with_options_checks_its_arguments(kwargs: dict[str, object], parameter: str) -> None:
    client = Gabber(api_key="k", base_url="http://gabber.test")
    with pytest.raises(InvalidArgumentError) as caught:
        client.with_options(**kwargs)  # type: ignore[arg-type]
    assert caught.value.parameter == parameter


def test_request_id_of_results_and_pages() -> None:
    fake = FakeGabber(page_size=1)
    session = fake.create_session()["id"]
    fake.create_session()
    client = fake.client()

    got = client.realtime.get(session)
    page = client.realtime.list()
    second = page.get_next_page()
    raw = client.realtime.with_raw_response.get(session)

    ids = [r.headers for r in fake.requests]
    assert len(ids) == 4
    sent = [str(h) for h in (get_request_id(got), get_request_id(page), get_request_id(second))]
    assert len(set(sent)) == 3
    assert all(s.startswith("req_") for s in sent)
    assert raw.request_id is not None
    assert raw.request_id not in sent
    # Not a result, or no header: None.
    assert get_request_id(object()) is None
    assert get_request_id(session) is None
    # dtmf is typed as returning None; this checks it really returns no result at runtime.
    assert client.realtime.dtmf(session, "1") is None  # type: ignore[func-returns-value]


def test_request_id_is_none_when_the_server_sends_none() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"values": [], "total_count": 0})

    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = Gabber(api_key="k", base_url="http://gabber.test", http_client=http)
    assert get_request_id(client.realtime.list()) is None


def test_request_id_is_dropped_with_its_result() -> None:
    """The id lives as long as its result: no growth, and a new object at the same
    address does not inherit it."""
    from gabber_client import _request_id

    fake = FakeGabber()
    session = fake.create_session()["id"]
    client = fake.client()
    gc.collect()
    before = len(_request_id._IDS)
    for _ in range(50):
        client.realtime.get(session)
    gc.collect()
    assert len(_request_id._IDS) == before


async def test_async_pagers_work_in_async_for_and_awaited() -> None:
    fake = FakeGabber(page_size=2)
    session = fake.create_session()["id"]
    for text in ("a", "b", "c"):
        fake.add_message(session, text)
    for _ in range(4):
        fake.create_session()
    async with fake.async_client() as client:
        pager = client.realtime.list()
        assert isinstance(pager, AsyncPaginator)
        assert fake.requests == []  # nothing sent until used
        ids = [s.id async for s in client.realtime.list()]
        first = await client.realtime.list()
        texts = [m.content[0].text async for m in client.realtime.messages(session)]
        page = await client.realtime.messages(session)
        timeline = [item async for item in client.realtime.timeline(session)]
        raw = await client.realtime.with_raw_response.list()
        with pytest.raises(InvalidArgumentError):
            client.realtime.list(page="")  # checked when called, before any await
        # iterating the awaited page walks on (while the client is open)
        walked = [i.id async for i in first]
    assert len(ids) == 5 == len(set(ids))
    assert isinstance(first, AsyncPage)
    assert len(first) == 2
    assert walked == ids
    assert texts == ["a", "b", "c"]
    assert len(page) == 2
    assert page.has_next_page()
    assert len(timeline) == 3
    assert raw.status_code == 200
    assert len(raw.parse()) == 2
    assert get_request_id(first) is not None


async def test_async_pager_over_loopback_with_options(server: FakeServer) -> None:
    server.fake.reset()
    for _ in range(3):
        server.fake.create_session()
    async with AsyncGabber(api_key=server.fake.api_key, base_url=server.base_url) as client:
        ids = [s.id async for s in client.realtime.list(extra_headers={"X-Walk": "1"})]
    assert len(ids) == 3
    assert [r.headers["x-walk"] for r in server.fake.requests] == ["1", "1", "1"]
