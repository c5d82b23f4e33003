"""Request URLs built under the base URL (``gabber_client._urls``) are exactly the
URLs httpx parses from the same string, for awkward ids and base URLs."""

from __future__ import annotations

import httpx
import pytest

from gabber_client._generated.api.realtime import get_realtime_session, list_realtime_sessions
from gabber_client._urls import URLBuilder

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
    "http://localhost/a.b/",  # a dot in the base path
    "http://localhost/%7euser/",  # a lower-case escape
    "http://localhost/with space/",
    "http://xn--bcher-kva.example/",
]

PATHS = [
    # what the generated code builds, for awkward ids included
    *(get_realtime_session._get_kwargs(session=i)["url"] for i in ["rs_1", *HOSTILE_IDS]),
    list_realtime_sessions._get_kwargs()["url"],
    # what it never builds, but the builder must still get right
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


@pytest.mark.parametrize("base", BASE_URLS)
def test_every_url_is_what_httpx_parses_from_the_string(base: str) -> None:
    builder = URLBuilder(httpx.URL(base))
    for path in PATHS:
        expected = httpx.URL(str(httpx.URL(base)).rstrip("/") + path)
        built = builder.url(path)
        assert built == expected, path
        assert _fields(built) == _fields(expected), path
