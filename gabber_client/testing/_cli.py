"""``gabber-fake`` / ``python -m gabber_client.testing``: serve the fake over loopback."""

from __future__ import annotations

import argparse
import shlex
import signal
import sys
from collections.abc import Sequence

from . import _extra
from ._fake import DEFAULT_API_KEY, FakeGabber
from ._server import FakeServer

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gabber-fake",
        description="Serve a local, in-memory fake of the Gabber realtime API over HTTP.",
        epilog=f"Needs the 'fake' extra (uvicorn, jsonschema):\n  {_extra.FAKE_INSTALL_COMMAND}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port; 0 picks a free one")
    parser.add_argument(
        "--api-key",
        action="append",
        dest="api_keys",
        metavar="KEY",
        help=f"an accepted API key (repeatable; default {DEFAULT_API_KEY})",
    )
    parser.add_argument("--project", default="proj_fake", help="the project of every session")
    parser.add_argument("--page-size", type=int, default=20, help="items per page (default 20)")
    parser.add_argument(
        "--log-level",
        default="warning",
        choices=["critical", "error", "warning", "info", "debug"],
        help="uvicorn's log level (default warning)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the server until Ctrl-C or SIGTERM; return the exit status."""
    args = _parser().parse_args(argv)  # --help works without the `fake` extra
    missing = _extra.missing_modules(_extra.LOOPBACK)
    if missing:
        sys.stderr.write(f"gabber-fake: {_extra.hint(missing)}\n")
        return 1
    if not 0 <= args.port <= 65535:
        _parser().error(f"--port must be 0-65535, got {args.port}")
    if args.page_size < 1:
        _parser().error("--page-size must be >= 1")
    keys = args.api_keys or [DEFAULT_API_KEY]
    if not all(keys):
        _parser().error("--api-key must not be empty")
    fake = FakeGabber(api_keys=keys, project=args.project, page_size=args.page_size)
    server = FakeServer(fake, args.host, args.port, log_level=args.log_level)
    try:
        server.start()
    except OSError as exc:
        sys.stderr.write(f"gabber-fake: cannot listen on {args.host}:{args.port}: {exc}\n")
        return 1
    # uvicorn serves in a thread of the server; SIGTERM ends this one as Ctrl-C does.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        sys.stdout.write(
            f"Gabber fake API on {server.base_url} (Ctrl-C to stop). Point the client at it:\n"
            f"export GABBER_BASE_URL={shlex.quote(server.base_url)}\n"
            f"export GABBER_API_KEY={shlex.quote(keys[0])}\n"
        )
        sys.stdout.flush()
        while server._thread is not None and server._thread.is_alive():
            server._thread.join(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0
