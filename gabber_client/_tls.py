"""The TLS context shared by the pools the clients build for themselves.

Loading a CA bundle is most of what building the first client of a process costs
(about 0.1 s), and a client whose base URL is plain ``http://`` never opens a TLS
connection. So every client's own pool gets one process-wide context that starts
out trusting nothing, and the CA bundle is loaded into that same context the first
time a client needs it: when one is built, or derived with ``with_options``, for
an ``https://`` base URL. Connections made after that verify as usual; a TLS
handshake attempted before it could only fail (certificate and host name are
required and no CA is trusted), never connect unverified.

What is trusted is what :func:`httpx.create_ssl_context` trusts by default:
``SSL_CERT_FILE``, else ``SSL_CERT_DIR``, else certifi's bundle (httpx's own
dependency). A test compares the two, so a change in httpx shows.
"""

from __future__ import annotations

import os
import ssl
import threading
from typing import Final

__all__ = ["context", "trust"]

_CONTEXT: Final = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # CERT_REQUIRED, host names checked
if os.environ.get("SSLKEYLOGFILE"):  # as ssl.create_default_context does
    _CONTEXT.keylog_filename = os.environ["SSLKEYLOGFILE"]

_lock = threading.Lock()


def context() -> ssl.SSLContext:
    """The shared context (trusting CAs only once :func:`trust` has run)."""
    return _CONTEXT


def trust() -> None:
    """Load the CAs into the shared context, once per process (thread-safe)."""
    if _CONTEXT.cert_store_stats()["x509_ca"]:
        return
    with _lock:
        if _CONTEXT.cert_store_stats()["x509_ca"]:
            return
        if os.environ.get("SSL_CERT_FILE"):
            _CONTEXT.load_verify_locations(cafile=os.environ["SSL_CERT_FILE"])
        elif os.environ.get("SSL_CERT_DIR"):
            _CONTEXT.load_verify_locations(capath=os.environ["SSL_CERT_DIR"])
        else:
            import certifi  # httpx's dependency, and where it takes its bundle from

            _CONTEXT.load_verify_locations(cafile=certifi.where())
