"""Secrets: API keys and tokens never show up in a repr, an error or a log, and are
never sent anywhere but the base URL (no redirect is followed; a ``next_page`` on
another origin is refused before anything is sent)."""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

import gabber_client
from gabber_client import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientStateError,
    ConflictError,
    GabberError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from gabber_client.testing import FakeServer

from . import payloads
from .scripted import (
    API_KEY,
    BASE_URL,
    Handler,
    Recorder,
    always,
    async_client,
    json_response,
    sync_client,
)

TOKEN = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJodW1hbiJ9.TOKEN-SECRET-abcdef"
SECRETS = (API_KEY, TOKEN)


def _assert_no_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text
        assert secret[-12:] not in text  # not even a tail of it


def _everything_about(error: BaseException) -> str:
    """Every text a user could see of ``error``: str, repr, args, the formatted
    traceback with its cause chain, and the reprs of its attributes."""
    parts = [str(error), repr(error), repr(error.args)]
    parts.extend(traceback.format_exception(error))
    parts.extend(f"{name}={value!r}" for name, value in vars(error).items())
    return "\n".join(parts)


def _raise(exc: Exception) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    return handler


def _status(status: int, **headers: str) -> Handler:
    return lambda _r: json_response({"message": f"status {status}"}, status, **headers)


# Each case: the handler, the call, the error class it must raise.
ERROR_CASES: list[tuple[str, Handler, Callable[[Any], Any], type[GabberError]]] = [
    ("400", _status(400), lambda c: c.realtime.get("rs_1"), BadRequestError),
    ("401", _status(401), lambda c: c.realtime.get("rs_1"), AuthenticationError),
    ("403", _status(403), lambda c: c.realtime.get("rs_1"), PermissionDeniedError),
    ("404", _status(404), lambda c: c.realtime.get("rs_1"), NotFoundError),
    ("409", _status(409), lambda c: c.realtime.end("rs_1"), ConflictError),
    ("422", _status(422), lambda c: c.realtime.update("rs_1", {}), UnprocessableEntityError),
    ("429", _status(429, **{"Retry-After": "0"}), lambda c: c.realtime.get("rs_1"), RateLimitError),
    ("500", _status(500), lambda c: c.realtime.end("rs_1"), InternalServerError),
    ("418", _status(418), lambda c: c.realtime.get("rs_1"), APIStatusError),
    (
        "302",
        lambda _r: httpx.Response(302, headers={"Location": "http://evil.test/"}),
        lambda c: c.realtime.get("rs_1"),
        APIStatusError,
    ),
    (
        "connect",
        _raise(httpx.ConnectError("[Errno 111] Connection refused")),
        lambda c: c.realtime.start(payloads.START_CONFIG),
        APIConnectionError,
    ),
    (
        "reset",
        _raise(httpx.ReadError("[Errno 104] Connection reset by peer")),
        lambda c: c.realtime.get("rs_1"),
        APIConnectionError,
    ),
    (
        "timeout",
        _raise(httpx.ReadTimeout("The read operation timed out")),
        lambda c: c.realtime.get("rs_1"),
        APITimeoutError,
    ),
    (
        "bad body",
        lambda _r: httpx.Response(200, text="<html>oops</html>"),
        lambda c: c.realtime.get("rs_1"),
        APIResponseValidationError,
    ),
    (
        "next_page",
        always(payloads.page([payloads.message()], next_page="http://evil.test/next")),
        lambda c: list(c.realtime.messages("rs_1")),
        GabberError,
    ),
    (
        "invalid argument",
        always(payloads.session()),
        lambda c: c.realtime.get("rs_1", human="a\r\nb"),
        InvalidArgumentError,
    ),
    (
        "closed client",
        always(payloads.session()),
        lambda c: (c.close(), c.realtime.get("rs_1")),
        ClientStateError,
    ),
]


@pytest.fixture(autouse=True)
def _no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gabber_client._base_client, "_sleep", lambda _s: None)


def _client_with(handler: Handler, credential: str) -> tuple[Any, Recorder]:
    if credential == "token":
        return sync_client(handler, token=TOKEN, api_key=None)
    return sync_client(handler)


@pytest.mark.parametrize("credential", ["api_key", "token"])
@pytest.mark.parametrize(
    ("handler", "call", "error"),
    [pytest.param(h, c, e, id=name) for name, h, c, e in ERROR_CASES],
)
def test_no_error_shows_a_secret(
    credential: str, handler: Handler, call: Callable[[Any], Any], error: type[GabberError]
) -> None:
    client, recorder = _client_with(handler, credential)

    with pytest.raises(GabberError) as caught:
        call(client)

    assert type(caught.value) is error
    _assert_no_secret(_everything_about(caught.value))
    # The secret was really in play: every request that went out carried it.
    for request in recorder.requests:
        sent = request.headers.get("x-api-key") or request.headers.get("authorization", "")
        assert sent.endswith(API_KEY if credential == "api_key" else TOKEN)


def test_every_public_error_class_is_exercised() -> None:
    public = {
        value
        for value in vars(gabber_client).values()
        if isinstance(value, type) and issubclass(value, GabberError)
    }
    exercised = {error for *_, error in ERROR_CASES}
    bases = {gabber_client.APIError}  # abstract: only its subclasses are raised
    assert public - bases <= exercised


@pytest.mark.parametrize("credential", ["api_key", "token"])
def test_client_repr_and_str_show_no_secret(credential: str) -> None:
    client, _ = _client_with(always(payloads.session()), credential)
    derived = [client, client.with_options(max_retries=5), client.for_human("h_1")]

    for each in derived:
        text = f"{each!r} {each} {each._settings!r} {each.realtime!r}"
        _assert_no_secret(text)
        assert "gabber.test" in repr(each)


async def test_async_client_repr_shows_no_secret() -> None:
    client, _ = async_client(always(payloads.session()), token=TOKEN, api_key=None)
    _assert_no_secret(f"{client!r} {client} {client.for_human('h')!r}")


def test_raw_response_repr_shows_no_secret() -> None:
    client, _ = sync_client(always(payloads.session()))
    raw = client.realtime.with_raw_response.get("rs_1")
    _assert_no_secret(f"{raw!r} {raw.http_response!r} {raw.http_response.request!r}")


# ------------------------------------------------------------------------ logs


def _flaky(*steps: Handler) -> Handler:
    """Answers with each of ``steps`` in turn, then repeats the last one."""
    remaining = list(steps)

    def handler(request: httpx.Request) -> httpx.Response:
        step = remaining.pop(0) if len(remaining) > 1 else remaining[0]
        return step(request)

    return handler


@pytest.mark.parametrize("credential", ["api_key", "token"])
def test_debug_logs_show_no_secret(caplog: pytest.LogCaptureFixture, credential: str) -> None:
    caplog.set_level(logging.DEBUG, logger="gabber_client")
    session = always(payloads.session())
    flows: list[tuple[Handler, Callable[[Any], Any], type[GabberError] | None]] = [
        (session, lambda c: c.realtime.get("rs_1"), None),
        (_flaky(_status(503), _status(502), session), lambda c: c.realtime.get("x"), None),
        (
            _status(429, **{"Retry-After": "0"}),
            lambda c: c.realtime.start({}),
            InvalidArgumentError,
        ),
        (
            _status(429, **{"Retry-After": "0"}),
            lambda c: c.realtime.start(payloads.START_CONFIG),
            RateLimitError,
        ),
        (
            _raise(httpx.ConnectError("refused")),
            lambda c: c.realtime.initiate_outbound_call(
                "s", source_phone_number="+15550100", destination_phone_number="+15550101"
            ),
            APIConnectionError,
        ),
        (_raise(httpx.ReadTimeout("timed out")), lambda c: c.realtime.end("s"), APITimeoutError),
        (_status(401), lambda c: c.realtime.list(), AuthenticationError),
        (
            lambda _r: httpx.Response(200, text="{"),
            lambda c: c.realtime.get("s"),
            APIResponseValidationError,
        ),
    ]
    for handler, call, expected in flows:
        client, _ = _client_with(handler, credential)
        if expected is None:
            call(client)
        else:
            with pytest.raises(expected):
                call(client)

    messages = [record.getMessage() for record in caplog.records]
    assert any(m.startswith("retrying GET /v1/realtime/x") for m in messages), messages
    assert any("<redacted>" in m for m in messages), messages
    assert any(record.levelno == logging.DEBUG for record in caplog.records)
    for record in caplog.records:
        _assert_no_secret(logging.Formatter().format(record))
        _assert_no_secret(repr(record.args))
    _assert_no_secret(caplog.text)


# ------------------------------------------------- credentials stay at home


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_to_another_host_is_not_followed(status: int) -> None:
    location = "http://evil.test/v1/realtime/rs_1"
    handler = _flaky(lambda _r: httpx.Response(status, headers={"Location": location}))
    client, recorder = sync_client(handler)

    with pytest.raises(APIStatusError) as caught:
        client.realtime.get("rs_1")

    assert caught.value.status_code == status
    assert [r.url.host for r in recorder.requests] == ["gabber.test"]


def test_a_redirect_is_not_followed_even_by_a_redirect_following_http_client() -> None:
    location = "http://evil.test/v1/realtime/rs_1"
    recorder = Recorder(lambda _r: httpx.Response(307, headers={"Location": location}))
    http = httpx.Client(transport=httpx.MockTransport(recorder), follow_redirects=True)
    client = gabber_client.Gabber(api_key=API_KEY, base_url=BASE_URL, http_client=http)

    with pytest.raises(APIStatusError):
        client.realtime.speak("rs_1", "hi")

    assert [r.url.host for r in recorder.requests] == ["gabber.test"]


async def test_async_redirect_is_not_followed() -> None:
    recorder_client, recorder = async_client(
        lambda _r: httpx.Response(302, headers={"Location": "http://evil.test/"})
    )
    with pytest.raises(APIStatusError):
        await recorder_client.realtime.get("rs_1")
    assert [r.url.host for r in recorder.requests] == ["gabber.test"]


FOREIGN_NEXT_PAGES = [
    "http://evil.test/v1/realtime/rs_1/messages?page=2",
    "https://gabber.test/v1/realtime/rs_1/messages?page=2",
    "http://gabber.test:8443/v1/realtime/rs_1/messages?page=2",
    "http://gabber.test@evil.test/v1/realtime/rs_1/messages?page=2",
    "http://gabber.test.evil.test/v1/realtime/rs_1/messages?page=2",
    "//evil.test/v1/realtime/rs_1/messages?page=2",
]


@pytest.mark.parametrize("next_page", FOREIGN_NEXT_PAGES)
@pytest.mark.parametrize("operation", ["messages", "timeline"])
def test_a_next_page_on_another_origin_raises_without_sending(
    next_page: str, operation: str
) -> None:
    item = payloads.message() if operation == "messages" else {"seconds": 1.0, "type": "user"}
    client, recorder = sync_client(always(payloads.page([item], next_page=next_page)))
    page = getattr(client.realtime, operation)("rs_1")

    with pytest.raises(GabberError, match="refusing to follow next_page") as caught:
        page.get_next_page()
    with pytest.raises(GabberError):
        list(page)

    assert type(caught.value) is GabberError
    assert len(recorder.requests) == 1  # the first page; nothing else
    assert {r.url.host for r in recorder.requests} == {"gabber.test"}


async def test_async_next_page_on_another_origin_raises_without_sending() -> None:
    body = payloads.page([payloads.message()], next_page=FOREIGN_NEXT_PAGES[0])
    client, recorder = async_client(always(body))
    page = await client.realtime.messages("rs_1")

    with pytest.raises(GabberError, match="refusing to follow next_page"):
        await page.get_next_page()
    assert len(recorder.requests) == 1


def test_a_relative_next_page_is_followed_on_the_base_url() -> None:
    first = payloads.page([payloads.message("m1")], next_page="/v1/realtime/rs_1/messages?page=2")
    last = payloads.page([payloads.message("m2")])
    client, recorder = sync_client(
        _flaky(lambda _r: json_response(first), lambda _r: json_response(last))
    )

    ids = [m.id for m in client.realtime.messages("rs_1")]

    assert ids == ["m1", "m2"]
    assert [str(r.url) for r in recorder.requests] == [
        "http://gabber.test/v1/realtime/rs_1/messages",
        "http://gabber.test/v1/realtime/rs_1/messages?page=2",
    ]
    assert all(r.headers["x-api-key"] == API_KEY for r in recorder.requests)


# ---------------------------------------------- the same, over loopback


@pytest.fixture
def elsewhere() -> Iterator[FakeServer]:
    """A second server on another port: another origin, which must see nothing."""
    with FakeServer() as server:
        yield server


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_over_loopback_a_redirect_to_another_origin_is_not_followed(
    loopback: FakeServer, elsewhere: FakeServer, status: int
) -> None:
    loopback.fake.reset()
    target = f"{elsewhere.base_url}/v1/realtime/rs_1"
    loopback.fake.inject_fault(status=status, headers={"Location": target})

    client = gabber_client.Gabber(api_key=loopback.api_key, base_url=loopback.base_url)
    with client, pytest.raises(APIStatusError) as caught:
        client.realtime.speak("rs_1", "hi")

    assert caught.value.status_code == status
    assert len(loopback.fake.requests) == 1
    assert elsewhere.fake.requests == []


def test_over_loopback_a_next_page_on_another_origin_is_not_fetched(
    loopback: FakeServer, elsewhere: FakeServer
) -> None:
    loopback.fake.reset()
    session = loopback.fake.create_session()["id"]
    elsewhere.fake.create_session(session_id=session)
    next_page = f"{elsewhere.base_url}/v1/realtime/{session}/messages?page=x"
    body = json.dumps(payloads.page([payloads.message()], next_page=next_page))
    loopback.fake.inject_fault(status=200, body=body)

    with gabber_client.Gabber(api_key=loopback.api_key, base_url=loopback.base_url) as client:
        page = client.realtime.messages(session)
        with pytest.raises(GabberError, match="refusing to follow next_page"):
            page.get_next_page()

    assert len(loopback.fake.requests) == 1
    assert elsewhere.fake.requests == []
