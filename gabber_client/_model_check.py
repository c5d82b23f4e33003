"""Checks on models built by hand, before they are sent.

A generated model is an attrs class whose ``__init__`` does not check types, so
``RealtimeSessionConfigCreate(general={}, ...)`` builds, and the generated
``to_dict`` would later fail with a raw ``AttributeError`` (``'dict' object has no
attribute 'to_dict'``). :func:`check_model` walks a model against its field
annotations (the generated ones, resolved once per class) and reports every field
of a wrong type, by its dotted path, in one :class:`InvalidArgumentError`.

Paths use the models' attribute names (``config.input_``), as the caller wrote them.
"""

from __future__ import annotations

import functools
import types
import typing
from datetime import datetime
from typing import Any

import attrs

from ._generated.types import Unset
from .errors import InvalidArgumentError

__all__ = ["check_model"]

_MAX_DEPTH = 64


@functools.cache
def _fields(cls: type[Any]) -> tuple[tuple[str, Any], ...]:
    """(attribute name, resolved annotation) of each attrs field of ``cls``."""
    hints = typing.get_type_hints(cls)
    return tuple((field.name, hints.get(field.name, Any)) for field in attrs.fields(cls))


def _describe(hint: Any) -> str:
    if hint is type(None):
        return "None"
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        names = [_describe(a) for a in typing.get_args(hint) if a is not Unset]
        return " | ".join(dict.fromkeys(names))
    if typing.get_origin(hint) is typing.Literal:
        return "str"
    if typing.get_origin(hint) is not None:
        return str(typing.get_origin(hint).__name__)
    return getattr(hint, "__name__", str(hint))


def _scalar_ok(value: object, hint: Any) -> bool | None:
    """Whether ``value`` is a ``hint`` for the plain types; ``None`` for other hints."""
    if hint is Any or hint is object:
        return True
    if hint is int or hint is float:  # a bool is not a number here; an int is a float
        return isinstance(value, int | hint) and not isinstance(value, bool)
    if hint in (type(None), bool, str, Unset, datetime):
        return isinstance(value, hint)
    if typing.get_origin(hint) is typing.Literal:
        return isinstance(value, str) and value in typing.get_args(hint)
    return None


def _problems(value: object, hint: Any, path: str, depth: int) -> list[tuple[str, str]]:
    """Every (path, problem) of ``value`` against the annotation ``hint``."""
    if depth > _MAX_DEPTH:
        return [(path, f"nested more than {_MAX_DEPTH} levels deep")]
    plain = _scalar_ok(value, hint)
    if plain is not None:
        return [] if plain else [(path, f"expected {_describe(hint)}, got {type(value).__name__}")]
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        found: list[tuple[str, str]] | None = None
        for alternative in args:
            problems = _problems(value, alternative, path, depth)
            if not problems:
                return []
            # Inside a model, list or dict of the right kind, its own problems say more.
            kind = typing.get_origin(alternative) or alternative
            if isinstance(kind, type) and isinstance(value, kind):
                found = problems
        return found or [(path, f"expected {_describe(hint)}, got {type(value).__name__}")]
    if origin is list:
        if not isinstance(value, list):
            return [(path, f"expected list, got {type(value).__name__}")]
        item_hint = args[0] if args else Any
        return [
            problem
            for index, item in enumerate(value)
            for problem in _problems(item, item_hint, f"{path}[{index}]", depth + 1)
        ]
    if origin is dict:
        if not isinstance(value, dict):
            return [(path, f"expected dict, got {type(value).__name__}")]
        value_hint = args[1] if len(args) == 2 else Any
        return [
            problem
            for key, item in value.items()
            for problem in (
                [(f"{path}[{key!r}]", "keys must be str")] if not isinstance(key, str) else []
            )
            + _problems(item, value_hint, f"{path}.{key}", depth + 1)
        ]
    if isinstance(hint, type) and attrs.has(hint):
        if not isinstance(value, hint):
            return [
                (
                    path,
                    f"expected {hint.__name__}, got {type(value).__name__} (build it with "
                    f"{hint.__name__}(...), or pass the whole config as a dict)",
                )
            ]
        return _model_problems(value, path, depth + 1)
    return []  # an annotation this checker does not know: trust it


def _model_problems(model: Any, path: str, depth: int) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    for name, hint in _fields(model.__class__):
        field_path = f"{path}.{name}"
        try:
            value = getattr(model, name)
        except AttributeError:
            problems.append((field_path, "is not set"))
            continue
        problems.extend(_problems(value, hint, field_path, depth))
    return problems


def check_model(model: object, parameter: str) -> None:
    """Raise one :class:`InvalidArgumentError` naming every field of the generated
    model ``model`` (at any depth) whose value is not of its annotated type."""
    problems = _model_problems(model, parameter, 0)
    if problems:
        raise InvalidArgumentError.from_problems(problems)
