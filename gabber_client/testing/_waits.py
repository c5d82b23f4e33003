"""Retries against the fake take no wall time: its clients do not wait between
retries (the backoff and ``Retry-After`` are computed, logged and skipped)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from gabber_client import AsyncGabber, Gabber

C = TypeVar("C", "Gabber", "AsyncGabber")

__all__ = ["with_retry_waits"]


def with_retry_waits(client: C, waits: bool) -> C:
    """``client``, waiting between retries (``True``, as any client does) or not
    (``False``). Clients derived from it (``with_options``, ``for_human``) inherit
    the choice."""
    client._settings = dataclasses.replace(client._settings, retry_waits=waits)
    return client
