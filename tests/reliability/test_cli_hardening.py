"""Issue 14, item 10: the ``gabber`` command never prints a traceback. Hostile
arguments each end in one line on stderr and the documented exit status (2:
usage error or invalid argument, nothing sent)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from spec_values import minimal_update

from gabber_client.cli import main
from gabber_client.cli._exit import EXIT_FAILURE, EXIT_USAGE
from gabber_client.testing import FakeServer


@pytest.fixture
def env(loopback: FakeServer, monkeypatch: pytest.MonkeyPatch) -> FakeServer:
    loopback.fake.reset()
    monkeypatch.setenv("GABBER_API_KEY", loopback.api_key)
    monkeypatch.setenv("GABBER_BASE_URL", loopback.base_url)
    return loopback


def _json_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "config.json"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Traceback" not in captured.err
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("gabber: error: ")
    return lines[0]


def _time_limit(raw: str) -> str:
    """A valid update body (built from the spec) as JSON text, its time limit ``raw``."""
    text = json.dumps(minimal_update({"general": {"time_limit_s": 0}}))
    assert text.count('"time_limit_s": 0') == 1
    return text.replace('"time_limit_s": 0', f'"time_limit_s": {raw}')


JSON_DOCUMENTS = {
    "nan": (_time_limit("NaN"), "NaN"),
    "infinity": (_time_limit("-Infinity"), "Infinity"),
    "deep": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    "huge-integer": (_time_limit("9" * 5000), "digits"),
    "unsafe-integer": (_time_limit("9" * 30), "safe range"),
}


@pytest.mark.parametrize(("text", "says"), JSON_DOCUMENTS.values(), ids=JSON_DOCUMENTS.keys())
def test_hostile_json_documents(
    env: FakeServer, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, says: str
) -> None:
    session = env.fake.create_session()["id"]

    status = main(["sessions", "update", session, "--json", _json_file(tmp_path, text)])

    assert status == EXIT_USAGE
    assert says in _one_line_error(capsys)
    assert [r.operation for r in env.fake.requests] == []


@pytest.mark.parametrize(
    "argv",
    [
        ["sessions", "get", os.fsdecode(b"rs_\xff\xfe")],
        ["sessions", "speak", "rs_1", os.fsdecode(b"hello \xff")],
        ["sessions", "list", "--page", os.fsdecode(b"\xc3\x28")],
        ["sessions", "list", "--page", "x" * 70_000],
    ],
    ids=["non-utf8-session", "non-utf8-text", "non-utf8-page", "70000-char-page"],
)
def test_hostile_arguments(
    env: FakeServer, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert main(argv) == EXIT_USAGE
    _one_line_error(capsys)
    assert env.fake.requests == []


def test_non_utf8_argument_in_a_real_process(env: FakeServer) -> None:
    process = subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"gabber_client.cli", b"sessions", b"get", b"\xff"],
        capture_output=True,
        env={**os.environ},
        timeout=60,
        check=False,
    )
    assert process.returncode == EXIT_USAGE
    assert b"Traceback" not in process.stderr
    assert process.stderr.count(b"\n") == 1


def test_an_unexpected_exception_is_one_line_too(
    env: FakeServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from gabber_client.cli import _commands

    def broken(*_args: object) -> object:
        raise KeyError("boom")

    monkeypatch.setattr(_commands, "get", broken)  # the parser is built per run

    status = main(["sessions", "get", "rs_1"])

    assert status == EXIT_FAILURE
    assert "unexpected KeyError" in _one_line_error(capsys)
