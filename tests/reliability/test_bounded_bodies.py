"""Issue 14, items 3 and 7: a response body is read within ``max_response_bytes``
(an endless stream, a compression bomb, a huge error body) with memory measured,
and a corrupt ``Content-Encoding`` on a 2xx is a validation error.

Memory is measured with :mod:`tracemalloc` around the call: the peak of Python
allocations (httpx's and the client's buffers) must stay near the limit."""

from __future__ import annotations

import asyncio
import socket
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from gabber_client import (
    APIResponseValidationError,
    AsyncGabber,
    Gabber,
    InternalServerError,
    InvalidArgumentError,
)

from . import payloads
from .raw_server import RawRequest, RawServer, json_bytes

LIMIT = 1024 * 1024  # the max_response_bytes of these tests: 1 MiB
MEMORY_BOUND = 4 * LIMIT  # peak allocations allowed during a refused call
SENT_AT_MOST = 64 * 1024 * 1024  # "endless" bodies stop here, so the old code ends too

CHUNK = b"x" * 65536


def _endless(status: int) -> Callable[[RawRequest, socket.socket], bool]:
    """A chunked body that goes on (up to 64 MiB, then ends properly)."""

    def handler(_request: RawRequest, sock: socket.socket) -> bool:
        head = f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\n"
        sock.sendall((head + "Transfer-Encoding: chunked\r\n\r\n").encode())
        frame = f"{len(CHUNK):x}\r\n".encode() + CHUNK + b"\r\n"
        for _ in range(SENT_AT_MOST // len(CHUNK)):
            sock.sendall(frame)
        sock.sendall(b"0\r\n\r\n")
        return False

    return handler


def _bomb(encoding: str, decoded_size: int = 256 * 1024 * 1024) -> bytes:
    """``decoded_size`` bytes of zeros, compressed as ``encoding`` (a few hundred KB)."""
    wbits = {"gzip": zlib.MAX_WBITS | 16, "deflate": zlib.MAX_WBITS}[encoding]
    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    block = bytes(1024 * 1024)
    parts = [compressor.compress(block) for _ in range(decoded_size // len(block))]
    return b"".join([*parts, compressor.flush()])


def _encoded(
    status: int, encoding: str, body: bytes
) -> Callable[[RawRequest, socket.socket], bool]:
    def handler(_request: RawRequest, sock: socket.socket) -> bool:
        head = (
            f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\n"
            f"Content-Encoding: {encoding}\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        sock.sendall(head.encode() + body)
        return True

    return handler


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    value: str = request.param
    return value


def _call(kind: str, base_url: str, **options: Any) -> Any:
    """``get("rs_1")`` with a fresh client of ``kind``; the result or the error raised."""
    options = {"api_key": "sk-test", "base_url": base_url, "max_retries": 0, **options}
    if kind == "sync":
        with Gabber(**options) as client:
            return client.realtime.get("rs_1")

    async def run() -> Any:
        async with AsyncGabber(**options) as client:
            return await client.realtime.get("rs_1")

    return asyncio.run(run())


def _peak_during(work: Callable[[], Any]) -> tuple[BaseException | Any, int]:
    """What ``work`` returned or raised, and the peak traced memory while it ran."""
    tracemalloc.start()
    try:
        try:
            outcome: Any = work()
        except Exception as exc:
            outcome = exc
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return outcome, peak


@pytest.fixture
def serve() -> Iterator[Callable[[Callable[[RawRequest, socket.socket], bool]], str]]:
    servers: list[RawServer] = []

    def start(handler: Callable[[RawRequest, socket.socket], bool]) -> str:
        server = RawServer(handler).__enter__()
        servers.append(server)
        return server.base_url

    yield start
    for server in servers:
        server.__exit__(None, None, None)


def test_endless_2xx_body_ends_in_a_validation_error_with_bounded_memory(
    kind: str, serve: Callable[..., str]
) -> None:
    base_url = serve(_endless(200))

    outcome, peak = _peak_during(lambda: _call(kind, base_url, max_response_bytes=LIMIT))

    assert isinstance(outcome, APIResponseValidationError), outcome
    assert "max_response_bytes" in str(outcome)
    assert peak < MEMORY_BOUND, f"peak {peak:,} bytes for a limit of {LIMIT:,}"


def test_endless_error_body_ends_in_the_status_error_with_bounded_memory(
    kind: str, serve: Callable[..., str]
) -> None:
    base_url = serve(_endless(500))

    outcome, peak = _peak_during(lambda: _call(kind, base_url, max_response_bytes=LIMIT))

    assert isinstance(outcome, InternalServerError), outcome
    assert outcome.status_code == 500
    assert peak < MEMORY_BOUND, f"peak {peak:,} bytes for a limit of {LIMIT:,}"


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_compression_bomb_is_refused_with_bounded_memory(
    kind: str, encoding: str, serve: Callable[..., str]
) -> None:
    bomb = _bomb(encoding)  # 256 MiB decoded
    assert len(bomb) < LIMIT  # the bytes on the wire are within the limit
    base_url = serve(_encoded(200, encoding, bomb))

    outcome, peak = _peak_during(lambda: _call(kind, base_url, max_response_bytes=LIMIT))

    assert isinstance(outcome, APIResponseValidationError), outcome
    assert "max_response_bytes" in str(outcome)
    assert peak < MEMORY_BOUND, f"peak {peak:,} bytes for a limit of {LIMIT:,}"


def test_compressed_body_within_the_limit_is_read(kind: str, serve: Callable[..., str]) -> None:
    body = json_bytes(200, payloads.session("rs_gz")).split(b"\r\n\r\n", 1)[1]
    base_url = serve(_encoded(200, "gzip", zlib.compress(body, wbits=zlib.MAX_WBITS | 16)))

    assert _call(kind, base_url, max_response_bytes=len(body)).id == "rs_gz"


@pytest.mark.parametrize("encoding", ["identity", "gzip", "deflate"])
def test_a_body_read_within_bounds_is_the_response_httpx_gave(
    kind: str, serve: Callable[..., str], encoding: str
) -> None:
    body = json_bytes(200, payloads.session("rs_raw")).split(b"\r\n\r\n", 1)[1]
    sent = {"identity": body, "gzip": zlib.compress(body, wbits=zlib.MAX_WBITS | 16)}.get(
        encoding, zlib.compress(body)
    )
    base_url = serve(_encoded(200, encoding, sent))
    options: dict[str, Any] = {"api_key": "sk-test", "base_url": base_url, "max_retries": 0}

    if kind == "sync":
        with Gabber(**options) as client:
            raw = client.realtime.with_raw_response.get("rs_1")
    else:

        async def run() -> Any:
            async with AsyncGabber(**options) as client:
                return await client.realtime.with_raw_response.get("rs_1")

        raw = asyncio.run(run())

    response = raw.http_response
    assert response.content == body  # decoded, whole
    assert response.headers["content-encoding"] == encoding  # the server's headers
    assert response.headers["content-length"] == str(len(sent))
    assert response.is_closed  # the connection went back to the pool
    assert response.elapsed.total_seconds() > 0
    assert raw.parse().id == "rs_raw"


def test_body_of_exactly_the_limit_is_read_one_more_byte_is_not(
    kind: str, serve: Callable[..., str]
) -> None:
    response = json_bytes(200, payloads.session())
    size = len(response.split(b"\r\n\r\n", 1)[1])
    base_url = serve(lambda _r, sock: bool(sock.sendall(response)) or True)

    assert _call(kind, base_url, max_response_bytes=size).id == "rs_1"
    refused = _peak_during(lambda: _call(kind, base_url, max_response_bytes=size - 1))[0]
    assert isinstance(refused, APIResponseValidationError)


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_corrupt_content_encoding_on_a_2xx_is_a_validation_error(
    kind: str, encoding: str, serve: Callable[..., str]
) -> None:
    base_url = serve(_encoded(200, encoding, b"\x1f\x8b\x08\x00not really compressed"))

    outcome = _peak_during(lambda: _call(kind, base_url))[0]

    assert isinstance(outcome, APIResponseValidationError), outcome
    assert outcome.status_code == 200
    assert "decoded" in str(outcome)


def test_an_encoding_the_client_did_not_ask_for_is_a_validation_error(
    kind: str, serve: Callable[..., str]
) -> None:
    base_url = serve(_encoded(200, "br", b"\x0b\x02\x80{}\x03"))

    outcome = _peak_during(lambda: _call(kind, base_url))[0]

    assert isinstance(outcome, APIResponseValidationError), outcome
    assert "'br'" in str(outcome)


def test_the_client_asks_only_for_encodings_it_reads_within_bounds(
    kind: str, serve: Callable[..., str]
) -> None:
    requests: list[RawRequest] = []

    def handler(request: RawRequest, sock: socket.socket) -> bool:
        requests.append(request)
        sock.sendall(json_bytes(200, payloads.session()))
        return True

    _call(kind, serve(handler))

    assert requests[0].headers["accept-encoding"] == "gzip, deflate"


@pytest.mark.parametrize("value", [0, -1, 1.5, True, "1000"])
def test_max_response_bytes_must_be_a_positive_int(value: object) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        Gabber(api_key="sk-test", base_url="http://127.0.0.1:9", max_response_bytes=value)  # type: ignore[arg-type]
    assert caught.value.parameter == "max_response_bytes"
