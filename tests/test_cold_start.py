"""A client for a plain ``http://`` base URL does not load the CA bundle (most of the
cost of building a client in a fresh process); one for ``https://`` does, once per
process, and verifies certificates as before."""

from __future__ import annotations

import json
import ssl
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from gabber_client import AsyncGabber, Gabber, _base_client


@pytest.fixture
def created(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Every call of ``httpx.create_ssl_context`` made by the client, from a clean cache."""
    calls: list[object] = []
    real = httpx.create_ssl_context

    def counting(*args: object, **kwargs: object) -> ssl.SSLContext:
        calls.append(args)
        return real()

    _base_client._ssl_context.cache_clear()
    monkeypatch.setattr(httpx, "create_ssl_context", counting)
    yield calls
    _base_client._ssl_context.cache_clear()


def test_plain_http_clients_load_no_ca_bundle(created: list[object]) -> None:
    with Gabber(api_key="k", base_url="http://127.0.0.1:9"):
        pass
    AsyncGabber(api_key="k", base_url="http://localhost:9/api")
    assert created == []


def test_https_clients_load_it_once_per_process(created: list[object]) -> None:
    with Gabber(api_key="k", base_url="https://gabber.test.invalid"):
        pass
    with Gabber(api_key="k", base_url="https://other.test.invalid"):
        pass
    AsyncGabber(api_key="k", base_url="https://gabber.test.invalid")
    assert len(created) == 1
    context = _base_client._ssl_context()
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname
    assert context.cert_store_stats()["x509_ca"] > 0


def test_the_context_of_a_plain_http_client_trusts_nothing() -> None:
    # Were a TLS connection ever attempted through it, verification would fail:
    # it requires a certificate and a matching host name, and trusts no CA.
    context = _base_client._no_ca_context()
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname
    assert context.cert_store_stats()["x509_ca"] == 0
    assert context.get_ca_certs() == []


# The first call of a fresh process imports the generated modules of its own
# operation only; each builder then replaces its importing wrapper.

_FIRST_GET = """
import json, sys
import httpx
from benchmarks._data import dumps, full_session, start_response, START_CONFIG
from gabber_client import Gabber, _calls

def answer(request):
    body = start_response(1) if request.url.path.endswith("/start") else full_session(1)
    return httpx.Response(200, content=dumps(body))

http = httpx.Client(transport=httpx.MockTransport(answer))
client = Gabber(api_key="k", base_url="http://127.0.0.1:9", http_client=http)
loaded = lambda: sorted(m.rsplit(".", 1)[1] for m in sys.modules if "_generated.api.realtime." in m)
before = loaded()
wrapped_before = hasattr(_calls.get, "__wrapped__")
session = client.realtime.get("rs_000001")
after_get = loaded()
models_after_get = {m.rsplit(".", 1)[1] for m in sys.modules if "_generated.models." in m}
started = client.realtime.start(START_CONFIG)
print(json.dumps({
    "before": before,
    "after_get": after_get,
    "config_create_loaded": "realtime_session_config_create" in models_after_get,
    "wrapped_before": wrapped_before,
    "wrapped_after": hasattr(_calls.get, "__wrapped__"),
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
    assert seen["wrapped_before"] is True
    assert seen["wrapped_after"] is False
    assert seen["session"] == "rs_000001"
    assert seen["started"] == "rs_000001"
    assert seen["after_start"] == ["get_realtime_session", "start_realtime_session"]
