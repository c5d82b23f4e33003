"""The ``fake`` extra: what the local fake needs beyond the runtime dependencies.

The fake validates request bodies with jsonschema and serves over loopback with
uvicorn; both come with ``pip install "gabber-client[fake]"``. Without them, every
entry point of the fake (the names of :mod:`gabber_client.testing`, its pytest
fixtures, ``gabber-fake``) says so in one line instead of failing later with a raw
``ModuleNotFoundError`` from deep inside.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from typing import Final

__all__ = ["FAKE_INSTALL_COMMAND", "MissingFakeExtraError", "missing_extra", "missing_modules"]

FAKE_INSTALL_COMMAND: Final = 'pip install "gabber-client[fake]"'

IN_PROCESS: Final = ("jsonschema",)
"""What :class:`FakeGabber` needs in-process: request-body validation."""

LOOPBACK: Final = ("jsonschema", "uvicorn")
"""What :class:`FakeServer` and ``gabber-fake`` need: the same, and the HTTP server."""


class MissingFakeExtraError(ModuleNotFoundError):
    """The ``fake`` extra is not installed. A :class:`ModuleNotFoundError` (so an
    :class:`ImportError`), whose message is the one line to act on."""


def missing_modules(modules: Iterable[str]) -> list[str]:
    """The top-level modules of ``modules`` that cannot be imported."""
    return [name for name in modules if importlib.util.find_spec(name) is None]


def hint(missing: Iterable[str]) -> str:
    """The one-line message for ``missing`` modules."""
    return (
        f"the local Gabber fake needs {' and '.join(missing)}, from the 'fake' extra: "
        f"{FAKE_INSTALL_COMMAND}"
    )


def missing_extra(modules: Iterable[str]) -> MissingFakeExtraError | None:
    """The error to raise when a module of ``modules`` cannot be imported, else ``None``
    (the caller raises it, so that the traceback ends in the caller's frame)."""
    missing = missing_modules(modules)
    return MissingFakeExtraError(hint(missing), name=missing[0]) if missing else None
