"""``gabber``: the command line of the Gabber realtime API.

::

    $ export GABBER_API_KEY=...
    $ gabber sessions start --llm my-llm --simulated
    $ gabber --format table sessions list --all
    $ gabber sessions speak rs_123 "Hello there"

One subcommand per operation (``gabber sessions --help`` lists them). Results are
one JSON document on stdout (``--format table`` for aligned columns); errors are
one line on stderr, with an exit status per kind of failure (see ``gabber --help``).
:func:`main` is the console-script entry point; ``python -m gabber_client.cli``
runs it too.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from .._client import Gabber
from .._constants import API_KEY_ENV
from ..errors import GabberError
from ._exit import (
    EXIT_BROKEN_PIPE,
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    UsageError,
    exit_code,
    one_line,
)
from ._parser import build_parser
from ._render import render

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``gabber`` with ``argv`` (default ``sys.argv[1:]``); return the exit status.

    Never raises for a failed command: usage errors, API errors, Ctrl-C and any
    unexpected exception become an exit status and (except for Ctrl-C) one line on
    stderr, never a traceback.
    """
    secrets: list[str | None] = [os.environ.get(API_KEY_ENV)]
    try:
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exc:  # --help, --version, or a usage error already printed
            return exc.code if isinstance(exc.code, int) else EXIT_FAILURE  # argparse: an int
        secrets += [args.api_key, args.token]
        if args.api_key is None and args.token is None and not os.environ.get(API_KEY_ENV):
            raise UsageError(
                f"no credentials: pass --api-key KEY (or set {API_KEY_ENV}) for an API key, "
                "or --token TOKEN for a usage token"
            )
        client_options = {} if args.timeout is None else {"timeout": args.timeout}
        with Gabber(
            api_key=args.api_key,
            token=args.token,
            base_url=args.base_url,
            human=args.human,
            max_retries=args.max_retries,
            **client_options,
        ) as client:
            output = args.handler(client, args)
        sys.stdout.write(render(output, args.format))
        sys.stdout.flush()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except (GabberError, UsageError) as exc:
        sys.stderr.write(f"gabber: error: {one_line(exc, secrets)}\n")
        return exit_code(exc)
    except BrokenPipeError:  # stdout closed early, as by `gabber ... | head`
        # Point stdout at /dev/null, so that flushing it at exit does not fail again.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):  # not a real file (tests capture stdout)
            pass
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # a bug: still one line, never a traceback
        sys.stderr.write(
            f"gabber: error: unexpected {type(exc).__name__}: {one_line(exc, secrets)}\n"
        )
        return EXIT_FAILURE
    return EXIT_OK
