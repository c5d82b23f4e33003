"""``make check``: the fast consistency check, run first (a few seconds).

Names, in one run, every piece that is missing or stale after a change to
``openapi.yaml``, the operation table or the package, and what to do about it:

* the spec: it loads and is a valid OpenAPI document;
* generated files: ``openapi.json``, ``_spec_facts.py``, ``request_types.py``,
  ``response_types.py`` and ``api.md`` are re-rendered in-process and compared
  byte for byte; the generator's models and endpoint modules are compared by
  name with the spec's schemas and operations (``make check-drift``, part of
  ``make test``, compares their bytes too, at the cost of running the generator);
* the operation table: an entry for an operation the spec no longer has (stale);
* the facade: every operation of the spec reached by a method of ``Realtime``,
  ``AsyncRealtime`` and their raw-response twins (each method is called once
  against an in-process mock; no network), no two methods on one operation;
* the fake: every operation of the spec answered (not a 404, 405 or 501) with the
  minimal valid body its schema gives;
* the CLI: every ``gabber sessions`` command the table names exists.

Exit 0 when all is consistent; 1, listing every problem, when not.

Usage: ``python scripts/check.py`` (``make check``).
"""

from __future__ import annotations

import asyncio
import inspect
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))  # spec_values: minimal bodies, facade arguments

GENERATED = ROOT / "gabber_client" / "_generated"
Problems = list[str]


def _ruff_format(source: str, name: str) -> str:
    ruff = Path(sys.executable).parent / "ruff"
    config = ["--config", str(ROOT / "ruff.toml"), "--stdin-filename", str(GENERATED / name)]
    proc = subprocess.run(
        [str(ruff), "format", "--quiet", *config, "-"],
        input=source,
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout


def _ruff_fix_and_format(source: str, name: str) -> str:
    ruff = Path(sys.executable).parent / "ruff"
    config = ["--config", str(ROOT / "ruff.toml"), "--stdin-filename", str(GENERATED / name)]
    fixed = subprocess.run(
        [str(ruff), "check", "--fix-only", "--quiet", *config, "-"],
        input=source,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return _ruff_format(fixed, name)


def check_spec(document: dict[str, Any]) -> Problems:
    from openapi_spec_validator import validate

    try:
        validate(document)
    except Exception as exc:  # the validator's own error types, reported as a problem
        return [f"openapi.yaml: not a valid OpenAPI document: {str(exc).splitlines()[0]}"]
    return []


def check_generated(document: dict[str, Any]) -> Problems:
    import generate
    import typed_dicts
    from openapi_python_client.strings import snake_case

    stale = []
    spec_json = json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    expected: dict[str, Callable[[], str]] = {
        "openapi.json": lambda: spec_json,
        "_spec_facts.py": lambda: _ruff_format(
            generate.spec_facts_module(document), "_spec_facts.py"
        ),
        "request_types.py": lambda: _ruff_fix_and_format(
            typed_dicts._Writer(json.loads(spec_json)).module(), "request_types.py"
        ),
        "response_types.py": lambda: _ruff_fix_and_format(
            typed_dicts._ResponseWriter(json.loads(spec_json)).module(), "response_types.py"
        ),
    }
    for name, render in expected.items():
        path = GENERATED / name
        if not path.exists():
            stale.append(f"gabber_client/_generated/{name}: missing")
        elif path.read_text(encoding="utf-8") != render():
            stale.append(f"gabber_client/_generated/{name}: stale")
    # One module per object schema; the generator adds one per inline enum, named
    # after its schema (``<schema>_<field>``).
    schemas = document["components"]["schemas"]
    models = {p.stem for p in (GENERATED / "models").glob("*.py")} - {"__init__"}
    known = {snake_case(name) for name in schemas}
    wanted = {snake_case(name) for name, schema in schemas.items() if "properties" in schema}
    for name in sorted(wanted - models):
        stale.append(f"gabber_client/_generated/models/{name}.py: missing")
    for name in sorted(models):
        if not any(name == k or name.startswith(k + "_") for k in known):
            stale.append(f"gabber_client/_generated/models/{name}.py: no longer in the spec")
    endpoints = {p.stem for p in GENERATED.glob("api/*/*.py")} - {"__init__"}
    operations = {
        snake_case(op["operationId"])
        for item in document["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    for name in sorted(operations - endpoints):
        stale.append(f"gabber_client/_generated/api/: no endpoint module {name}.py")
    for name in sorted(endpoints - operations):
        stale.append(f"gabber_client/_generated/api/: {name}.py is no longer in the spec")
    if stale:
        stale.append("  -> run `make generate` and commit the result")
    return stale


def check_api_md() -> Problems:
    import api_reference

    current = api_reference.API_MD.read_text(encoding="utf-8")
    if api_reference.render() != current:
        return ["api.md: stale (the facade or the spec changed)  -> run `make generate`"]
    return []


def check_table(operations: set[str]) -> Problems:
    from gabber_client import _operations

    return [
        f"gabber_client/_operations.py: the entry {name!r} names an operation openapi.yaml "
        "no longer has  -> remove it"
        for name in sorted(set(_operations.OPERATIONS) - operations)
    ]


def _mock_reply(request: Any) -> Any:
    """A 200 of the operation ``request`` reached, its body made from the schema."""
    import httpx

    from gabber_client._generated._spec_facts import OPERATIONS
    from gabber_client.testing._routing import match_route
    from gabber_client.testing._schema import fill_response, schema_example

    path = request.url.raw_path.decode("ascii").split("?")[0]
    operation = match_route(request.method, path).operation
    schema = OPERATIONS[operation].response if operation is not None else None
    if operation is None:
        return httpx.Response(404, json={"message": f"no operation at {path}"})
    if schema is None:
        return httpx.Response(200)
    return httpx.Response(200, json=fill_response(operation, schema_example(schema)))


def check_facade(operations: set[str]) -> Problems:
    """Each operation, called through its facade method (sync, async, raw twins),
    reaches that operation."""
    import httpx
    from spec_values import call_operation, facade_method_name

    from gabber_client import AsyncGabber, Gabber
    from gabber_client.testing._routing import match_route

    problems: Problems = []
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        reply: httpx.Response = _mock_reply(request)
        return reply

    transport = httpx.MockTransport(handler)
    base = "http://check.invalid"
    sync = Gabber(
        api_key="k", base_url=base, max_retries=0, http_client=httpx.Client(transport=transport)
    )
    async_client = AsyncGabber(
        api_key="k",
        base_url=base,
        max_retries=0,
        http_client=httpx.AsyncClient(transport=transport),
    )

    class Raw:
        def __init__(self, client: Any) -> None:
            self.realtime = client.realtime.with_raw_response

    async def settle(value: Any) -> Any:
        if inspect.isawaitable(value):
            return await value
        if hasattr(value, "__aiter__"):  # an async paginator: its first item (one page)
            async for item in value:
                return item
        return value

    clients = {
        "Realtime": sync,
        "AsyncRealtime": async_client,
        "RealtimeWithRawResponse": Raw(sync),
        "AsyncRealtimeWithRawResponse": Raw(async_client),
    }
    loop = asyncio.new_event_loop()
    try:
        for operation in sorted(operations):
            try:
                method = facade_method_name(operation)
            except KeyError:
                problems.append(
                    f"facade: {operation} has no method  -> `make generate` (the facade is "
                    "generated from the spec and gabber_client/_operations.py)"
                )
                continue
            for where, client in clients.items():
                sent.clear()
                try:
                    loop.run_until_complete(settle(call_operation(client, operation, "rs_c")))
                except Exception as exc:  # named as a problem, with its cause
                    problems.append(f"facade: {where}.{method} ({operation}) failed: {exc!r}")
                    continue
                hit = [match_route(r.method, r.url.raw_path.decode().split("?")[0]) for r in sent]
                if not hit or hit[0].operation != operation:
                    reached = hit[0].operation if hit else None
                    problems.append(f"facade: {where}.{method} reaches {reached}, not {operation}")
    finally:
        loop.run_until_complete(async_client.aclose())
        loop.close()
        sync.close()
    return problems


def check_fake(operations: set[str]) -> Problems:
    """The fake answers each operation with the minimal valid body its schema gives."""
    import httpx
    from spec_values import minimal_body

    from gabber_client._generated._spec_facts import OPERATIONS
    from gabber_client.testing import FakeGabber

    problems: Problems = []
    fake = FakeGabber()
    with httpx.Client(
        transport=fake.transport(), base_url=fake.base_url, headers={"x-api-key": fake.api_key}
    ) as http:
        for operation in sorted(operations):
            facts = OPERATIONS.get(operation)
            if facts is None:
                problems.append(f"fake: {operation} is not in _spec_facts.py  -> `make generate`")
                continue
            session = fake.create_session()["id"]  # a live one for each
            response = http.request(
                facts.method,
                facts.path.replace("{session}", session),
                json=minimal_body(operation),
            )
            if response.status_code != 200:
                problems.append(
                    f"fake: {operation} answered {response.status_code}: {response.text[:200]}"
                )
    return problems


def check_cli() -> Problems:
    """Every ``gabber sessions`` command the table names exists."""
    import argparse

    from gabber_client import _operations
    from gabber_client.cli import _parser

    parser = _parser.build_parser()
    commands: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                for inner in sub._actions:
                    if isinstance(inner, argparse._SubParsersAction):
                        commands |= set(inner.choices)
    return [
        f"cli: `gabber sessions {entry.cli}` ({operation}) does not exist"
        for operation, entry in _operations.OPERATIONS.items()
        if getattr(entry, "cli", None) and entry.cli not in commands
    ]


def main() -> int:
    import yaml

    started = time.perf_counter()
    document = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    operations = {
        op["operationId"]
        for item in document["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    problems: Problems = []
    problems += check_spec(document)
    problems += check_generated(document)
    problems += check_api_md()
    problems += check_table(operations)
    problems += check_facade(operations)
    problems += check_fake(operations)
    problems += check_cli()
    took = time.perf_counter() - started
    if problems:
        print(f"check: {len(problems)} problem(s) ({took:.1f} s):", file=sys.stderr)
        print("\n".join(f"  {line}" for line in problems), file=sys.stderr)
        return 1
    print(f"check: consistent ({took:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
