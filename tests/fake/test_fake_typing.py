"""The public typing of the fake and the errors: precise, generated from the spec
(``_generated/response_types.py``), and able to catch a typo (``mypy --strict``
runs on a snippet that has some).

The ``assert_type`` lines are checked by ``make typecheck`` (mypy over ``tests/``);
the assertions next to them check the same values at run time.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any, assert_type, get_type_hints

import pytest

import gabber_client
from gabber_client import UNSET, APIStatusError, NotFoundError, Unset
from gabber_client._generated import response_types
from gabber_client._generated._spec_facts import OPERATIONS as SPEC_OPERATIONS
from gabber_client.errors import JSONValue
from gabber_client.testing import FakeGabber, MessageJSON, SessionJSON

SCHEMAS: dict[str, Any] = json.loads(
    resources.files("gabber_client._generated").joinpath("openapi.json").read_text("utf-8")
)["components"]["schemas"]


@pytest.mark.parametrize(
    ("typed", "schema"), [(SessionJSON, "RealtimeSession"), (MessageJSON, "ContextMessage")]
)
def test_json_views_match_the_spec(typed: Any, schema: str) -> None:
    spec = SCHEMAS[schema]
    assert set(get_type_hints(typed)) == set(spec["properties"])
    assert typed.__required_keys__ == set(spec["required"])


def _reachable_response_schemas() -> set[str]:
    found: set[str] = set()
    pending = [facts.response for facts in SPEC_OPERATIONS.values() if facts.response is not None]
    while pending:
        name = pending.pop()
        if name not in found:
            found.add(name)
            pending += re.findall(r'"#/components/schemas/(\w+)"', json.dumps(SCHEMAS[name]))
    return found


def test_every_response_object_schema_has_its_generated_json_typed_dict() -> None:
    expected = {
        f"{name}JSON"
        for name in _reachable_response_schemas()
        if SCHEMAS[name].get("properties") or "oneOf" in SCHEMAS[name]
    }
    assert set(response_types.__all__) == expected
    for name in expected:
        schema = SCHEMAS[name.removesuffix("JSON")]
        typed = getattr(response_types, name)
        if "oneOf" not in schema:
            assert set(typed.__annotations__) == set(schema["properties"])
            assert typed.__required_keys__ == frozenset(schema.get("required", []))


def test_the_fake_returns_what_the_views_say(fake: FakeGabber) -> None:
    created = fake.create_session(human="hum_1")
    message = fake.add_message(created["id"], "hi", role="assistant")
    sessions = fake.sessions()
    assert_type(created, SessionJSON)
    assert_type(message, MessageJSON)
    assert_type(sessions, list[SessionJSON])
    assert_type(fake.get_session(created["id"]), SessionJSON)
    for session in [created, fake.get_session(created["id"]), *sessions]:
        assert SessionJSON.__required_keys__ <= session.keys() <= set(get_type_hints(SessionJSON))
    assert MessageJSON.__required_keys__ <= message.keys() <= set(get_type_hints(MessageJSON))
    assert sessions[0]["human"] == "hum_1"
    assert message["role"] == "assistant"


def test_unset_is_public_and_is_the_generated_one() -> None:
    from gabber_client._generated import types

    assert UNSET is types.UNSET
    assert Unset is types.Unset
    assert {"UNSET", "Unset"} <= set(gabber_client.__all__)
    assert_type(UNSET, Unset)


def test_status_error_fields_are_typed(fake: FakeGabber) -> None:
    fake.inject_fault(status=404, headers={"x-request-id": "req_42"}, body='{"type": "x"}')
    with fake.client(max_retries=0) as client, pytest.raises(NotFoundError) as caught:
        client.realtime.get("rs_1")
    error: APIStatusError = caught.value
    assert_type(error.request_id, str | None)
    assert_type(error.body, JSONValue)
    assert_type(error.status_code, int)
    assert error.request_id == "req_42"
    assert error.body == {"type": "x"}


SNIPPET = """\
from gabber_client.testing import FakeGabber

fake = FakeGabber()
fake.client(max_retires=1)
fake.async_client(timout=5)
fake.add_message("rs_1", "hello", role="robot")
session = fake.sessions()[0]
session["humen"]
fake.client(max_retries=1, human="hum_1").close()
request_id: int = fake.client().realtime.get("rs_1").id
"""


def test_mypy_catches_typos_in_uses_of_the_fake(
    tmp_path: Path, pytestconfig: pytest.Config
) -> None:
    snippet = tmp_path / "fake_typos.py"
    snippet.write_text(SNIPPET)
    cache = pytestconfig.cache.mkdir("typing-mypy") if pytestconfig.cache else tmp_path
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-error-summary",
            "--cache-dir",
            str(cache),
            str(snippet),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    lines = sorted(
        int(line.split(":")[1]) for line in result.stdout.splitlines() if ": error:" in line
    )
    # Each typo is an error on its line; the correct call (line 9) is not.
    assert lines == [4, 5, 6, 8, 10], result.stdout
