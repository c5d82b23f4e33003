"""Pagination checks that mutation testing found unpinned (issue 23, ``_next_page``).

* a page after the second whose ``next_page`` points back to the first page, or
  to the first ``next_page`` followed, is refused at once (not after Brent's bound);
* DEL is a control character like NUL;
* the length limit: 8,192 characters pass, 8,193 are refused, by that number;
* a single percent-encoded dot segment (``%2E``) does not pass the path-prefix check;
* a next page on another port, or on the default port spelt out, compares by origin.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from reliability import payloads
from reliability.scripted import API_KEY, Recorder

from gabber_client import APIResponseValidationError, Gabber, GabberError

BASE = "http://gabber.test/api"
FIRST = f"{BASE}/v1/realtime/rs_1/messages"


def _walk(pages: dict[str, Any]) -> tuple[Gabber, Recorder]:
    """A client whose server answers each URL (with its query) with one message and
    the ``next_page`` that ``pages`` gives it."""

    def handler(request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        if url not in pages:
            return httpx.Response(404, json={"message": f"no page {url}"})
        body = payloads.page([payloads.message(f"m{len(url)}")], next_page=pages[url])
        return httpx.Response(200, content=json.dumps(body).encode())

    recorder = Recorder(handler)
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    client = Gabber(api_key=API_KEY, base_url=BASE, http_client=http, max_retries=0)
    return client, recorder


@pytest.mark.parametrize("back_to", [FIRST, "?p=2"], ids=["first-page", "first-next-page"])
def test_a_later_page_pointing_back_to_the_start_is_refused_at_once(back_to: str) -> None:
    # pages 1 -> 2 -> 3 -> 4 -> 5, and the fifth points back: refused on the fifth page,
    # before any sixth request (Brent's bound alone would allow more pages)
    pages = {FIRST: "?p=2", f"{FIRST}?p=2": "?p=3", f"{FIRST}?p=3": "?p=4"}
    pages |= {f"{FIRST}?p=4": "?p=5", f"{FIRST}?p=5": back_to}
    client, recorder = _walk(pages)
    with pytest.raises(APIResponseValidationError, match="repeats a page already followed"):
        list(client.realtime.messages("rs_1"))
    assert [str(r.url) for r in recorder.requests] == [
        FIRST,
        *(f"{FIRST}?p={n}" for n in (2, 3, 4, 5)),
    ]


def _list_walk(next_page: str) -> tuple[Gabber, Recorder]:
    """A client whose first ``list`` page has ``next_page``; the next page is the last."""

    def handler(request: httpx.Request) -> httpx.Response:
        token = request.url.params.get("page")
        following = next_page if token is None else None
        body = payloads.page([payloads.session("rs_1")], next_page=following)
        return httpx.Response(200, content=json.dumps(body).encode())

    recorder = Recorder(handler)
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    return Gabber(api_key=API_KEY, base_url=BASE, http_client=http, max_retries=0), recorder


@pytest.mark.parametrize("character", ["\x7f", "\x00", "\x1f"], ids=["DEL", "NUL", "US"])
def test_a_control_character_in_next_page_is_refused(character: str) -> None:
    client, recorder = _list_walk(f"tok{character}en")
    with pytest.raises(APIResponseValidationError) as caught:
        client.realtime.list()
    assert str(caught.value) == (
        "GET /api/v1/realtime/list: next_page contains a control character (NUL, CR, LF, ...)"
    )
    assert len(recorder.requests) == 1


def test_a_lone_surrogate_in_next_page_is_refused() -> None:
    client, recorder = _list_walk("tok\ud800en")
    with pytest.raises(APIResponseValidationError) as caught:
        client.realtime.list()
    assert str(caught.value) == "GET /api/v1/realtime/list: next_page contains a lone surrogate"
    assert len(recorder.requests) == 1


def test_next_page_may_be_8192_characters_and_no_more() -> None:
    longest = "t" * 8192
    client, recorder = _list_walk(longest)
    assert [s.id for s in client.realtime.list()] == ["rs_1", "rs_1"]
    assert recorder.requests[1].url.params["page"] == longest

    client, recorder = _list_walk(longest + "t")
    with pytest.raises(APIResponseValidationError) as caught:
        client.realtime.list()
    assert "next_page is 8,193 characters long (at most 8,192)" in str(caught.value)
    assert len(recorder.requests) == 1


def _follow(next_page: str) -> Callable[[], list[Any]]:
    """Walk ``messages``: the first page has ``next_page``, any other page is the last."""

    def handler(request: httpx.Request) -> httpx.Response:
        following = next_page if str(request.url) == FIRST else None
        body = payloads.page([payloads.message("m")], next_page=following)
        return httpx.Response(200, content=json.dumps(body).encode())

    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = Gabber(api_key=API_KEY, base_url=BASE, http_client=http, max_retries=0)
    return lambda: list(client.realtime.messages("rs_1"))


@pytest.mark.parametrize(
    "next_page",
    [f"{BASE}/v1/%2E/x", f"{BASE}/v1/%2e%2E/x", f"{BASE}/%2E"],
)
def test_a_dot_segment_in_a_next_page_url_is_refused(next_page: str) -> None:
    with pytest.raises(GabberError, match="not under the client's base URL path"):
        _follow(next_page)()


@pytest.mark.parametrize(
    ("next_page", "followed"),
    [
        ("http://gabber.test:80/api/v1/realtime/rs_1/messages?p=2", True),
        ("HTTP://GABBER.TEST/api/v1/realtime/rs_1/messages?p=2", True),
        ("http://gabber.test:8080/api/v1/realtime/rs_1/messages?p=2", False),
        ("https://gabber.test/api/v1/realtime/rs_1/messages?p=2", False),
        ("http://gabber.test/apix/v1", False),
        ("http://gabber.test/api", True),
    ],
)
def test_a_next_page_url_is_followed_only_on_the_base_urls_origin_and_path(
    next_page: str, followed: bool
) -> None:
    walk = _follow(next_page)
    if followed:
        assert len(walk()) == 2
    else:
        with pytest.raises(GabberError, match="refusing to follow next_page"):
            walk()


def test_the_refusals_say_where_and_why() -> None:
    with pytest.raises(GabberError) as caught:
        _follow("https://evil.test/api/v1/realtime/rs_1/messages?p=2")()
    assert str(caught.value) == (
        "refusing to follow next_page to https://evil.test: it is not on the client's "
        "base URL http://gabber.test; credentials are only sent to the base URL"
    )
    with pytest.raises(GabberError) as caught:
        _follow("http://gabber.test/other/v1")()
    assert str(caught.value) == (
        "refusing to follow next_page to path '/other/v1': it is not under the "
        "client's base URL path /api"
    )


@pytest.mark.parametrize(
    ("next_page", "followed"),
    [("/apiX/v1/next", True), ("/api/v1/next", False), ("/apiXX/v1", False)],
)
def test_the_path_prefix_is_the_base_urls_path_whatever_it_ends_with(
    next_page: str, followed: bool
) -> None:
    base = "http://gabber.test/apiX/"
    first = f"{base}v1/realtime/rs_1/messages"

    def handler(request: httpx.Request) -> httpx.Response:
        following = next_page if str(request.url) == first else None
        body = payloads.page([payloads.message("m")], next_page=following)
        return httpx.Response(200, content=json.dumps(body).encode())

    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = Gabber(api_key=API_KEY, base_url=base, http_client=http, max_retries=0)
    if followed:
        assert len(list(client.realtime.messages("rs_1"))) == 2
    else:
        with pytest.raises(GabberError, match="not under the client's base URL path /apiX"):
            list(client.realtime.messages("rs_1"))


def test_a_query_is_not_taken_for_path_segments() -> None:
    assert len(_follow(f"{FIRST}?after=a/../b&x=./y")()) == 2


def test_a_long_refused_path_is_cut_to_200_characters_in_the_message() -> None:
    path = "/other/" + "p" * 300
    with pytest.raises(GabberError) as caught:
        _follow(f"http://gabber.test{path}")()
    assert f"to path {path[:200]!r}: it is not under" in str(caught.value)


def test_under_a_base_url_at_the_root_only_dot_segments_are_refused() -> None:
    first = "http://gabber.test/v1/realtime/rs_1/messages"

    def walk(next_page: str) -> list[Any]:
        def handler(request: httpx.Request) -> httpx.Response:
            following = next_page if str(request.url) == first else None
            body = payloads.page([payloads.message("m")], next_page=following)
            return httpx.Response(200, content=json.dumps(body).encode())

        http = httpx.Client(transport=httpx.MockTransport(handler))
        client = Gabber(api_key=API_KEY, base_url="http://gabber.test/", http_client=http)
        return list(client.realtime.messages("rs_1"))

    assert len(walk("http://gabber.test/anywhere/else")) == 2
    with pytest.raises(GabberError) as caught:
        walk("http://gabber.test/v1/%2E%2E/x")
    assert str(caught.value).endswith("it is not under the client's base URL path /")


def test_a_next_page_that_is_not_a_url_is_refused_saying_so() -> None:
    with pytest.raises(APIResponseValidationError) as caught:
        _follow("http://gabber.test:port/api/v1")()
    assert str(caught.value) == (
        "GET /api/v1/realtime/rs_1/messages: next_page is not a valid URL: Invalid port: 'port'"
    )


def test_a_loop_is_refused_naming_the_url_cut_to_200_characters() -> None:
    long = f"{FIRST}?p={'x' * 300}"
    client, _ = _walk({FIRST: long, long: long})
    with pytest.raises(APIResponseValidationError) as caught:
        list(client.realtime.messages("rs_1"))
    assert str(caught.value) == (
        f"GET /api/v1/realtime/rs_1/messages?p={'x' * 300}: next_page {long[:200]!r} "
        "repeats a page already followed (the pages would loop for ever)"
    )
