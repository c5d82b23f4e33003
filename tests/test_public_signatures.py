"""Every type a public signature shows (``help(client.realtime.start)``, api.md) is
importable from a public module: ``gabber_client``, ``gabber_client.types`` or
``gabber_client.models`` (or the standard library, or httpx). No private alias
such as a ``TYPE_CHECKING``-only name may appear."""

from __future__ import annotations

import builtins
import collections.abc
import inspect
import pydoc
import re
import typing
from typing import Any, TypeVar

import httpx
import pytest

import gabber_client
from gabber_client import AsyncGabber, Gabber, models, types
from gabber_client._operations import OPERATIONS
from gabber_client.resources.realtime import AsyncRealtime, Realtime

PUBLIC_MODULES = (gabber_client, types, models)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")


def _resolves(name: str, owner: Any) -> bool:
    """Whether ``name`` (as written in an annotation) is a public, importable type."""
    if name.startswith("httpx."):
        return hasattr(httpx, name.removeprefix("httpx."))
    if "." in name:
        return False
    if hasattr(builtins, name) or hasattr(typing, name) or hasattr(collections.abc, name):
        return True
    if isinstance(getattr(inspect.getmodule(owner), name, None), TypeVar):
        return True  # a type variable of a generic signature, not a type
    return any(name in getattr(module, "__all__", ()) for module in PUBLIC_MODULES)


def unresolved(function: Any) -> list[str]:
    """The names in ``function``'s annotations that are not public, importable types."""
    signature = inspect.signature(function)
    annotations = [p.annotation for p in signature.parameters.values()]
    annotations.append(signature.return_annotation)
    texts = [str(a) for a in annotations if a is not inspect.Parameter.empty]
    names = {name for text in texts for name in _NAME.findall(text)} - {"None"}
    return sorted(name for name in names if not _resolves(name, function))


def _public_methods() -> list[tuple[str, Any]]:
    methods = [entry.method for entry in OPERATIONS.values()]
    client_methods = ["__init__", "with_options", "for_human", "get", "post"]
    classes: list[tuple[type, list[str]]] = [
        (Realtime, methods),
        (AsyncRealtime, methods),
        (Gabber, client_methods),
        (AsyncGabber, client_methods),
    ]
    return [
        (f"{cls.__name__}.{name}", getattr(cls, name)) for cls, names in classes for name in names
    ]


@pytest.mark.parametrize(
    ("name", "function"), _public_methods(), ids=[name for name, _ in _public_methods()]
)
def test_every_type_in_a_public_signature_is_importable(name: str, function: Any) -> None:
    assert unresolved(function) == [], name


def test_help_of_start_shows_only_public_types() -> None:
    text = pydoc.render_doc(Realtime.start, renderer=pydoc.TextDoc())
    assert "ConfigCreate'" not in text
    assert "RealtimeSessionConfigCreate | RealtimeSessionConfigCreateParam" in text


def test_the_check_finds_a_private_name() -> None:
    def uses_private(config: _PrivateAlias) -> None:  # type: ignore[name-defined]  # noqa: F821
        raise NotImplementedError

    assert unresolved(uses_private) == ["_PrivateAlias"]
