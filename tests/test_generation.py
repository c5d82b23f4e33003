"""The generated package: complete, forward compatible, and in sync with the spec."""

from __future__ import annotations

import ast
import importlib
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
OPERATIONS = sorted(
    operation["operationId"]
    for item in SPEC["paths"].values()
    for operation in item.values()
    if isinstance(operation, dict) and "operationId" in operation
)
"""The operationIds of openapi.yaml."""


def _enums() -> list[tuple[str, str, list[str]]]:
    """(schema, property, values) of every inline enum of two or more values."""
    found = []
    for name, schema in SPEC["components"]["schemas"].items():
        for prop, node in schema.get("properties", {}).items():
            if len(node.get("enum", ())) >= 2:
                found.append((name, prop, list(node["enum"])))
    return found


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

    values = SPEC["components"]["schemas"]["RealtimeSessionTimelineItemType"]["enum"]
    unknown = "_".join(values)  # not one of them, by construction
    item = RealtimeSessionTimelineItem.from_dict({"type": unknown, "seconds": 1.5, "new": 1})
    assert item.type_ == unknown
    assert item.additional_properties == {"new": 1}
    assert item.to_dict() == {"type": unknown, "seconds": 1.5, "new": 1}


def test_the_generated_enums_hold_the_specs_values() -> None:
    models = ROOT / "gabber_client" / "_generated" / "models"
    sets = set()
    for path in models.glob("*.py"):
        module = importlib.import_module(f"gabber_client._generated.models.{path.stem}")
        for name, value in vars(module).items():
            if name.endswith("_VALUES") and isinstance(value, frozenset):
                sets.add(value)
    spec_enums = [
        (name, schema["enum"])
        for name, schema in SPEC["components"]["schemas"].items()
        if "enum" in schema
    ] + [(f"{s}.{p}", values) for s, p, values in _enums()]
    assert spec_enums
    for where, values in spec_enums:
        assert frozenset(values) in sets or len(values) < 2, f"{where}: no generated enum"


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
    """The spec is edited structurally (load, edit, dump in another style), so this
    works on any formatting of it."""
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    schema, prop, values = _enums()[0]
    unknown = "_".join(values)  # a value the enum cannot hold yet, by construction
    spec["components"]["schemas"][schema]["properties"][prop]["enum"].append(unknown)
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False, width=1000), encoding="utf-8")
    proc = _check_drift("--spec", str(path))
    assert proc.returncode == 1
    assert "changed:  gabber_client/_generated/models/" in proc.stderr
    assert "changed:  gabber_client/_generated/openapi.json" in proc.stderr
    assert "make generate" in proc.stderr


def test_check_drift_passes_on_a_reserialised_spec(tmp_path: Path) -> None:
    """The same spec in another YAML style generates the same package."""
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    path = tmp_path / "openapi.yaml"
    text = yaml.safe_dump(spec, default_flow_style=True, sort_keys=False, width=60)
    path.write_text(text, encoding="utf-8")
    proc = _check_drift("--spec", str(path))
    assert proc.returncode == 0, proc.stderr


def test_check_drift_fails_on_hand_edit(tmp_path: Path) -> None:
    package = tmp_path / "_generated"
    shutil.copytree(ROOT / "gabber_client" / "_generated", package)
    (package / "models" / "llm.py").write_text("# edited by hand\n", encoding="utf-8")
    (package / "stray.py").write_text("", encoding="utf-8")
    proc = _check_drift("--package", str(package))
    assert proc.returncode == 1
    assert "changed:  gabber_client/_generated/models/llm.py" in proc.stderr
    assert "extra:    gabber_client/_generated/stray.py" in proc.stderr


def test_check_drift_fails_on_a_stale_api_md(tmp_path: Path) -> None:
    stale = tmp_path / "api.md"
    text = (ROOT / "api.md").read_text(encoding="utf-8")
    stale.write_text(text.replace("### realtime.", "### stale.", 1), encoding="utf-8")
    proc = _check_drift("--api-md", str(stale))
    assert proc.returncode == 1
    assert "changed:  api.md" in proc.stderr


def test_api_md_shows_every_facade_method_and_model() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from api_reference import signature

    from gabber_client._operations import OPERATIONS, SPEC_OPERATIONS
    from gabber_client.resources.realtime import Realtime

    text = (ROOT / "api.md").read_text(encoding="utf-8")
    for operation, entry in OPERATIONS.items():
        facts = SPEC_OPERATIONS[operation]
        assert f"client.realtime.{signature(getattr(Realtime, entry.method))}" in text
        assert f"`{facts.method} {facts.path}`" in text
    for name, schema in SPEC["components"]["schemas"].items():
        assert f"### {name}\n" in text
        for prop in schema.get("properties", {}):
            assert f"| `{prop}` |" in text


# ------------------------------------------------ the facade: defaults and generation
def _facts(method: str, *, paged: bool = False, query: tuple[str, ...] = ()) -> Any:
    from gabber_client._operations import SpecOperation

    return SpecOperation(
        method=method,
        path="/v1/things",
        security=("ApiKeyAuth",),
        api_key_only=True,
        human_header=False,
        request_body=None,
        response=None,
        summary="",
        parameters=tuple(("query", name, name, "string") for name in query),
        paged=paged,
    )


@pytest.mark.parametrize(
    ("method", "idempotent"),
    [("GET", True), ("PUT", True), ("DELETE", True), ("POST", False), ("PATCH", False)],
)
def test_an_operation_without_overrides_gets_the_documented_defaults(
    method: str, idempotent: bool
) -> None:
    from gabber_client._operations import resolve

    entry = resolve("list_new_things", _facts(method))
    assert entry.method == "list_new_things"
    assert entry.cli == "list-new-things"
    assert entry.retry_after_sent is idempotent
    assert entry.paging == "none"


def test_paging_is_read_from_the_response_and_the_query() -> None:
    from gabber_client._operations import Override, resolve

    assert resolve("a", _facts("GET", paged=True, query=("page",))).paging == "token"
    assert resolve("a", _facts("GET", paged=True, query=("limit",))).paging == "url"
    assert resolve("a", _facts("GET", query=("page",))).paging == "none"
    override = Override("nicer", retry_after_sent=False, paging="none", cli="go")
    entry = resolve("a", _facts("GET", paged=True, query=("page",)), override)
    assert (entry.method, entry.retry_after_sent, entry.paging, entry.cli) == (
        "nicer",
        False,
        "none",
        "go",
    )


def test_the_generated_facade_has_a_method_for_every_operation_of_a_grown_spec() -> None:
    """The generator alone turns new operations into typed methods (a spec with
    every operation twice, the copies under new ids, rendered in-process)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    sys.path.insert(0, str(ROOT))
    import facade
    import generate

    from benchmarks.spec_scale import scaled_spec

    document = scaled_spec(SPEC, 2)
    source = facade.Facade(document, generate.operation_facts(document)).render()
    tree = ast.parse(source)
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    for name in ("Realtime", "AsyncRealtime"):
        methods = {
            n.name
            for n in classes[name].body
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
        }
        for operation in OPERATIONS:
            assert f"{operation}_copy1" in methods, (name, operation)


def _render(document: dict[str, Any]) -> str:
    sys.path.insert(0, str(ROOT / "scripts"))
    import facade
    import generate

    return str(facade.Facade(document, generate.operation_facts(document)).render())


def _with_operation(operation_id: str, tag: str = "realtime") -> dict[str, Any]:
    import copy

    document = copy.deepcopy(SPEC)
    template = document["paths"]["/v1/realtime/{session}"]["get"]
    document["paths"]["/v1/realtime/{session}/extra"] = {
        "get": {**copy.deepcopy(template), "operationId": operation_id, "tags": [tag]}
    }
    return document


def test_the_generator_refuses_a_method_name_used_twice() -> None:
    # "start" is the table's name for start_realtime_session already.
    with pytest.raises(SystemExit, match=r"method name 'start' is used by \[.*'start'"):
        _render(_with_operation("start"))


def test_the_generator_refuses_an_operation_of_another_resource() -> None:
    with pytest.raises(SystemExit, match="get_voice: its first tag is 'voices'"):
        _render(_with_operation("get_voice", tag="voices"))


def test_a_new_get_operation_is_generated_with_its_defaults() -> None:
    source = _render(_with_operation("get_realtime_session_extra"))
    assert "    def get_realtime_session_extra(\n        self,\n        session: str," in source
    assert "    async def get_realtime_session_extra(" in source
    assert "self.get_realtime_session_extra = to_raw_response_wrapper(" in source
    assert "Retried, when it fails, even after the request may have reached" in source
