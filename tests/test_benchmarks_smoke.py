"""The benchmarks run end to end at tiny sizes and report every figure as valid JSON.

No timing is asserted here: figures belong to ``make bench``. What is checked is
that ``python -m benchmarks`` works, that each figure produces its rows with
coherent fields, that the bodies it parses are valid against openapi.yaml, and
that the measuring helpers (interleaving, medians, goals, the canned server) do
what the figures rely on.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema  # type: ignore[import-untyped]
import pytest
import yaml

from benchmarks import __main__ as bench_main
from benchmarks._canned_server import CannedServer
from benchmarks._data import dumps, full_session, light_session, list_page
from benchmarks._report import Goal, Row, render_table
from benchmarks._timing import compare
from gabber_client import _calls
from gabber_client.models import ListRealtimeSessions200Response, RealtimeSession

ROOT = Path(__file__).resolve().parent.parent

EVERY_KEY = {
    "import",
    "cold.first_call",
    "cold.https_client",
    "parse.page.client",
    "parse.page.models",
    "parse.session.client",
    "parse.session.models",
    "inprocess.get.sync",
    "inprocess.get.async",
    "inprocess.get.lent",
    "inprocess.start",
    "inprocess.with_options",
    "inprocess.for_human",
    "loopback.p50.sync",
    "loopback.p99.sync",
    "loopback.p50.async",
    "loopback.p99.async",
    "loopback.throughput.10",
    "loopback.throughput.50",
    "loopback.throughput.100",
    "memory.pagination",
    "memory.pagination.light",
    "fake.throughput",
}


def _strict_json(text: str) -> Any:
    """``text`` decoded, refusing NaN and Infinity (not JSON)."""

    def refuse(constant: str) -> None:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def _check_row(row: dict[str, Any]) -> None:
    assert row["value"] > 0, row
    assert row["baseline"] > 0, row
    assert row["ratio"] > 0, row
    assert row["rounds"] >= 1, row
    assert row["unit"] in {"ms", "us", "req/s", "MiB"}, row
    goal = row["goal"]
    if goal is None:
        assert row["met"] is None, row
    else:
        limit = goal["limit"]
        within = row["ratio"] <= limit if goal["op"] == "<=" else row["ratio"] >= limit
        assert row["met"] is within, row


def test_quick_run_writes_every_figure_as_json(tmp_path: Path) -> None:
    output = tmp_path / "results" / "latest.json"
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--markdown", "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr

    document = _strict_json(output.read_text(encoding="utf-8"))
    assert document["mode"] == "quick"
    assert document["figures"] == list(bench_main.FIGURES)
    for field in ("cpu", "cores", "python", "httpx"):
        assert document["machine"][field], field
    rows = document["rows"]
    assert {row["key"] for row in rows} == EVERY_KEY
    assert len(rows) == len(EVERY_KEY)
    for row in rows:
        _check_row(row)
        assert row["figure"] in completed.stdout
    assert "| figure | value | baseline | ratio | goal | met? |" in completed.stdout
    assert str(output) in completed.stdout


def test_only_runs_the_named_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "parse.json"
    assert bench_main.main(["--quick", "--only", "parse", "--output", str(output)]) == 0
    rows = _strict_json(output.read_text(encoding="utf-8"))["rows"]
    assert {row["key"] for row in rows} == {k for k in EVERY_KEY if k.startswith("parse.")}
    assert "parse one full session: client" in capsys.readouterr().out


def test_only_refuses_an_unknown_figure(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        bench_main.main(["--quick", "--only", "parse,nope"])
    assert exit_info.value.code == 2
    assert "unknown figure" in capsys.readouterr().err


def test_check_exits_1_when_a_goal_is_missed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missed(_sizes: object) -> list[Row]:
        return [Row("x", "made-up figure", "b", "ms", 3.0, 1.0, 3.0, Goal("<=", 1.5), 1)]

    monkeypatch.setitem(bench_main.FIGURES, "parse", missed)
    output = tmp_path / "x.json"
    argv = ["--quick", "--only", "parse", "--output", str(output)]
    assert bench_main.main(argv) == 0
    assert bench_main.main([*argv, "--check"]) == 1


# ---------------------------------------------------------------- the bodies


@pytest.fixture(scope="module")
def spec_components() -> dict[str, Any]:
    with (ROOT / "openapi.yaml").open(encoding="utf-8") as spec:
        components: dict[str, Any] = yaml.safe_load(spec)["components"]
    return components


def _validate(instance: object, schema_name: str, components: dict[str, Any]) -> None:
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": components}
    jsonschema.Draft202012Validator(schema).validate(instance)


def test_bodies_are_valid_against_the_spec(spec_components: dict[str, Any]) -> None:
    for index in (0, 1, 2, 9, 10, 999):
        _validate(full_session(index), "RealtimeSession", spec_components)
        _validate(light_session(index), "RealtimeSession", spec_components)
    page = list_page(5, 4, total_count=40, next_page="p2")
    _validate(page, "ListRealtimeSessions200Response", spec_components)
    last = list_page(0, 3, total_count=3, next_page=None, full=False)
    _validate(last, "ListRealtimeSessions200Response", spec_components)


def test_bodies_parse_with_the_clients_own_parsers() -> None:
    request = httpx.Request("GET", "http://gabber.bench.invalid/v1/realtime/rs_000003")
    response = httpx.Response(200, content=dumps(full_session(3)), request=request)
    session = _calls.build("get_realtime_session", path={"session": "rs_000003"}).parse(response)
    assert isinstance(session, RealtimeSession)
    assert session.id == "rs_000003"
    assert len(session.config.generative.tool_definitions) == 2
    page = ListRealtimeSessions200Response.from_dict(
        json.loads(dumps(list_page(0, 3, total_count=9, next_page="p1", full=False)))
    )
    assert [s.id for s in page.values] == ["rs_000000", "rs_000001", "rs_000002"]
    assert page.next_page == "p1"


def test_bodies_are_deterministic_distinct_and_about_3_mb() -> None:
    assert dumps(full_session(5)) == dumps(full_session(5))
    assert dumps(full_session(5)) != dumps(full_session(6))
    size = len(dumps(list_page(0, 1_000, total_count=1_000, next_page=None)))
    assert 2_500_000 < size < 4_500_000, size


# ------------------------------------------------------------------ helpers


def _samples(values: list[float], calls: list[str], name: str) -> Iterator[float]:
    for value in values:
        calls.append(name)
        yield value


def test_compare_interleaves_and_takes_medians() -> None:
    calls: list[str] = []
    candidate = _samples([9.0, 2.0, 6.0, 4.0], calls, "c")
    baseline = _samples([9.0, 1.0, 2.0, 4.0], calls, "b")
    result = compare(lambda: next(candidate), lambda: next(baseline), rounds=3, warmup=1)
    # the warm-up pair, then rounds alternating which side goes first
    assert calls == ["c", "b", "c", "b", "b", "c", "c", "b"]
    assert result.candidate == 4.0  # median of 2, 6, 4 (the warm-up 9 is dropped)
    assert result.baseline == 2.0  # median of 1, 2, 4
    assert result.ratio == 2.0  # median of 2/1, 6/2, 4/4
    assert result.rounds == 3


def test_compare_refuses_non_positive_samples() -> None:
    with pytest.raises(ValueError, match="positive"):
        compare(lambda: 0.0, lambda: 1.0, rounds=1, warmup=0)


def test_goal_bounds_are_inclusive() -> None:
    assert Goal("<=", 1.5).met(1.5)
    assert not Goal("<=", 1.5).met(1.51)
    assert Goal(">=", 0.9).met(0.9)
    assert not Goal(">=", 0.9).met(0.89)
    assert str(Goal(">=", 0.9)) == ">= 0.9x"


def test_table_has_one_line_per_row() -> None:
    rows = [
        Row("a", "figure a", "base a", "ms", 2.0, 1.0, 2.0, Goal("<=", 1.5), 3),
        Row("b", "figure b", "base b", "req/s", 900.0, 1000.0, 0.9, None, 3),
    ]
    text = render_table(rows).splitlines()
    assert len(text) == 4  # header, rule, two rows
    assert text[2].split()[-1] == "NO"
    assert text[3].split()[-1] == "-"
    markdown = render_table(rows, markdown=True).splitlines()
    assert len(markdown) == 4
    assert markdown[2] == "| figure a | 2.00 ms | 1.00 ms (base a) | 2.00x | <= 1.5x | NO |"


def test_canned_server_answers_every_request_on_one_connection() -> None:
    body = dumps(full_session(1))
    with CannedServer(body) as server, httpx.Client(base_url=server.base_url) as http:
        first = http.get("/v1/realtime/rs_000001")
        posted = http.post("/v1/realtime/rs_000001/speak", json={"text": "hello " * 500})
        again = http.get("/anything")
    for response in (first, posted, again):
        assert response.status_code == 200
        assert response.content == body
    assert first.extensions["network_stream"] is again.extensions["network_stream"]
