"""A client for a plain ``http://`` base URL does not load the CA bundle (most of the
cost of building a client in a fresh process); one for ``https://`` does, once per
process, and verifies certificates as before."""

from __future__ import annotations

import ssl
from collections.abc import Iterator

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
