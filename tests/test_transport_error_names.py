"""The own pool's transport raises httpcore's errors as httpx's own transport does."""

from __future__ import annotations

import inspect

import httpcore
import httpx
import pytest

from gabber_client._transport import _raise_mapped

MAPPED = sorted(
    name
    for name, value in vars(httpcore).items()
    if inspect.isclass(value) and issubclass(value, Exception) and hasattr(httpx, name)
)


@pytest.mark.parametrize("name", MAPPED)
def test_each_httpcore_error_is_raised_as_httpx_error_of_its_name(name: str) -> None:
    error = getattr(httpcore, name)("boom")
    with pytest.raises(httpx.TransportError) as raised:
        _raise_mapped(error)
    assert type(raised.value) is getattr(httpx, name)
    assert str(raised.value) == "boom"
    assert raised.value.__cause__ is error


@pytest.mark.parametrize(
    "error", [httpcore.ConnectionNotAvailable(), ValueError("x"), RuntimeError("y")]
)
def test_other_errors_are_raised_as_they_are(error: Exception) -> None:
    with pytest.raises(type(error)) as raised:
        _raise_mapped(error)
    assert raised.value is error


def test_every_error_httpx_maps_is_covered() -> None:
    # the 14 errors httpx's own transport maps (httpx/_transports/default.py)
    assert len(MAPPED) == 14
