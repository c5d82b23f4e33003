"""The suite can only reach loopback (the guard installed by tests/conftest.py)."""

from __future__ import annotations

import socket

import pytest


def test_other_hosts_cannot_be_resolved() -> None:
    with pytest.raises(OSError, match="only reach loopback"):
        socket.getaddrinfo("api.gabber.dev", 443)


def test_loopback_still_resolves() -> None:
    assert socket.getaddrinfo("127.0.0.1", 80)
    assert socket.getaddrinfo("localhost", 80)
