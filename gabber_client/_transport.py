"""The transport of a client's own pool: httpcore's connection pool, as httpx's
default transport builds it, with a network backend that adds two guarantees
httpx does not give.

* **Every socket operation ends by the attempt's deadline.** httpx applies its
  timeouts to each read and write, so a server trickling its response head one
  byte per read timeout, or sending ``100 Continue`` for ever, holds a call
  indefinitely. Here each connect, read and write waits at most until the
  deadline of the attempt in progress (``_body.DEADLINE``, set by ``_pool.py``),
  then raises a timeout as httpx's own would: no cancellation is involved, so
  httpcore cleans up as after any timeout.
* **A connection with bytes left over is never reused.** A response with more
  bytes than its ``Content-Length`` (or a 204/304 with a body) leaves the surplus
  in the connection's buffer, where the next request on that connection would
  take it as its answer. Each response's bytes on the wire are counted against
  its framing; a surplus marks the connection, which then reports itself
  readable while idle (``get_extra_info("is_readable")``), and httpcore closes
  such a connection instead of reusing it.

httpx's and httpcore's public API only (``httpcore.ConnectionPool`` and its
``network_backend``, the network stream interface, the ``network_stream``
response extension). Imported when a client builds its own pool, not with the
package (httpcore and anyio are about 25 ms of an import).
"""

from __future__ import annotations

import re
import ssl
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any, NoReturn

import httpcore
import httpx

from ._body import DEADLINE

__all__ = ["AsyncTransport", "Transport"]

_KEPT = 16 * 1024  # bytes of each response kept to find its head (h11 refuses larger heads)
_HEAD_END = re.compile(rb"\n\r?\n")
_STATUS = re.compile(rb"HTTP/\d(?:\.\d)? (\d{3})")
_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*(\d+)[ \t]*\r?$")
_CHUNKED = re.compile(rb"(?im)^transfer-encoding:")


def _timeout(timeout: float | None, kind: type[Exception]) -> float | None:
    """``timeout``, shortened to what is left before the deadline (``kind`` raised
    when nothing is left)."""
    deadline = DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise kind("the attempt took longer than its timeout")
    return left if timeout is None else min(timeout, left)


class _Wire:
    """What one connection received for the response in progress."""

    __slots__ = ("head", "poisoned", "received")

    def __init__(self) -> None:
        self.head = bytearray()
        self.received = 0
        self.poisoned = False

    def sending(self) -> None:
        """Bytes are being written: the first ones of a request (once its response's
        bytes began to arrive, or on a fresh connection) start a new count."""
        if self.received or not self.head:
            self.head.clear()
            self.received = 0

    def got(self, data: bytes) -> None:
        self.received += len(data)
        if len(self.head) < _KEPT:
            self.head += data[: _KEPT - len(self.head)]

    def ended(self, method: bytes) -> None:
        """The response's body was read to its end: anything received beyond its
        framing poisons the connection."""
        expected = _expected(bytes(self.head), method)
        if expected is not None and self.received > expected:
            self.poisoned = True


def _expected(head: bytes, method: bytes) -> int | None:
    """The bytes a response (after any 1xx responses) takes on the wire, from its
    first ``_KEPT`` bytes; ``None`` when its framing does not say (chunked, or
    read to the end of the connection, which is then closed anyway)."""
    start = 0
    while True:
        end = _HEAD_END.search(head, start)
        status = _STATUS.match(head, start)
        if end is None or status is None:
            return None
        code = int(status.group(1))
        block = head[start : end.end()]
        if 100 <= code < 200 and code != 101:
            start = end.end()
            continue
        if method == b"HEAD" or code in (204, 304) or 100 <= code < 200:
            return end.end()
        if _CHUNKED.search(block):
            return None
        length = _LENGTH.search(block)
        return None if length is None else end.end() + int(length.group(1))


class _Counted:
    """What the two counting network streams share: the wrapped stream, its
    :class:`_Wire`, and a poisoned connection reporting itself readable."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.wire = _Wire()

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable" and self.wire.poisoned:
            return True  # idle with bytes left over: httpcore closes it
        return self._inner.get_extra_info(info)


class _Stream(_Counted, httpcore.NetworkStream):
    _inner: httpcore.NetworkStream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data = self._inner.read(max_bytes, _timeout(timeout, httpcore.ReadTimeout))
        self.wire.got(data)
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.wire.sending()
        self._inner.write(buffer, _timeout(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.start_tls(
            ssl_context, server_hostname, _timeout(timeout, httpcore.ConnectTimeout)
        )
        return _Stream(stream)


class _AsyncStream(_Counted, httpcore.AsyncNetworkStream):
    _inner: httpcore.AsyncNetworkStream

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data = await self._inner.read(max_bytes, _timeout(timeout, httpcore.ReadTimeout))
        self.wire.got(data)
        return data

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.wire.sending()
        await self._inner.write(buffer, _timeout(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.start_tls(
            ssl_context, server_hostname, _timeout(timeout, httpcore.ConnectTimeout)
        )
        return _AsyncStream(stream)


# The backends have no sleep(): httpcore calls it only between connect retries, and
# the pools make none (retries=0).
class _Backend(httpcore.NetworkBackend):
    _inner = httpcore.SyncBackend()  # stateless

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _timeout(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.connect_tcp(host, port, timeout, local_address, socket_options))


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    _inner = httpcore.AnyIOBackend()  # stateless

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        timeout = _timeout(timeout, httpcore.ConnectTimeout)
        stream = await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return _AsyncStream(stream)


def _raise_mapped(exc: Exception) -> NoReturn:
    """Raise httpcore's error ``exc`` as httpx's own transport does: as httpx's error
    of the same name (httpx names each of httpcore's errors alike); anything else as
    it is."""
    if type(exc).__module__.partition(".")[0] == "httpcore":
        ours = getattr(httpx, type(exc).__name__, None)
        if isinstance(ours, type) and issubclass(ours, httpx.TransportError):
            raise ours(str(exc)) from exc
    raise exc


def _core_request(request: httpx.Request) -> httpcore.Request:
    return httpcore.Request(
        method=request.method,
        url=httpcore.URL(
            scheme=request.url.raw_scheme,
            host=request.url.raw_host,
            port=request.url.port,
            target=request.url.raw_path,
        ),
        headers=request.headers.raw,
        content=request.stream,
        extensions=request.extensions,
    )


def _pool_options(verify: ssl.SSLContext, limits: httpx.Limits) -> dict[str, Any]:
    return {
        "ssl_context": verify,
        "max_connections": limits.max_connections,
        "max_keepalive_connections": limits.max_keepalive_connections,
        "keepalive_expiry": limits.keepalive_expiry,
        "http1": True,
        "http2": False,
    }


class _Read:
    """What the two response bodies share: httpcore's response, and the check of
    the connection's bytes once the body was read to its end."""

    def __init__(self, response: httpcore.Response, method: bytes) -> None:
        self._response = response
        self._method = method

    def _ended(self) -> None:
        stream = self._response.extensions.get("network_stream")
        if isinstance(stream, _Counted):
            stream.wire.ended(self._method)


class _Body(_Read, httpx.SyncByteStream):
    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._response.iter_stream()
        except Exception as exc:
            _raise_mapped(exc)
        self._ended()

    def close(self) -> None:
        try:
            self._response.close()
        except Exception as exc:
            _raise_mapped(exc)


class _AsyncBody(_Read, httpx.AsyncByteStream):
    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for part in self._response.aiter_stream():
                yield part
        except Exception as exc:
            _raise_mapped(exc)
        self._ended()

    async def aclose(self) -> None:
        try:
            await self._response.aclose()
        except Exception as exc:
            _raise_mapped(exc)


def _response(response: httpcore.Response, body: _Body | _AsyncBody) -> httpx.Response:
    return httpx.Response(
        status_code=response.status,
        headers=response.headers,
        stream=body,
        extensions=response.extensions,
    )


class Transport(httpx.BaseTransport):
    """httpx's default transport for HTTP/1.1, with the guarantees above."""

    def __init__(self, verify: ssl.SSLContext, limits: httpx.Limits) -> None:
        self._pool = httpcore.ConnectionPool(
            **_pool_options(verify, limits), network_backend=_Backend()
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        try:
            response = self._pool.handle_request(_core_request(request))
        except Exception as exc:
            _raise_mapped(exc)
        return _response(response, _Body(response, request.method.encode()))

    def close(self) -> None:
        self._pool.close()


class AsyncTransport(httpx.AsyncBaseTransport):
    """The async form of :class:`Transport`."""

    def __init__(self, verify: ssl.SSLContext, limits: httpx.Limits) -> None:
        self._pool = httpcore.AsyncConnectionPool(
            **_pool_options(verify, limits), network_backend=_AsyncBackend()
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            response = await self._pool.handle_async_request(_core_request(request))
        except Exception as exc:
            _raise_mapped(exc)
        return _response(response, _AsyncBody(response, request.method.encode()))

    async def aclose(self) -> None:
        await self._pool.aclose()
