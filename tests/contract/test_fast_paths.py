"""The request checks refuse exactly what they should, and the generated code's
shortcuts give the answers of the long way.

* ``_validation.check_against_schema`` (a dict config against a component schema)
  refuses exactly what an independent validator (jsonschema-rs, Draft 2020-12,
  formats on) refuses on the schema made strict as the client is on purpose (a key
  an object does not list is an error, outside free-form objects): on the maximal
  instance of every object schema with each value, at every depth, removed,
  replaced by a stand-in of every JSON type, or joined by an unknown key.
* ``_validation.check_json`` names the first place where a body is not JSON the
  API can read, by its path.
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
import jsonschema_rs
import pytest
from spec_values import minimal_config

from gabber_client import InvalidArgumentError
from gabber_client import _validation as validation
from gabber_client._generated import models

from ._schemas import ModelTarget, inlined, model_target
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


def _closed(schema: Any) -> Any:
    """``schema`` (inlined) with every object that lists properties closed to others,
    as the client checks a request."""
    if isinstance(schema, list):
        return [_closed(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    result = {
        key: {name: _closed(sub) for name, sub in value.items()}
        if key == "properties"
        else _closed(value)
        for key, value in schema.items()
    }
    if "properties" in schema and "additionalProperties" not in schema:
        result["additionalProperties"] = False
    return result


def _client_refuses(value: Any, name: str) -> list[tuple[str, str]]:
    try:
        validation.check_against_schema(value, name, "config")
    except InvalidArgumentError as exc:
        return list(exc.problems)  # at least one: see InvalidArgumentError.from_problems
    return []


@pytest.mark.parametrize("variant", [0, 1])
@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_check_against_schema_refuses_exactly_what_the_spec_refuses(
    name: str, variant: int
) -> None:
    validator = jsonschema_rs.Draft202012Validator(
        _closed(inlined(SCHEMAS[name], SCHEMAS)), validate_formats=True
    )
    maximal = _maximal(SCHEMAS[name], variant)
    cases = [("maximal", maximal), *_mutations(maximal), *_with_unknown_keys(maximal)]
    stand_ins: list[Any] = [None, True, 0, 1.5, "x", [], {}, [1]]
    cases += [(f"= {v!r}", v) for v in stand_ins]
    disagreements = []
    for what, value in cases:
        spec_ok = validator.is_valid(value)
        problems = _client_refuses(value, name)
        if spec_ok == bool(problems):
            disagreements.append(
                f"{what}: the spec {'accepts' if spec_ok else 'refuses'}, "
                f"the client says {problems}"
            )
    assert not disagreements, "\n".join(disagreements[:15])
    # both answers occur, so the comparison means something
    assert not _client_refuses(maximal, name)
    assert any(_client_refuses(value, name) for _, value in cases)


def test_check_against_schema_names_every_problem() -> None:
    config = minimal_config(
        {
            "general": {"time_limit_s": True},
            "generative": {"llm": 5, "tool_definitions": ["t", 7]},
            "output": {"typo": 1},
        }
    )
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


_DEEP: Any = 1
for _ in range(validation.MAX_JSON_DEPTH):
    _DEEP = [_DEEP]


def _cyclic() -> dict[str, Any]:
    cyclic: dict[str, Any] = {"a": [0]}
    cyclic["a"].append(cyclic)
    return cyclic


_NOT_JSON: list[tuple[Any, str, str]] = [
    (math.nan, "", "nan is not a JSON number"),
    (math.inf, "", "inf is not a JSON number"),
    (-math.inf, "", "-inf is not a JSON number"),
    (2**53, "", "integer beyond JSON's safe range (+/-9007199254740991)"),
    (-(2**53), "", "integer beyond JSON's safe range (+/-9007199254740991)"),
    (10**5000, "", "integer beyond JSON's safe range (+/-9007199254740991)"),
    ("lone \ud800", "", "contains a lone surrogate (not UTF-8)"),
    ({1, 2}, "", "set is not a JSON value"),
    (b"bytes", "", "bytes is not a JSON value"),
    (object(), "", "object is not a JSON value"),
    ({1: "int key"}, "", "has a key 1 of type int; JSON keys are str"),
    ({"\udfff": "lone surrogate key"}, "", "has a key with a lone surrogate"),
    ({"ok": [0, {"x": math.nan}]}, ".ok[1].x", "nan is not a JSON number"),
    (_cyclic(), ".a[1]", "refers to itself (a cycle): not JSON"),
    ([0, [1, _cyclic()]], "[1][1].a[1]", "refers to itself (a cycle): not JSON"),
]


@pytest.mark.parametrize(("bad", "below", "problem"), _NOT_JSON, ids=range(len(_NOT_JSON)))
def test_check_json_names_the_first_problem_by_its_path(bad: Any, below: str, problem: str) -> None:
    for body, where in (({"field": bad}, "body.field"), ({"list": [0, "é", bad]}, "body.list[2]")):
        with pytest.raises(InvalidArgumentError) as caught:
            validation.check_json(body, "body")
        assert (caught.value.parameter, caught.value.problem) == (where + below, problem)


def test_check_json_names_a_cycle_back_to_the_body_itself() -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        validation.check_json(_cyclic(), "body")
    assert (caught.value.parameter, caught.value.problem) == (
        "body.a[1]",
        "refers to itself (a cycle): not JSON",
    )


def test_check_json_refuses_a_body_nested_deeper_than_the_limit() -> None:
    # {"deep": [[...]]}: the body is level 0, so the 64th list is at level 64
    with pytest.raises(InvalidArgumentError) as caught:
        validation.check_json({"deep": _DEEP}, "body")
    assert caught.value.parameter == "body.deep" + "[0]" * 63
    assert caught.value.problem == "nested deeper than 64 levels"
    validation.check_json({"deep": _DEEP[0]}, "body")  # 63 lists: accepted


def test_check_json_accepts_what_json_can_carry() -> None:
    plain = {"a": [1, 2.5, "x", None, True, {"b": ("t", -3)}], "é": "ü", "n": 2**53 - 1}
    shared = [1, 2]
    for body in (
        plain,
        {"deep": _DEEP[0]},
        {"sub": _Dict(a=_Str("s"))},
        {"twice": [shared, shared]},  # one list twice is not a cycle
        {"min": -(2**53 - 1), "false": False},
    ):
        validation.check_json(body, "body")


def test_check_json_refuses_a_first_problem_before_a_later_one() -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        validation.check_json({"a": math.nan, 1: "x", "b": {1, 2}}, "body")
    assert caught.value.parameter == "body.a"


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
