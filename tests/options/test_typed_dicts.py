"""The request TypedDicts: generated from the spec (never by hand), drift-checked,
exported from ``gabber_client.types``, and used in the facade's signatures so that
``mypy --strict`` flags a misspelt or mistyped key in a dict literal passed to
``start`` and ``update`` (a real mypy run on snippets)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import typing
from pathlib import Path

import pytest
from spec_values import minimal_config, minimal_update

import gabber_client.types as types
from gabber_client._generated import request_types

ROOT = Path(__file__).resolve().parents[2]
SPEC = json.loads((ROOT / "gabber_client" / "_generated" / "openapi.json").read_text())
SCHEMAS = SPEC["components"]["schemas"]

# The dict literals are built from the spec's minimal values (each test's point as
# an override), so that a field made required upstream keeps them valid.
FULL_CONFIG = minimal_config(
    {
        "general": {"time_limit_s": 600, "save_messages": None},
        "input": {"interruptable": True},
        "generative": {"llm": "llm_1", "persona": "p", "tool_definitions": ["t"]},
        "output": {"stream_transcript": True, "answer_message": "Hi"},
    }
)
UPDATE = minimal_update({"general": {"time_limit_s": 60}, "output": None})
MISSPELT_CONFIG = {
    ("generativ" if key == "generative" else key): value for key, value in minimal_config().items()
}

GOOD = f"""
from gabber_client import AsyncGabber, Gabber
from gabber_client.types import RealtimeSessionConfigCreateParam


def run(client: Gabber) -> None:
    client.realtime.start(
        {FULL_CONFIG!r},
        extra_headers={{"X-Trace": "1"}},
        timeout=5,
    )
    client.realtime.update("rs_1", {UPDATE!r})
    client.realtime.dtmf("rs_1", [{{"digit": "#", "duration": 100}}])
    config: RealtimeSessionConfigCreateParam = {minimal_config()!r}
    client.realtime.start(config)


async def arun(client: AsyncGabber) -> None:
    await client.realtime.update("rs_1", {minimal_update({"generative": {"llm": "llm_2"}})!r})
    async for session in client.realtime.list():
        print(session.id)
"""

BAD = {
    "start_misspelt": f"""
from gabber_client import Gabber
def run(client: Gabber) -> None:
    client.realtime.start({MISSPELT_CONFIG!r})
""",
    "start_mistyped": f"""
from gabber_client import Gabber
def run(client: Gabber) -> None:
    client.realtime.start({minimal_config({"general": {"time_limit_s": "600"}})!r})
""",
    "update_misspelt": f"""
from gabber_client import Gabber
def run(client: Gabber) -> None:
    client.realtime.update("rs_1", {minimal_update({"general": {"time_limit": 60}})!r})
""",
    "update_mistyped": f"""
from gabber_client import AsyncGabber
async def run(client: AsyncGabber) -> None:
    await client.realtime.update("rs_1", {minimal_update({"input": {"interruptable": "yes"}})!r})
""",
    "dtmf_bad_digit": """
from gabber_client import Gabber
def run(client: Gabber) -> None:
    client.realtime.dtmf("rs_1", [{"digit": "X", "duration": 100}])
""",
}


def test_mypy_strict_flags_bad_dicts_and_accepts_good_ones(tmp_path: Path) -> None:
    (tmp_path / "good.py").write_text(GOOD)
    for name, code in BAD.items():
        (tmp_path / f"{name}.py").write_text(code)
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    errors: dict[str, list[str]] = {}
    for line in proc.stdout.splitlines():
        match = re.match(r"(\w+)\.py:\d+: error: (.*)", line)
        if match:
            errors.setdefault(match[1], []).append(match[2])
    assert "good" not in errors, proc.stdout
    assert set(errors) == set(BAD), proc.stdout + proc.stderr
    # With the model in the union, mypy names the expected types rather than the key.
    for found in errors.values():
        assert len(found) == 1, found
        assert "Param" in found[0], found


def _reachable_request_schemas() -> set[str]:
    """The component schemas the request bodies use, read from the spec (no copy)."""
    found: set[str] = set()
    pending = [
        media["schema"]["$ref"]
        for item in SPEC["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "requestBody" in op
        for media in op["requestBody"]["content"].values()
    ]
    while pending:
        name = pending.pop().rsplit("/", 1)[1]
        if name not in found:
            found.add(name)
            pending += re.findall(r'"(#/components/schemas/\w+)"', json.dumps(SCHEMAS[name]))
    return found


def test_every_request_object_schema_has_its_typed_dict() -> None:
    expected = {
        f"{name}Param"
        for name in _reachable_request_schemas()
        if SCHEMAS[name].get("properties") or "oneOf" in SCHEMAS[name]
    }
    assert set(request_types.__all__) == expected
    assert set(types.__all__) == expected | {
        "Unset",
        "UNSET",
        "Body",
        "NotGiven",
        "NOT_GIVEN",
        "Headers",
        "Query",
        "Timeout",
    }


@pytest.mark.parametrize("name", sorted(request_types.__all__))
def test_keys_and_required_follow_the_spec(name: str) -> None:
    typed = getattr(types, name)
    schema = SCHEMAS[name.removesuffix("Param")]
    if "oneOf" in schema:
        return  # a union alias: its members are checked on their own
    assert typing.is_typeddict(typed)
    assert set(typed.__annotations__) == set(schema["properties"])
    assert typed.__required_keys__ == frozenset(schema.get("required", []))


def test_the_typed_dicts_are_generated_and_drift_checked(tmp_path: Path) -> None:
    """A hand edit of the generated module is drift; regenerating restores it."""
    target = tmp_path / "gabber_client" / "_generated"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    committed = ROOT / "gabber_client" / "_generated" / "request_types.py"
    assert (target / "request_types.py").read_text() == committed.read_text()

    edited = tmp_path / "edited"
    edited.mkdir()
    for path in (ROOT / "gabber_client" / "_generated").rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            copy = edited / path.relative_to(ROOT / "gabber_client" / "_generated")
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(path.read_bytes())
    stale = edited / "request_types.py"
    stale.write_text(stale.read_text().replace("time_limit_s:", "time_limit:"))
    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_drift.py"), "--package", str(edited)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 1
    assert "changed:  gabber_client/_generated/request_types.py" in check.stderr
