"""Client construction: credentials and base URL (arguments and environment),
header injection, timeouts, connection-pool ownership and redirects."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from spec_values import minimal_config
from test_client_support import API_KEY, BASE_URL, TOKEN, MockApi

from gabber_client import (
    DEFAULT_BASE_URL,
    APIStatusError,
    AsyncGabber,
    Gabber,
    InvalidArgumentError,
)
from gabber_client.types import RealtimeSessionConfigCreateParam

CLIENTS = [Gabber, AsyncGabber]
CLIENT_IDS = ["sync", "async"]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No GABBER_* variable leaks in from the environment running the tests."""
    monkeypatch.delenv("GABBER_API_KEY", raising=False)
    monkeypatch.delenv("GABBER_BASE_URL", raising=False)


# --------------------------------------------------------------------- credentials
async def test_api_key_from_the_environment(
    mock_api: MockApi, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GABBER_API_KEY", "env-key")
    monkeypatch.setenv("GABBER_BASE_URL", "http://env.gabber.test/base")
    client = mock_api.client(api_key=None, base_url=None)

    await mock_api.settle(client.realtime.get("rs_1"))

    [request] = mock_api.requests
    assert request.headers["x-api-key"] == "env-key"
    assert str(request.url) == "http://env.gabber.test/base/v1/realtime/rs_1"
    assert client.base_url == httpx.URL("http://env.gabber.test/base")


async def test_arguments_win_over_the_environment(
    mock_api: MockApi, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GABBER_API_KEY", "env-key")
    monkeypatch.setenv("GABBER_BASE_URL", "http://env.gabber.test")
    with_key = mock_api.client(api_key="arg-key", base_url="http://arg.gabber.test")
    with_token = mock_api.client(token=TOKEN)

    await mock_api.settle(with_key.realtime.get("rs_1"))
    await mock_api.settle(with_token.realtime.get("rs_1"))

    first, second = mock_api.requests
    assert first.headers["x-api-key"] == "arg-key"
    assert first.url.host == "arg.gabber.test"
    assert second.headers["authorization"] == f"Bearer {TOKEN}"
    assert "x-api-key" not in second.headers  # the environment's key is not added


@pytest.mark.parametrize("client_class", CLIENTS, ids=CLIENT_IDS)
def test_default_base_url(client_class: type[Any]) -> None:
    assert client_class(api_key=API_KEY).base_url == httpx.URL(DEFAULT_BASE_URL)
    assert DEFAULT_BASE_URL == "https://api.gabber.dev"


@pytest.mark.parametrize("env_key", [None, ""], ids=["unset", "empty"])
@pytest.mark.parametrize("client_class", CLIENTS, ids=CLIENT_IDS)
def test_no_credentials(
    monkeypatch: pytest.MonkeyPatch, client_class: type[Any], env_key: str | None
) -> None:
    if env_key is not None:
        monkeypatch.setenv("GABBER_API_KEY", env_key)

    with pytest.raises(InvalidArgumentError) as caught:
        client_class(base_url=BASE_URL)

    message = str(caught.value)
    assert caught.value.parameter == "api_key"
    assert "api_key" in message
    assert "token" in message
    assert "GABBER_API_KEY" in message


@pytest.mark.parametrize("client_class", CLIENTS, ids=CLIENT_IDS)
def test_both_credentials(client_class: type[Any]) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        client_class(api_key=API_KEY, token=TOKEN)

    assert "api_key" in caught.value.parameter
    assert "token" in caught.value.parameter
    assert API_KEY not in str(caught.value)
    assert TOKEN not in str(caught.value)


BAD_BASE_URLS = [
    "ftp://gabber.test",
    "gabber.test",
    "http://",
    "http://gabber.test/?x=1",
    "http://gabber.test/#top",
    "http://[::1",
]


@pytest.mark.parametrize("url", BAD_BASE_URLS)
@pytest.mark.parametrize("client_class", CLIENTS, ids=CLIENT_IDS)
def test_bad_base_url(client_class: type[Any], url: str) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        client_class(api_key=API_KEY, base_url=url)

    assert caught.value.parameter == "base_url"


@pytest.mark.parametrize("client_class", CLIENTS, ids=CLIENT_IDS)
def test_bad_base_url_from_the_environment_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, client_class: type[Any]
) -> None:
    monkeypatch.setenv("GABBER_BASE_URL", "gabber.test")

    with pytest.raises(InvalidArgumentError) as caught:
        client_class(api_key=API_KEY)

    assert caught.value.parameter == "GABBER_BASE_URL"


# --------------------------------------------------------------------- header injection
INJECTIONS = ["k\r\nx-evil: 1", "k\nx-evil: 1", "k\rx", "k\x00x"]


@pytest.mark.parametrize("value", INJECTIONS, ids=["crlf", "lf", "cr", "nul"])
@pytest.mark.parametrize(
    ("kwargs", "parameter"),
    [
        (lambda v: {"api_key": v}, "api_key"),
        (lambda v: {"token": v}, "token"),
        (lambda v: {"api_key": API_KEY, "human": v}, "human"),
        (lambda v: {"api_key": API_KEY, "default_headers": {"x-trace": v}}, "default_headers"),
        (lambda v: {"api_key": API_KEY, "default_headers": {v: "1"}}, "default_headers"),
    ],
    ids=["api_key", "token", "human", "header-value", "header-name"],
)
@pytest.mark.parametrize("client_class", CLIENTS, ids=CLIENT_IDS)
def test_line_breaks_in_header_values_are_refused(
    client_class: type[Any], kwargs: Any, parameter: str, value: str
) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        client_class(base_url=BASE_URL, **kwargs(value))

    assert caught.value.parameter.startswith(parameter)
    assert value not in str(caught.value)


@pytest.mark.parametrize("client_class", CLIENTS, ids=CLIENT_IDS)
def test_line_break_in_the_environment_key_is_refused(
    monkeypatch: pytest.MonkeyPatch, client_class: type[Any]
) -> None:
    monkeypatch.setenv("GABBER_API_KEY", "env-key\r\nx-evil: 1")

    with pytest.raises(InvalidArgumentError) as caught:
        client_class(base_url=BASE_URL)

    assert caught.value.parameter == "GABBER_API_KEY"
    assert "env-key" not in str(caught.value)


async def test_line_break_in_for_human_or_per_call_human_is_refused(
    mock_api: MockApi, kind: str
) -> None:
    client = mock_api.client()

    with pytest.raises(InvalidArgumentError):
        client.for_human("h\r\nx-evil: 1")
    with pytest.raises(InvalidArgumentError):
        await mock_api.settle(client.realtime.list(human="h\nx"))
    assert mock_api.requests == []


# --------------------------------------------------------------------- timeouts
def timeout_of(request: httpx.Request) -> dict[str, float]:
    timeout: dict[str, float] = request.extensions["timeout"]
    return timeout


TIMEOUTS: list[tuple[str, dict[str, Any], dict[str, float]]] = [
    ("default", {}, {"connect": 5.0, "read": 30.0, "write": 30.0, "pool": 30.0}),
    ("seconds", {"timeout": 12}, {"connect": 5.0, "read": 12.0, "write": 12.0, "pool": 12.0}),
    ("short", {"timeout": 2.5}, {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}),
    (
        "httpx.Timeout",
        {"timeout": httpx.Timeout(7.0, connect=1.0, pool=0.5)},
        {"connect": 1.0, "read": 7.0, "write": 7.0, "pool": 0.5},
    ),
]


@pytest.mark.parametrize(
    ("kwargs", "expected"), [t[1:] for t in TIMEOUTS], ids=[t[0] for t in TIMEOUTS]
)
async def test_client_timeout_reaches_the_request(
    mock_api: MockApi, kind: str, kwargs: dict[str, Any], expected: dict[str, float]
) -> None:
    client = mock_api.client(**kwargs)

    await mock_api.settle(client.realtime.get("rs_1"))

    assert timeout_of(mock_api.requests[0]) == expected


async def test_with_options_timeout_reaches_the_request(mock_api: MockApi, kind: str) -> None:
    client = mock_api.client(timeout=20)
    quick = client.with_options(timeout=httpx.Timeout(1.0))

    await mock_api.settle(quick.realtime.get("rs_1"))
    await mock_api.settle(client.realtime.get("rs_1"))

    assert timeout_of(mock_api.requests[0]) == {
        "connect": 1.0,
        "read": 1.0,
        "write": 1.0,
        "pool": 1.0,
    }
    assert timeout_of(mock_api.requests[1])["read"] == 20.0


@pytest.mark.parametrize("timeout", [0, -1, "5", True, None])
@pytest.mark.parametrize("client_class", CLIENTS, ids=CLIENT_IDS)
def test_bad_timeout(client_class: type[Any], timeout: Any) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        client_class(api_key=API_KEY, timeout=timeout)

    assert caught.value.parameter == "timeout"


@pytest.mark.parametrize("max_retries", [-1, 1.5, True, "2"])
@pytest.mark.parametrize("client_class", CLIENTS, ids=CLIENT_IDS)
def test_bad_max_retries(client_class: type[Any], max_retries: Any) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        client_class(api_key=API_KEY, max_retries=max_retries)

    assert caught.value.parameter == "max_retries"


def test_bad_with_options() -> None:
    client = Gabber(api_key=API_KEY)

    with pytest.raises(InvalidArgumentError):
        client.with_options(timeout=-3)
    with pytest.raises(InvalidArgumentError):
        client.with_options(max_retries=-1)
    client.close()


# --------------------------------------------------------------------- connection pool
def test_sync_context_manager_closes_its_own_pool() -> None:
    with Gabber(api_key=API_KEY) as client:
        http = client._http
        assert not http.is_closed

    assert http.is_closed


def test_sync_context_manager_leaves_a_supplied_pool_open() -> None:
    http = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(500)))

    with Gabber(api_key=API_KEY, http_client=http) as client:
        derived = client.with_options(max_retries=0)
        derived.close()

    assert not http.is_closed
    http.close()


def test_a_derived_client_does_not_close_the_shared_pool() -> None:
    client = Gabber(api_key=API_KEY)

    client.with_options(timeout=3).close()
    client.for_human("h_1").close()

    assert not client._http.is_closed
    client.close()
    assert client._http.is_closed


async def test_async_context_manager_closes_its_own_pool() -> None:
    async with AsyncGabber(api_key=API_KEY) as client:
        http = client._http
        assert not http.is_closed

    assert http.is_closed


async def test_async_context_manager_leaves_a_supplied_pool_open() -> None:
    http = httpx.AsyncClient(transport=httpx.MockTransport(lambda r: httpx.Response(500)))

    async with AsyncGabber(api_key=API_KEY, http_client=http) as client:
        await client.with_options(max_retries=0).aclose()

    assert not http.is_closed
    await http.aclose()


def test_http_client_of_the_wrong_kind_is_refused() -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        Gabber(api_key=API_KEY, http_client=httpx.AsyncClient())  # type: ignore[arg-type]
    assert caught.value.parameter == "http_client"

    sync_http = httpx.Client()
    with pytest.raises(InvalidArgumentError) as caught:
        AsyncGabber(api_key=API_KEY, http_client=sync_http)  # type: ignore[arg-type]
    assert caught.value.parameter == "http_client"
    sync_http.close()


# --------------------------------------------------------------------- redirects
@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
async def test_redirects_are_never_followed(mock_api: MockApi, kind: str, code: int) -> None:
    """Not even with an http_client configured to follow them: the credentials
    would go to wherever the Location points."""
    redirect = httpx.Response(code, headers={"Location": "http://evil.test/steal"})
    mock_api.fallback = lambda request: redirect
    transport = mock_api.transport()
    http: Any = (
        httpx.Client(transport=transport, follow_redirects=True)
        if kind == "sync"
        else httpx.AsyncClient(transport=transport, follow_redirects=True)
    )
    client_class = Gabber if kind == "sync" else AsyncGabber
    client = client_class(api_key=API_KEY, base_url=BASE_URL, http_client=http, max_retries=3)

    with pytest.raises(APIStatusError) as caught:
        await mock_api.settle(client.realtime.get("rs_1"))

    assert caught.value.status_code == code
    assert [r.url.host for r in mock_api.requests] == ["gabber.test"]


# --------------------------------------------------------------------- repr
@pytest.mark.parametrize("credentials", [{"api_key": API_KEY}, {"token": TOKEN}])
@pytest.mark.parametrize("client_class", CLIENTS, ids=CLIENT_IDS)
def test_repr_shows_settings_not_credentials(
    client_class: type[Any], credentials: dict[str, str]
) -> None:
    client = client_class(base_url=BASE_URL, human="h_1", max_retries=4, **credentials)

    for text in (repr(client), str(client), repr(client._settings)):
        assert API_KEY not in text
        assert TOKEN not in text
    assert repr(client) == (
        f"{client_class.__name__}(base_url='{BASE_URL}', "
        f"auth='{'api_key' if 'api_key' in credentials else 'token'}', "
        "human='h_1', max_retries=4)"
    )


@pytest.mark.parametrize(
    ("kwargs", "parameter"),
    [
        ({"api_key": "clé"}, "api_key"),
        ({"token": "tök"}, "token"),
        ({"api_key": "k", "human": "é"}, "human"),
        ({"api_key": "k", "human": " h_1 "}, "human"),
        ({"api_key": "k", "default_headers": {"x-trace": "\tt"}}, "default_headers['x-trace']"),
    ],
)
def test_header_values_must_survive_http_unchanged(kwargs: dict[str, Any], parameter: str) -> None:
    # Non-ASCII would fail to encode; surrounding white space would be stripped by HTTP.
    with pytest.raises(InvalidArgumentError) as caught:
        Gabber(base_url="http://gabber.test", **kwargs)
    assert caught.value.parameter == parameter


# --------------------------- headers of a client's own pool and of a supplied one

_SENT = ("x-api-key", "authorization", "user-agent", "accept", "x-human-id", "x-team")


def _sent(request_headers: Any) -> dict[str, str]:
    return {name: request_headers[name] for name in _SENT if name in request_headers}


def test_own_pool_and_supplied_pool_send_the_same_headers() -> None:
    """A client's own pool carries the client's headers once (not merged into every
    request); a supplied pool gets them on each request. The wire is the same, for
    derived clients too, over loopback."""
    from gabber_client._base_client import USER_AGENT
    from gabber_client.testing import FakeGabber, FakeServer

    with FakeServer(FakeGabber(api_keys=[API_KEY])) as server:
        base = server.base_url
        extra = {"x-team": "blue"}
        with (
            Gabber(api_key=API_KEY, base_url=base, default_headers=extra) as own,
            httpx.Client() as pool,
            Gabber(api_key=API_KEY, base_url=base, default_headers=extra, http_client=pool) as lent,
        ):
            seen = []
            for client in (own, lent):
                config: RealtimeSessionConfigCreateParam = minimal_config()
                session = client.realtime.start(config).session.id
                before = len(server.fake.requests)
                client.realtime.get(session)
                client.for_human("hu_1").realtime.list()
                client.with_options(max_retries=0).realtime.end(session)
                seen.append([_sent(r.headers) for r in server.fake.requests[before:]])
    own_headers, lent_headers = seen
    assert own_headers == lent_headers
    expected = {
        "x-api-key": API_KEY,
        "user-agent": USER_AGENT,
        "accept": "application/json",
        "x-team": "blue",
    }
    assert own_headers == [expected, {**expected, "x-human-id": "hu_1"}, expected]
