"""Issue 14, item 5: pagination that cannot run away or escape.

A walk whose pages loop ends with :class:`APIResponseValidationError`, in
constant memory: a ``next_page`` equal to the one followed to reach the page,
the first one followed or the first page's URL at once, any other loop within a
bound on the extra pages (Brent's cycle detection, ``_next_page.Walk``), and a
long walk that does not loop is never refused; relative URLs resolve as RFC 3986 says
against the page that carried them; nothing resolved may leave the base URL's
path prefix; scheme and host compare case-insensitively; a ``next_page`` with a
lone surrogate, a NUL or 70,000 characters is a validation error."""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from gabber_client import APIResponseValidationError, AsyncGabber, Gabber, GabberError
from gabber_client._next_page import Walk

from . import payloads
from .scripted import API_KEY, Recorder

BASE = "http://gabber.test/api"
FIRST = f"{BASE}/v1/realtime/rs_1/messages"


def _pages(pages: dict[str, Any]) -> Callable[[httpx.Request], httpx.Response]:
    """Answer each URL (with its query) from ``pages``: a next_page value per URL."""

    def handler(request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        if url not in pages:
            return httpx.Response(404, json={"message": f"no page {url}"})
        values = [payloads.message(f"m{len(url)}")]
        body = payloads.page(values, next_page=pages[url])
        return httpx.Response(200, content=json.dumps(body).encode())

    return handler


def _client(handler: Callable[[httpx.Request], httpx.Response]) -> tuple[Gabber, Recorder]:
    recorder = Recorder(handler)
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    return Gabber(api_key=API_KEY, base_url=BASE, http_client=http, max_retries=0), recorder


def _urls(recorder: Recorder) -> list[str]:
    return [str(r.url) for r in recorder.requests]


# ------------------------------------------------------------------ loops


@pytest.mark.parametrize(
    "second_next", [f"{FIRST}?p=2", "?p=2", f"{FIRST}?p=3"], ids=["self", "self-relative", "2-3-2"]
)
def test_a_next_page_already_followed_ends_the_walk(second_next: str) -> None:
    pages = {FIRST: "?p=2", f"{FIRST}?p=2": second_next, f"{FIRST}?p=3": "?p=2"}
    client, recorder = _client(_pages(pages))

    with pytest.raises(APIResponseValidationError, match="repeats a page already followed"):
        list(client.realtime.messages("rs_1"))

    assert len(recorder.requests) <= 3  # never an endless walk


def test_a_list_token_already_followed_ends_the_walk() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        token = request.url.params.get("page")
        following = {None: "a", "a": "b", "b": "a"}[token]
        body = payloads.page([payloads.session(f"rs_{token}")], next_page=following)
        return httpx.Response(200, content=json.dumps(body).encode())

    client, recorder = _client(handler)

    with pytest.raises(APIResponseValidationError, match="repeats"):
        list(client.realtime.list())
    assert [r.url.params.get("page") for r in recorder.requests] == [None, "a", "b"]


async def test_async_walk_ends_too() -> None:
    pages = {FIRST: "?p=2", f"{FIRST}?p=2": "?p=2"}
    recorder = Recorder(_pages(pages))
    http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
    client = AsyncGabber(api_key=API_KEY, base_url=BASE, http_client=http)
    page = await client.realtime.messages("rs_1")
    with pytest.raises(APIResponseValidationError, match="repeats"):
        await page.get_next_page()
    assert len(recorder.requests) == 2


def test_a_next_page_back_to_the_first_page_url_ends_the_walk_at_once() -> None:
    client, recorder = _client(_pages({FIRST: "?p=2", f"{FIRST}?p=2": FIRST}))

    with pytest.raises(APIResponseValidationError, match=re.escape(f"{FIRST!r} repeats")):
        list(client.realtime.messages("rs_1"))
    assert _urls(recorder) == [FIRST, f"{FIRST}?p=2"]


def test_a_first_page_naming_itself_as_next_is_refused_at_once() -> None:
    client, recorder = _client(_pages({FIRST: FIRST}))

    with pytest.raises(APIResponseValidationError, match="repeats a page already followed"):
        client.realtime.messages("rs_1")
    assert _urls(recorder) == [FIRST]


# Loops of each length L after a tail of T pages: the server's next_page values are
# 0, 1, ..., T+L-1, then T again (the first repeat, after T+L+1 pages), and round.
LOOPS = [(0, 1), (5, 1), (0, 2), (4, 2), (0, 3), (6, 3), (0, 7), (3, 7), (9, 7), (100, 40)]


def _looping(tail: int, length: int, operation: str) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        raw = request.url.params.get("page" if operation == "list" else "p")
        value = 0 if raw is None else int(raw) + 1
        if value == tail + length:
            value = tail
        if operation == "list":
            body = payloads.page([payloads.session()], next_page=str(value))
        else:
            body = payloads.page([payloads.message()], next_page=f"?p={value}")
        return httpx.Response(200, content=json.dumps(body).encode())

    return handler


def _check_refused(
    exc: APIResponseValidationError, requests: int, tail: int, length: int, operation: str
) -> None:
    """The walk was refused naming a value of the loop, after a bounded number of pages."""
    first_repeat = tail + length + 1  # the pages fetched when the first repeat arrives
    assert first_repeat <= requests <= first_repeat + 2 * max(tail, length)
    if length == 1 or tail == 0:  # repeats the previous or the first next_page: at once
        assert requests == first_repeat
    found = re.search(r"next_page '(?:[^']*\?p=)?(\d+)' repeats a page already followed", str(exc))
    assert found is not None, str(exc)
    assert tail <= int(found.group(1)) < tail + length
    assert operation == "list" or "?p=" in str(exc)


@pytest.mark.parametrize("operation", ["list", "messages"])
@pytest.mark.parametrize(("tail", "length"), LOOPS)
def test_a_loop_of_any_length_is_refused_sync(tail: int, length: int, operation: str) -> None:
    client, recorder = _client(_looping(tail, length, operation))
    walk = client.realtime.list() if operation == "list" else client.realtime.messages("rs_1")

    def walk_all() -> None:
        for _ in walk:
            assert len(recorder.requests) <= 4 * (tail + length + 1)  # never endless

    with pytest.raises(APIResponseValidationError) as caught:
        walk_all()
    _check_refused(caught.value, len(recorder.requests), tail, length, operation)


@pytest.mark.parametrize("operation", ["list", "messages"])
@pytest.mark.parametrize(("tail", "length"), LOOPS)
async def test_a_loop_of_any_length_is_refused_async(
    tail: int, length: int, operation: str
) -> None:
    recorder = Recorder(_looping(tail, length, operation))
    http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
    client = AsyncGabber(api_key=API_KEY, base_url=BASE, http_client=http, max_retries=0)
    walk = client.realtime.list() if operation == "list" else client.realtime.messages("rs_1")

    async def walk_all() -> None:
        async for _ in walk:
            assert len(recorder.requests) <= 4 * (tail + length + 1)  # never endless

    with pytest.raises(APIResponseValidationError) as caught:
        await walk_all()
    _check_refused(caught.value, len(recorder.requests), tail, length, operation)


def _endless(operation: str, pages: int) -> Callable[[httpx.Request], httpx.Response]:
    """``pages`` pages that never repeat a next_page (and a last one without)."""

    def handler(request: httpx.Request) -> httpx.Response:
        raw = request.url.params.get("page" if operation == "list" else "p")
        value = 0 if raw is None else int(raw) + 1
        following: str | None = None
        if value < pages - 1:
            following = str(value) if operation == "list" else f"?p={value}"
        item = payloads.session() if operation == "list" else payloads.message()
        # light pages: the values are not what this test walks
        body = {"values": [item], "total_count": pages, "next_page": following}
        return httpx.Response(200, content=json.dumps(body).encode())

    return handler


@pytest.mark.parametrize("operation", ["list", "messages"])
def test_a_long_walk_that_does_not_loop_is_never_refused_sync(operation: str) -> None:
    client, recorder = _client(_endless(operation, 1500))
    walk = client.realtime.list() if operation == "list" else client.realtime.messages("rs_1")

    assert sum(1 for _ in walk.iter_pages()) == 1500
    assert len(recorder.requests) == 1500


@pytest.mark.parametrize("operation", ["list", "messages"])
async def test_a_long_walk_that_does_not_loop_is_never_refused_async(operation: str) -> None:
    recorder = Recorder(_endless(operation, 1500))
    http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
    client = AsyncGabber(api_key=API_KEY, base_url=BASE, http_client=http)
    walk = client.realtime.list() if operation == "list" else client.realtime.messages("rs_1")

    pages = 0
    async for _ in (await walk).iter_pages():
        pages += 1
    assert pages == 1500
    assert len(recorder.requests) == 1500


def _detected_at(values: list[str]) -> int | None:
    """The index of the first of ``values`` (the next_page of each page in turn)
    that the walk refuses, or ``None``."""
    walk = Walk()
    for index, value in enumerate(values):
        if walk.repeats(value):
            return index
        walk = walk.after(value)
    return None


def test_every_loop_is_detected_within_the_bound() -> None:
    for tail in range(60):
        for length in range(1, 60):
            values = [str(i) for i in range(tail + length)]
            values += [values[tail + i % length] for i in range(3 * (tail + length))]
            at = _detected_at(values)
            first_repeat = tail + length
            assert at is not None, (tail, length)
            assert first_repeat <= at <= first_repeat + 2 * max(tail, length), (tail, length)


def test_distinct_next_pages_are_never_refused_and_the_walk_stays_small() -> None:
    values = [f"token-{i}" for i in range(100_000)]
    assert _detected_at(values) is None

    walk = Walk()
    for value in values:
        walk = walk.after(value)
    strings = [r for r in gc.get_referents(walk) if isinstance(r, str)]
    assert len(strings) <= 3  # first, previous, saved: not one per page followed
    assert walk.first == "token-0"
    assert walk.previous == "token-99999"


def test_fetching_the_same_next_page_twice_checks_the_same_way() -> None:
    client, recorder = _client(
        _pages({FIRST: "?p=2", f"{FIRST}?p=2": "?p=3", f"{FIRST}?p=3": None})
    )
    first = client.realtime.messages("rs_1")
    second = first.get_next_page()
    assert second.get_next_page().next_page is None
    again = first.get_next_page()  # the same walk from the first page: not a loop
    assert again.next_page == f"{FIRST}?p=3"
    assert len(recorder.requests) == 4


def test_the_same_next_page_in_two_separate_walks_is_fine() -> None:
    client, _ = _client(_pages({FIRST: "?p=2", f"{FIRST}?p=2": None}))
    assert len(list(client.realtime.messages("rs_1"))) == 2
    assert len(list(client.realtime.messages("rs_1"))) == 2


# ------------------------------------------------------------ RFC 3986


@pytest.mark.parametrize(
    ("next_page", "resolved"),
    [
        ("?p=2", f"{FIRST}?p=2"),
        ("messages?p=2", f"{FIRST}?p=2"),
        ("../rs_1/messages?p=2", f"{FIRST}?p=2"),
        ("./messages?p=2", f"{FIRST}?p=2"),
        ("/api/v1/realtime/rs_1/messages?p=2", f"{FIRST}?p=2"),
        ("//gabber.test/api/v1/realtime/rs_1/messages?p=2", f"{FIRST}?p=2"),
        ("HTTP://GABBER.TEST/api/v1/realtime/rs_1/messages?p=2", f"{FIRST}?p=2"),
        ("http://Gabber.Test:80/api/v1/realtime/rs_1/messages?p=2", f"{FIRST}?p=2"),
    ],
)
def test_relative_and_equivalent_next_pages_resolve_as_rfc_3986_says(
    next_page: str, resolved: str
) -> None:
    client, recorder = _client(_pages({FIRST: next_page, resolved: None}))

    first = client.realtime.messages("rs_1")
    assert first.next_page == resolved  # absolute, as it will be followed
    assert len(list(first)) == 2
    assert recorder.requests[1].url == httpx.URL(resolved)
    assert recorder.requests[1].headers["x-api-key"] == API_KEY


@pytest.mark.parametrize(
    "next_page",
    [
        "/api/../../etc/passwd",
        "/etc/passwd",
        "/apiary/v1/realtime/rs_1/messages",
        "../../../../etc/passwd",
        "/api/v1/%2e%2e/%2E%2E/%2e%2e/etc/passwd",
        "http://gabber.test/etc/passwd",
    ],
)
def test_a_next_page_outside_the_base_path_is_refused_before_sending(next_page: str) -> None:
    client, recorder = _client(_pages({FIRST: next_page}))

    first = client.realtime.messages("rs_1")
    with pytest.raises(GabberError, match="refusing to follow next_page") as caught:
        first.get_next_page()

    assert not isinstance(caught.value, APIResponseValidationError)
    assert _urls(recorder) == [FIRST]


# ------------------------------------------------------------ bad strings


@pytest.mark.parametrize(
    "next_page",
    ["?p=\ud800", "?p=a\x00b", "?p=" + "x" * 70_000, "?p=\r\nX-Injected: 1"],
    ids=["lone-surrogate", "nul", "70000-chars", "crlf"],
)
@pytest.mark.parametrize("operation", ["messages", "list"])
def test_a_malformed_next_page_is_a_validation_error(next_page: str, operation: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        item = payloads.message() if operation == "messages" else payloads.session()
        body = json.dumps(payloads.page([item], next_page=next_page))  # \ud800 as an escape
        return httpx.Response(200, content=body.encode())

    client, recorder = _client(handler)

    def walk() -> list[object]:
        if operation == "messages":
            return list(client.realtime.messages("rs_1"))
        return list(client.realtime.list())

    with pytest.raises(APIResponseValidationError, match="next_page"):
        walk()
    assert len(recorder.requests) == 1
