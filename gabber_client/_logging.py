"""The ``gabber_client`` logger, and ``GABBER_LOG=debug|info`` to turn it on."""

from __future__ import annotations

import logging
import os

logger = logging.getLogger("gabber_client")

_configured = False


def setup_from_env() -> None:
    """Add a stderr handler to the ``gabber_client`` logger when ``GABBER_LOG`` is
    ``debug`` or ``info`` (once per process). Otherwise leave logging to the app."""
    global _configured
    if _configured:
        return
    _configured = True
    level = os.environ.get("GABBER_LOG", "").strip().lower()
    if level not in ("debug", "info"):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if level == "debug" else logging.INFO)
