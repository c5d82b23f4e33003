"""Reading a response body within bounds: a size limit and a deadline.

httpx reads a body whole (``send(stream=False)``) with no size limit, and its
read timeout applies to each socket read, not to the body: an endless chunked
stream grows until ``MemoryError``, a compression bomb of a few KB decodes to
gigabytes, and a server trickling one byte per read timeout never times out.

:func:`read_sync` / :func:`read_async` read a streamed response's raw bytes and:

* stop with :class:`TooLarge` once more than ``limit`` bytes arrive, or once the
  decoded size would pass ``limit``: ``gzip`` and ``deflate`` (the encodings the
  client asks for) are decoded 64 KiB at a time to count the decoded size, so a
  bomb never holds more than that in memory at once;
* (:func:`read_sync`) stop with :class:`httpx.ReadTimeout` once the attempt's
  deadline passes (checked between reads; a read in progress ends at httpx's
  read timeout); the async client bounds the whole attempt instead;
* stop with :class:`Undecodable` when the body cannot be decoded (corrupt gzip,
  or an encoding the client did not ask for, such as ``br``).

:func:`read_sync` / :func:`read_async` put a checking stream in front of the
response's own (``response.stream``, a public attribute httpx's client sets the
same way) and let httpx read the body as usual: each raw chunk is checked before
httpx sees it, so httpx only ever decodes bytes already known to be within
bounds, and the response returned is the one httpx gave. httpx's public API only.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import AsyncIterator, Iterator
from contextvars import ContextVar
from typing import Final

import httpx

__all__ = [
    "ACCEPT_ENCODING",
    "DEADLINE",
    "BodyError",
    "TooLarge",
    "Undecodable",
    "attempt_budget",
    "read_async",
    "read_sync",
]

DEADLINE: ContextVar[float | None] = ContextVar("gabber_client_deadline", default=None)
"""The ``time.monotonic()`` by which the attempt in progress must end, if any: the
own pool's transport ends every socket operation by then (``_transport.py``)."""

ACCEPT_ENCODING: Final = "gzip, deflate"
"""The encodings the client asks for: the ones it can decode within bounds."""

_PIECE: Final = 64 * 1024  # the most decoded output held at once while counting


class BodyError(Exception):
    """The body could not be read within bounds; ``response`` is what arrived, closed."""

    def __init__(self, message: str, response: httpx.Response) -> None:
        super().__init__(message)
        self.response = response


class TooLarge(BodyError):
    """The body is larger than the limit."""


class Undecodable(BodyError):
    """The body's ``Content-Encoding`` cannot be decoded."""


def attempt_budget(timeout: object) -> float | None:
    """The seconds one attempt may take in all, from a request's ``timeout``
    extension: the largest of its connect/read/write/pool values (so a float
    ``timeout=2`` allows 2 s for the whole attempt, body included); ``None`` (no
    bound) when the read timeout is ``None``."""
    if not isinstance(timeout, dict) or timeout.get("read") is None:
        return None
    return max(v for v in timeout.values() if isinstance(v, int | float))  # read is one


class _Deflate:
    """``deflate``, zlib-wrapped or raw, as httpx reads it (it tries both)."""

    def __init__(self) -> None:
        self._obj = zlib.decompressobj()
        self._first = True

    def decompress(self, data: bytes, max_length: int) -> bytes:
        if self._first:
            self._first = False
            try:
                return self._obj.decompress(data, max_length)
            except zlib.error:
                self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
        return self._obj.decompress(data, max_length)

    @property
    def unconsumed_tail(self) -> bytes:
        return self._obj.unconsumed_tail

    def flush(self) -> bytes:
        return self._obj.flush()


class _Counter:
    """Counts the decoded size of a body under ``Content-Encoding`` ``codings``
    (applied in order, so decoded in reverse), holding at most 64 KiB of decoded
    output per coding at a time."""

    def __init__(self, codings: list[str]) -> None:
        stages: list[_Deflate | zlib._Decompress] = []
        for coding in reversed(codings):
            if coding == "gzip":
                stages.append(zlib.decompressobj(zlib.MAX_WBITS | 16))
            elif coding == "deflate":
                stages.append(_Deflate())
        self._stages = stages
        self.size = 0

    def feed(self, data: bytes, limit: int) -> None:
        self._run(0, data, limit)

    def finish(self, limit: int) -> None:
        for index, stage in enumerate(self._stages):
            self._run(index + 1, stage.flush(), limit)

    def _run(self, index: int, data: bytes, limit: int) -> None:
        if index == len(self._stages):
            self.size += len(data)
            if self.size > limit:
                raise OverflowError
            return
        stage = self._stages[index]
        while data:
            out = stage.decompress(data, _PIECE)
            data = stage.unconsumed_tail
            self._run(index + 1, out, limit)
            if not out:
                break


def _codings(response: httpx.Response) -> list[str] | str:
    """The response's content codings httpx would apply, or the name of one the
    client cannot decode within bounds."""
    codings = []
    for value in response.headers.get_list("content-encoding", split_commas=True):
        coding = value.strip().lower()
        if coding in ("gzip", "deflate"):
            codings.append(coding)
        elif coding in ("br", "zstd"):  # httpx would decode them when the extra is installed
            return coding
        # identity, and anything unknown, httpx leaves as it is
    return codings


def _too_large(response: httpx.Response, limit: int) -> TooLarge:
    return TooLarge(
        f"the response body is larger than max_response_bytes ({limit:,} bytes)", response
    )


class _Reader:
    """The checks of one bounded read: the size limit, the decoded size and the deadline."""

    def __init__(self, response: httpx.Response, limit: int, deadline: float | None) -> None:
        self.response = response
        self.limit = limit
        self.deadline = deadline
        codings = _codings(response)
        if isinstance(codings, str):
            raise Undecodable(
                f"the response's Content-Encoding {codings!r} was not asked for "
                f"(the client accepts {ACCEPT_ENCODING})",
                response,
            )
        self.counter = _Counter(codings)  # without codings it counts the raw bytes

    def too_large(self) -> TooLarge:
        return _too_large(self.response, self.limit)

    def check(self, chunk: bytes, size: int) -> None:
        """The raw ``chunk`` arrived, ``size`` bytes in all so far: raise if the body
        is now too large (raw or decoded) or the deadline has passed."""
        if size > self.limit:
            raise self.too_large()
        self._decode(chunk)
        if self.deadline is not None and time.monotonic() > self.deadline:
            # (httpx gives it the request: the body is read in its request_context)
            raise httpx.ReadTimeout("the response body did not arrive within the attempt's timeout")

    def end(self) -> None:
        """The body is complete: count what the decoders still hold."""
        self._decode(None)

    def _decode(self, chunk: bytes | None) -> None:
        """Count ``chunk`` decoded (``None``: the end of the body)."""
        try:
            if chunk is None:
                self.counter.finish(self.limit)
            else:
                self.counter.feed(chunk, self.limit)
        except OverflowError:
            raise self.too_large() from None
        except zlib.error as exc:
            raise Undecodable(
                f"the response body could not be decoded: {exc}", self.response
            ) from None


def _already_read(response: httpx.Response, limit: int) -> bool:
    """Whether a transport gave ``response`` with its body read (in-process
    transports such as :class:`httpx.MockTransport` do); it must be within the limit."""
    if not response.is_stream_consumed:
        return False
    if len(response.content) > limit:
        raise _too_large(response, limit)
    return True


class _BoundedStream(httpx.SyncByteStream):
    """``stream``, each raw chunk checked by ``reader`` before httpx sees it."""

    def __init__(self, reader: _Reader, stream: httpx.SyncByteStream) -> None:
        self._reader = reader
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        check = self._reader.check
        size = 0
        for chunk in self._stream:
            size += len(chunk)
            check(chunk, size)
            yield chunk
        self._reader.end()

    def close(self) -> None:
        self._stream.close()


class _AsyncBoundedStream(httpx.AsyncByteStream):
    """The async form of :class:`_BoundedStream`."""

    def __init__(self, reader: _Reader, stream: httpx.AsyncByteStream) -> None:
        self._reader = reader
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        check = self._reader.check
        size = 0
        async for chunk in self._stream:
            size += len(chunk)
            check(chunk, size)
            yield chunk
        self._reader.end()

    async def aclose(self) -> None:
        await self._stream.aclose()


def read_sync(response: httpx.Response, limit: int, deadline: float | None) -> httpx.Response:
    """The streamed ``response`` read within ``limit`` bytes and ``deadline``
    (``time.monotonic()``); always closed afterwards."""
    if _already_read(response, limit):
        return response
    stream = response.stream
    try:
        if isinstance(stream, httpx.SyncByteStream):  # else read() refuses it, unread
            response.stream = _BoundedStream(_Reader(response, limit, deadline), stream)
        response.read()  # closes the response at the end of the body
    finally:
        response.close()
    return response


async def read_async(response: httpx.Response, limit: int) -> httpx.Response:
    """The async form of :func:`read_sync`, without a deadline: the async client
    bounds the whole attempt with :func:`asyncio.timeout` (see ``_pool.py``)."""
    if _already_read(response, limit):
        return response
    stream = response.stream
    try:
        if isinstance(stream, httpx.AsyncByteStream):  # else aread() refuses it, unread
            response.stream = _AsyncBoundedStream(_Reader(response, limit, None), stream)
        await response.aread()  # closes the response at the end of the body
    finally:
        await response.aclose()
    return response
