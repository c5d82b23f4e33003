"""``make check`` (scripts/check.py): fast, and it names each stale or missing piece."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import check  # noqa: E402

SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
OPERATIONS = {
    op["operationId"]
    for item in SPEC["paths"].values()
    for op in item.values()
    if isinstance(op, dict) and "operationId" in op
}


def test_the_repository_is_consistent() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("check: consistent")


def test_a_spec_edit_names_every_stale_generated_file() -> None:
    edited = copy.deepcopy(SPEC)
    edited["components"]["schemas"]["RealtimeSession"]["properties"]["region"] = {"type": "string"}
    edited["components"]["schemas"]["NewThing"] = {
        "type": "object",
        "properties": {"x": {"type": "string"}},
    }
    problems = check.check_generated(edited)
    for name in ("openapi.json", "response_types.py", "models/new_thing.py: missing"):
        assert any(name in line for line in problems), problems
    assert not any("request_types.py" in line for line in problems), problems
    assert problems[-1].endswith("run `make generate` and commit the result")


def test_an_operation_gained_or_lost_is_named() -> None:
    lost = sorted(OPERATIONS)[0]
    stale = check.check_table(OPERATIONS - {lost})
    assert any(repr(lost) in line and "no longer has" in line for line in stale), stale
    new = "op_" + "_".join(sorted(OPERATIONS))  # a name no spec can hold
    unserved = check.check_fake(OPERATIONS | {new})
    assert unserved == [f"fake: {new} is not in _spec_facts.py  -> `make generate`"]
