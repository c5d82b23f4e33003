"""The spec-evolution suite: realistic upstream changes, each applied to a copy of
the repository, and the outcome the maintainers' guide promises for each.

* additive and cosmetic changes (a new optional config field, a new enum value,
  description-only edits, the whole file re-serialised in another YAML style)
  pass ``make generate && make test`` with no other edit; the new field is
  reachable through the facade and echoed by the fake, the new enum value comes
  through the facade; ``make api-diff`` reports them as not breaking (exit 0);
* a new operation (a POST on a session with a small body, answering with the
  session): ``make generate`` then ``make test`` is green with no hand-written
  line, and the operation works through ``Gabber``, ``AsyncGabber`` (and their raw
  twins), ``gabber sessions`` and the fake; ``make api-diff`` reports it as an
  addition (exit 0);
* a new optional response field: green, produced by the fake and typed in its JSON;
* a request field made required (upstream's ``general.save_messages``): ``make
  api-diff`` exits 1 naming it; the fake's default session and ``gabber sessions
  start`` still work; only the user doc examples fail, each naming its block;
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
import re
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


TRANSFER = "transfer_realtime_session"


def _add_transfer(spec: Spec) -> None:
    """A 12th operation as upstream would add one: a POST on a session with a small
    body, answering with the session."""
    session = spec["paths"]["/v1/realtime/{session}/end"]["post"]
    spec["paths"]["/v1/realtime/{session}/transfer"] = {
        "post": {
            "operationId": TRANSFER,
            "tags": ["realtime"],
            "summary": "Transfer a RealtimeSession.",
            "description": "Transfer the call of a live session to a phone number.",
            "security": [{"ApiKeyAuth": []}],
            "parameters": [{"$ref": "#/components/parameters/Session"}],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/TransferRequest"}}
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
                "example": "+14155550123",
            }
        },
    }


_SURFACE = """
    import contextlib, io, json, re
    from gabber_client.cli import main
    from gabber_client.resources.realtime import AsyncRealtime, Realtime
    help_text = io.StringIO()
    with contextlib.redirect_stdout(help_text), contextlib.suppress(SystemExit):
        main(["sessions", "--help"])
    listing = help_text.getvalue().split("OPERATION\\n", 1)  # argparse lists them under it
    commands = re.findall(r"^    ([a-z][a-z0-9-]*)(?:\\s|$)", listing[-1], re.M)
    print(json.dumps({
        "sync": sorted(n for n in dir(Realtime) if not n.startswith("_")),
        "async": sorted(n for n in dir(AsyncRealtime) if not n.startswith("_")),
        "cli": sorted(commands),
    }))
"""


def _surface(copy: Copy) -> dict[str, list[str]]:
    """The public methods of ``Realtime`` and ``AsyncRealtime``, and the ``gabber
    sessions`` commands, of the copy as it is now."""
    import json

    found: dict[str, list[str]] = json.loads(copy.python(_SURFACE).stdout)
    return found


def new_operation(copy: Copy) -> str:
    """A new operation reaches Gabber, AsyncGabber, the CLI and the fake through
    ``make generate`` alone: ``make test`` is green with no hand-written line."""
    before = _surface(copy)
    copy.edit(_add_transfer)
    report = _api_diff(copy, 0, f"operation `{TRANSFER}`")
    _generate_and_test(copy)
    changed = [line[3:] for line in copy.run("git", "status", "--porcelain").stdout.splitlines()]
    after = _surface(copy)
    new = {key: sorted(set(after[key]) - set(before[key])) for key in after}
    if len(new["sync"]) != 1 or new["async"] != new["sync"]:
        raise Failed(f"expected one new method on Realtime and AsyncRealtime, got {new}")
    if len(new["cli"]) != 1:
        raise Failed(f"expected one new `gabber sessions` command, got {new['cli']}")
    method, command = new["sync"][0], new["cli"][0]
    copy.python(
        f"""
        import asyncio, contextlib, io, json, os, sys
        sys.path.insert(0, "tests")
        from spec_values import facade_arguments, minimal_body
        from gabber_client.cli import main
        from gabber_client.testing import FakeGabber, FakeServer

        OPERATION, METHOD, COMMAND = {TRANSFER!r}, {method!r}, {command!r}
        body = minimal_body(OPERATION)
        fake = FakeGabber()
        session = fake.create_session()["id"]

        def arguments(bound):
            return facade_arguments(bound, OPERATION, session, body)

        with fake.client() as client:  # Gabber
            bound = getattr(client.realtime, METHOD)
            assert bound(**arguments(bound)).id == session
            raw = getattr(client.realtime.with_raw_response, METHOD)
            assert raw(**arguments(raw)).parse().id == session

        async def run_async():  # AsyncGabber
            async with fake.async_client() as client:
                bound = getattr(client.realtime, METHOD)
                return (await bound(**arguments(bound))).id

        assert asyncio.run(run_async()) == session
        sent = [r for r in fake.requests if r.operation == OPERATION]
        assert [r.status for r in sent] == [200, 200, 200], sent
        assert all(r.json == body for r in sent), [r.json for r in sent]

        # The fake validates it: a body the schema refuses is a 400 naming the field.
        import httpx
        from gabber_client._generated._spec_facts import OPERATIONS
        path = OPERATIONS[OPERATION].path.replace("{{session}}", session)
        with httpx.Client(transport=fake.transport(), base_url=fake.base_url) as http:
            bad = {{key: 5 for key in body}}
            refused = http.post(path, json=bad, headers={{"x-api-key": fake.api_key}})
            assert refused.status_code == 400, refused.text
            assert next(iter(body)) in refused.json()["message"], refused.text

        # The CLI, against the fake on loopback.
        with FakeServer(fake) as server:
            os.environ["GABBER_API_KEY"] = server.api_key
            usage = io.StringIO()
            with contextlib.redirect_stdout(usage), contextlib.suppress(SystemExit):
                main(["sessions", COMMAND, "--help"])
            argv = ["--base-url", server.base_url, "sessions", COMMAND, session]
            for field, value in body.items():
                flag = "--" + field.replace("_", "-")
                if flag in usage.getvalue():
                    argv += [flag, str(value)]
                elif "--json" in usage.getvalue():
                    with open("transfer.json", "w") as f:
                        json.dump(body, f)
                    argv += ["--json", "transfer.json"]
                    break
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                status = main(argv)
            assert status == 0, (argv, out.getvalue())
            assert fake.requests[-1].operation == OPERATION, fake.requests[-1]
            assert fake.requests[-1].json == body, fake.requests[-1].json
        print("ok")
        """
    )
    return (
        report
        + f"\nmake generate + make test green with no hand edit; changed: {', '.join(changed)}"
        + f"\nreached as Realtime.{method}, AsyncRealtime.{method}, `gabber sessions {command}`"
    )


def new_response_field(copy: Copy) -> str:
    """A new optional response field: green, produced by the fake, typed in its JSON."""

    def change(spec: Spec) -> None:
        session = spec["components"]["schemas"]["RealtimeSession"]
        session["properties"]["region"] = {
            "type": ["string", "null"],
            "description": "Where the session runs.",
            "example": "us-east",
        }

    copy.edit(change)
    report = _api_diff(copy, 0, "RealtimeSession.region")
    _generate_and_test(copy)
    copy.python(
        """
        from typing import get_type_hints
        from gabber_client.testing import FakeGabber, SessionJSON

        assert "region" in get_type_hints(SessionJSON)
        fake = FakeGabber()
        session = fake.create_session()
        assert session["region"] == "us-east", session
        with fake.client() as client:
            assert client.realtime.get(session["id"]).region == "us-east"
        """
    )
    return report


def required_request_field(copy: Copy) -> str:
    """A request field made required (as upstream did with ``save_messages``):
    api-diff exits 1 naming it; the fake and the CLI still work; only the user doc
    examples fail, each naming its block."""

    def change(spec: Spec) -> None:
        general = spec["components"]["schemas"]["RealtimeSessionGeneralConfig"]
        general["required"] = [*general.get("required", []), "save_messages"]

    copy.edit(change)
    report = _api_diff(copy, 1, "RealtimeSessionGeneralConfig.save_messages", "**breaking**")
    copy.make("generate")
    copy.python(
        """
        import contextlib, io, os
        from gabber_client.cli import main
        from gabber_client.testing import FakeGabber, FakeServer

        fake = FakeGabber()
        created = fake.create_session()
        assert created["config"]["general"]["save_messages"] is True, created
        with FakeServer(fake) as server:
            os.environ["GABBER_API_KEY"] = server.api_key
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                status = main(["--base-url", server.base_url, "sessions", "start", "--llm", "l"])
            assert status == 0, out.getvalue()
        assert len(fake.sessions()) == 2
        """
    )
    pytest = copy.run(
        str(VENV / "bin" / "pytest"), "-q", "-p", "no:randomly", "-n", "auto", "-rf", check=False
    )
    failed = [
        line.split(" ", 2)[1]
        for line in pytest.stdout.splitlines()
        if line.startswith(("FAILED ", "ERROR "))
    ]
    # The tests that run or type-check user doc blocks and examples; each of their
    # test ids names its block (``[README.md:36]``, ``[examples/quickstart.py]``).
    allowed = (
        "tests/test_docs.py::",
        "tests/test_docs_typing.py::",
        "tests/options/test_docs_request_options.py::",
        "tests/test_client_examples.py::",
        "tests/test_demo.py::",
    )
    others = [test for test in failed if not test.startswith(allowed)]
    if not failed or others:
        tail = "\n".join(pytest.stdout.splitlines()[-40:])
        raise Failed(f"expected only user doc examples to fail; others: {others}\n{tail}")
    block = re.compile(r"\[[^\]]*(README\.md|api\.md|docs/|examples/|gabber_client/)[^\]]*\]")
    unnamed = [test for test in failed if not block.search(test)]
    if unnamed:
        raise Failed(f"failures that name no block: {unnamed}")
    typecheck = copy.make("typecheck", check=False)
    errors = [line for line in typecheck.stdout.splitlines() if ": error:" in line]
    if any(not line.startswith(("examples/", "README", "docs/")) for line in errors):
        raise Failed("mypy errors outside the user examples:\n" + "\n".join(errors))
    return report + "\nfailing, each a user doc block: " + ", ".join(failed)


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
    "new-response-field": new_response_field,
    "required-request-field": required_request_field,
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
