"""Every operation of openapi.yaml is covered by every layer; the table names no other.

The operations are read from the spec (``_generated/_spec_facts.py``, written from
openapi.yaml by ``make generate``). For each one: an entry in the operation table
(``gabber_client/_operations.py``), a facade method on ``client.realtime`` (sync,
async, and both ``with_raw_response``), a handler of the fake, and a ``gabber
sessions`` command. A failure names the operation and the files to edit.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Mapping

import pytest

from gabber_client import _operations
from gabber_client._operations import OPERATIONS, SPEC_OPERATIONS, SpecOperation
from gabber_client.cli._parser import build_parser
from gabber_client.resources.realtime import (
    AsyncRealtime,
    AsyncRealtimeWithRawResponse,
    Realtime,
)
from gabber_client.testing import FakeGabber
from gabber_client.testing._fake import _HANDLERS

FILES_FOR_A_NEW_OPERATION = (
    "gabber_client/_operations.py (an entry: facade method, retry_after_sent, paging, "
    "CLI command); gabber_client/_calls.py (its request builder, with the generated "
    "endpoint module); gabber_client/resources/realtime.py (the method on Realtime and "
    "AsyncRealtime, and on RealtimeWithRawResponse and AsyncRealtimeWithRawResponse); "
    "gabber_client/testing/_fake.py (a handler in _HANDLERS) and testing/_state.py "
    "(its behaviour); gabber_client/cli/_parser.py and cli/_commands.py (a `gabber "
    "sessions` command)"
)


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
    spec: Mapping[str, SpecOperation],
    table: Mapping[str, _operations.Operation],
    *,
    facade: Iterable[type] = (Realtime, AsyncRealtime),
    raw: tuple[set[str], set[str]] | None = None,
    handlers: Iterable[str] = _HANDLERS,
    commands: set[str] | None = None,
) -> list[str]:
    """One line per gap between the spec's operations and the layers."""
    sync_raw, async_raw = raw if raw is not None else _raw_methods()
    commands = commands if commands is not None else _cli_commands()
    handlers = set(handlers)
    problems = []
    for operation, facts in spec.items():
        where = f"{operation} ({facts.method} {facts.path})"
        entry = table.get(operation)
        if entry is None:
            problems.append(
                f"operation {where} is in openapi.yaml but not in the facade; edit "
                f"{FILES_FOR_A_NEW_OPERATION}"
            )
            continue
        missing = [
            f"{cls.__name__}.{entry.method} in gabber_client/resources/realtime.py"
            for cls in facade
            if not callable(getattr(cls, entry.method, None))
        ]
        for name, methods in (
            ("RealtimeWithRawResponse", sync_raw),
            ("AsyncRealtimeWithRawResponse", async_raw),
        ):
            if entry.method not in methods:
                missing.append(f"{name}.{entry.method} in gabber_client/resources/realtime.py")
        if operation not in handlers:
            missing.append(
                "a handler in _HANDLERS of gabber_client/testing/_fake.py (and its "
                "behaviour in testing/_state.py)"
            )
        if entry.cli not in commands:
            missing.append(
                f"the command `gabber sessions {entry.cli}` in gabber_client/cli/_parser.py "
                "and cli/_commands.py"
            )
        if missing:
            problems.append(f"operation {where} lacks: " + "; ".join(missing))
    for operation in table:
        if operation not in spec:
            problems.append(
                f"gabber_client/_operations.py names {operation!r}, which openapi.yaml no "
                "longer has: remove its entry, its facade methods (resources/realtime.py, "
                "_calls.py), its fake handler (testing/_fake.py) and its CLI command "
                "(cli/_parser.py, cli/_commands.py)"
            )
    return problems


def test_every_operation_of_the_spec_is_covered_by_every_layer() -> None:
    problems = coverage_problems(SPEC_OPERATIONS, OPERATIONS)
    assert not problems, "\n".join(problems)


def test_table_entries_are_distinct() -> None:
    methods = [entry.method for entry in OPERATIONS.values()]
    commands = [entry.cli for entry in OPERATIONS.values()]
    assert len(set(methods)) == len(methods)
    assert len(set(commands)) == len(commands)


# ------------------------------------------------ the check fails when it should
def _new_operation() -> SpecOperation:
    # A name that no table can hold: made from every name the table has.
    return SpecOperation(
        method="POST",
        path="/v1/realtime/{session}/" + "_".join(sorted(OPERATIONS)),
        security=("ApiKeyAuth",),
        api_key_only=True,
        human_header=False,
        request_body=None,
        response=None,
        summary="",
    )


def test_an_operation_the_table_lacks_is_named_with_the_files_to_edit() -> None:
    new = "op_" + "_".join(sorted(OPERATIONS))
    spec = {**SPEC_OPERATIONS, new: _new_operation()}
    [problem] = coverage_problems(spec, OPERATIONS)
    assert problem.startswith(f"operation {new} (POST /v1/realtime/{{session}}/")
    for path in (
        "gabber_client/_operations.py",
        "gabber_client/resources/realtime.py",
        "gabber_client/testing/_fake.py",
        "gabber_client/cli/_parser.py",
    ):
        assert path in problem


@pytest.mark.parametrize("layer", ["sync", "raw", "handler", "cli"])
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
    elif layer == "handler":
        kwargs["handlers"] = set(_HANDLERS) - {operation}
    else:
        kwargs["commands"] = _cli_commands() - {entry.cli}
    [problem] = coverage_problems(SPEC_OPERATIONS, OPERATIONS, **kwargs)  # type: ignore[arg-type]
    assert problem.startswith(f"operation {operation} ")
    expected = {
        "sync": f"Realtime.{entry.method} in gabber_client/resources/realtime.py",
        "raw": f"RealtimeWithRawResponse.{entry.method}",
        "handler": "gabber_client/testing/_fake.py",
        "cli": f"`gabber sessions {entry.cli}`",
    }[layer]
    assert expected in problem


def test_an_entry_the_spec_no_longer_has_is_named() -> None:
    operation = next(iter(OPERATIONS))
    spec = {op: facts for op, facts in SPEC_OPERATIONS.items() if op != operation}
    [problem] = coverage_problems(spec, OPERATIONS)
    assert f"names {operation!r}, which openapi.yaml no longer has" in problem


def test_the_client_tests_have_data_for_every_operation() -> None:
    from test_client_support import OPS

    missing = sorted({e.method for e in OPERATIONS.values()} - {op.name for op in OPS})
    assert not missing, (
        f"tests/test_client_support.py has no entry in OPS (how to call it, the body it "
        f"sends, what to check of the result) for: {', '.join(missing)}"
    )
