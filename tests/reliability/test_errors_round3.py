"""Issue 21, findings 4, 5 and 7: errors cross process boundaries without their
secrets, an error's request shows no credential, and ``aclose()`` from a second
event loop is typed.

4. Every error class pickles and unpickles (``multiprocessing``,
   ``ProcessPoolExecutor``), and the pickled bytes hold neither the API key, nor
   the bearer token, nor a password from the base URL.
5. ``repr(exc.request.headers)`` hides ``x-api-key`` (httpx hides only
   ``Authorization``); a password in the base URL appears neither in
   ``repr(exc.request)`` nor in httpx's own INFO log line.
7. ``aclose()`` from a second event loop works once the first loop has ended,
   and raises ``ClientStateError`` while it still runs.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import logging
import multiprocessing
import pickle
import threading
from collections.abc import Callable, Iterator

import httpx
import pytest

from gabber_client import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AsyncGabber,
    ClientStateError,
    Gabber,
    GabberError,
    InvalidArgumentError,
    NotFoundError,
    errors,
)
from gabber_client.testing import FakeServer

KEY = "sk-live-0123456789abcdef"
TOKEN = "tok-secret-fedcba9876543210"
PASSWORD = "hunter2-pw-5551212"
SECRETS = (KEY, TOKEN, PASSWORD)


def _request() -> httpx.Request:
    return httpx.Request(
        "GET",
        f"http://user:{PASSWORD}@127.0.0.1:1/v1/realtime/rs_1",
        headers={"x-api-key": KEY, "Authorization": f"Bearer {TOKEN}", "x-team": "blue"},
    )


def _response(status: int) -> httpx.Response:
    return httpx.Response(status, json={"message": "nope"}, request=_request())


def _status_error(status: int) -> GabberError:
    cls = errors.status_error_class(status)
    return cls(f"{status} from GET", response=_response(status), body={"message": "x"})


# Each error is made in the test that uses it, not when the tests are collected: an
# error class that fails to build then fails its test (and not the whole module).
MAKERS: dict[str, Callable[[], GabberError]] = {
    "GabberError": lambda: GabberError("plain"),
    "InvalidArgumentError": lambda: InvalidArgumentError(
        "config.llm", "required", more=[("text", "too long")], not_shown=3
    ),
    "ClientStateError": lambda: ClientStateError("closed"),
    "APIError": lambda: errors.APIError("failed", request=_request()),
    "APIConnectionError": lambda: APIConnectionError(
        "reset", request=_request(), may_have_taken_effect=False
    ),
    "APITimeoutError": lambda: APITimeoutError("timed out", request=_request()),
    "APIResponseValidationError": lambda: APIResponseValidationError(
        "bad body", response=_response(200)
    ),
    **{
        f"status-{status}": functools.partial(_status_error, status)
        for status in (400, 401, 403, 404, 409, 418, 422, 429, 500, 503)
    },
}


def every_error() -> list[GabberError]:
    """One instance of every error class, each carrying the secrets."""
    return [make() for make in MAKERS.values()]


def _same(a: GabberError, b: GabberError) -> None:
    assert type(a) is type(b)
    assert str(a) == str(b)
    assert a.args == b.args
    for name in ("parameter", "problems", "may_have_taken_effect", "status_code", "body"):
        assert getattr(a, name, None) == getattr(b, name, None)
    if isinstance(a, APIStatusError):
        assert isinstance(b, APIStatusError)
        assert b.response.json() == a.response.json()
        assert b.request.url.path == a.request.url.path


@pytest.mark.parametrize("made", MAKERS)
def test_every_error_pickles_without_its_secrets(made: str) -> None:
    error = MAKERS[made]()
    data = pickle.dumps(error)
    for secret in SECRETS:
        assert secret.encode() not in data
    back = pickle.loads(data)
    _same(error, back)
    if isinstance(back, errors.APIError):
        assert back.request.headers["x-team"] == "blue"
        assert back.request.headers["x-api-key"] == "<redacted>"


def test_the_error_classes_are_all_covered() -> None:
    classes = {
        value
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, GabberError)
    }
    assert classes == {type(e) for e in every_error()}


def _raise_not_found() -> None:
    raise NotFoundError("404 from GET /v1/realtime/x", response=_response(404), body=None)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_an_error_raised_in_a_worker_process_reaches_the_parent(method: str) -> None:
    context = multiprocessing.get_context(method)
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
        failed = pool.submit(_raise_not_found).exception(timeout=60)
        assert isinstance(failed, NotFoundError)
        assert failed.status_code == 404
        assert pool.submit(int, "7").result(timeout=60) == 7  # the pool still works


@pytest.fixture(scope="module")
def server() -> Iterator[FakeServer]:
    with FakeServer() as served:
        yield served


def _base_url(server: FakeServer) -> str:
    return server.base_url.replace("http://", f"http://user:{PASSWORD}@")


def test_a_real_error_shows_no_secret_in_reprs_pickles_or_httpx_logs(
    server: FakeServer, caplog: pytest.LogCaptureFixture
) -> None:
    with (
        caplog.at_level(logging.INFO, logger="httpx"),
        Gabber(api_key=server.api_key, base_url=_base_url(server)) as client,
        pytest.raises(NotFoundError) as caught,
    ):
        client.realtime.get("rs_missing")
    exc = caught.value
    shown = [repr(exc), str(exc), repr(exc.request), repr(exc.request.headers)]
    shown += [repr(exc.response.request.headers), caplog.text, repr(client)]
    for text in shown:
        assert server.api_key not in text
        assert PASSWORD not in text
    assert "x-api-key" in repr(exc.request.headers)  # named, its value hidden
    assert "HTTP Request: GET" in caplog.text  # httpx did log the call
    assert server.api_key.encode() not in pickle.dumps(exc)


def test_a_password_in_the_base_url_still_authenticates() -> None:
    """The user name and password of the base URL are sent as Basic authentication,
    as httpx would send them, without staying in the request URL."""
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(404, json={"message": "no"})

    http = httpx.Client(transport=httpx.MockTransport(answer))
    client = Gabber(
        api_key=KEY, base_url=f"http://us%20er:{PASSWORD}@gabber.test/api", http_client=http
    )
    with pytest.raises(NotFoundError):
        client.realtime.get("rs_1")
    (request,) = seen
    assert str(request.url) == "http://gabber.test/api/v1/realtime/rs_1"
    auth = httpx.BasicAuth("us er", PASSWORD).auth_flow(httpx.Request("GET", "http://x"))
    assert request.headers["authorization"] == next(auth).headers["authorization"]
    assert request.headers["x-api-key"] == KEY
    with pytest.raises(InvalidArgumentError, match="base_url"):
        Gabber(token=TOKEN, base_url=f"http://u:{PASSWORD}@gabber.test")


def test_aclose_from_a_second_loop_after_the_first_ended(server: FakeServer) -> None:
    client = AsyncGabber(api_key=server.api_key, base_url=server.base_url)

    async def use() -> None:
        await client.realtime.list()

    asyncio.run(use())
    asyncio.run(client.aclose())  # the first loop has ended: nothing to close there

    async def call_again() -> None:
        with pytest.raises(ClientStateError, match="closed"):
            await client.realtime.list()

    asyncio.run(call_again())


def test_aclose_from_a_second_loop_while_the_first_runs(server: FakeServer) -> None:
    client = AsyncGabber(api_key=server.api_key, base_url=server.base_url)
    used = threading.Event()
    release = threading.Event()

    async def first() -> None:
        await client.realtime.list()
        used.set()
        await asyncio.to_thread(release.wait, 60)
        await client.aclose()  # from its own loop: closes the pool

    thread = threading.Thread(target=asyncio.run, args=(first(),))
    thread.start()
    assert used.wait(30)
    try:
        with pytest.raises(ClientStateError, match="second event loop"):
            asyncio.run(client.aclose())
    finally:
        release.set()
        thread.join(30)
    assert client._http.is_closed
