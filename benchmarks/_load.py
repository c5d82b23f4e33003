"""A minimal HTTP/1.1 load generator on raw asyncio streams.

It sends the same ``GET`` over a few keep-alive connections, one request in
flight per connection, reading each response by its ``Content-Length``. It does
next to no work per request, so that the server's throughput is what it
measures (httpx's pool would dominate: see the README's notes on the figures).
"""

from __future__ import annotations

import asyncio
import time
from urllib.parse import urlsplit

__all__ = ["requests_per_second"]


def _request(host: str, path: str, headers: dict[str, str]) -> bytes:
    lines = [f"GET {path} HTTP/1.1", f"Host: {host}", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _content_length(head: bytes) -> int:
    status_line, _, rest = head.partition(b"\r\n")
    if not status_line.startswith(b"HTTP/1.1 200"):
        raise RuntimeError(f"expected 200, got {status_line.decode('latin-1')!r}")
    for line in rest.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    raise RuntimeError("the response has no Content-Length (chunked bodies are not supported)")


async def _worker(host: str, port: int, request: bytes, count: int) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        for _ in range(count):
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            await reader.readexactly(_content_length(head))
    finally:
        writer.close()
        await writer.wait_closed()


async def _run(base_url: str, path: str, headers: dict[str, str], total: int, conns: int) -> float:
    url = urlsplit(base_url)
    host, port = url.hostname or "127.0.0.1", url.port or 80
    request = _request(url.netloc, path, headers)
    shares = [total // conns + (1 if i < total % conns else 0) for i in range(conns)]
    start = time.perf_counter()
    await asyncio.gather(*(_worker(host, port, request, n) for n in shares if n))
    return total / (time.perf_counter() - start)


def requests_per_second(
    base_url: str, path: str, *, headers: dict[str, str], total: int, connections: int
) -> float:
    """Send ``total`` GETs of ``path`` over ``connections`` connections; requests per second.

    Raises :class:`RuntimeError` if any response is not a ``200`` with a
    ``Content-Length``. Connection set-up is included (a few connections, many requests).
    """
    return asyncio.run(_run(base_url, path, headers, total, connections))
