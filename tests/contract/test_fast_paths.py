"""The shortcuts the parsing and checking code takes give the answers of the long way.

* ``_validation._conforms`` (a yes/no check of a dict config against a component
  schema, without building paths or messages) agrees with ``_validation._errors``
  (strict), which names the problems when it says no: on the maximal instance of
  every object schema with each value, at every depth, removed, replaced by a
  stand-in of every JSON type, or joined by an unknown key.
* ``_validation._plain_json`` (the body check's fast pass) never accepts a body
  that ``_check_json`` refuses, and ``check_json`` raises the same error.
* The generated ``from_dict`` tells whether a body has keys its model does not know
  by counting the absent optional keys: with optional keys removed and unknown keys
  added, ``additional_properties`` holds exactly the unknown ones.
* The generated ``from_dict`` checks enum values inline: the same exception type
  and message as the enum module's ``check_<enum>()``.
"""

from __future__ import annotations

import copy
import importlib
import json
import math
import pkgutil
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest

from gabber_client import InvalidArgumentError
from gabber_client import _validation as validation
from gabber_client._generated import models

from ._schemas import ModelTarget, model_target
from .test_from_dict_checks import OBJECT_SCHEMAS, SCHEMAS, _maximal, _mutations, _paths

pytestmark = pytest.mark.contract

_UNKNOWN = "x_not_in_the_spec"


def _with_unknown_keys(value: Any) -> Iterator[tuple[str, Any]]:
    """``value`` with an unknown key added to each object in it, one at a time."""
    objects: list[tuple[str | int, ...]] = [()] if isinstance(value, dict) else []
    objects += [path for path in _paths(value) if isinstance(_at(value, path), dict)]
    for path in objects:
        mutated = copy.deepcopy(value)
        _at(mutated, path)[_UNKNOWN] = 1
        yield f"{'.'.join(map(str, path))}.{_UNKNOWN} added", mutated


def _at(value: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


def _strict_ok(value: Any, name: str) -> bool:
    return not validation._errors(value, {"$ref": f"#/components/schemas/{name}"}, "config")


@pytest.mark.parametrize("variant", [0, 1])
@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_conforms_agrees_with_the_full_check(name: str, variant: int) -> None:
    node = validation._schema_node(name)
    maximal = _maximal(SCHEMAS[name], variant)
    cases = [("maximal", maximal), *_mutations(maximal), *_with_unknown_keys(maximal)]
    stand_ins: list[Any] = [None, True, 0, 1.5, "x", [], {}, [1], (1,)]
    cases += [(f"= {v!r}", v) for v in stand_ins]
    disagreements = [
        f"{what}: _conforms says {fast}, _errors says {not fast}"
        for what, value in cases
        if (fast := validation._conforms(value, node)) != _strict_ok(value, name)
    ]
    assert not disagreements, "\n".join(disagreements[:15])
    # both answers occur, so the comparison means something
    assert any(validation._conforms(v, node) for _, v in cases)
    assert not all(validation._conforms(v, node) for _, v in cases)


def test_check_against_schema_still_names_every_problem() -> None:
    config = {
        "general": {"time_limit_s": True},
        "input": {},
        "generative": {"llm": 5, "tool_definitions": ["t", 7]},
        "output": {"stream_transcript": True, "typo": 1},
    }
    with pytest.raises(InvalidArgumentError) as caught:
        validation.check_against_schema(config, "RealtimeSessionConfigCreate", "config")
    assert [path for path, _ in caught.value.problems] == [
        "config.general.time_limit_s",
        "config.generative.llm",
        "config.generative.tool_definitions[1]",
        "config.output.typo",
    ]


class _Dict(dict[str, Any]):
    pass


class _Str(str):
    pass


def _bodies() -> Iterator[Any]:
    """Bodies the API can read and bodies it cannot, of every kind the check knows."""
    plain = {"a": [1, 2.5, "x", None, True, {"b": ("t", -3)}], "é": "ü", "n": 2**53 - 1}
    yield plain
    cyclic: dict[str, Any] = {"a": []}
    cyclic["a"].append(cyclic)
    yield cyclic
    deep: Any = 1
    for _ in range(validation.MAX_JSON_DEPTH):
        deep = [deep]
    yield {"deep": deep}
    yield {"deep": deep[0]}
    for bad in (
        math.nan,
        math.inf,
        -math.inf,
        2**53,
        -(2**53),
        10**5000,
        "lone \ud800",
        {1, 2},
        b"bytes",
        object(),
        _Str("sub"),
        _Dict(a=1),
        {1: "int key"},
        {"\udfff": "lone surrogate key"},
        {"ok": [{"x": math.nan}]},
    ):
        yield {"field": bad}
        yield {"list": [0, bad]}


def _outcome(check: Callable[..., None], *args: Any) -> str | None:
    try:
        check(*args)
    except InvalidArgumentError as exc:
        return str(exc)
    return None


def test_the_json_fast_pass_never_accepts_what_the_full_check_refuses() -> None:
    seen_fast = seen_refused = 0
    for body in _bodies():
        full = _outcome(validation._check_json, body, "body", 0, set())
        if validation._plain_json(body, 0):
            seen_fast += 1
            assert full is None, body
        seen_refused += full is not None
        assert _outcome(validation.check_json, body, "body") == full
    assert seen_fast >= 2
    assert seen_refused >= 20


def _object_models() -> Iterator[tuple[str, type]]:
    for name in OBJECT_SCHEMAS:
        target = model_target(name, SCHEMAS)
        assert isinstance(target, ModelTarget)
        (model,) = target.classes.values()
        yield name, model


@pytest.mark.parametrize("variant", [0, 1])
@pytest.mark.parametrize("name", OBJECT_SCHEMAS)
def test_unknown_keys_are_kept_whichever_optional_keys_are_absent(name: str, variant: int) -> None:
    schema = SCHEMAS[name]
    model: Any = dict(_object_models())[name]
    properties = schema.get("properties", {})
    optional = [key for key in properties if key not in schema.get("required", [])]
    maximal = _maximal(schema, variant)
    # each optional key absent in turn, all absent, none absent; with 0, 1 or 2 unknown keys
    absences = [[key] for key in optional] + [optional, []]
    for absent in absences:
        for unknown in ({}, {_UNKNOWN: [1]}, {_UNKNOWN: None, "x_other": {"k": "v"}}):
            body = {k: v for k, v in maximal.items() if k not in absent} | unknown
            parsed = model.from_dict(body)
            expected = unknown if properties else body
            assert parsed.additional_properties == expected, (absent, unknown)


def _enum_checks() -> dict[str, Callable[[Any], Any]]:
    """Enum alias name -> its module's check function, for every generated enum."""
    checks = {}
    for info in pkgutil.iter_modules(models.__path__):
        module = importlib.import_module(f"{models.__name__}.{info.name}")
        check = getattr(module, f"check_{info.name}", None)
        if check is not None:
            alias = "".join(part[:1].upper() + part[1:] for part in info.name.split("_"))
            names = [n for n in vars(module) if n.lower() == alias.lower()]
            assert len(names) == 1, info.name
            checks[names[0]] = check
    return checks


def _json_key(model: Any, body: dict[str, Any], field: str) -> str:
    """The JSON key of ``model``'s attribute ``field`` (found through ``to_dict``)."""
    parsed = model.from_dict(body)
    setattr(parsed, field, "probe-value")
    (key,) = [k for k, v in parsed.to_dict().items() if v == "probe-value"]
    return str(key)


def _raised(call: Callable[..., Any], *args: Any) -> tuple[type, str]:
    with pytest.raises((TypeError, ValueError)) as caught:
        call(*args)
    return type(caught.value), str(caught.value)


def test_enum_fields_refuse_with_the_enum_modules_own_error() -> None:
    checks = _enum_checks()
    compared = 0
    for name, model_class in _object_models():
        model: Any = model_class
        maximal = _maximal(SCHEMAS[name], 0)
        for field in attrs.fields(model):
            words = str(field.type).replace("|", " ").split()
            enums = [w for w in words if w in checks]
            if not enums:
                continue
            (enum,) = enums
            check = checks[enum]
            key = _json_key(model, maximal, field.name)
            for bad in (5, [1], {"a": 1}, "surely-not-a-value"):
                try:
                    check(bad)
                except (TypeError, ValueError):
                    expected = _raised(check, bad)
                else:
                    continue  # a value the enum accepts (any string, forward compatible)
                body = json.loads(json.dumps(maximal)) | {key: bad}
                assert _raised(model.from_dict, body) == expected, (name, key)
                compared += 1
    assert compared >= 20
