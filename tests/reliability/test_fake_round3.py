"""Issue 21, finding 9: the fake over loopback, attacked with raw sockets.

* ``gabber-fake`` prints its address only once its socket listens: ten clients
  connecting the moment the address appears all get answers.
* An absolute-form request target (``GET http://host/v1/... HTTP/1.1``, RFC 9112
  section 3.2.2: a server MUST accept it) is served like the origin form.
* A connection that trickles its request (slowloris), or opens and sends
  nothing, is closed after the request timeout; a request received in full is
  still answered, and its effect kept.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from gabber_client.testing import FakeServer


def _exchange(host: str, port: int, request: bytes) -> bytes:
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(request)
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
        return received


def test_gabber_fake_listens_before_it_prints_its_address() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "gabber_client.testing", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        base_url = line.split(" on ", 1)[1].split(" ", 1)[0]
        host, port = base_url.removeprefix("http://").rsplit(":", 1)
        request = f"GET /v1/realtime HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
        answers = [_exchange(host, int(port), request) for _ in range(10)]
        assert all(answer.startswith(b"HTTP/1.1 4") for answer in answers), answers
    finally:
        process.terminate()
        process.wait(30)


@pytest.fixture
def server() -> Iterator[FakeServer]:
    with FakeServer(request_timeout=1.0) as served:
        yield served


def _port(server: FakeServer) -> int:
    return server.port


def test_an_absolute_form_target_is_served(server: FakeServer) -> None:
    session = server.fake.create_session()["id"]
    request = (
        f"GET {server.base_url}/v1/realtime/{session} HTTP/1.1\r\n"
        f"Host: {server.host}\r\nx-api-key: {server.api_key}\r\n\r\n"
    ).encode()
    answer = _exchange(server.host, _port(server), request)
    assert answer.startswith(b"HTTP/1.1 200"), answer
    assert session.encode() in answer or b"content-length" in answer.lower()


def _closed_by_server(sock: socket.socket, seconds: float) -> bool:
    """Whether the server closes ``sock`` within ``seconds``."""
    sock.settimeout(seconds)
    try:
        return sock.recv(65536) == b""
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


def test_an_idle_connection_is_closed(server: FakeServer) -> None:
    with socket.create_connection((server.host, _port(server)), timeout=10) as sock:
        assert _closed_by_server(sock, 30)


def test_a_trickled_request_head_is_closed(server: FakeServer) -> None:
    head = f"GET /v1/realtime HTTP/1.1\r\nHost: {server.host}\r\nx-pad: ".encode()
    with socket.create_connection((server.host, _port(server)), timeout=10) as sock:
        closed = False
        for _ in range(300):  # a byte every 0.1 s, for at most 30 s
            try:
                sock.sendall(head[:1] if head else b"a")
            except OSError:
                closed = True
                break
            head = head[1:]
            if _closed_by_server(sock, 0.1):
                closed = True
                break
        assert closed


def test_a_request_received_in_full_is_answered_and_kept(server: FakeServer) -> None:
    """A slow (but complete within the timeout) request is served; the fake's
    record of the session shows it took effect."""
    session = server.fake.create_session()["id"]
    body = b'{"text": "hello"}'
    head = (
        f"POST /v1/realtime/{session}/speak HTTP/1.1\r\nHost: {server.host}\r\n"
        f"x-api-key: {server.api_key}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    with socket.create_connection((server.host, _port(server)), timeout=10) as sock:
        sock.sendall(head)
        time.sleep(0.3)
        sock.sendall(body)
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = sock.recv(65536)
            assert chunk
            received += chunk
    assert received.startswith(b"HTTP/1.1 2"), received
    assert [r.operation for r in server.fake.requests][-1:] == ["speak"]
