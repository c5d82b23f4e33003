"""The ``fake`` extra: what the local fake needs beyond the runtime dependencies.

The fake validates request bodies with jsonschema and serves over loopback with
uvicorn; both come with ``pip install "gabber-client[fake]"``. Without them, every
entry point of the fake (the names of :mod:`gabber_client.testing`, its pytest
fixtures, ``gabber-fake``) says so in one line instead of failing later with a raw
``ModuleNotFoundError`` from deep inside.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from collections.abc import Iterable
from types import TracebackType
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
    (the caller raises it, so that the traceback ends in the caller's frame).

    When there is one, an uncaught :class:`MissingFakeExtraError` is from then on
    shown as its one line, without a traceback (see :func:`_show_as_one_line`)."""
    missing = missing_modules(modules)
    if not missing:
        return None
    _show_as_one_line()
    return MissingFakeExtraError(hint(missing), name=missing[0])


_hook_lock = threading.Lock()


def _show_as_one_line() -> None:
    """Have ``sys.excepthook`` print an uncaught :class:`MissingFakeExtraError` as one
    line (``MissingFakeExtraError: <hint>``) and hand every other exception to the hook
    that was there before, unchanged. Installed once, and only when the extra is found
    missing: a script that uses the fake without it ends with the install command, not
    a traceback. Code that catches the error (pytest, a REPL) is unaffected."""
    with _hook_lock:
        previous = sys.excepthook
        if getattr(previous, "_gabber_fake_extra", False):
            return

        def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
            if isinstance(error, MissingFakeExtraError):
                sys.stderr.write(f"{kind.__name__}: {error}\n")
            else:
                previous(kind, error, tb)

        hook._gabber_fake_extra = True  # type: ignore[attr-defined]
        sys.excepthook = hook
