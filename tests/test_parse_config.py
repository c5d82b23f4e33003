"""``gabber_client.parse_config``: untrusted JSON as a checked, typed config (issue 22)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from spec_values import minimal_config, minimal_update, spec

from gabber_client import InvalidArgumentError, parse_config
from gabber_client._minimal import minimal_value
from gabber_client.testing import FakeGabber

VALID: dict[str, Any] = dict(
    minimal_config({"general": {"time_limit_s": 60}, "generative": {"llm": "llm_1"}})
)


def test_a_valid_config_is_returned_as_it_is_and_starts() -> None:
    data = json.loads(json.dumps(VALID))
    config = parse_config(data)
    assert config is data
    with FakeGabber().client() as client:
        assert client.realtime.start(config).session.config.general.time_limit_s == 60


def test_every_problem_at_once_each_with_its_path() -> None:
    general = minimal_value("RealtimeSessionGeneralConfig", {"time_limit": 5})
    generative = minimal_value("RealtimeSessionGenerativeConfigCreate", {"llm": 7})
    body = json.loads(json.dumps({"general": general, "generative": generative}))
    with pytest.raises(InvalidArgumentError) as raised:
        parse_config(body)
    known = sorted(spec()["components"]["schemas"]["RealtimeSessionGeneralConfig"]["properties"])
    assert set(raised.value.problems) == {
        ("config.input", "is required"),
        ("config.output", "is required"),
        ("config.general.time_limit", f"unknown field (known fields: {', '.join(known)})"),
        ("config.generative.llm", "expected string, got int"),
    }


def test_an_update_config_is_checked_against_its_own_schema() -> None:
    update = minimal_update({"general": {"time_limit_s": 9}})
    assert parse_config(json.loads(json.dumps(update)), "update") == update
    with pytest.raises(InvalidArgumentError) as raised:
        parse_config({"output": {"stream_transcript": "yes"}}, "update")
    assert raised.value.problems == (
        ("config.output.stream_transcript", "expected boolean, got str"),
    )


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ([VALID], "expected object, got list"),
        (None, "expected object, got null"),
        ("{}", "expected object, got str"),
    ],
)
def test_not_an_object(data: object, problem: str) -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        parse_config(data)
    assert raised.value.problems == (("config", problem),)


def test_not_json_at_all() -> None:
    with pytest.raises(InvalidArgumentError, match=r"config\.general\.time_limit_s"):
        parse_config(minimal_config({"general": {"time_limit_s": float("nan")}}))


def test_the_path_prefix_is_the_callers() -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        parse_config({**VALID, "input": 3}, parameter="body.config")
    assert raised.value.parameter == "body.config.input"


def test_an_unknown_method_is_refused() -> None:
    with pytest.raises(InvalidArgumentError, match="expected 'start' or 'update'"):
        parse_config(VALID, "end")  # type: ignore[call-overload]
