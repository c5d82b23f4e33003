"""Request URLs built from the parsed base URL (``gabber_client._urls``) are exactly
the URLs httpx parses from the same string, and anything the fast path cannot
prove the same takes httpx's parser."""

from __future__ import annotations

import httpx
import pytest

from gabber_client import _urls
from gabber_client._generated.api.realtime import get_realtime_session, list_realtime_sessions
from gabber_client._urls import URLBuilder, fast_path_available

from .test_hostile_paths import HOSTILE_IDS

BASE_URLS = [
    "http://127.0.0.1:8080",
    "http://127.0.0.1:8080/",
    "https://localhost",
    "https://localhost/api",
    "https://localhost/api/",
    "https://localhost/a/b/c/",
    "http://user:pa%20ss@localhost:1/x",
    "http://[::1]:9000/v0",
    "http://LOCALHOST:80/",
    "https://localhost:443/api",
    "http://localhost/a.b/",  # a dot in the base path: the slow path
    "http://localhost/%7euser/",  # a lower-case escape: the slow path
    "http://localhost/with space/",
    "http://xn--bcher-kva.example/",
]

PATHS = [
    # what the generated code builds, for awkward ids included
    *(get_realtime_session._get_kwargs(session=i)["url"] for i in ["rs_1", *HOSTILE_IDS]),
    list_realtime_sessions._get_kwargs()["url"],
    # what it never builds, but the builder must still get right (slow path)
    "/v1/realtime/a.b",
    "/v1/realtime/../start",
    "/v1/realtime/%2f",
    "/v1/realtime/a b",
    "/v1/realtime/ü",
    "/v1/realtime/a?b",
    "/v1/realtime/a#b",
    "/",
    "",
]


def _fields(url: httpx.URL) -> tuple[object, ...]:
    return (
        str(url),
        url.scheme,
        url.userinfo,
        url.host,
        url.port,
        url.raw_path,
        url.path,
        url.query,
        url.fragment,
        url.raw_host,
        httpx.Request("GET", url).headers["host"],
    )


def test_the_fast_path_is_available_with_the_pinned_httpx() -> None:
    assert fast_path_available()
    assert URLBuilder(httpx.URL("http://127.0.0.1:8080/api/"))._parts is not None


@pytest.mark.parametrize("base", BASE_URLS)
def test_every_url_is_what_httpx_parses_from_the_string(base: str) -> None:
    builder = URLBuilder(httpx.URL(base))
    for path in PATHS:
        expected = httpx.URL(str(httpx.URL(base)).rstrip("/") + path)
        built = builder.url(path)
        assert built == expected, path
        assert _fields(built) == _fields(expected), path


def test_generated_paths_take_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """The generated paths (ids percent-encoded, ``.`` as ``%2E``) never reach httpx's
    parser: every awkward id of the hostile-path suite included."""
    builder = URLBuilder(httpx.URL("https://localhost/api/"))

    def refuse(*args: object, **kwargs: object) -> httpx.URL:
        raise AssertionError("httpx.URL(str) was called")

    monkeypatch.setattr(_urls.httpx, "URL", refuse)
    for session in ["rs_1", *HOSTILE_IDS]:
        builder.url(get_realtime_session._get_kwargs(session=session)["url"])


def test_paths_httpx_would_rewrite_take_httpx_parser() -> None:
    builder = URLBuilder(httpx.URL("https://localhost/api/"))
    for path in ["/v1/realtime/a.b", "/v1/realtime/%2f", "/v1/realtime/a b", "v1"]:
        assert _urls._PLAIN_PATH.fullmatch(path) is None, path
        assert str(builder.url(path)) == str(httpx.URL("https://localhost/api" + path))


def test_an_httpx_with_other_internals_takes_the_slow_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Other:
        pass

    fast_path_available.cache_clear()
    monkeypatch.setattr(_urls, "_parse_result_type", lambda: Other)
    try:
        assert not fast_path_available()
        builder = URLBuilder(httpx.URL("https://localhost/api/"))
        assert builder._parts is None
        assert builder.url("/v1/realtime/rs_1") == httpx.URL(
            "https://localhost/api/v1/realtime/rs_1"
        )
    finally:
        fast_path_available.cache_clear()


def test_a_failing_probe_takes_the_slow_path(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> type:
        raise ImportError("no httpx._urlparse")

    fast_path_available.cache_clear()
    monkeypatch.setattr(_urls, "_parse_result_type", broken)
    try:
        assert not fast_path_available()
    finally:
        fast_path_available.cache_clear()
