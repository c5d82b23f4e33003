"""Figure 1b: the first call of a fresh process, against raw httpx doing the same.

What a serverless function, a CLI or a short script pays once: each sample is a
fresh interpreter (``python -c``) that times, with ``time.perf_counter``, from
before its first import to the parsed result of one ``get`` on the canned
loopback server (:mod:`benchmarks._canned_server`), client closed. Interpreter
start-up, the same for both, is left out.

The client::

    from gabber_client import Gabber
    with Gabber(api_key=KEY, base_url=URL) as client:
        session = client.realtime.get("rs_000007")

The baseline, the same steps as a user of raw httpx writes them::

    import json
    import httpx
    with httpx.Client(base_url=URL, headers={"x-api-key": KEY}) as http:
        response = http.get("/v1/realtime/rs_000007")
        response.raise_for_status()
        session = json.loads(response.content)

The loopback server speaks plain HTTP. Against an ``https://`` base URL both sides
also load the CA bundle into a TLS context; the second, informational row shows
that case without a request: import and build a client for an ``https://`` URL.

As for the import figure, the interpreters may write bytecode caches (an
installed package has them) and the warm-up round writes them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ._canned_server import CannedServer
from ._data import dumps, full_session
from ._report import Goal, Row
from ._sizes import Sizes
from ._timing import compare
from .import_time import _environment

__all__ = ["run"]

GOAL = Goal("<=", 1.25)
API_KEY = "bench-key"
HTTPS_URL = "https://gabber.bench.invalid"
"""Never resolved: the https row builds clients and sends nothing."""

_TIMER = "import time\nstart = time.perf_counter()\n"
_REPORT = "print(time.perf_counter() - start)\n"

CLIENT_FIRST_CALL = (
    _TIMER
    + "from gabber_client import Gabber\n"
    + "with Gabber(api_key={key!r}, base_url={url!r}) as client:\n"
    + "    session = client.realtime.get('rs_000007')\n"
    + "assert session.id == 'rs_000007'\n"
    + _REPORT
)
RAW_FIRST_CALL = (
    _TIMER
    + "import json\n"
    + "import httpx\n"
    + "with httpx.Client(base_url={url!r}, headers={{'x-api-key': {key!r}}}) as http:\n"
    + "    response = http.get('/v1/realtime/rs_000007')\n"
    + "    response.raise_for_status()\n"
    + "    session = json.loads(response.content)\n"
    + "assert session['id'] == 'rs_000007'\n"
    + _REPORT
)
CLIENT_HTTPS = (
    _TIMER
    + "from gabber_client import Gabber\n"
    + "client = Gabber(api_key={key!r}, base_url={url!r})\n"
    + "client.close()\n"
    + _REPORT
)
RAW_HTTPS = (
    _TIMER
    + "import json\n"
    + "import httpx\n"
    + "http = httpx.Client(base_url={url!r}, headers={{'x-api-key': {key!r}}})\n"
    + "http.close()\n"
    + _REPORT
)


def _seconds(program: str) -> float:
    completed = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        check=True,
        env=_environment(),
        cwd=Path(__file__).resolve().parent.parent,
    )
    return float(completed.stdout.strip())


def run(sizes: Sizes) -> list[Row]:
    """The first call and the https client, each in interleaved pairs of fresh interpreters."""
    rounds = sizes.cold_rounds
    with CannedServer(dumps(full_session(7))) as server:
        first_call = compare(
            lambda: _seconds(CLIENT_FIRST_CALL.format(key=API_KEY, url=server.base_url)),
            lambda: _seconds(RAW_FIRST_CALL.format(key=API_KEY, url=server.base_url)),
            rounds=rounds,
        )
    https = compare(
        lambda: _seconds(CLIENT_HTTPS.format(key=API_KEY, url=HTTPS_URL)),
        lambda: _seconds(RAW_HTTPS.format(key=API_KEY, url=HTTPS_URL)),
        rounds=rounds,
    )
    return [
        Row(
            key="cold.first_call",
            figure="cold first call: import + Gabber() + get on loopback",
            baseline_name="raw httpx + json.loads, same steps",
            unit="ms",
            value=first_call.candidate * 1e3,
            baseline=first_call.baseline * 1e3,
            ratio=first_call.ratio,
            goal=GOAL,
            rounds=first_call.rounds,
            note="fresh interpreter per sample, plain-HTTP loopback server, client closed",
        ),
        Row(
            key="cold.https_client",
            figure="cold import + client for an https:// URL (no request)",
            baseline_name="import httpx + httpx.Client",
            unit="ms",
            value=https.candidate * 1e3,
            baseline=https.baseline * 1e3,
            ratio=https.ratio,
            goal=None,
            rounds=https.rounds,
            note="fresh interpreter per sample; both sides load the CA bundle",
        ),
    ]
