"""Faults are named as users call the methods (issue 22, item 6): ``operation="start"``
as well as the operationId, typed so that a type checker rejects an unknown name.
The names come from the operation table and the spec (a generated ``Literal``)."""

from __future__ import annotations

from typing import cast, get_args

import pytest

from gabber_client import InternalServerError
from gabber_client._generated._spec_facts import OPERATIONS as SPEC_OPERATIONS
from gabber_client._generated.operation_names import MethodName, OperationId, OperationName
from gabber_client._operations import OPERATIONS
from gabber_client.testing import FakeGabber, Fault


def _names(alias: object) -> set[str]:
    return {name for part in get_args(alias) for name in (get_args(part) or [part])}


def test_the_names_are_the_tables_methods_and_the_specs_ids() -> None:
    assert set(get_args(OperationId)) == set(SPEC_OPERATIONS)
    assert set(get_args(MethodName)) == {OPERATIONS[op].method for op in SPEC_OPERATIONS}
    assert _names(OperationName) == set(get_args(OperationId)) | set(get_args(MethodName))


@pytest.mark.parametrize("operation", sorted(SPEC_OPERATIONS))
def test_a_fault_named_by_its_method_or_id_is_the_same(operation: str) -> None:
    by_method = Fault(status=500, operation=cast(OperationName, OPERATIONS[operation].method))
    by_id = Fault(status=500, operation=cast(OperationName, operation))
    assert by_method.operation == operation
    assert by_id.operation == operation


def test_a_fault_named_by_the_method_applies_to_that_method_only() -> None:
    fake = FakeGabber()
    session = fake.create_session()["id"]
    fake.inject_fault(status=500, operation="end")
    with fake.client(max_retries=0) as client:
        client.realtime.get(session)  # another operation: not faulted
        with pytest.raises(InternalServerError):
            client.realtime.end(session)
        client.realtime.end(session)  # used up
    assert [r.status for r in fake.requests] == [200, 500, 200]


def test_an_unknown_name_is_refused_naming_the_choices() -> None:
    fake = FakeGabber()
    with pytest.raises(ValueError, match=r"got 'strat'") as raised:
        fake.inject_fault(status=500, operation="strat")  # type: ignore[arg-type]
    message = str(raised.value)
    assert "start" in message
    assert "start_realtime_session" in message
    assert fake.pending_faults() == []
