"""Figure 6: how many ``get`` requests per second the fake serves over loopback.

For users who load-test their app against ``gabber_client.testing.FakeServer``.
The fake runs in a child process (:mod:`benchmarks._fake_host`); the baseline is
the canned server (:mod:`benchmarks._canned_server`, a raw asyncio server that
answers with fixed bytes of the same size class), driven by the same minimal
load generator (:mod:`benchmarks._load`), so the ratio is the fake's cost per
request (routing, authentication, validation, rendering the session, uvicorn)
against doing nothing. Informational: no goal.
"""

from __future__ import annotations

import sys

from ._canned_server import CannedServer
from ._data import dumps, full_session
from ._fake_host import FakeHost
from ._load import requests_per_second
from ._report import Row
from ._sizes import Sizes
from ._timing import compare

__all__ = ["CONNECTIONS", "run"]

FAKE_PYTHON = sys.executable
"""The interpreter that serves the fake: it needs the ``fake`` extra (``--fake-python``)."""

CONNECTIONS = 8
"""Keep-alive connections the load generator spreads its requests over."""


def run(sizes: Sizes) -> list[Row]:
    """Measure the fake's and the canned server's ``get`` throughput, interleaved."""
    total = sizes.fake_requests
    with FakeHost(FAKE_PYTHON) as fake, CannedServer(dumps(full_session(7))) as canned:
        headers = {"x-api-key": fake.api_key}
        path = f"/v1/realtime/{fake.session}"
        result = compare(
            lambda: requests_per_second(
                fake.base_url, path, headers=headers, total=total, connections=CONNECTIONS
            ),
            lambda: requests_per_second(
                canned.base_url, path, headers=headers, total=total, connections=CONNECTIONS
            ),
            rounds=sizes.fake_rounds,
        )
    return [
        Row(
            key="fake.throughput",
            figure="FakeServer get throughput",
            baseline_name="canned server",
            unit="req/s",
            value=result.candidate,
            baseline=result.baseline,
            ratio=result.ratio,
            goal=None,
            rounds=result.rounds,
            note=f"{total:,} GETs per sample over {CONNECTIONS} keep-alive connections, "
            "raw asyncio load generator",
        )
    ]
