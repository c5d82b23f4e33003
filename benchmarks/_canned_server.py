"""A minimal HTTP/1.1 keep-alive server on 127.0.0.1 answering every request with
the same bytes, run in a separate process.

It parses nothing but the end of the request head and ``Content-Length``, and
writes a pre-built response, so that the loopback figures measure the clients,
not the server. Run as ``python -m benchmarks._canned_server BODY_FILE``: it
prints ``PORT <n>`` once it listens and serves until its stdin closes.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Self

__all__ = ["CannedServer", "response_bytes"]


def response_bytes(body: bytes) -> bytes:
    """The full HTTP/1.1 response sent for every request."""
    head = (
        f"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {len(body)}\r\n\r\n"
    )
    return head.encode("ascii") + body


class _Protocol(asyncio.Protocol):
    """Answers each complete request on the connection with the canned response."""

    def __init__(self, response: bytes) -> None:
        self._response = response
        self._buffer = bytearray()
        self._transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        while True:
            end = self._buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            length = _content_length(bytes(self._buffer[:end]))
            if len(self._buffer) < end + 4 + length:
                return
            del self._buffer[: end + 4 + length]
            assert self._transport is not None
            self._transport.write(self._response)


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return 0


async def _serve(response: bytes) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: _Protocol(response), "127.0.0.1", 0, backlog=2048, reuse_address=True
    )
    port = server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)
    # Serve until the parent closes our stdin (or dies).
    await loop.run_in_executor(None, sys.stdin.read)
    server.close()


class CannedServer:
    """The canned server in a child process, as a context manager.

    ``with CannedServer(body) as server: httpx.get(server.base_url + "/x")``.
    """

    def __init__(self, body: bytes) -> None:
        self._body = body
        self._process: subprocess.Popen[str] | None = None
        self.base_url = ""
        """``http://127.0.0.1:<port>`` once entered."""

    def __enter__(self) -> Self:
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as body_file:
            body_file.write(self._body)
        self._body_path = Path(body_file.name)
        self._process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks._canned_server", str(self._body_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line.startswith("PORT "):
            self.__exit__(None, None, None)
            raise RuntimeError(f"the canned server did not start: {line!r}")
        self.base_url = f"http://127.0.0.1:{int(line.split()[1])}"
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        process = self._process
        if process is not None:
            assert process.stdin is not None
            process.stdin.close()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stdout is not None:
                process.stdout.close()
            self._process = None
        self._body_path.unlink(missing_ok=True)


def main(argv: list[str]) -> None:
    """Serve the bytes of the file ``argv[0]`` until stdin closes."""
    body = Path(argv[0]).read_bytes()
    asyncio.run(_serve(response_bytes(body)))


if __name__ == "__main__":
    main(sys.argv[1:])
