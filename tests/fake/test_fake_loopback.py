"""The fake over loopback: FakeServer in a thread, and the CLI as a subprocess."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest

from gabber_client.testing import MAX_BODY_BYTES, FakeGabber, FakeServer

from .support import assert_conforms, error, start, start_body


@pytest.fixture(scope="module")
def server() -> Iterator[FakeServer]:
    with FakeServer(FakeGabber(page_size=2)) as running:
        yield running


@pytest.fixture
def client(server: FakeServer) -> Iterator[httpx.Client]:
    server.fake.reset()
    with httpx.Client(
        base_url=server.base_url, headers={"x-api-key": server.api_key}, timeout=10
    ) as http:
        yield http


def test_the_server_serves_the_fake(server: FakeServer, client: httpx.Client) -> None:
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", server.base_url)
    assert server.port != 0
    session = start(client)
    got = client.get(f"/v1/realtime/{session['id']}")
    assert_conforms(got)
    assert got.json() == session
    assert server.fake.get_session(session["id"]) == session
    error(httpx.get(f"{server.base_url}/v1/realtime/list"), 401)


def test_next_page_urls_use_the_served_origin(server: FakeServer, client: httpx.Client) -> None:
    session = server.fake.create_session(session_id="a/b.c")
    for number in range(3):
        server.fake.add_message(session["id"], f"m{number}")
    first = client.get("/v1/realtime/a%2Fb%2Ec/messages").json()
    assert first["next_page"].startswith(f"{server.base_url}/v1/realtime/a%2Fb%2Ec/messages?page=")
    second = client.get(first["next_page"])
    assert_conforms(second)
    assert [m["content"][0]["text"] for m in second.json()["values"]] == ["m2"]


def test_a_drop_closes_the_connection_mid_response(
    server: FakeServer, client: httpx.Client
) -> None:
    server.fake.inject_fault(drop=True)
    with pytest.raises(httpx.RemoteProtocolError):
        client.post("/v1/realtime/start", json=start_body())
    assert client.get("/v1/realtime/list").json()["total_count"] == 1


def test_a_status_fault_over_loopback(server: FakeServer, client: httpx.Client) -> None:
    server.fake.inject_fault(status=429, headers={"Retry-After": "3"})
    response = client.get("/v1/realtime/list")
    assert response.status_code == 429
    assert response.headers["retry-after"] == "3"


def test_an_oversized_body_is_refused(server: FakeServer, client: httpx.Client) -> None:
    session = start(client)
    oversized = b"x" * (MAX_BODY_BYTES + 1)
    for content in (oversized, iter([oversized[:65536], oversized[65536:]])):
        response = client.post(f"/v1/realtime/{session['id']}/speak", content=content)
        assert error(response, 400) == f"body: larger than {MAX_BODY_BYTES} bytes"
        assert len(server.fake.requests[-1].body) <= MAX_BODY_BYTES + 1
    # The connection is still usable.
    assert client.get(f"/v1/realtime/{session['id']}").status_code == 200


def test_ids_arrive_as_one_segment(server: FakeServer, client: httpx.Client) -> None:
    server.fake.create_session(session_id="x/../y?z#%")
    response = client.post("/v1/realtime/x%2F%2E%2E%2Fy%3Fz%23%25/end")
    assert response.json()["id"] == "x/../y?z#%"


def test_wrong_methods_are_405_over_loopback(client: httpx.Client) -> None:
    response = client.delete("/v1/realtime/list")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET"


def test_stop_is_idempotent_and_frees_the_port() -> None:
    server = FakeServer()
    with server:
        url = server.base_url
        assert httpx.get(f"{url}/v1/realtime/list").status_code == 401
    server.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{url}/v1/realtime/list", timeout=2)


# `python -m gabber_client.testing` as a terminal starts it, with Ctrl-C's default
# action: a test run started in the background by a non-interactive shell (as CI may
# be) ignores SIGINT, a child inherits that, and Python then sets no Ctrl-C handler.
_AS_FROM_A_TERMINAL = (
    "import runpy, signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "runpy.run_module('gabber_client.testing', run_name='__main__')"
)


def test_the_cli_serves_until_ctrl_c() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-c", _AS_FROM_A_TERMINAL, "--port", "0", "--api-key", "cli-key"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        banner = [process.stdout.readline() for _ in range(3)]
        match = re.fullmatch(r"export GABBER_BASE_URL=(http://127\.0\.0\.1:\d+)\n", banner[1])
        assert match, banner
        assert banner[2] == "export GABBER_API_KEY=cli-key\n"
        base_url = match.group(1)
        response = httpx.post(
            f"{base_url}/v1/realtime/start",
            json=start_body(),
            headers={"x-api-key": "cli-key"},
            timeout=10,
        )
        assert response.status_code == 200
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0
    assert "Traceback" not in err
    assert "cli-key" not in out + err


def test_the_cli_rejects_bad_arguments() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gabber_client.testing", "--port", "70000"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert "--port" in result.stderr
