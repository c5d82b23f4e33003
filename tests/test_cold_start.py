"""A client for a plain ``http://`` base URL does not load the CA bundle (most of the
cost of building a client in a fresh process); one built or derived for ``https://``
loads it, once per process, into the context its pool shares, and verifies
certificates as httpx does by default."""

from __future__ import annotations

import json
import ssl
import subprocess
import sys
from pathlib import Path

from gabber_client import _tls


def _in_fresh_process(code: str) -> dict[str, object]:
    """Run ``code`` in a fresh interpreter (the TLS context is process-wide); it prints
    one JSON object, returned here."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    found: dict[str, object] = json.loads(result.stdout)
    return found


_CAS = "_tls.context().cert_store_stats()['x509_ca']"


def test_plain_http_clients_load_no_ca_bundle() -> None:
    found = _in_fresh_process(
        "import json\n"
        "from gabber_client import AsyncGabber, Gabber, _tls\n"
        "with Gabber(api_key='k', base_url='http://127.0.0.1:9'):\n"
        "    pass\n"
        "AsyncGabber(api_key='k', base_url='http://localhost:9/api')\n"
        f"print(json.dumps({{'cas': {_CAS}}}))\n"
    )
    assert found == {"cas": 0}


def test_https_clients_trust_what_httpx_trusts() -> None:
    found = _in_fresh_process(
        "import json, httpx\n"
        "from gabber_client import Gabber, _tls\n"
        "client = Gabber(api_key='k', base_url='https://gabber.test.invalid')\n"
        "ours = _tls.context().get_ca_certs(binary_form=True)\n"
        "theirs = httpx.create_ssl_context().get_ca_certs(binary_form=True)\n"
        "print(json.dumps({'same': sorted(ours) == sorted(theirs), 'cas': len(ours),\n"
        "                  'own_pool_context': client._http._transport._pool._ssl_context\n"
        "                  is _tls.context()}))\n"
    )
    assert found["same"] is True
    assert isinstance(found["cas"], int)
    assert found["cas"] > 0
    assert found["own_pool_context"] is True


def test_an_http_client_derived_for_https_trusts_the_shared_pool() -> None:
    found = _in_fresh_process(
        "import json\n"
        "from gabber_client import Gabber, _tls\n"
        "client = Gabber(api_key='k', base_url='http://127.0.0.1:9')\n"
        f"before = {_CAS}\n"
        "derived = client.with_options(base_url='https://gabber.test.invalid')\n"
        f"print(json.dumps({{'before': before, 'after': {_CAS},\n"
        "                  'shared': derived._http is client._http}))\n"
    )
    assert found["before"] == 0
    assert isinstance(found["after"], int)
    assert found["after"] > 0
    assert found["shared"] is True


def test_the_shared_context_requires_a_verified_certificate() -> None:
    # Before the CAs are loaded a handshake through it can only fail; after, it
    # verifies as httpx's default does.
    context = _tls.context()
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname


# The first call of a fresh process imports the generated modules of its own
# operation only (``_calls.build`` imports them by name on an operation's first call).

_FIRST_GET = """
import json, sys
import httpx
from benchmarks._data import dumps, full_session, start_response, START_CONFIG
from gabber_client import Gabber

def answer(request):
    body = start_response(1) if request.url.path.endswith("/start") else full_session(1)
    return httpx.Response(200, content=dumps(body))

http = httpx.Client(transport=httpx.MockTransport(answer))
client = Gabber(api_key="k", base_url="http://127.0.0.1:9", http_client=http)
loaded = lambda: sorted(m.rsplit(".", 1)[1] for m in sys.modules if "_generated.api.realtime." in m)
before = loaded()
session = client.realtime.get("rs_000001")
after_get = loaded()
models_after_get = {m.rsplit(".", 1)[1] for m in sys.modules if "_generated.models." in m}
started = client.realtime.start(START_CONFIG)
print(json.dumps({
    "before": before,
    "after_get": after_get,
    "config_create_loaded": "realtime_session_config_create" in models_after_get,
    "session": session.id,
    "started": started.session.id,
    "after_start": loaded(),
}))
"""


def test_the_first_call_imports_its_own_operation_only() -> None:
    completed = subprocess.run(
        [sys.executable, "-c", _FIRST_GET],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
        timeout=60,
    )
    seen = json.loads(completed.stdout)
    assert seen["before"] == []
    assert seen["after_get"] == ["get_realtime_session"]
    assert seen["config_create_loaded"] is False
    assert seen["session"] == "rs_000001"
    assert seen["started"] == "rs_000001"
    assert seen["after_start"] == ["get_realtime_session", "start_realtime_session"]


# A sync client never needs asyncio (about a tenth of a cold start): the async code
# imports it on first use. Both ways in to the async code bind it: the client's
# loop check (every async call) and the pool's attempt slots (send_async itself).

_SYNC_THEN_ASYNC = """
import json, sys
import httpx
from benchmarks._data import dumps, full_session
from gabber_client import AsyncGabber, Gabber

def answer(request):
    return httpx.Response(200, content=dumps(full_session(1)))

transport = httpx.MockTransport(answer)
with Gabber(api_key="k", base_url="http://127.0.0.1:9",
            http_client=httpx.Client(transport=transport)) as client:
    session = client.realtime.get("rs_000001")
sync_loaded = "asyncio" in sys.modules

import asyncio

async def main(direct):
    http = httpx.AsyncClient(transport=transport)
    async with AsyncGabber(api_key="k", base_url="http://127.0.0.1:9", http_client=http) as aclient:
        if direct:  # the pool's send path on its own, without the client's loop check
            request = http.build_request("GET", "http://127.0.0.1:9/x")
            response = await aclient._pool.send_async(request, 10**6)
            return response.status_code
        return (await aclient.realtime.get("rs_000001")).id

first = asyncio.run(main({direct}))
print(json.dumps({{"session": session.id, "sync_loaded": sync_loaded, "first": first}}))
"""


def _run(program: str) -> dict[str, object]:
    completed = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
        timeout=60,
    )
    found: dict[str, object] = json.loads(completed.stdout)
    return found


def test_a_sync_call_imports_no_asyncio_and_async_calls_import_it_on_first_use() -> None:
    seen = _run(_SYNC_THEN_ASYNC.format(direct=False))
    assert seen == {"session": "rs_000001", "sync_loaded": False, "first": "rs_000001"}


def test_the_async_send_path_imports_asyncio_on_its_own() -> None:
    seen = _run(_SYNC_THEN_ASYNC.format(direct=True))
    assert seen == {"session": "rs_000001", "sync_loaded": False, "first": 200}
