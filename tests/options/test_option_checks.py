"""Per-call options are checked before anything is sent: credentials cannot be
overridden through ``extra_headers`` (nor ``with_options(default_headers=)``),
header names and values are checked as ``default_headers`` are, and bad query or
body values are refused with a typed error naming them."""

from __future__ import annotations

from typing import Any

import pytest

from gabber_client import InvalidArgumentError
from gabber_client.testing import FakeGabber

CREDENTIALS = ["x-api-key", "X-Api-Key", "Authorization", "authorization", "Proxy-Authorization"]


@pytest.mark.parametrize("name", CREDENTIALS)
@pytest.mark.parametrize("flavour", ["api_key", "token"])
def test_credentials_cannot_be_overridden_per_call(name: str, flavour: str) -> None:
    fake = FakeGabber()
    session = fake.create_session()["id"]
    client = fake.client() if flavour == "api_key" else fake.client(token=fake.issue_token("h"))
    fake.clear_requests()

    with pytest.raises(InvalidArgumentError) as caught:
        client.realtime.get(session, extra_headers={name: "stolen-or-forged"})

    assert caught.value.parameter == f"extra_headers[{name!r}]"
    assert "credentials" in str(caught.value)
    assert "stolen-or-forged" not in str(caught.value)
    assert fake.requests == []


@pytest.mark.parametrize("name", CREDENTIALS)
def test_credentials_cannot_be_set_by_with_options(name: str) -> None:
    client = FakeGabber().client()
    with pytest.raises(InvalidArgumentError) as caught:
        client.with_options(default_headers={name: "x"})
    assert caught.value.parameter == f"default_headers[{name!r}]"


@pytest.mark.parametrize(
    ("options", "parameter"),
    [
        ({"extra_headers": {"X-A": "a\r\nInjected: 1"}}, "extra_headers['X-A']"),
        ({"extra_headers": {"X-A": ""}}, "extra_headers['X-A']"),
        ({"extra_headers": {"X-A": "é"}}, "extra_headers['X-A']"),
        ({"extra_headers": {"Bad\nName": "v"}}, "extra_headers"),
        ({"extra_headers": {"Bad Name": "v"}}, "extra_headers"),
        ({"extra_headers": {"Bad:Name": "v"}}, "extra_headers"),
        ({"extra_headers": {"X(y)": "v"}}, "extra_headers"),
        ({"extra_headers": {"X-A": 1}}, "extra_headers['X-A']"),
        ({"extra_headers": ["X-A"]}, "extra_headers"),
        ({"extra_query": {"a": None}}, "extra_query['a']"),
        ({"extra_query": {"a": {"b": 1}}}, "extra_query['a']"),
        ({"extra_query": {"": "x"}}, "extra_query"),
        ({"extra_query": "a=1"}, "extra_query"),
        ({"timeout": 0}, "timeout"),
        ({"timeout": "5"}, "timeout"),
        ({"timeout": True}, "timeout"),
    ],
)
def test_bad_options_are_refused_before_sending(options: dict[str, Any], parameter: str) -> None:
    fake = FakeGabber()
    session = fake.create_session()["id"]
    with pytest.raises(InvalidArgumentError) as caught:
        fake.client().realtime.get(session, **options)
    assert caught.value.parameter == parameter
    assert fake.requests == []


@pytest.mark.parametrize(
    "extra_body",
    [{"a": {1, 2}}, {"a": float("nan")}, {"a": object()}, [("a", 1)], "a=1", {1: "x"}],
)
def test_a_body_that_is_not_json_is_refused(extra_body: Any) -> None:
    fake = FakeGabber()
    session = fake.create_session()["id"]
    with pytest.raises(InvalidArgumentError) as caught:
        fake.client().realtime.speak(session, "hi", extra_body=extra_body)
    assert caught.value.parameter == "extra_body"
    assert fake.requests == []


def test_extra_body_may_replace_a_checked_field() -> None:
    """The escape hatch is not checked: what it says is what is sent."""
    fake = FakeGabber()
    session = fake.create_session()["id"]
    fake.client().realtime.speak(session, "checked", extra_body={"text": "replaced"})
    assert fake.requests[-1].json == {"text": "replaced"}


def test_extra_query_lists_repeat_the_parameter() -> None:
    fake = FakeGabber()
    session = fake.create_session()["id"]
    fake.client().realtime.get(session, extra_query={"tag": ["a", "b"], "on": True})
    assert fake.requests[-1].params == {"tag": ["a", "b"], "on": ["true"]}


def test_other_headers_may_be_overridden_per_call() -> None:
    fake = FakeGabber()
    session = fake.create_session()["id"]
    client = fake.client(default_headers={"X-Team": "a"})
    client.realtime.get(session, extra_headers={"X-Team": "b", "User-Agent": "mine/1"})
    sent = fake.requests[-1].headers
    assert sent["x-team"] == "b"
    assert sent["user-agent"] == "mine/1"
    assert sent["x-api-key"] == fake.api_key
