"""The sync and async APIs are the same API: same public names, same parameters
(names, kinds, defaults, annotations), modulo ``SyncPage``/``AsyncPage`` and
``httpx.Client``/``httpx.AsyncClient``. A method added to one class only fails here."""

from __future__ import annotations

import functools
import inspect
from typing import Any

import pytest

from gabber_client import AsyncGabber, Gabber
from gabber_client._operations import OPERATIONS
from gabber_client.resources.realtime import (
    AsyncRealtime,
    AsyncRealtimeWithRawResponse,
    Realtime,
    RealtimeWithRawResponse,
)

METHODS = {entry.method for entry in OPERATIONS.values()}
"""The facade method of every operation of the spec (the table's name, else the
operationId)."""

# What may differ between the two flavours, async spelling -> sync spelling.
ASYNC_TO_SYNC = {
    "AsyncPaginator": "SyncPage",  # awaitable and async-iterable: see pagination.py
    "AsyncPage": "SyncPage",
    "httpx.AsyncClient": "httpx.Client",
    "AsyncRealtimeWithRawResponse": "RealtimeWithRawResponse",
    "AsyncRealtime": "Realtime",
    "aclose": "close",
}


def normalize(text: str) -> str:
    for async_name, sync_name in ASYNC_TO_SYNC.items():
        text = text.replace(async_name, sync_name)
    return text


def public_names(obj: Any) -> set[str]:
    return set(_public(obj))


def _public(obj: Any) -> dict[str, str]:
    """Normalized public name -> the real name, of ``obj``'s attributes."""
    return {normalize(n): n for n in dir(obj) if not n.startswith("_")}


def describe(function: Any) -> list[tuple[str, str, str, str]]:
    """Each parameter of ``function``: name, kind, default and annotation (as text)."""
    signature = inspect.signature(function)
    rows = [
        (p.name, p.kind.name, repr(p.default), normalize(str(p.annotation)))
        for p in signature.parameters.values()
    ]
    rows.append(("return", "", "", normalize(str(signature.return_annotation))))
    return rows


NONE: frozenset[str] = frozenset()


def _function_of(attr: Any) -> Any:
    """The function behind a method, property or cached property; ``None`` for data."""
    if isinstance(attr, property):
        return attr.fget
    if isinstance(attr, functools.cached_property):
        return attr.func
    if isinstance(attr, type) or not callable(attr):
        return None
    return attr


def differences(sync_obj: Any, async_obj: Any, *, not_awaited: frozenset[str] = NONE) -> list[str]:
    """Every way ``async_obj``'s public API differs from ``sync_obj``'s. Each async
    method must be a coroutine function, except those named in ``not_awaited``."""
    sync_names, async_names = _public(sync_obj), _public(async_obj)
    found = [f"only sync: {n}" for n in sorted(sync_names.keys() - async_names.keys())]
    found += [f"only async: {n}" for n in sorted(async_names.keys() - sync_names.keys())]
    for name in sorted(sync_names.keys() & async_names.keys()):
        sync_attr = inspect.getattr_static(sync_obj, sync_names[name])
        async_attr = inspect.getattr_static(async_obj, async_names[name])
        is_method = not isinstance(sync_attr, property | functools.cached_property)
        awaited = is_method and name not in not_awaited
        sync_function, async_function = _function_of(sync_attr), _function_of(async_attr)
        if sync_function is None or async_function is None:
            if (sync_function is None) != (async_function is None):
                found.append(f"{name}: a method on one side only")
            continue
        sync_rows, async_rows = describe(sync_function), describe(async_function)
        if sync_rows != async_rows:
            found.append(f"{name}: {sync_rows} != {async_rows}")
        if is_method and inspect.iscoroutinefunction(inspect.unwrap(sync_function)):
            found.append(f"{name}: the sync method is a coroutine function")
        if inspect.iscoroutinefunction(inspect.unwrap(async_function)) != awaited:
            found.append(
                f"{name}: the async method is {'not ' if awaited else ''}a coroutine function"
            )
    return found


@pytest.fixture
def clients() -> Any:
    sync_client = Gabber(api_key="k", base_url="http://gabber.test")
    async_client = AsyncGabber(api_key="k", base_url="http://gabber.test")
    yield sync_client, async_client
    sync_client.close()


def test_client_classes_match(clients: Any) -> None:
    sync_client, async_client = clients
    assert describe(Gabber.__init__) == describe(AsyncGabber.__init__)
    # Deriving a client does no I/O: with_options and for_human are plain methods on both.
    not_awaited = frozenset({"with_options", "for_human"})
    assert differences(sync_client, async_client, not_awaited=not_awaited) == []
    assert {"with_options", "for_human", "close", "realtime"} <= public_names(sync_client)


def test_context_manager_protocols() -> None:
    assert callable(Gabber.__enter__)
    assert callable(Gabber.__exit__)
    assert inspect.iscoroutinefunction(AsyncGabber.__aenter__)
    assert inspect.iscoroutinefunction(AsyncGabber.__aexit__)
    assert inspect.iscoroutinefunction(AsyncGabber.aclose)


# Async listing returns an AsyncPaginator, used directly in `async for` or awaited.
PAGERS = frozenset(entry.method for entry in OPERATIONS.values() if entry.paging != "none")


def test_resource_classes_match() -> None:
    assert differences(Realtime, AsyncRealtime, not_awaited=PAGERS) == []
    assert public_names(Realtime) == METHODS | {"with_raw_response"}


def test_raw_response_classes_match(clients: Any) -> None:
    sync_client, async_client = clients
    sync_raw = sync_client.realtime.with_raw_response
    async_raw = async_client.realtime.with_raw_response

    assert type(sync_raw) is RealtimeWithRawResponse
    assert type(async_raw) is AsyncRealtimeWithRawResponse
    assert differences(sync_raw, async_raw, not_awaited=PAGERS) == []
    assert public_names(sync_raw) == METHODS
    for name in METHODS:
        # Same parameters as the plain method they wrap.
        plain = describe(getattr(Realtime, name))[1:-1]  # without self, without return
        assert describe(getattr(sync_raw, name))[:-1] == plain


def test_derived_clients_keep_the_flavour(clients: Any) -> None:
    sync_client, async_client = clients

    assert type(sync_client.with_options(max_retries=0)) is Gabber
    assert type(async_client.for_human("h")) is AsyncGabber
    assert type(async_client.with_options(timeout=1).realtime) is AsyncRealtime


class _Sync:
    def go(self, a: int, *, b: str = "x") -> SyncPageLike:
        raise NotImplementedError

    def only_here(self) -> None:
        raise NotImplementedError


class _Async:
    async def go(self, a: int, *, b: str = "y") -> SyncPageLike:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


SyncPageLike = int


def test_the_checker_finds_differences() -> None:
    """The comparison itself can fail: a default, a missing and an extra method."""
    found = differences(_Sync, _Async)

    assert "only sync: only_here" in found
    assert "only async: stop" in found
    assert any(f.startswith("go: [") for f in found)
