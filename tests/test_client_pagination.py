"""Pagination over three pages, sync and async.

``list`` pages by token (the ``page`` query parameter); ``messages`` and
``timeline`` by URL (``next_page``), followed only on the base URL's origin so the
credentials never go anywhere else. Iteration is lazy: one request per page, only
as far as the caller iterates.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from test_client_support import (
    API_KEY,
    BASE_URL,
    MockApi,
    json_response,
    message_json,
    page_json,
    session_json,
    timeline_json,
)

from gabber_client import AsyncPage, GabberError, SyncPage


@dataclass(frozen=True)
class Paged:
    """A paged operation, and a three-page server for it (two items per page)."""

    name: str
    call: Callable[[Any], Any]
    item: Callable[[int], dict[str, Any]]
    item_key: Callable[[Any], Any]
    next_page: Callable[[int], str]
    """The ``next_page`` value the server gives on page ``n`` (1 or 2)."""
    page_of: Callable[[httpx.Request], int]
    """Which page (1, 2 or 3) ``request`` asks for."""

    def server(self, request: httpx.Request) -> httpx.Response:
        number = self.page_of(request)
        values = [self.item(2 * number - 1), self.item(2 * number)]
        next_page = self.next_page(number) if number < 3 else None
        return json_response({**page_json(values, next_page), "total_count": 6})


def _token_page(request: httpx.Request) -> int:
    return {None: 1, "tok/2 &": 2, "tok/3 &": 3}[request.url.params.get("page")]


def _url_page(request: httpx.Request) -> int:
    return int(request.url.params.get("p", "1"))


PAGED = [
    Paged(
        "list",
        lambda rt: rt.list(),
        lambda n: session_json(f"rs_{n}"),
        lambda s: s.id,
        lambda n: f"tok/{n + 1} &",
        _token_page,
    ),
    Paged(
        "messages",
        lambda rt: rt.messages("rs_1"),
        lambda n: message_json(f"m_{n}"),
        lambda m: m.id,
        lambda n: f"{BASE_URL}/v1/realtime/rs_1/messages?p={n + 1}",
        _url_page,
    ),
    Paged(
        "timeline",
        lambda rt: rt.timeline("rs_1"),
        lambda n: timeline_json(float(n)),
        lambda t: t.seconds,
        lambda n: f"{BASE_URL}/v1/realtime/rs_1/timeline?p={n + 1}",
        _url_page,
    ),
]
EXPECTED_KEYS: dict[str, list[Any]] = {
    "list": ["rs_1", "rs_2", "rs_3", "rs_4", "rs_5", "rs_6"],
    "messages": ["m_1", "m_2", "m_3", "m_4", "m_5", "m_6"],
    "timeline": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
}


@pytest.fixture(params=PAGED, ids=[p.name for p in PAGED])
def paged(request: pytest.FixtureRequest, mock_api: MockApi) -> Paged:
    """Each paged operation, its three-page server answering ``mock_api``."""
    value: Paged = request.param
    mock_api.fallback = value.server
    return value


async def collect(page: Any, limit: int | None = None) -> list[Any]:
    """The items of iterating ``page`` (sync or async), stopping after ``limit``."""
    if isinstance(page, SyncPage):
        return list(itertools.islice(page, limit))
    items: list[Any] = []
    async for item in page:
        items.append(item)
        if limit is not None and len(items) == limit:
            break
    return items


async def test_iterating_walks_every_page(mock_api: MockApi, kind: str, paged: Paged) -> None:
    client = mock_api.client()

    first = await mock_api.settle(paged.call(client.realtime))
    items = await collect(first)

    assert type(first) is mock_api.page_type
    assert [paged.item_key(i) for i in items] == EXPECTED_KEYS[paged.name]
    assert [paged.page_of(r) for r in mock_api.requests] == [1, 2, 3]
    assert all(r.headers["x-api-key"] == API_KEY for r in mock_api.requests)


@pytest.mark.parametrize(("limit", "requests"), [(1, 1), (2, 1), (3, 2), (4, 2), (5, 3)])
async def test_iteration_is_lazy(
    mock_api: MockApi, kind: str, paged: Paged, limit: int, requests: int
) -> None:
    client = mock_api.client()

    first = await mock_api.settle(paged.call(client.realtime))
    items = await collect(first, limit)

    assert len(items) == limit
    assert len(mock_api.requests) == requests


async def test_get_next_page_by_hand(mock_api: MockApi, kind: str, paged: Paged) -> None:
    client = mock_api.client()

    first = await mock_api.settle(paged.call(client.realtime))
    assert first.has_next_page()
    assert len(mock_api.requests) == 1
    second = await mock_api.settle(first.get_next_page())
    assert second.has_next_page()
    third = await mock_api.settle(second.get_next_page())

    assert not third.has_next_page()
    assert third.next_page is None
    assert [len(p) for p in (first, second, third)] == [2, 2, 2]
    assert third.total_count == 6
    assert [paged.item_key(i) for i in third.values] == EXPECTED_KEYS[paged.name][4:]
    assert type(third) is mock_api.page_type
    with pytest.raises(GabberError, match="last page"):
        await mock_api.settle(third.get_next_page())
    assert len(mock_api.requests) == 3


async def test_iter_pages(mock_api: MockApi, kind: str, paged: Paged) -> None:
    client = mock_api.client()

    first = await mock_api.settle(paged.call(client.realtime))
    if isinstance(first, SyncPage):
        pages = list(first.iter_pages())
    else:
        pages = [p async for p in first.iter_pages()]

    assert pages[0] is first
    assert [len(p.values) for p in pages] == [2, 2, 2]


async def test_next_pages_keep_the_human(mock_api: MockApi, kind: str, paged: Paged) -> None:
    client = mock_api.client(human="h_7")

    await collect(await mock_api.settle(paged.call(client.realtime)))

    assert [r.headers.get("x-human-id") for r in mock_api.requests] == ["h_7"] * 3


async def test_list_page_token_round_trips(mock_api: MockApi, kind: str) -> None:
    mock_api.fallback = PAGED[0].server
    client = mock_api.client()

    await mock_api.settle(client.realtime.list(page="tok/3 &", human="h_1"))
    page = await mock_api.settle(client.realtime.list(page="tok/2 &"))
    await mock_api.settle(page.get_next_page())

    pages = [r.url.params.get("page") for r in mock_api.requests]
    assert pages == ["tok/3 &", "tok/2 &", "tok/3 &"]
    assert mock_api.requests[0].url.raw_path == b"/v1/realtime/list?page=tok%2F3+%26"


async def test_relative_next_page_url_is_on_the_base_url(mock_api: MockApi, kind: str) -> None:
    mock_api.queue(
        json_response(page_json([message_json("m_1")], "/v1/realtime/rs_1/messages?p=2")),
        json_response(page_json([message_json("m_2")])),
    )
    client = mock_api.client()

    items = await collect(await mock_api.settle(client.realtime.messages("rs_1")))

    assert [m.id for m in items] == ["m_1", "m_2"]
    assert str(mock_api.requests[1].url) == f"{BASE_URL}/v1/realtime/rs_1/messages?p=2"


FOREIGN = [
    "http://evil.test/v1/realtime/rs_1/messages?p=2",
    "https://gabber.test/v1/realtime/rs_1/messages?p=2",
    "http://gabber.test:8080/v1/realtime/rs_1/messages?p=2",
    "//evil.test/v1/realtime/rs_1/messages?p=2",
]


@pytest.mark.parametrize("next_url", FOREIGN, ids=["host", "scheme", "port", "scheme-relative"])
@pytest.mark.parametrize("operation", ["messages", "timeline"])
async def test_next_page_off_the_base_origin_is_refused(
    mock_api: MockApi, kind: str, operation: str, next_url: str
) -> None:
    next_url = next_url.replace("messages", operation)
    item = message_json("m_1") if operation == "messages" else timeline_json(1.0)
    mock_api.fallback = lambda request: json_response(page_json([item], next_url))
    client = mock_api.client()

    first = await mock_api.settle(getattr(client.realtime, operation)("rs_1"))
    assert first.has_next_page()
    with pytest.raises(GabberError) as caught:
        await mock_api.settle(first.get_next_page())
    with pytest.raises(GabberError):
        await collect(first)

    assert "base URL" in str(caught.value)
    assert API_KEY not in str(caught.value)
    assert [r.url.host for r in mock_api.requests] == ["gabber.test"]


async def test_same_origin_with_explicit_default_port_is_followed(
    mock_api: MockApi, kind: str
) -> None:
    mock_api.queue(
        json_response(page_json([timeline_json(1.0)], "http://gabber.test:80/v1/x?p=2")),
        json_response(page_json([timeline_json(2.0)])),
    )
    client = mock_api.client()

    items = await collect(await mock_api.settle(client.realtime.timeline("rs_1")))

    assert [i.seconds for i in items] == [1.0, 2.0]
    assert mock_api.requests[1].url.raw_path == b"/v1/x?p=2"


async def test_empty_next_page_means_last_page(mock_api: MockApi, kind: str) -> None:
    mock_api.queue(json_response({**page_json([session_json()]), "next_page": ""}))
    client = mock_api.client()

    page = await mock_api.settle(client.realtime.list())

    assert not page.has_next_page()
    assert len(await collect(page)) == 1
    assert len(mock_api.requests) == 1


def test_page_repr_and_len() -> None:
    page: SyncPage[int] = SyncPage(
        values=[1, 2], total_count=5, next_page="t", fetch=lambda _: page
    )
    apage: AsyncPage[int] = AsyncPage(
        values=[1], total_count=1, next_page=None, fetch=lambda _: _never()
    )

    assert repr(page) == "SyncPage(values=<2 items>, total_count=5, next_page='t')"
    assert (len(page), len(apage)) == (2, 1)


async def _never() -> AsyncPage[int]:
    raise AssertionError("not fetched")
