"""The spec-evolution suite: realistic upstream changes, each applied to a copy of
the repository, and the outcome the maintainers' guide promises for each.

* additive and cosmetic changes (a new optional config field, a new enum value,
  description-only edits, the whole file re-serialised in another YAML style)
  pass ``make generate && make test`` with no other edit; the new field is
  reachable through the facade and echoed by the fake, the new enum value comes
  through the facade; ``make api-diff`` reports them as not breaking (exit 0);
* a new operation is absorbed by ``make generate`` and then fails the coverage
  check with a message naming it and the files to edit; ``make api-diff`` reports
  it as an addition (exit 0);
* a breaking change (a required response field renamed) makes ``make api-diff``
  exit 1 naming the field.

Each copy holds the working tree's files (tracked and untracked, not ignored) and
is committed to a throwaway git repository, so that ``api-diff`` compares the
edited spec with the original (``BASE=HEAD``). The copies reuse this checkout's
``.venv`` (``make VENV=...``; ``PYTHONPATH`` points at the copy, so its code is
the one imported) and its mypy cache; nothing is installed.

Usage: ``python scripts/spec_evolution.py [--only NAME ...] [--keep]``
(``make spec-evolution``). Exit 0 when every scenario has its expected outcome.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
# The environment this runs in (make runs it with .venv/bin/python), else the checkout's.
VENV = Path(sys.prefix) if sys.prefix != sys.base_prefix else ROOT / ".venv"

Spec = dict[str, Any]


class Failed(Exception):
    """A scenario did not have its expected outcome."""


# ------------------------------------------------------------------ the copy
@dataclass
class Copy:
    """A copy of the repository in a temporary directory."""

    root: Path

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS")}
        env["PYTHONPATH"] = str(self.root)
        env["PATH"] = f"{VENV / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        env.pop("VIRTUAL_ENV", None)
        return env

    def run(self, *cmd: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(
            list(cmd), cwd=self.root, env=self.env(), capture_output=True, text=True, check=False
        )
        if check and proc.returncode != 0:
            tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-40:])
            raise Failed(f"`{' '.join(cmd)}` exited {proc.returncode}:\n{tail}")
        return proc

    def make(self, *targets: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        # -o pyproject.toml: never re-run `setup` into the shared environment.
        return self.run(
            "make",
            "--no-print-directory",
            "-o",
            "pyproject.toml",
            f"VENV={VENV}",
            *targets,
            check=check,
        )

    def python(self, code: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run(str(VENV / "bin" / "python"), "-c", textwrap.dedent(code), check=check)

    @property
    def spec_path(self) -> Path:
        return self.root / "openapi.yaml"

    def load(self) -> Spec:
        spec: Spec = yaml.safe_load(self.spec_path.read_text(encoding="utf-8"))
        return spec

    def dump(self, spec: Spec, **style: Any) -> None:
        options: dict[str, Any] = {"sort_keys": False, "allow_unicode": True, "width": 100}
        options.update(style)
        self.spec_path.write_text(yaml.safe_dump(spec, **options), encoding="utf-8")

    def edit(self, change: Callable[[Spec], None]) -> None:
        spec = self.load()
        change(spec)
        self.dump(spec)


def make_copy(parent: Path) -> Copy:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    root = Path(tempfile.mkdtemp(prefix="copy-", dir=parent))
    for name in filter(None, (n.decode() for n in listed)):
        source = ROOT / name
        if source.is_file():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)  # mtimes kept: the setup stamp stays valid
    if (ROOT / ".mypy_cache").is_dir():
        shutil.copytree(ROOT / ".mypy_cache", root / ".mypy_cache")
    git = ["git", "-c", "user.name=spec-evolution", "-c", "user.email=spec-evolution@localhost"]
    for cmd in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "base"]):
        subprocess.run([*git, *cmd], cwd=root, check=True, capture_output=True)
    return Copy(root)


def _api_diff(copy: Copy, expected_status: int, *needles: str) -> str:
    proc = copy.run(
        str(VENV / "bin" / "python"), "scripts/api_diff.py", "--base", "HEAD", check=False
    )
    if proc.returncode != expected_status:
        raise Failed(
            f"api-diff exited {proc.returncode}, expected {expected_status}:\n"
            f"{proc.stdout}{proc.stderr}"
        )
    for needle in needles:
        if needle not in proc.stdout:
            raise Failed(f"api-diff report does not mention {needle!r}:\n{proc.stdout}")
    return proc.stdout


def _generate_and_test(copy: Copy) -> None:
    copy.make("generate")
    copy.make("test")


# ----------------------------------------------------------------- scenarios
def optional_config_field(copy: Copy) -> str:
    def change(spec: Spec) -> None:
        output = spec["components"]["schemas"]["RealtimeSessionOutputConfig"]
        output["properties"]["voice_speed"] = {
            "type": ["number", "null"],
            "description": "How fast the agent speaks, 1.0 being normal speed.",
        }

    copy.edit(change)
    report = _api_diff(copy, 0, "RealtimeSessionOutputConfig.voice_speed")
    _generate_and_test(copy)
    copy.python(
        """
        from gabber_client.models import RealtimeSessionOutputConfig
        from gabber_client.testing import FakeGabber

        assert "voice_speed" in RealtimeSessionOutputConfig.__annotations__
        config = {
            "general": {}, "input": {}, "generative": {"llm": "llm_1"},
            "output": {"stream_transcript": True, "voice_speed": 1.25},
        }
        with FakeGabber().client() as client:
            started = client.realtime.start(config)
            assert started.session.config.output.voice_speed == 1.25, started
            again = client.realtime.get(started.session.id)
            assert again.config.output.voice_speed == 1.25
            update = {"output": {"stream_transcript": True, "voice_speed": 0.75}}
            updated = client.realtime.update(started.session.id, update)
            assert updated.config.output.voice_speed == 0.75
        """
    )
    if "voice_speed" not in (copy.root / "api.md").read_text(encoding="utf-8"):
        raise Failed("api.md does not show voice_speed")
    return report


def enum_value(copy: Copy) -> str:
    def change(spec: Spec) -> None:
        spec["components"]["schemas"]["BadRequestType"]["enum"].append("quota_exceeded")

    copy.edit(change)
    report = _api_diff(copy, 0, "quota_exceeded")
    _generate_and_test(copy)
    copy.python(
        """
        import json
        from gabber_client import BadRequestError
        from gabber_client._generated.models.bad_request_type import BAD_REQUEST_TYPE_VALUES
        from gabber_client.testing import FakeGabber

        assert "quota_exceeded" in BAD_REQUEST_TYPE_VALUES
        fake = FakeGabber()
        body = json.dumps({"type": "quota_exceeded", "message": "over quota"})
        fake.inject_fault(status=400, body=body, content_type="application/json")
        with fake.client(max_retries=0) as client:
            try:
                client.realtime.list()
            except BadRequestError as exc:
                assert exc.type == "quota_exceeded", exc.type
            else:
                raise AssertionError("no BadRequestError")
        """
    )
    return report


def new_operation(copy: Copy) -> str:
    def change(spec: Spec) -> None:
        session = spec["paths"]["/v1/realtime/{session}/end"]["post"]
        spec["paths"]["/v1/realtime/{session}/transfer"] = {
            "post": {
                "operationId": "transfer_realtime_session",
                "tags": ["realtime"],
                "summary": "Transfer a RealtimeSession.",
                "description": "Transfer the call of a live session to a phone number.",
                "security": [{"ApiKeyAuth": []}],
                "parameters": [{"$ref": "#/components/parameters/Session"}],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/TransferRequest"}
                        }
                    },
                },
                "responses": session["responses"],
            }
        }
        spec["components"]["schemas"]["TransferRequest"] = {
            "type": "object",
            "description": "The body of transfer_realtime_session.",
            "required": ["destination_phone_number"],
            "properties": {
                "destination_phone_number": {
                    "type": "string",
                    "description": "The phone number to transfer to (E.164).",
                }
            },
        }

    copy.edit(change)
    report = _api_diff(copy, 0, "operation `transfer_realtime_session`")
    copy.make("generate")
    copy.make("check-drift")
    proc = copy.run(
        str(VENV / "bin" / "pytest"),
        "-q",
        "-p",
        "no:randomly",
        "tests/test_coverage.py",
        check=False,
    )
    output = proc.stdout + proc.stderr
    if proc.returncode == 0:
        raise Failed("the coverage check passed with an operation the facade lacks")
    for needle in (
        "operation transfer_realtime_session (POST /v1/realtime/{session}/transfer)",
        "gabber_client/_operations.py",
        "gabber_client/resources/realtime.py",
        "gabber_client/testing/_fake.py",
        "gabber_client/cli/_parser.py",
    ):
        if needle not in output:
            raise Failed(f"the coverage failure does not name {needle!r}:\n{output[-3000:]}")
    message = next(line for line in output.splitlines() if "transfer_realtime_session (" in line)
    return report + "\ncoverage check: " + message.strip()


def renamed_required_field(copy: Copy) -> str:
    def change(spec: Spec) -> None:
        schema = spec["components"]["schemas"]["RealtimeSession"]
        properties = schema["properties"]
        schema["properties"] = {
            ("project_id" if key == "project" else key): value for key, value in properties.items()
        }
        schema["required"] = ["project_id" if r == "project" else r for r in schema["required"]]

    copy.edit(change)
    return _api_diff(copy, 1, "field `RealtimeSession.project`", "**breaking**")


def description_only(copy: Copy) -> str:
    def change(spec: Spec) -> None:
        spec["info"]["description"] += "\nDescriptions were reworded upstream.\n"
        operation = spec["paths"]["/v1/realtime/{session}/speak"]["post"]
        operation["description"] = "Make the agent of a live session say the given text."
        llm = spec["components"]["schemas"]["LLM"]
        llm["description"] = "The language model the agent thinks with."
        llm["properties"]["name"]["description"] = "The display name of the LLM."

    copy.edit(change)
    report = _api_diff(copy, 0, "description")
    _generate_and_test(copy)
    return report


def reserialised(copy: Copy) -> str:
    spec = copy.load()
    copy.dump(spec, indent=4, width=72, default_flow_style=None, explicit_start=True)
    report = _api_diff(copy, 0, "No change to the API surface")
    _generate_and_test(copy)
    changed = copy.run("git", "status", "--porcelain").stdout.split("\n")
    changed = [line for line in changed if line.strip()]
    if changed != [" M openapi.yaml"]:
        raise Failed(f"re-serialising changed generated files: {changed}")
    return report


SCENARIOS: dict[str, Callable[[Copy], str]] = {
    "optional-config-field": optional_config_field,
    "enum-value": enum_value,
    "new-operation": new_operation,
    "renamed-required-field": renamed_required_field,
    "description-only": description_only,
    "reserialised": reserialised,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=sorted(SCENARIOS), default=list(SCENARIOS))
    parser.add_argument("--keep", action="store_true", help="keep the copies (paths printed)")
    args = parser.parse_args()
    started = time.monotonic()
    failures = 0
    parent = Path(tempfile.mkdtemp(prefix="gabber-spec-evolution-"))
    try:
        for name in args.only:
            begun = time.monotonic()
            copy = make_copy(parent)
            try:
                report = SCENARIOS[name](copy)
            except Failed as exc:
                failures += 1
                print(f"FAIL {name} ({time.monotonic() - begun:.0f} s): {exc}", flush=True)
                continue
            print(f"ok   {name} ({time.monotonic() - begun:.0f} s)", flush=True)
            print(textwrap.indent(report.strip(), "     "), flush=True)
            if not args.keep:
                shutil.rmtree(copy.root, ignore_errors=True)
    finally:
        if args.keep:
            print(f"copies kept in {parent}")
        else:
            shutil.rmtree(parent, ignore_errors=True)
    total = time.monotonic() - started
    print(
        f"spec-evolution: {len(args.only) - failures} of {len(args.only)} scenarios "
        f"as expected, in {total:.0f} s"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
