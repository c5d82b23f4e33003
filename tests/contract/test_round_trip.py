"""Every component schema of openapi.yaml round-trips through the generated models.

For each schema, instances are drawn from the schema itself
(references inlined; see ``_schemas`` for the one restriction, on
date-times). Each instance is first checked against the spec by jsonschema-rs'
Draft 2020-12 validator, formats included (so only conforming data is used), then
read with the generated class's ``from_dict`` and written back with ``to_dict``:
the result must
be the same JSON value, type for type (``1`` is not ``1.0``, ``True`` is not
``1``). Unknown properties must survive too: besides the ones the engine adds on
its own at any depth, every top-level instance gets extra properties drawn here.
``oneOf`` schemas are read by the member class their discriminator names;
enum-only schemas are checked as values (the check function returns the value
unchanged, and the generated value set is exactly the spec's enum).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import jsonschema_rs
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from ._openapi import load_spec
from ._schemas import EnumTarget, free_form_values, inlined, instances, model_target

pytestmark = pytest.mark.contract

SCHEMAS: dict[str, Any] = load_spec()["components"]["schemas"]

ROUND_TRIP = settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""Bounded and deterministic: the same examples on every run."""

EXTRA_KEYS = st.text(min_size=1, max_size=12)
EXTRA_VALUES = free_form_values()


def _same_json(left: Any, right: Any) -> bool:
    """Equal as JSON values with equal JSON types (bool, int and float kept apart)."""
    return json.dumps(left, sort_keys=True) == json.dumps(right, sort_keys=True) and _same_types(
        left, right
    )


def _same_types(left: Any, right: Any) -> bool:
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return all(_same_types(left[k], right[k]) for k in left)
    if isinstance(left, list):
        return all(_same_types(a, b) for a, b in zip(left, right, strict=True))
    return True


def _validator(name: str) -> jsonschema_rs.Validator:
    return jsonschema_rs.Draft202012Validator(
        inlined(SCHEMAS[name], SCHEMAS), validate_formats=True
    )


OBJECT_SCHEMAS = sorted(n for n in SCHEMAS if not isinstance(model_target(n, SCHEMAS), EnumTarget))
ENUM_SCHEMAS = sorted(n for n in SCHEMAS if isinstance(model_target(n, SCHEMAS), EnumTarget))


def test_every_component_schema_is_covered() -> None:
    """Nothing in ``components.schemas`` escapes the two parametrized tests below."""
    assert sorted(OBJECT_SCHEMAS + ENUM_SCHEMAS) == sorted(SCHEMAS)
    assert ENUM_SCHEMAS, "the spec has enum-only schemas; the mapping must find them"


Reader = Callable[[type, dict[str, Any]], Any]


def _generated(cls: type, value: dict[str, Any]) -> Any:
    """What the client does: ``from_dict`` then ``to_dict``."""
    return cls.from_dict(value).to_dict()  # type: ignore[attr-defined]


def _round_trips(schema_name: str, read: Reader, config: settings) -> None:
    """Check ``read(cls, x) == x`` for instances ``x`` of ``schema_name`` plus extras."""
    target = model_target(schema_name, SCHEMAS)
    assert not isinstance(target, EnumTarget)
    validator = _validator(schema_name)
    declared = {prop for member in target.classes for prop in SCHEMAS[member].get("properties", {})}

    @config
    @given(
        instance=instances(SCHEMAS[schema_name], SCHEMAS),
        extra=st.dictionaries(
            EXTRA_KEYS.filter(lambda k: k not in declared), EXTRA_VALUES, max_size=3
        ),
    )
    def check(instance: dict[str, Any], extra: dict[str, Any]) -> None:
        value = {**instance, **extra}
        problems = [error.message for error in validator.iter_errors(value)]
        assert not problems, f"drew a non-conforming {schema_name}: {problems}"
        cls = target.class_for(value)
        written = read(cls, value)
        assert _same_json(written, value), (
            f"{cls.__name__}.from_dict(x).to_dict() != x\n"
            f"x       = {json.dumps(value, sort_keys=True)}\n"
            f"written = {json.dumps(written, sort_keys=True)}"
        )

    check()


@pytest.mark.parametrize("schema_name", OBJECT_SCHEMAS)
def test_object_schema_round_trips(schema_name: str) -> None:
    _round_trips(schema_name, _generated, ROUND_TRIP)


def _drops_unknown(cls: type, value: dict[str, Any]) -> Any:
    known = set(SCHEMAS[cls.__name__].get("properties", {}))
    return {k: v for k, v in _generated(cls, value).items() if k in known}


def _floats_numbers(cls: type, value: dict[str, Any]) -> Any:
    return json.loads(json.dumps(_generated(cls, value)), parse_int=float)


@pytest.mark.parametrize(
    ("schema_name", "read"),
    [("Voice", _drops_unknown), ("RealtimeSessionDTMFRequest", _floats_numbers)],
    ids=["drops-unknown-properties", "ints-become-floats"],
)
def test_round_trip_check_catches_a_lossy_model(schema_name: str, read: Reader) -> None:
    """The same check fails for a model that loses unknown properties, or writes
    ``1`` back as ``1.0``: extras are really drawn and equality is type-exact."""
    quick = settings(ROUND_TRIP, phases=[Phase.generate])  # no shrinking: only the verdict counts
    with pytest.raises(AssertionError, match="from_dict"):
        _round_trips(schema_name, read, quick)


@pytest.mark.parametrize("schema_name", ENUM_SCHEMAS)
def test_enum_schema_values(schema_name: str) -> None:
    target = model_target(schema_name, SCHEMAS)
    assert isinstance(target, EnumTarget)
    assert set(target.values) == set(SCHEMAS[schema_name]["enum"])

    @ROUND_TRIP
    @given(value=instances(SCHEMAS[schema_name], SCHEMAS))
    def check(value: str) -> None:
        assert target.check(value) == value

    check()
