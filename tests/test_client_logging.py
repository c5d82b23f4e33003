"""Logging on the ``gabber_client`` logger, and no credential anywhere: not in a log
record, nor in the repr/str of a client, a response or an error."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from test_client_support import API_KEY, API_KEY_ONLY, TOKEN, FakeClock, MockApi, Op, json_response

from gabber_client import APIError, GabberError


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG, logger="gabber_client")
    return caplog


def messages(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name.startswith("gabber_client")]


async def test_a_request_logs_method_path_status_and_time(
    mock_api: MockApi, kind: str, debug_logs: pytest.LogCaptureFixture
) -> None:
    client = mock_api.client()

    await mock_api.settle(client.realtime.get("a/b"))

    lines = [m for m in messages(debug_logs) if " -> " in m]
    assert len(lines) == 1
    assert re.fullmatch(r"GET /v1/realtime/a%2Fb -> 200 in \d+\.\d ms", lines[0])


async def test_an_error_status_is_logged_too(
    mock_api: MockApi, kind: str, debug_logs: pytest.LogCaptureFixture
) -> None:
    client = mock_api.client()
    mock_api.queue(json_response({"message": "nope"}, status=404))

    with pytest.raises(APIError):
        await mock_api.settle(client.realtime.end("rs_1"))

    assert any(
        re.fullmatch(r"POST /v1/realtime/rs_1/end -> 404 in \d+\.\d ms", m)
        for m in messages(debug_logs)
    )


async def test_a_retry_logs_its_reason_and_wait(
    mock_api: MockApi, kind: str, fake_clock: FakeClock, debug_logs: pytest.LogCaptureFixture
) -> None:
    client = mock_api.client(max_retries=3)
    mock_api.queue(
        httpx.Response(503, headers={"Retry-After": "2"}),
        httpx.ConnectError("refused"),
    )

    await mock_api.settle(client.realtime.list())

    retries = [m for m in messages(debug_logs) if m.startswith("retrying")]
    assert retries[0] == "retrying GET /v1/realtime/list in 2.00 s (retry 1 of 3): status 503"
    assert re.fullmatch(
        r"retrying GET /v1/realtime/list in (0\.(7[5-9]|[89]\d)|1\.00) s "
        r"\(retry 2 of 3\): ConnectError",
        retries[1],
    )
    assert len(retries) == 2


async def test_nothing_is_logged_below_the_configured_level(
    mock_api: MockApi, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="gabber_client")
    client = mock_api.client()

    await mock_api.settle(client.realtime.get("rs_1"))

    assert messages(caplog) == []


def record_texts(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Everything a handler could print of each record: message, args, exception."""
    formatter = logging.Formatter("%(message)s %(args)s")
    texts = []
    for record in caplog.records:
        texts.append(formatter.format(record))
        texts.append(repr(record.__dict__))
    return texts


def error_texts(exc: BaseException) -> list[str]:
    texts = [str(exc), repr(exc), repr(exc.args)]
    if isinstance(exc, APIError):
        texts.append(exc.message)
    return texts


SCRIPTS: list[tuple[str, Callable[[], list[Any]]]] = [
    ("ok", list),
    ("bad-request", lambda: [json_response({"type": "invalid_input", "message": "x"}, 400)]),
    ("unauthorized", lambda: [json_response({"message": "key rejected"}, status=401)]),
    ("html-500", lambda: [httpx.Response(500, content=b"<h1>oops</h1>") for _ in range(3)]),
    ("retry-then-ok", lambda: [httpx.Response(503), httpx.ReadTimeout("slow")]),
    ("connect-error", lambda: [httpx.ConnectError("refused") for _ in range(3)]),
    ("read-timeout", lambda: [httpx.ReadTimeout("slow") for _ in range(3)]),
    ("bad-json", lambda: [httpx.Response(200, content=b"{not json")]),
    ("redirect", lambda: [httpx.Response(302, headers={"Location": "http://evil.test/"})]),
]
"""Ways a call can go, each a function returning the replies to queue."""


@pytest.mark.parametrize("credential", ["api_key", "token"])
@pytest.mark.parametrize("script", [s[1] for s in SCRIPTS], ids=[s[0] for s in SCRIPTS])
async def test_credentials_never_appear_in_logs_reprs_or_errors(
    mock_api: MockApi,
    kind: str,
    op: Op,
    fake_clock: FakeClock,
    debug_logs: pytest.LogCaptureFixture,
    credential: str,
    script: Callable[[], list[Any]],
) -> None:
    secret = API_KEY if credential == "api_key" else TOKEN
    refused = credential == "token" and op.name in API_KEY_ONLY  # refused before sending
    client = mock_api.client(**{credential: secret}, human="h_1")
    mock_api.queue(*script())
    texts = [repr(client), str(client), repr(client.with_options(max_retries=1))]

    try:
        result = await mock_api.settle(op.call(client.realtime, "rs_1"))
        texts.append(repr(result))
        raw = await mock_api.settle(op.call(client.realtime.with_raw_response, "rs_1"))
        texts.append(repr(raw))
    except GabberError as exc:
        texts.extend(error_texts(exc))

    texts.extend(record_texts(debug_logs))
    for text in texts:
        assert secret not in text
    if refused:
        assert mock_api.requests == []
        return
    header = "x-api-key" if credential == "api_key" else "authorization"
    assert mock_api.requests[0].headers[header].endswith(secret)  # it was really sent


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter (logging set up from the environment is
    process-global, so it is tested away from this one)."""
    environment = {k: v for k, v in os.environ.items() if k != "GABBER_LOG"}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=True,
    )


LOG_SOME = """
    import logging
    from gabber_client._logging import logger, setup_from_env
    setup_from_env()
    setup_from_env()  # only once per process
    logger.debug("a debug line")
    logger.info("an info line")
    print(len(logger.handlers), logging.getLevelName(logger.level))
"""


@pytest.mark.parametrize(
    ("level", "stderr_lines", "stdout"),
    [
        ("debug", ["a debug line", "an info line"], "1 DEBUG"),
        ("DEBUG", ["a debug line", "an info line"], "1 DEBUG"),
        ("info", ["an info line"], "1 INFO"),
        ("", [], "0 NOTSET"),
        ("verbose", [], "0 NOTSET"),
    ],
)
def test_gabber_log_environment_variable(level: str, stderr_lines: list[str], stdout: str) -> None:
    done = run_python(LOG_SOME, GABBER_LOG=level)

    logged = [line.rsplit("] ", 1)[-1] for line in done.stderr.splitlines()]
    assert logged == stderr_lines
    assert all("gabber_client" in line for line in done.stderr.splitlines())
    assert done.stdout.strip() == stdout


def test_gabber_log_debug_shows_requests_without_the_key() -> None:
    code = f"""
        import httpx
        from gabber_client import Gabber
        def handler(request):
            return httpx.Response(404, json={{"message": "no such session"}})
        http = httpx.Client(transport=httpx.MockTransport(handler))
        client = Gabber({API_KEY!r}, base_url="http://gabber.test", http_client=http)
        try:
            client.realtime.get("rs_1")
        except Exception as exc:
            print(type(exc).__name__)
    """
    done = run_python(code, GABBER_LOG="debug")

    assert done.stdout.strip() == "NotFoundError"
    assert re.search(r"GET /v1/realtime/rs_1 -> 404 in \d+\.\d ms", done.stderr)
    assert "x-api-key" in done.stderr  # the header is logged, its value redacted
    assert API_KEY not in done.stderr
