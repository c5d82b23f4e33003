"""The generated package: complete, forward compatible, and in sync with the spec."""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OPERATIONS = [
    "attach_human",
    "dtmf",
    "end_realtime_session",
    "get_realtime_session",
    "get_realtime_session_messages",
    "get_realtime_session_timeline",
    "initiate_outbound_call",
    "list_realtime_sessions",
    "speak",
    "start_realtime_session",
    "update_realtime_session",
]


@pytest.mark.parametrize("operation", OPERATIONS)
def test_endpoint_module_has_sync_and_async_functions(operation: str) -> None:
    module = importlib.import_module(f"gabber_client._generated.api.realtime.{operation}")
    for name in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
        assert callable(getattr(module, name)), f"{operation}.{name} missing"


def test_no_other_endpoint_modules() -> None:
    api = ROOT / "gabber_client" / "_generated" / "api" / "realtime"
    modules = sorted(p.stem for p in api.glob("*.py") if p.stem != "__init__")
    assert modules == OPERATIONS


def test_unknown_enum_value_parses_as_raw_string() -> None:
    from gabber_client._generated.models.realtime_session_timeline_item import (
        RealtimeSessionTimelineItem,
    )

    item = RealtimeSessionTimelineItem.from_dict({"type": "tool", "seconds": 1.5, "new": 1})
    assert item.type_ == "tool"
    assert item.additional_properties == {"new": 1}
    assert item.to_dict() == {"type": "tool", "seconds": 1.5, "new": 1}


def test_discriminator_tags_stay_strict() -> None:
    from gabber_client._generated.models import (
        ToolDefinitionCallSettings,
        ToolDefinitionCallSettingsDestinationClientApp,
    )

    # A client_app destination that carries a url must not be taken for a web request.
    settings = ToolDefinitionCallSettings.from_dict(
        {"id": "cs", "destination": {"type": "client_app", "url": "https://example.test"}}
    )
    assert isinstance(settings.destination, ToolDefinitionCallSettingsDestinationClientApp)


def test_dot_segment_ids_stay_in_the_path() -> None:
    import httpx

    from gabber_client._generated.api.realtime import end_realtime_session

    kwargs = end_realtime_session._get_kwargs(session="..")
    request = httpx.Client(base_url="https://api.test").build_request(**kwargs)
    assert request.url.raw_path == b"/v1/realtime/%2E%2E/end"


def _check_drift(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_drift.py"), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def test_check_drift_passes_on_committed_code() -> None:
    proc = _check_drift()
    assert proc.returncode == 0, proc.stderr
    assert "no drift" in proc.stdout


def test_check_drift_fails_when_spec_changes(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    text = (ROOT / "openapi.yaml").read_text(encoding="utf-8")
    changed = text.replace(
        "enum: [not_started, in_progress, ended]", "enum: [not_started, in_progress, ended, paused]"
    )
    assert changed != text
    spec.write_text(changed, encoding="utf-8")
    proc = _check_drift("--spec", str(spec))
    assert proc.returncode == 1
    assert "changed:  gabber_client/_generated/models/realtime_session_state.py" in proc.stderr
    assert "make generate" in proc.stderr


def test_check_drift_fails_on_hand_edit(tmp_path: Path) -> None:
    package = tmp_path / "_generated"
    shutil.copytree(ROOT / "gabber_client" / "_generated", package)
    (package / "models" / "llm.py").write_text("# edited by hand\n", encoding="utf-8")
    (package / "stray.py").write_text("", encoding="utf-8")
    proc = _check_drift("--package", str(package))
    assert proc.returncode == 1
    assert "changed:  gabber_client/_generated/models/llm.py" in proc.stderr
    assert "extra:    gabber_client/_generated/stray.py" in proc.stderr
