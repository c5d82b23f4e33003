"""The exit statuses of ``gabber``, and the one-line, secret-free error messages."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from ..errors import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    GabberError,
    InvalidArgumentError,
)

__all__ = [
    "EPILOG",
    "EXIT_BROKEN_PIPE",
    "EXIT_CLIENT_ERROR",
    "EXIT_CONNECTION_ERROR",
    "EXIT_FAILURE",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID_RESPONSE",
    "EXIT_OK",
    "EXIT_SERVER_ERROR",
    "EXIT_USAGE",
    "UnprintableResult",
    "UsageError",
    "exit_code",
    "one_line",
    "printable",
]

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_CLIENT_ERROR = 3
EXIT_SERVER_ERROR = 4
EXIT_CONNECTION_ERROR = 5
EXIT_INVALID_RESPONSE = 6
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

EPILOG = """\
exit status:
  0    success
  1    any other error
  2    usage error or invalid argument (nothing was sent)
  3    the API refused the request (4xx: bad input, bad credentials, unknown session, ...)
  4    the API failed (5xx), after the retries
  5    no response (connection refused, DNS failure, timeout), after the retries
  6    a successful response that does not match the API specification
  130  interrupted (Ctrl-C)
  141  stdout was closed before the output was written (e.g. piped into head)

Errors are one line on stderr; results are written to stdout."""


_MIN_SECRET = 6


class UsageError(Exception):
    """A command-line argument the CLI itself rejects (an unreadable ``--json`` file, ...)."""


class UnprintableResult(GabberError):
    """The server's answer holds a number JSON cannot represent (``NaN``,
    ``Infinity``): printing it would be invalid JSON, so nothing is printed."""


_CONTROL = frozenset(("Cc", "Cf", "Cs"))


def printable(text: str) -> str:
    """``text`` safe to write to a terminal: control and format characters (ESC,
    BEL, CR, bidirectional overrides, ...) from a server shown as ``\\x1b``-style
    escapes instead of reaching the terminal raw."""
    if text.isprintable():
        return text
    return "".join(
        repr(char)[1:-1] if unicodedata.category(char) in _CONTROL else char for char in text
    )


def exit_code(exc: Exception) -> int:
    """The exit status for ``exc``, raised while running a command."""
    if isinstance(exc, InvalidArgumentError | UsageError):
        return EXIT_USAGE
    if isinstance(exc, APIStatusError):
        return EXIT_SERVER_ERROR if exc.status_code >= 500 else EXIT_CLIENT_ERROR
    if isinstance(exc, APIConnectionError):
        return EXIT_CONNECTION_ERROR
    if isinstance(exc, APIResponseValidationError | UnprintableResult):
        return EXIT_INVALID_RESPONSE
    return EXIT_FAILURE


def one_line(exc: Exception, secrets: Iterable[str | None]) -> str:
    """``exc`` as a single line, with every secret in ``secrets`` replaced by ``<redacted>``.

    The client's errors never contain credentials; the redaction is a second guard
    for messages that quote user input (a file name, a URL). Strings shorter than
    :data:`_MIN_SECRET` are not credentials and are left alone (replacing them
    would garble the message).
    """
    text = " ".join(str(exc).split()) or type(exc).__name__
    for secret in secrets:
        if secret and len(secret) >= _MIN_SECRET:
            text = text.replace(secret, "<redacted>")
    return printable(text)
