"""Every operation of openapi.yaml reaches every layer; the table names no other.

The operations are read from the spec (``_generated/_spec_facts.py``, written from
openapi.yaml by ``make generate``), their names from the operation table's
overrides or its defaults (``gabber_client/_operations.py``). The facade (sync,
async, both ``with_raw_response``) and the CLI come out of ``make generate`` and
the spec alone, so a gap there means the generated code is stale; the fake serves
what it has a handler for. A failure names the operation and what to do.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Mapping

import pytest

from gabber_client._operations import OPERATIONS, OVERRIDES, SPEC_OPERATIONS, Operation
from gabber_client.cli._parser import build_parser
from gabber_client.resources.realtime import (
    AsyncRealtime,
    AsyncRealtimeWithRawResponse,
    Realtime,
)
from gabber_client.testing import FakeGabber

REGENERATE = "run `make generate` (the facade is generated from openapi.yaml and the table)"


def _cli_commands() -> set[str]:
    parser = build_parser()
    found: set[str] = set()

    def walk(p: argparse.ArgumentParser) -> None:
        for action in p._actions:  # argparse has no public accessor for subparsers
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found.add(name)
                    walk(sub)

    walk(parser)
    return found


def _raw_methods() -> tuple[set[str], set[str]]:
    fake = FakeGabber()
    with fake.client() as client:
        sync_raw = set(vars(client.realtime.with_raw_response))
    async_raw = set(vars(AsyncRealtimeWithRawResponse(AsyncRealtime(fake.async_client()))))
    return sync_raw, async_raw


def coverage_problems(
    spec: Iterable[str],
    table: Mapping[str, Operation],
    overrides: Iterable[str] = OVERRIDES,
    *,
    facade: Iterable[type] = (Realtime, AsyncRealtime),
    raw: tuple[set[str], set[str]] | None = None,
    commands: set[str] | None = None,
) -> list[str]:
    """One line per gap between the spec's operations and the generated layers."""
    sync_raw, async_raw = raw if raw is not None else _raw_methods()
    commands = commands if commands is not None else _cli_commands()
    spec = list(spec)
    problems = []
    for operation in spec:
        entry = table.get(operation)
        if entry is None:
            problems.append(f"operation {operation} has no resolved entry: {REGENERATE}")
            continue
        missing = [
            f"{cls.__name__}.{entry.method}"
            for cls in facade
            if not callable(getattr(cls, entry.method, None))
        ]
        for name, methods in (
            ("RealtimeWithRawResponse", sync_raw),
            ("AsyncRealtimeWithRawResponse", async_raw),
        ):
            if entry.method not in methods:
                missing.append(f"{name}.{entry.method}")
        if entry.cli not in commands:
            missing.append(f"the command `gabber sessions {entry.cli}`")
        if missing:
            problems.append(f"operation {operation} lacks: {'; '.join(missing)}; {REGENERATE}")
    for operation in overrides:
        if operation not in spec:
            problems.append(
                f"gabber_client/_operations.py overrides {operation!r}, which openapi.yaml no "
                "longer has: remove its entry from OVERRIDES (and its hand-tuned CLI "
                "command in cli/_parser.py, if any), then run `make generate`"
            )
    return problems


def test_every_operation_of_the_spec_reaches_every_layer() -> None:
    problems = coverage_problems(SPEC_OPERATIONS, OPERATIONS)
    assert not problems, "\n".join(problems)


def test_every_operation_of_the_spec_has_a_resolved_entry() -> None:
    assert set(OPERATIONS) == set(SPEC_OPERATIONS)


def test_method_and_command_names_are_distinct() -> None:
    methods = [entry.method for entry in OPERATIONS.values()]
    commands = [entry.cli for entry in OPERATIONS.values()]
    assert len(set(methods)) == len(methods)
    assert len(set(commands)) == len(commands)


# ------------------------------------------------ the check fails when it should
@pytest.mark.parametrize("layer", ["sync", "raw", "cli"])
def test_a_layer_without_the_operation_is_named(layer: str) -> None:
    operation, entry = next(iter(OPERATIONS.items()))
    sync_raw, async_raw = _raw_methods()
    kwargs: dict[str, object] = {}
    if layer == "sync":
        others = {e.method: getattr(Realtime, e.method) for e in OPERATIONS.values()}
        del others[entry.method]
        kwargs["facade"] = (type("Realtime", (), others), AsyncRealtime)
    elif layer == "raw":
        kwargs["raw"] = (sync_raw - {entry.method}, async_raw)
    else:
        kwargs["commands"] = _cli_commands() - {entry.cli}
    [problem] = coverage_problems(SPEC_OPERATIONS, OPERATIONS, **kwargs)  # type: ignore[arg-type]
    assert problem.startswith(f"operation {operation} lacks: ")
    expected = {
        "sync": f"Realtime.{entry.method}",
        "raw": f"RealtimeWithRawResponse.{entry.method}",
        "cli": f"`gabber sessions {entry.cli}`",
    }[layer]
    assert expected in problem
    assert "make generate" in problem


def test_an_operation_not_generated_yet_is_named() -> None:
    new = "op_" + "_".join(sorted(OPERATIONS))  # a name no table can hold
    [problem] = coverage_problems([*SPEC_OPERATIONS, new], OPERATIONS)
    assert problem == f"operation {new} has no resolved entry: {REGENERATE}"


def test_an_override_the_spec_no_longer_has_is_named() -> None:
    operation = next(iter(OVERRIDES))
    spec = [op for op in SPEC_OPERATIONS if op != operation]
    table = {op: entry for op, entry in OPERATIONS.items() if op != operation}
    [problem] = coverage_problems(spec, table)
    assert f"overrides {operation!r}, which openapi.yaml no longer has" in problem
