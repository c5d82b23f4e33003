"""Issue 14, item 5: pagination that cannot run away or escape.

A ``next_page`` that repeats one already followed ends the walk with
:class:`APIResponseValidationError`; relative URLs resolve as RFC 3986 says
against the page that carried them; nothing resolved may leave the base URL's
path prefix; scheme and host compare case-insensitively; a ``next_page`` with a
lone surrogate, a NUL or 70,000 characters is a validation error."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from gabber_client import APIResponseValidationError, AsyncGabber, Gabber, GabberError

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
