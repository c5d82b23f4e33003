"""Bounded body reads that mutation testing found unpinned (issue 23, ``_body``):
a body under a comma-joined ``Content-Encoding: gzip, deflate`` is counted
decoded (the compression-bomb guard), a body an in-process transport already
read is held to the limit, raw deflate (no zlib header) is read, and ``zstd``
and ``br`` are refused by name, a decoded size one byte over the limit is refused
(also when zlib hands out the last byte only at the end of the stream), a deflate
body corrupt after its first chunk is undecodable, and a body an in-process
transport already read is taken as httpx read it, and a sync body trickling past
the timeout ends the attempt on any transport. Each runs in-process, sync and
async."""

from __future__ import annotations

import asyncio
import json
import re
import time
import zlib
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest
from reliability import payloads

from gabber_client import APIResponseValidationError, APITimeoutError, AsyncGabber, Gabber

LIMIT = 64 * 1024
PAGE = json.dumps(payloads.page([payloads.session("rs_1")])).encode()


def _compress(data: bytes, wbits: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    return compressor.compress(data) + compressor.flush()


def _gzip(data: bytes) -> bytes:
    return _compress(data, zlib.MAX_WBITS | 16)


def _deflate(data: bytes) -> bytes:
    return _compress(data, zlib.MAX_WBITS)


def _raw_deflate(data: bytes) -> bytes:
    return _compress(data, -zlib.MAX_WBITS)


class _Chunks(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that arrives in 1 KiB chunks, as from a socket (not read in advance)."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def __iter__(self) -> Iterator[bytes]:
        for start in range(0, len(self._body), 1024):
            yield self._body[start : start + 1024]

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for start in range(0, len(self._body), 1024):
            yield self._body[start : start + 1024]


def _list(kind: str, response: httpx.Response | None = None, **answer: Any) -> Any:
    """``realtime.list()`` on a client with ``max_response_bytes=LIMIT`` whose transport
    answers ``response``, or a streamed 200 built from ``answer``."""

    def handler(request: httpx.Request) -> httpx.Response:
        if response is not None:
            return response
        headers = {"content-type": "application/json", **answer.get("headers", {})}
        return httpx.Response(200, headers=headers, stream=_Chunks(answer["body"]))

    transport = httpx.MockTransport(handler)
    options: dict[str, Any] = {"api_key": "k", "base_url": "http://gabber.test"}
    options |= {"max_retries": 0, "max_response_bytes": LIMIT}
    if kind == "sync":
        with Gabber(http_client=httpx.Client(transport=transport), **options) as client:
            return client.realtime.list()

    async def run() -> Any:
        async with AsyncGabber(
            http_client=httpx.AsyncClient(transport=transport), **options
        ) as client:
            return await client.realtime.list()

    return asyncio.run(run())


KINDS = ["sync", "async"]
TOO_LARGE = f"the response body is larger than max_response_bytes ({LIMIT:,} bytes)"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("separate", [False, True], ids=["comma-joined", "two-headers"])
def test_a_body_encoded_twice_is_counted_decoded(kind: str, separate: bool) -> None:
    bomb = _deflate(_gzip(bytes(4 * 1024 * 1024)))  # gzip applied first, then deflate
    assert len(bomb) < LIMIT
    joined = [("content-encoding", "gzip, deflate")]
    headers = (
        [("content-encoding", "gzip"), ("content-encoding", "deflate")] if separate else joined
    )
    response = httpx.Response(200, headers=headers, stream=_Chunks(bomb))
    with pytest.raises(APIResponseValidationError, match=re.escape(TOO_LARGE)):
        _list(kind, response=response)


@pytest.mark.parametrize("kind", KINDS)
def test_a_body_encoded_twice_within_the_limit_is_read(kind: str) -> None:
    page = _list(kind, body=_deflate(_gzip(PAGE)), headers={"content-encoding": "gzip, deflate"})
    assert [s.id for s in page.values] == ["rs_1"]


@pytest.mark.parametrize("kind", KINDS)
def test_raw_deflate_is_read(kind: str) -> None:
    page = _list(kind, body=_raw_deflate(PAGE), headers={"content-encoding": "deflate"})
    assert [s.id for s in page.values] == ["rs_1"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_raw_deflate_bomb_is_refused(kind: str) -> None:
    bomb = _raw_deflate(bytes(4 * 1024 * 1024))
    with pytest.raises(APIResponseValidationError, match=re.escape(TOO_LARGE)):
        _list(kind, body=bomb, headers={"content-encoding": "deflate"})


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("coding", ["zstd", "br", "ZSTD"])
def test_an_encoding_the_client_cannot_bound_is_refused_by_name(kind: str, coding: str) -> None:
    with pytest.raises(APIResponseValidationError) as caught:
        _list(kind, body=b"\x28\xb5\x2f\xfd", headers={"content-encoding": f"gzip, {coding}"})
    assert (
        f"the response's Content-Encoding {coding.lower()!r} was not asked for "
        "(the client accepts gzip, deflate)"
    ) in str(caught.value)


@pytest.mark.parametrize("kind", KINDS)
def test_a_body_an_in_process_transport_read_is_held_to_the_limit(kind: str) -> None:
    padded = PAGE[:-1] + b" " * (LIMIT - len(PAGE)) + b"}"
    assert len(padded) == LIMIT
    page = _list(kind, response=httpx.Response(200, content=padded))
    assert [s.id for s in page.values] == ["rs_1"]
    with pytest.raises(APIResponseValidationError, match=re.escape(TOO_LARGE)):
        _list(kind, response=httpx.Response(200, content=padded + b" "))


EMPTY_PAGE = b'{"values": [], "total_count": 0, "next_page": null}'


def _padded(length: int) -> bytes:
    """An empty page of ``length`` bytes: white space after ``"values": [],``. (Raw
    deflate of it at ``LIMIT + 1`` bytes ends with a decoded byte that zlib hands out
    only when the stream is flushed, after the last chunk.)"""
    cut = EMPTY_PAGE.index(b",") + 1
    return EMPTY_PAGE[:cut] + b" " * (length - len(EMPTY_PAGE)) + EMPTY_PAGE[cut:]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("coding", "encode"),
    [("gzip", _gzip), ("deflate", _deflate), ("deflate", _raw_deflate)],
    ids=["gzip", "deflate", "raw-deflate"],
)
def test_a_body_decoding_to_the_limit_is_read_one_byte_more_is_refused(
    kind: str, coding: str, encode: Callable[[bytes], bytes]
) -> None:
    headers = {"content-encoding": coding}
    page = _list(kind, body=encode(_padded(LIMIT)), headers=headers)
    assert page.values == []
    assert page.total_count == 0
    with pytest.raises(APIResponseValidationError, match=re.escape(TOO_LARGE)):
        _list(kind, body=encode(_padded(LIMIT + 1)), headers=headers)


class _Parts(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that arrives in the given chunks."""

    def __init__(self, *parts: bytes) -> None:
        self._parts = parts

    def __iter__(self) -> Iterator[bytes]:
        yield from self._parts

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for part in self._parts:
            yield part


@pytest.mark.parametrize("kind", KINDS)
def test_a_deflate_body_corrupt_after_its_first_chunk_is_undecodable(kind: str) -> None:
    # zlib-wrapped deflate whose checksum, in the second chunk, is wrong. (The wrong
    # bytes happen to be a whole raw deflate stream: read afresh they would decode.)
    body = _deflate(PAGE)[:-4]
    response = httpx.Response(
        200,
        headers={"content-type": "application/json", "content-encoding": "deflate"},
        stream=_Parts(body, b"\x03\x00\x00\x00"),
    )
    with pytest.raises(APIResponseValidationError) as caught:
        _list(kind, response=response)
    assert "the response body could not be decoded: " in str(caught.value)


@pytest.mark.parametrize("kind", KINDS)
def test_a_body_an_in_process_transport_read_is_taken_as_httpx_read_it(kind: str) -> None:
    # httpx decoded it (or left it, for an encoding it cannot decode) when the
    # transport built it: its Content-Encoding is not judged again.
    response = httpx.Response(200, headers={"content-encoding": "br"}, content=PAGE)
    page = _list(kind, response=response)
    assert [s.id for s in page.values] == ["rs_1"]


class _Trickle(httpx.SyncByteStream):
    """A body of ``spaces`` spaces and then a page, a space every 50 ms (3 s for 60)."""

    def __init__(self, spaces: int = 60) -> None:
        self._spaces = spaces

    def __iter__(self) -> Iterator[bytes]:
        for _ in range(self._spaces):
            time.sleep(0.05)
            yield b" "
        yield PAGE


def test_a_sync_body_trickling_past_the_attempts_timeout_ends_it_on_any_transport() -> None:
    # A transport the client does not own (here in-process) cannot end a read at the
    # deadline, but the check between reads ends the attempt once it has passed.
    transport = httpx.MockTransport(lambda _request: httpx.Response(200, stream=_Trickle()))
    with (
        Gabber(
            api_key="k",
            base_url="http://gabber.test",
            max_retries=0,
            timeout=0.3,
            http_client=httpx.Client(transport=transport),
        ) as client,
        pytest.raises(APITimeoutError) as caught,
    ):
        client.realtime.list()
    cause = caught.value.__cause__
    assert isinstance(cause, httpx.ReadTimeout)
    assert str(cause) == "the response body did not arrive within the attempt's timeout"
    assert cause.request.url == "http://gabber.test/v1/realtime/list"


def test_a_sync_body_is_not_bounded_in_time_when_the_read_timeout_is_none() -> None:
    # The other timeouts (0.2 s) bound connecting and sending, not the body.
    transport = httpx.MockTransport(lambda _request: httpx.Response(200, stream=_Trickle(20)))
    with Gabber(
        api_key="k",
        base_url="http://gabber.test",
        max_retries=0,
        timeout=httpx.Timeout(0.2, read=None),
        http_client=httpx.Client(transport=transport),
    ) as client:
        page = client.realtime.list()
    assert [s.id for s in page.values] == ["rs_1"]


def _padded_gzip(data: bytes, raw_size: int) -> bytes:
    """``data`` gzipped, padded with empty stored deflate blocks (5 bytes each, no
    output) to about ``raw_size`` bytes: a stream that never ends decodes to little."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    head = compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH)
    return head + b"\x00\x00\x00\xff\xff" * (raw_size // 5) + compressor.flush()


@pytest.mark.parametrize("kind", KINDS)
def test_a_compressed_body_is_bounded_by_its_raw_size_too(kind: str) -> None:
    """The limit holds for the bytes received, not only for what they decode to: a
    compressed body of empty blocks, each 1 KiB chunk small, is refused past the limit."""
    within = _padded_gzip(PAGE, LIMIT - 2048)
    assert len(within) < LIMIT
    page = _list(kind, body=within, headers={"content-encoding": "gzip"})
    assert [s.id for s in page.values] == ["rs_1"]
    beyond = _padded_gzip(PAGE, 2 * LIMIT)
    assert zlib.decompress(beyond, zlib.MAX_WBITS | 16) == PAGE
    with pytest.raises(APIResponseValidationError, match=re.escape(TOO_LARGE)):
        _list(kind, body=beyond, headers={"content-encoding": "gzip"})
