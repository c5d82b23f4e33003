"""Per-call options' answers that mutation testing found unpinned (issue 23,
``_options``): the texts of each refusal, what each option does alone, how
``extra_body`` merges (into nested dicts, over non-dicts, from any mapping,
without touching the caller's dicts) and how ``extra_query`` joins a query a
URL already has."""

from __future__ import annotations

import types
from typing import Any

import httpx
import pytest
from reliability import payloads
from spec_values import minimal_config

from gabber_client import Gabber, InvalidArgumentError
from gabber_client.testing import FakeGabber

CONFIG: dict[str, Any] = dict(
    minimal_config({"general": {"time_limit_s": 60}, "generative": {"llm": "llm_1"}})
)


@pytest.mark.parametrize(
    ("options", "parameter", "problem"),
    [
        ({"extra_headers": ["X"]}, "extra_headers", "expected a dict of str, got list"),
        ({"extra_headers": {"X-A": 1}}, "extra_headers['X-A']", "expected str, got int"),
        (
            {"extra_headers": {"Authorization": "Bearer x"}},
            "extra_headers['Authorization']",
            "credentials cannot be set here; build the client with api_key= or token=",
        ),
        ({"extra_query": "a=1"}, "extra_query", "expected a dict, got str"),
        ({"extra_query": {"": 1}}, "extra_query", "keys must be non-empty str, got ''"),
        ({"extra_query": {1: 1}}, "extra_query", "keys must be non-empty str, got 1"),
        (
            {"extra_query": {"a": [1, None]}},
            "extra_query['a']",
            "expected a list of str, int, float or bool",
        ),
        (
            {"extra_query": {"a": None}},
            "extra_query['a']",
            "expected str, int, float, bool or a list of them, got NoneType",
        ),
        (
            {"extra_query": {"a": {"b": 1}}},
            "extra_query['a']",
            "expected str, int, float, bool or a list of them, got dict",
        ),
        ({"extra_body": [("a", 1)]}, "extra_body", "expected a dict, got list"),
        ({"extra_body": {1: "x"}}, "extra_body", "keys must be str, got 1"),
    ],
)
def test_each_refusal_names_the_option_and_the_problem(
    options: dict[str, Any], parameter: str, problem: str
) -> None:
    fake = FakeGabber()
    session = fake.create_session()["id"]
    fake.clear_requests()
    with pytest.raises(InvalidArgumentError) as caught:
        fake.client().realtime.speak(session, "hi", **options)
    assert (caught.value.parameter, caught.value.problem) == (parameter, problem)
    assert fake.requests == []


def test_a_body_that_json_cannot_encode_is_refused_naming_why() -> None:
    fake = FakeGabber()
    session = fake.create_session()["id"]
    with pytest.raises(InvalidArgumentError) as caught:
        fake.client().realtime.speak(session, "hi", extra_body={"a": float("nan")})
    assert caught.value.parameter == "extra_body"
    assert caught.value.problem.startswith("not JSON-serializable: ")


class _Seen:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.timeouts: list[dict[str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        self.timeouts.append(request.extensions["timeout"])
        return httpx.Response(200, json=payloads.session("rs_1"))


def _client() -> tuple[Gabber, _Seen]:
    seen = _Seen()
    http = httpx.Client(transport=httpx.MockTransport(seen))
    return Gabber(api_key="k", base_url="http://gabber.test", http_client=http, max_retries=0), seen


@pytest.mark.parametrize("option", ["timeout", "extra_headers", "extra_query", "extra_body"])
def test_each_option_alone_reaches_the_request(option: str) -> None:
    client, seen = _client()
    given: dict[str, Any] = {
        "timeout": 3.5,
        "extra_headers": {"X-Only": "1"},
        "extra_query": {"only": "1"},
        "extra_body": {"only": 1},
    }
    speak: Any = client.realtime.speak
    speak("rs_1", "hi", **{option: given[option]})
    request = seen.requests[-1]
    assert (seen.timeouts[-1]["read"] == 3.5) is (option == "timeout")
    assert (request.headers.get("x-only") == "1") is (option == "extra_headers")
    assert (request.url.params.get("only") == "1") is (option == "extra_query")
    assert (b'"only":1' in request.content.replace(b" ", b"")) is (option == "extra_body")


def test_extra_body_merges_deeply_without_changing_the_callers_dicts() -> None:
    fake = FakeGabber()
    extra = types.MappingProxyType(
        {"config": {"general": {"x_new": 1, "time_limit_s": 30}}, "top": [1]}
    )
    config = {**CONFIG, "general": dict(CONFIG["general"])}
    before = repr(config)
    fake.client().realtime.start(config, extra_body=extra)  # type: ignore[arg-type]
    sent = fake.requests[-1].json
    expected = {**CONFIG["general"], "time_limit_s": 30, "x_new": 1}  # a non-dict replaces
    assert sent["config"]["general"] == expected
    assert sent["config"]["generative"] == CONFIG["generative"]
    assert sent["top"] == [1]
    assert repr(config) == before


def test_extra_query_joins_the_query_a_next_page_url_already_has() -> None:
    fake = FakeGabber(page_size=1)
    for _ in range(3):
        fake.create_session()
    client = fake.client()
    pages = client.realtime.list(extra_query={"trace": "t1"})
    assert len(list(pages)) == 3
    listed = [r for r in fake.requests if r.operation == "list_realtime_sessions"]
    assert [r.params.get("trace") for r in listed] == [["t1"]] * 3
    assert all("page" in r.params for r in listed[1:])
