"""``make api-diff``: each kind of spec change is reported and classified, and the
exit status follows the rule (1 breaking, 0 otherwise, 2 bad input).

Every change is made structurally to a loaded copy of openapi.yaml (names that are
new by construction), so the checks work on any formatting of the spec.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from api_diff import changes, load_at_ref, main, report  # noqa: E402

SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
Edit = Callable[[dict[str, Any]], str]
"""Edits a spec in place; returns a text the report must contain."""


def _schemas(spec: dict[str, Any]) -> dict[str, Any]:
    schemas: dict[str, Any] = spec["components"]["schemas"]
    return schemas


def _new_name(names: Any) -> str:
    return "x_" + "_".join(sorted(names))


def _operation(spec: dict[str, Any], operation_id: str) -> dict[str, Any]:
    for item in spec["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return operation
    raise KeyError(operation_id)


def add_optional_request_field(spec: dict[str, Any]) -> str:
    props = _schemas(spec)["RealtimeSessionOutputConfig"]["properties"]
    name = _new_name(props)
    props[name] = {"type": ["number", "null"], "description": "new"}
    return f"field `RealtimeSessionOutputConfig.{name}` (number, optional)"


def add_required_request_field(spec: dict[str, Any]) -> str:
    schema = _schemas(spec)["SpeakRequest"]
    name = _new_name(schema["properties"])
    schema["properties"][name] = {"type": "string", "description": "new"}
    schema["required"].append(name)
    return f"field `SpeakRequest.{name}` (string, required)"


def add_response_field(spec: dict[str, Any]) -> str:
    schema = _schemas(spec)["RealtimeSession"]
    name = _new_name(schema["properties"])
    schema["properties"][name] = {"type": "string", "description": "new"}
    schema["required"].append(name)
    return f"field `RealtimeSession.{name}`"


def add_enum_value(spec: dict[str, Any]) -> str:
    values = _schemas(spec)["BadRequestType"]["enum"]
    values.append(_new_name(values))
    return f"enum value `{values[-1]}` of `BadRequestType`"


def remove_request_enum_value(spec: dict[str, Any]) -> str:
    values = _schemas(spec)["RealtimeSessionDTMFDigit"]["properties"]["digit"]["enum"]
    gone = values.pop()
    return f"enum value `{gone}` of `RealtimeSessionDTMFDigit.digit`"


def remove_response_only_enum_value(spec: dict[str, Any]) -> str:
    values = _schemas(spec)["RealtimeSessionTimelineItemType"]["enum"]
    gone = values.pop()
    return f"enum value `{gone}` of `RealtimeSessionTimelineItemType`"


def add_operation(spec: dict[str, Any]) -> str:
    path = "/v1/realtime/{session}/" + _new_name(spec["paths"])
    spec["paths"][path] = {
        "post": {
            "operationId": "transfer_x",
            "summary": "New.",
            "description": "New.",
            "security": [{"ApiKeyAuth": []}],
            "parameters": [{"$ref": "#/components/parameters/Session"}],
            "responses": {"200": {"description": "ok"}},
        }
    }
    return "operation `transfer_x`"


def remove_operation(spec: dict[str, Any]) -> str:
    del spec["paths"]["/v1/realtime/{session}/dtmf"]
    return "operation `dtmf`"


def rename_required_response_field(spec: dict[str, Any]) -> str:
    schema = _schemas(spec)["RealtimeSession"]
    schema["properties"]["project_id"] = schema["properties"].pop("project")
    schema["required"] = ["project_id" if r == "project" else r for r in schema["required"]]
    return "field `RealtimeSession.project`"


def make_request_field_required(spec: dict[str, Any]) -> str:
    _schemas(spec)["StartRealtimeSessionRequest"]["required"].append("simulated")
    return "field `StartRealtimeSessionRequest.simulated`: required"


def make_response_field_optional(spec: dict[str, Any]) -> str:
    _schemas(spec)["RealtimeSession"]["required"].remove("project")
    return "field `RealtimeSession.project`: required"


def change_type(spec: dict[str, Any]) -> str:
    _schemas(spec)["RealtimeSessionDTMFDigit"]["properties"]["duration"]["type"] = "number"
    return "field `RealtimeSessionDTMFDigit.duration`: type `integer` → `number`"


def drop_bearer_auth(spec: dict[str, Any]) -> str:
    _operation(spec, "get_realtime_session")["security"] = [{"ApiKeyAuth": []}]
    return "credential `BearerAuth` of operation `get_realtime_session`"


def add_required_parameter(spec: dict[str, Any]) -> str:
    operation = _operation(spec, "list_realtime_sessions")
    operation["parameters"].append(
        {"name": "order", "in": "query", "required": True, "schema": {"type": "string"}}
    )
    return "query parameter `order` of operation `list_realtime_sessions` (string, required)"


def edit_description(spec: dict[str, Any]) -> str:
    _schemas(spec)["LLM"]["properties"]["name"]["description"] += " (edited)"
    _operation(spec, "speak")["summary"] += " (edited)"
    return "field `LLM.name`: description"


def remove_one_of_member(spec: dict[str, Any]) -> str:
    union = _schemas(spec)["ToolDefinitionCallSettingsDestination"]
    tag, ref = next(iter(union["discriminator"]["mapping"].items()))
    del union["discriminator"]["mapping"][tag]
    union["oneOf"] = [m for m in union["oneOf"] if m["$ref"] != ref]
    return f"oneOf member `{tag}` of `ToolDefinitionCallSettingsDestination`"


def _responses(spec: dict[str, Any], with_body: bool) -> tuple[str, str, dict[str, Any]]:
    """(operationId, status, responses) of the first response that has (or lacks) a
    JSON body schema."""
    for item in spec["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for status, response in operation.get("responses", {}).items():
                while "$ref" in response:
                    response = spec["components"]["responses"][response["$ref"].rsplit("/")[-1]]
                has_body = "schema" in response.get("content", {}).get("application/json", {})
                if has_body is with_body:
                    return operation["operationId"], str(status), operation["responses"]
    raise LookupError("no such response")


def give_a_response_a_body(spec: dict[str, Any]) -> str:
    operation, status, responses = _responses(spec, with_body=False)
    schema = {"$ref": "#/components/schemas/BadRequest"}
    responses[status] = {
        "description": "now with a body",
        "content": {"application/json": {"schema": schema}},
    }
    return f"response {status} of operation `{operation}`: schema `None` → `BadRequest`"


def drop_a_response_body(spec: dict[str, Any]) -> str:
    operation, status, responses = _responses(spec, with_body=True)
    responses[status] = {"description": "no body any more"}
    return f"response {status} of operation `{operation}`: schema"


CASES: list[tuple[Edit, bool]] = [
    (give_a_response_a_body, False),
    (drop_a_response_body, True),
    (add_optional_request_field, False),
    (add_required_request_field, True),
    (add_response_field, False),
    (add_enum_value, False),
    (remove_request_enum_value, True),
    (remove_response_only_enum_value, False),
    (add_operation, False),
    (remove_operation, True),
    (rename_required_response_field, True),
    (make_request_field_required, True),
    (make_response_field_optional, True),
    (change_type, True),
    (drop_bearer_auth, True),
    (add_required_parameter, True),
    (edit_description, False),
    (remove_one_of_member, True),
]


@pytest.mark.parametrize(("edit", "breaking"), CASES, ids=[e.__name__ for e, _ in CASES])
def test_each_change_is_reported_and_classified(edit: Edit, breaking: bool) -> None:
    new = copy.deepcopy(SPEC)
    expected = edit(new)
    found = changes(SPEC, new)
    matching = [change for change in found if expected in change.what]
    assert matching, report(found, "HEAD")
    assert any(change.breaking for change in found) is breaking, report(found, "HEAD")
    assert matching[0].breaking is breaking


def test_no_change_reports_nothing() -> None:
    assert changes(SPEC, copy.deepcopy(SPEC)) == []


def test_reserialising_is_no_change() -> None:
    text = yaml.safe_dump(SPEC, default_flow_style=True, sort_keys=True, width=50)
    assert changes(SPEC, yaml.safe_load(text)) == []


def _write(tmp_path: Path, spec: Any) -> Path:
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


def test_exit_status_follows_the_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    head = load_at_ref("HEAD")
    assert main(["--spec", str(_write(tmp_path, head))]) == 0
    assert "No change" in capsys.readouterr().out
    additive = copy.deepcopy(head)
    add_optional_request_field(additive)
    add_enum_value(additive)
    assert main(["--spec", str(_write(tmp_path, additive))]) == 0
    assert "0 breaking" in capsys.readouterr().out
    breaking = copy.deepcopy(head)
    expected = rename_required_response_field(breaking)
    assert main(["--spec", str(_write(tmp_path, breaking)), "--base", "HEAD"]) == 1
    out = capsys.readouterr().out
    assert expected in out
    assert "**breaking**" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--base", "no-such-ref-" + "x" * 8], "no such git ref"),
        (["--spec", "{missing}"], "No such file"),
        (["--spec", "{invalid}"], "not a valid OpenAPI document"),
        (["--spec", "{not_yaml}"], "not YAML"),
    ],
)
def test_bad_input_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    invalid = tmp_path / "invalid.yaml"
    invalid.write_text("openapi: 3.1.0\npaths: {}\n", encoding="utf-8")
    not_yaml = tmp_path / "not.yaml"
    not_yaml.write_text("a: [unclosed\n", encoding="utf-8")
    paths = {
        "{missing}": str(tmp_path / "missing.yaml"),
        "{invalid}": str(invalid),
        "{not_yaml}": str(not_yaml),
    }
    assert main([paths.get(arg, arg) for arg in argv]) == 2
    assert message in capsys.readouterr().err
