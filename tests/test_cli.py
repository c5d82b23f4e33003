"""The ``gabber`` command against the local fake served on loopback.

Most tests call :func:`gabber_client.cli.main` in-process (output captured with
``capsys``); a few run ``python -m gabber_client.cli`` as a real subprocess. One
module-scoped :class:`FakeServer` serves every test; each test makes its own
sessions (list tests scope theirs to a human of their own), so tests stay
independent of each other's state.
"""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from spec_values import minimal_config, minimal_update

import gabber_client._base_client
from gabber_client import (
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    GabberError,
    InternalServerError,
    InvalidArgumentError,
    RateLimitError,
    __version__,
)
from gabber_client._operations import OPERATIONS
from gabber_client.cli import _commands, main
from gabber_client.cli._exit import UsageError, exit_code
from gabber_client.testing import FakeGabber, FakeServer

API_KEY = "sk-cli-test-" + uuid.uuid4().hex
WRONG_KEY = "sk-wrong-" + uuid.uuid4().hex
PAGE_SIZE = 2
COMMANDS = [entry.cli for entry in OPERATIONS.values()]
"""Every ``gabber sessions`` command: one per operation of the spec, in the table's order."""


@dataclass
class Run:
    """The outcome of one ``gabber`` run."""

    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture(scope="module")
def server() -> Iterator[FakeServer]:
    """The fake, on 127.0.0.1, with small pages so that pagination is exercised."""
    with FakeServer(FakeGabber(api_keys=[API_KEY], page_size=PAGE_SIZE)) as running:
        yield running


@pytest.fixture
def fake(server: FakeServer) -> Iterator[FakeGabber]:
    """The served fake; its faults are cleared after each test."""
    yield server.fake
    server.fake.clear_faults()


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch, server: FakeServer) -> None:
    """GABBER_* pointing at the fake (the CLI's environment fallbacks), and retries
    that do not sleep."""
    for name in [n for n in os.environ if n.startswith("GABBER_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("GABBER_BASE_URL", server.base_url)
    monkeypatch.setenv("GABBER_API_KEY", API_KEY)
    monkeypatch.setattr(gabber_client._base_client, "_sleep", lambda seconds: None)


@pytest.fixture
def gabber(capsys: pytest.CaptureFixture[str]) -> Any:
    """``gabber(*args)``: run the command in-process and return a :class:`Run`."""

    def run(*args: str) -> Run:
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def start(gabber: Any, *extra: str) -> dict[str, Any]:
    """Start a session with ``gabber sessions start`` and return the session."""
    result = gabber("sessions", "start", "--llm", "llm-1", *extra)
    assert result.code == 0, result.err
    session: dict[str, Any] = result.json["session"]
    return session


def assert_one_line_error(result: Run, code: int, *fragments: str) -> None:
    """Exit ``code``, nothing on stdout, one ``gabber: error:`` line on stderr that
    contains ``fragments`` and neither a traceback nor a key."""
    assert result.code == code
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("gabber: error: ")
    for fragment in fragments:
        assert fragment in lines[0]
    assert "Traceback" not in result.err
    assert API_KEY not in result.err
    assert WRONG_KEY not in result.err


def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


# ------------------------------------------------------------------ operations


def test_start_builds_the_configuration_from_the_options(gabber: Any) -> None:
    result = gabber(
        "sessions",
        "start",
        "--llm",
        "llm-1",
        "--voice",
        "voice-1",
        "--persona",
        "persona-1",
        "--scenario",
        "scenario-1",
        "--context",
        "ctx-cli-1",
        "--tool",
        "tool-a",
        "tool-b",
        "--tool",
        "tool-c",
        "--simulated",
        "--time-limit",
        "90",
        "--answer-message",
        "Hi there",
        "--no-stream-transcript",
    )
    assert result.code == 0, result.err
    assert result.err == ""
    started = result.json
    assert started["connection_details"]["url"]
    assert started["connection_details"]["token"]
    session = started["session"]
    assert session["state"] == "in_progress"
    assert session["simulated"] is True
    config = session["config"]
    generative = config["generative"]
    assert generative["llm"]["id"] == "llm-1"
    assert generative["voice_override"]["id"] == "voice-1"
    assert generative["persona"]["id"] == "persona-1"
    assert generative["scenario"]["id"] == "scenario-1"
    assert generative["context"]["id"] == "ctx-cli-1"
    assert [t["id"] for t in generative["tool_definitions"]] == ["tool-a", "tool-b", "tool-c"]
    assert config["general"]["time_limit_s"] == 90
    assert config["output"]["answer_message"] == "Hi there"
    assert config["output"]["stream_transcript"] is False


def test_start_sends_only_what_was_asked(gabber: Any, fake: FakeGabber) -> None:
    session = start(gabber)
    assert session["simulated"] is False
    assert session["config"]["output"]["stream_transcript"] is True
    body = fake.requests[-1].json
    expected = minimal_config(
        {"generative": {"llm": "llm-1"}, "output": {"stream_transcript": True}}
    )
    assert body == {"config": expected}


def test_get_and_end(gabber: Any) -> None:
    session = start(gabber)
    got = gabber("sessions", "get", session["id"])
    assert got.code == 0
    assert got.json["id"] == session["id"]
    assert got.json["state"] == "in_progress"
    ended = gabber("sessions", "end", session["id"])
    assert ended.code == 0
    assert ended.json["state"] == "ended"
    assert ended.json["ended_at"]
    assert gabber("sessions", "get", session["id"]).json["state"] == "ended"


def test_update_from_a_file(gabber: Any, tmp_path: Path) -> None:
    session = start(gabber, "--time-limit", "60")
    config = tmp_path / "update.json"
    config.write_text(json.dumps(minimal_update({"general": {"time_limit_s": 600}})), "utf-8")
    result = gabber("sessions", "update", session["id"], "--json", str(config))
    assert result.code == 0, result.err
    assert result.json["config"]["general"]["time_limit_s"] == 600


def test_update_from_stdin(gabber: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    session = start(gabber)
    update = {"output": {"stream_transcript": True, "answer_message": "Welcome back"}}
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(update)))
    result = gabber("sessions", "update", session["id"], "--json", "-")
    assert result.code == 0, result.err
    assert result.json["config"]["output"]["answer_message"] == "Welcome back"


def test_speak_then_messages_and_timeline_follow_every_page(gabber: Any) -> None:
    session = start(gabber)
    texts = ["one", "two", "three"]  # more than PAGE_SIZE: the pages are followed
    for text in texts:
        spoken = gabber("sessions", "speak", session["id"], text)
        assert spoken.code == 0, spoken.err
        assert spoken.json["id"] == session["id"]
    messages = gabber("sessions", "messages", session["id"]).json
    assert messages["total_count"] == 3
    assert [m["content"][0]["text"] for m in messages["values"]] == texts
    assert {m["role"] for m in messages["values"]} == {"assistant"}
    timeline = gabber("sessions", "timeline", session["id"]).json
    assert timeline["total_count"] == 3
    assert [item["type"] for item in timeline["values"]] == ["agent"] * 3


def test_json_output_is_ascii_and_round_trips(gabber: Any) -> None:
    session = start(gabber)
    text = "¿Qué tal? — 你好 👋"
    assert gabber("sessions", "speak", session["id"], text).code == 0
    result = gabber("sessions", "messages", session["id"])
    assert result.out.isascii()
    assert result.json["values"][-1]["content"][0]["text"] == text


def test_dtmf_sends_one_tone_per_digit(gabber: Any, fake: FakeGabber) -> None:
    session = start(gabber)
    result = gabber("sessions", "dtmf", session["id"], "12#", "--duration-ms", "400")
    assert result.code == 0, result.err
    assert result.json == {
        "session": session["id"],
        "digits": "12#",
        "duration_ms": 400,
        "status": "queued",
    }
    request = fake.requests[-1]
    assert request.operation == "dtmf"
    assert request.json == {
        "digits": [
            {"digit": "1", "duration": 400},
            {"digit": "2", "duration": 400},
            {"digit": "#", "duration": 400},
        ]
    }


def test_call_records_the_numbers(gabber: Any) -> None:
    session = start(gabber)
    result = gabber(
        "sessions", "call", session["id"], "--from", "+14155550100", "--to", "+14155550199"
    )
    assert result.code == 0, result.err
    data = {item["type"]: item["value"] for item in result.json["data"]}
    assert data == {
        "agent_phone_number": "+14155550100",
        "caller_phone_number": "+14155550199",
    }


def test_attach_human_then_the_human_sees_the_session(gabber: Any) -> None:
    session = start(gabber)
    human = "human-" + uuid.uuid4().hex
    result = gabber("sessions", "attach-human", session["id"], human)
    assert result.code == 0, result.err
    assert result.json["human"] == human
    listed = gabber("--human", human, "sessions", "list").json
    assert [s["id"] for s in listed["values"]] == [session["id"]]


def test_list_one_page_then_the_next_then_all(gabber: Any) -> None:
    human = "lister-" + uuid.uuid4().hex
    ids = [start(gabber, "--human", human)["id"] for _ in range(3)]
    newest_first = ids[::-1]

    first = gabber("--human", human, "sessions", "list").json
    assert first["total_count"] == 3
    assert [s["id"] for s in first["values"]] == newest_first[:PAGE_SIZE]
    assert first["next_page"]

    second = gabber("--human", human, "sessions", "list", "--page", first["next_page"]).json
    assert [s["id"] for s in second["values"]] == newest_first[PAGE_SIZE:]
    assert second["next_page"] is None

    every = gabber("--human", human, "sessions", "list", "--all").json
    assert [s["id"] for s in every["values"]] == newest_first
    assert every["next_page"] is None


def test_global_options_work_before_and_after_the_subcommand(
    gabber: Any, monkeypatch: pytest.MonkeyPatch, server: FakeServer
) -> None:
    monkeypatch.delenv("GABBER_API_KEY")
    monkeypatch.delenv("GABBER_BASE_URL")
    creds = ["--api-key", API_KEY, "--base-url", server.base_url]
    session_id = gabber(*creds, "sessions", "start", "--llm", "l").json["session"]["id"]
    after = gabber("sessions", "get", session_id, *creds, "--format", "table")
    assert after.code == 0, after.err
    assert session_id in after.out
    assert after.out.startswith("ID")


def test_a_usage_token_acts_for_its_human(gabber: Any, fake: FakeGabber) -> None:
    token = fake.issue_token("token-human")
    session = start(gabber, "--token", token)
    assert session["human"] == "token-human"
    # speak accepts the API key only: the client refuses the token before sending.
    before = len(fake.requests)
    refused = gabber("--token", token, "sessions", "speak", session["id"], "hi")
    assert_one_line_error(refused, 2, "API key only")
    assert token not in refused.err
    assert len(fake.requests) == before


# ---------------------------------------------------------------------- tables


def test_table_of_a_session(gabber: Any) -> None:
    session = start(gabber, "--simulated")
    result = gabber("--format", "table", "sessions", "get", session["id"])
    assert result.code == 0
    header, row = result.out.splitlines()
    assert header.split() == ["ID", "STATE", "SIMULATED", "HUMAN", "LLM", "CREATED", "ENDED"]
    cells = row.split()
    assert cells[:5] == [session["id"], "in_progress", "yes", "-", "llm-1"]
    assert cells[-1] == "-"  # not ended
    # Aligned: every column starts at the same offset in the header and the row.
    assert row.index("in_progress") == header.index("STATE")
    assert row.index("llm-1") == header.index("LLM")


def test_table_of_a_start_leaves_the_connection_token_out(gabber: Any) -> None:
    as_json = gabber("sessions", "start", "--llm", "llm-1").json
    assert as_json["connection_details"]["token"].startswith("fake-rtc-")  # the fake's tokens
    result = gabber("sessions", "start", "--llm", "llm-1", "--format", "table")
    assert result.code == 0
    lines = result.out.splitlines()
    session_id = lines[1].split()[0]
    assert gabber("sessions", "get", session_id).json["state"] == "in_progress"
    assert lines[3].startswith("connect: ws")
    assert "fake-rtc-" not in result.out


def test_table_of_a_list_has_a_footer_with_the_next_page(gabber: Any) -> None:
    human = "table-" + uuid.uuid4().hex
    ids = [start(gabber, "--human", human)["id"] for _ in range(3)]
    result = gabber("--human", human, "--format", "table", "sessions", "list")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].startswith("ID")
    assert [line.split()[0] for line in lines[1:3]] == ids[::-1][:2]
    assert lines[3] == ""
    assert lines[4].startswith("2 of 3 session(s); next page: gabber sessions list --page ")


def test_tables_of_messages_timeline_and_dtmf(gabber: Any) -> None:
    session = start(gabber)
    gabber("sessions", "speak", session["id"], "Hello   table\nworld")
    messages = gabber("sessions", "messages", session["id"], "--format", "table").out.splitlines()
    assert messages[0].split() == ["ID", "ROLE", "CREATED", "TEXT"]
    assert messages[1].split()[1] == "assistant"
    assert messages[1].endswith("Hello table world")
    assert messages[-1] == "1 of 1 message(s)"

    timeline = gabber("sessions", "timeline", session["id"], "--format", "table").out
    lines = timeline.splitlines()
    assert lines[0].split() == ["AT", "(S)", "TYPE", "SECONDS"]
    assert lines[1].split()[:2] == ["0.0", "agent"]
    assert lines[-1].startswith("1 of 1 item(s), ")

    dtmf = gabber("sessions", "dtmf", session["id"], "9", "--format", "table").out.splitlines()
    assert dtmf[1].split() == [session["id"], "9", "250", "queued"]


# ---------------------------------------------------------------------- errors


def test_wrong_api_key_exits_3(gabber: Any) -> None:
    result = gabber("--api-key", WRONG_KEY, "sessions", "list")
    assert_one_line_error(result, 3, "401")


def test_unknown_session_exits_3(gabber: Any) -> None:
    result = gabber("sessions", "get", "rs_does_not_exist")
    assert_one_line_error(result, 3, "404", "rs_does_not_exist")


def test_rejected_input_exits_3(gabber: Any) -> None:
    session = start(gabber)
    result = gabber("sessions", "call", session["id"], "--from", "0800", "--to", "+14155550199")
    assert_one_line_error(result, 3, "400", "source_phone_number")


def test_server_error_without_retries_exits_4(gabber: Any, fake: FakeGabber) -> None:
    session = start(gabber)
    fake.inject_fault(status=500, operation="get_realtime_session")
    result = gabber("--max-retries", "0", "sessions", "get", session["id"])
    assert_one_line_error(result, 4, "500")
    assert fake.pending_faults() == []


def test_server_errors_are_retried_before_exiting_4(gabber: Any, fake: FakeGabber) -> None:
    session = start(gabber)
    fake.inject_fault(status=503, operation="get_realtime_session", times=3)
    before = len(fake.requests)
    result = gabber("sessions", "get", session["id"], "--max-retries", "2")
    assert_one_line_error(result, 4, "503")
    assert len(fake.requests) - before == 3


def test_connection_refused_exits_5(gabber: Any) -> None:
    base_url = f"http://127.0.0.1:{closed_port()}"
    result = gabber("--base-url", base_url, "sessions", "get", "rs_1")
    assert_one_line_error(result, 5, "ConnectError")


def test_a_malformed_response_exits_6(gabber: Any, fake: FakeGabber) -> None:
    fake.inject_fault(status=200, body=b'{"id": 1}', operation="get_realtime_session")
    result = gabber("sessions", "get", "rs_1")
    assert_one_line_error(result, 6, "does not match RealtimeSession")


def test_bad_dtmf_digit_exits_2_and_sends_nothing(gabber: Any, fake: FakeGabber) -> None:
    session = start(gabber)
    before = len(fake.requests)
    result = gabber("sessions", "dtmf", session["id"], "12x")
    assert_one_line_error(result, 2, "digits", "'x'")
    assert len(fake.requests) == before


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("{not json", "not valid JSON"),
        (
            json.dumps(minimal_update({"general": {"time_limit": 5}})),
            "config.general.time_limit: unknown field",
        ),
        ("[1, 2]", "config: expected"),
    ],
)
def test_bad_update_json_exits_2(
    gabber: Any, fake: FakeGabber, tmp_path: Path, content: str, fragment: str
) -> None:
    config = tmp_path / "update.json"
    config.write_text(content, encoding="utf-8")
    before = len(fake.requests)
    result = gabber("sessions", "update", "rs_1", "--json", str(config))
    assert_one_line_error(result, 2, fragment)
    assert len(fake.requests) == before


def test_unreadable_update_file_exits_2(gabber: Any, tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    result = gabber("sessions", "update", "rs_1", "--json", str(missing))
    assert_one_line_error(result, 2, "cannot read", "missing.json")


def test_a_key_quoted_in_a_message_is_redacted(gabber: Any, tmp_path: Path) -> None:
    quoted = tmp_path / f"{API_KEY}.json"  # the user pasted the key where a file goes
    result = gabber("sessions", "update", "rs_1", "--json", str(quoted))
    assert_one_line_error(result, 2, "cannot read", "<redacted>.json")


def test_invalid_base_url_exits_2(gabber: Any) -> None:
    result = gabber("--base-url", "ftp://127.0.0.1:21", "sessions", "list")
    assert_one_line_error(result, 2, "base_url")


def test_missing_credentials_exit_2(gabber: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GABBER_API_KEY")
    result = gabber("sessions", "list")
    assert_one_line_error(result, 2, "GABBER_API_KEY")


def test_api_key_and_token_together_exit_2(gabber: Any) -> None:
    result = gabber("--api-key", WRONG_KEY, "--token", "t0k3n-secret", "sessions", "list")
    assert_one_line_error(result, 2, "either api_key or token")
    assert "t0k3n-secret" not in result.err


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["sessions"],
        ["sessions", "nope"],
        ["sessions", "start"],  # --llm is required
        ["sessions", "call", "rs_1", "--to", "+14155550199"],  # --from is required
        ["sessions", "dtmf", "rs_1", "1", "--duration-ms", "0"],
        ["--timeout", "0", "sessions", "list"],
        ["--max-retries", "-1", "sessions", "list"],
        ["--format", "yaml", "sessions", "list"],
    ],
)
def test_usage_errors_exit_2_with_the_usage(gabber: Any, args: list[str]) -> None:
    result = gabber(*args)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("usage: gabber")
    assert "gabber" in result.err.splitlines()[-1]
    assert "error:" in result.err.splitlines()[-1]


def test_ctrl_c_exits_130_quietly(gabber: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(client: object, args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(_commands, "get", interrupted)
    result = gabber("sessions", "get", "rs_1")
    assert (result.code, result.out, result.err) == (130, "", "")


class ClosedPipe(io.StringIO):
    """A stdout whose reader went away, as with ``gabber ... | head``."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_stdout_exits_141_quietly(
    gabber: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    session = start(gabber)
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["sessions", "get", session["id"]]) == 141
    assert capsys.readouterr().err == ""


def _response(status: int) -> httpx.Response:
    request = httpx.Request("GET", "http://127.0.0.1:9/v1/realtime/rs_1")
    return httpx.Response(status, request=request)


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (InvalidArgumentError("digits", "bad"), 2),
        (UsageError("--json: bad"), 2),
        (APIStatusError("302", response=_response(302), body=None), 3),
        (RateLimitError("429", response=_response(429), body=None), 3),
        (InternalServerError("502", response=_response(502), body=None), 4),
        (APITimeoutError(request=_response(200).request), 5),
        (APIResponseValidationError("bad body", response=_response(200)), 6),
        (GabberError("refusing to follow next_page"), 1),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, Exception) else str(value),
)
def test_exit_code_of_each_error_class(error: Exception, code: int) -> None:
    assert exit_code(error) == code


# ------------------------------------------------------------------------ help


def test_top_level_help_documents_the_exit_codes(gabber: Any) -> None:
    result = gabber("--help")
    assert result.code == 0
    assert result.out.startswith("usage: gabber")
    for line in ("2    usage error", "3    the API refused", "4    the API failed"):
        assert line in result.out
    for line in ("5    no response", "6    a successful response", "130  interrupted"):
        assert line in result.out
    for option in ("--api-key", "--token", "--base-url", "--human", "--format", "--timeout"):
        assert option in result.out


def test_sessions_help_lists_every_operation(gabber: Any) -> None:
    result = gabber("sessions", "--help")
    assert result.code == 0
    listed = [
        line.split()[0]
        for line in result.out.split("operations:")[1].split("exit status:")[0].splitlines()
        if line.startswith("    ") and not line.startswith("     ")  # not a wrapped summary
    ]
    assert listed == COMMANDS


@pytest.mark.parametrize("operation", COMMANDS)
def test_each_operation_has_help(gabber: Any, operation: str) -> None:
    result = gabber("sessions", operation, "--help")
    assert result.code == 0
    assert result.out.startswith(f"usage: gabber sessions {operation} ")
    assert "exit status:" in result.out


def test_version(gabber: Any) -> None:
    result = gabber("--version")
    assert (result.code, result.out) == (0, f"gabber {__version__}\n")


# ------------------------------------------------------------------ subprocess


def run_module(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``python -m gabber_client.cli ARGS`` in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "gabber_client.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_python_dash_m_runs_the_command(server: FakeServer) -> None:
    env = {**os.environ, "GABBER_BASE_URL": server.base_url, "GABBER_API_KEY": API_KEY}
    started = run_module("sessions", "start", "--llm", "llm-sub", "--simulated", env=env)
    assert started.returncode == 0, started.stderr
    assert started.stderr == ""
    session = json.loads(started.stdout)["session"]
    assert session["config"]["generative"]["llm"]["id"] == "llm-sub"

    ended = run_module("sessions", "end", session["id"], "--format", "table", env=env)
    assert ended.returncode == 0, ended.stderr
    assert ended.stdout.splitlines()[1].split()[:2] == [session["id"], "ended"]


def test_python_dash_m_reports_errors_in_one_line(server: FakeServer) -> None:
    env = {**os.environ, "GABBER_BASE_URL": server.base_url, "GABBER_API_KEY": WRONG_KEY}
    result = run_module("sessions", "list", env=env)
    assert result.returncode == 3
    assert result.stdout == ""
    assert result.stderr.startswith("gabber: error: 401 ")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert WRONG_KEY not in result.stderr


@pytest.mark.parametrize("value", [None, ""])
def test_no_credentials_names_the_options_and_the_variable(
    gabber: Any, fake: FakeGabber, monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    if value is None:
        monkeypatch.delenv("GABBER_API_KEY")
    else:
        monkeypatch.setenv("GABBER_API_KEY", value)
    before = len(fake.requests)
    result = gabber("sessions", "list")
    assert_one_line_error(result, 2, "no credentials", "--api-key", "GABBER_API_KEY", "--token")
    assert "api_key=" not in result.err
    assert len(fake.requests) == before


# ------------------------------------------------------------------ generic commands
@pytest.fixture
def generic_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command generic, as an operation the table gives no hand-tuned flags gets."""
    from gabber_client.cli import _parser

    monkeypatch.setattr(_parser, "_HAND_TUNED", {})


@pytest.mark.usefixtures("generic_only")
def test_generic_commands_reach_every_operation(
    gabber: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = minimal_config({"generative": {"llm": "llm-g"}, "output": {"stream_transcript": True}})
    started = gabber("sessions", "start", "--config", json.dumps(config), "--simulated")
    assert started.code == 0, started.err
    session = started.json["session"]
    assert session["simulated"] is True
    assert session["config"]["generative"]["llm"]["id"] == "llm-g"
    sid = session["id"]

    spoken = gabber("sessions", "speak", sid, "--text", "generic hello")
    assert (spoken.code, spoken.json["id"]) == (0, sid), spoken.err
    body = tmp_path / "update.json"
    body.write_text(json.dumps(minimal_update({"general": {"time_limit_s": 42}})), "utf-8")
    updated = gabber("sessions", "update", sid, "--json", str(body))
    assert updated.json["config"]["general"]["time_limit_s"] == 42, updated.err
    monkeypatch.setattr(sys, "stdin", io.StringIO('[{"digit": "5", "duration": 90}]'))
    assert gabber("sessions", "dtmf", sid, "--json", "-").json == {"status": "ok"}
    messages = gabber("sessions", "messages", sid).json
    assert [m["content"][0]["text"] for m in messages["values"]] == ["generic hello"]
    # A body field named like a global option (--human) gets a --body- flag.
    attached = gabber("sessions", "attach-human", sid, "--body-human", "h_generic")
    assert attached.json["human"] == "h_generic", attached.err
    table_out = gabber("sessions", "get", sid, "--format", "table").out.splitlines()
    assert table_out[0].split() == ["field", "value"]
    assert ["id", sid] in [line.split()[:2] for line in table_out]
    assert gabber("sessions", "end", sid).json["state"] == "ended"


@pytest.mark.usefixtures("generic_only")
def test_generic_command_refuses_unknown_fields_and_missing_body(
    gabber: Any, tmp_path: Path
) -> None:
    body = tmp_path / "speak.json"
    body.write_text(json.dumps({"text": "hi", "volume": 3}), encoding="utf-8")
    unknown = gabber("sessions", "speak", "rs_1", "--json", str(body))
    assert unknown.code == 2
    assert "unknown field(s) ['volume']" in unknown.err
    missing = gabber("sessions", "update", "rs_1")
    assert missing.code == 2
    assert "--json" in missing.err
