"""Issue 21, finding 6: the ``gabber`` command does not trust the server's text.

A hostile (or broken) server answers over a raw socket with terminal escapes
(ESC, BEL, CSI sequences, a bidirectional override) in a session's fields and in
an error message, and with ``NaN``/``Infinity`` numbers. Nothing of it reaches
the terminal raw: stderr and ``--format table`` show escapes (``\\x1b``), and
JSON output is valid JSON or nothing (exit 6, a response that does not match the
specification)."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from gabber_client.cli import main
from gabber_client.cli._exit import EXIT_CLIENT_ERROR, EXIT_INVALID_RESPONSE, EXIT_OK

from . import payloads
from .raw_server import RawRequest, RawServer

HOSTILE = "\x1b]0;owned\x07\x1b[2J\x1b[31mred\u202etxt.exe\r"
RAW_BYTES = ("\x1b", "\x07", "\u202e", "\r")


def _answer(status: int, body: str) -> bytes:
    data = body.encode()
    head = f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {len(data)}"
    return (head + "\r\n\r\n").encode() + data


def _handler(request: RawRequest, sock: socket.socket) -> bool:
    if request.target.endswith("/timeline"):
        page = payloads.page([{"type": "silence", "seconds": float("inf")}])
        sock.sendall(_answer(200, json.dumps(page)))  # allow_nan: writes Infinity
    elif request.target.endswith("/rs_missing"):
        sock.sendall(_answer(404, json.dumps({"type": "not_found", "message": HOSTILE})))
    else:
        session: dict[str, Any] = payloads.session("rs_1")
        session["human"] = HOSTILE
        sock.sendall(_answer(200, json.dumps(session)))
    return True


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[RawServer]:
    with RawServer(_handler) as raw:
        monkeypatch.setenv("GABBER_API_KEY", "sk-test")
        monkeypatch.setenv("GABBER_BASE_URL", raw.base_url)
        yield raw


def _no_raw_controls(text: str) -> None:
    for char in RAW_BYTES:
        assert char not in text, repr(text)


def test_a_table_shows_server_text_escaped(
    server: RawServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--format", "table", "sessions", "get", "rs_1"]) == EXIT_OK
    out = capsys.readouterr().out
    _no_raw_controls(out)
    assert "\\x1b" in out  # shown, escaped


def test_json_output_escapes_server_text(
    server: RawServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sessions", "get", "rs_1"]) == EXIT_OK
    out = capsys.readouterr().out
    _no_raw_controls(out)
    assert json.loads(out)["human"] == HOSTILE  # the value itself is intact


def test_an_error_message_from_the_server_is_escaped_on_stderr(
    server: RawServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sessions", "get", "rs_missing"]) == EXIT_CLIENT_ERROR
    captured = capsys.readouterr()
    _no_raw_controls(captured.err)
    assert captured.err.count("\n") == 1
    assert "\\x1b]0;owned\\x07" in captured.err


def test_infinity_from_the_server_is_not_printed_as_json(
    server: RawServer, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["sessions", "timeline", "rs_1"])
    captured = capsys.readouterr()
    assert status == EXIT_INVALID_RESPONSE
    assert captured.out == ""
    assert "NaN or Infinity" in captured.err


def test_infinity_from_the_server_still_shows_in_a_table(
    server: RawServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--format", "table", "sessions", "timeline", "rs_1"]) == EXIT_OK
    assert "inf" in capsys.readouterr().out
