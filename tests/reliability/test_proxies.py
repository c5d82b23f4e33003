"""Issue 21, finding 8: what the client's own pool does with proxy settings.

* The proxy environment variables apply as httpx's ``trust_env`` says
  (``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``, ``NO_PROXY``): a raw proxy on
  127.0.0.1 gets the request, in absolute form.
* A loopback base URL (``127.0.0.1``, ``::1``, ``localhost``) is never proxied,
  whatever the environment says: the fake and local servers are reached directly.
* A plain ``http://`` base URL on another host, with a proxy elsewhere, logs a
  warning at construction: the key would cross the proxy in clear text. Not for
  ``https://`` (tunnelled), nor for a proxy on this machine.
* ``.netrc`` is not read (httpx 0.28 does not; the client sends its own
  credentials): a ``.netrc`` entry for the host changes nothing.
"""

from __future__ import annotations

import logging
import socket
from pathlib import Path

import pytest

from gabber_client import APIConnectionError, Gabber
from gabber_client.testing import FakeServer

from . import payloads
from .raw_server import RawRequest, RawServer, json_bytes

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def _proxy(_request: RawRequest, sock: socket.socket) -> bool:
    sock.sendall(json_bytes(200, payloads.session("rs_1")))
    return True


def test_the_environments_proxy_carries_calls_to_other_hosts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with RawServer(_proxy) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.base_url)
        with Gabber(api_key="sk-test", base_url="http://gabber.test/api") as client:
            assert client.realtime.get("rs_1").id == "rs_1"
        (request,) = proxy.requests
        assert request.target == "http://gabber.test/api/v1/realtime/rs_1"


def test_no_proxy_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    with RawServer(_proxy) as proxy:
        monkeypatch.setenv("ALL_PROXY", proxy.base_url)
        monkeypatch.setenv("NO_PROXY", "gabber.invalid")
        client = Gabber(api_key="sk-test", base_url="http://gabber.invalid", max_retries=0)
        with client, pytest.raises(APIConnectionError):  # straight to a host that is not
            client.realtime.get("rs_1")
        assert proxy.requests == []


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_a_loopback_base_url_is_never_proxied(monkeypatch: pytest.MonkeyPatch, host: str) -> None:
    with RawServer(_proxy) as proxy, FakeServer() as fake:
        for name in ("HTTP_PROXY", "ALL_PROXY"):
            monkeypatch.setenv(name, proxy.base_url)
        session = fake.fake.create_session()["id"]
        base_url = fake.base_url.replace("127.0.0.1", host)
        with Gabber(api_key=fake.api_key, base_url=base_url) as client:
            assert client.realtime.get(session).id == session
        assert proxy.requests == []


WARNING = "in clear text"


@pytest.mark.parametrize(
    ("base_url", "proxy", "warned"),
    [
        ("http://gabber.test", "http://10.255.255.1:3128", True),
        ("http://gabber.test", "10.255.255.1:3128", True),
        ("https://gabber.test", "http://10.255.255.1:3128", False),  # tunnelled
        ("http://gabber.test", "http://127.0.0.1:3128", False),  # this machine
        ("http://127.0.0.1:9", "http://10.255.255.1:3128", False),  # never proxied
    ],
)
def test_a_cleartext_key_through_a_remote_proxy_is_warned_about(
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    base_url: str,
    proxy: str,
    warned: bool,
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy)
    with caplog.at_level(logging.WARNING, logger="gabber_client"):
        Gabber(api_key="sk-secret-123456", base_url=base_url).close()
    assert (WARNING in caplog.text) is warned
    assert "sk-secret-123456" not in caplog.text


def test_netrc_is_not_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    netrc = tmp_path / ".netrc"
    netrc.write_text("machine 127.0.0.1 login someone password netrc-secret-pw\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    monkeypatch.setenv("HOME", str(tmp_path))
    with RawServer(_proxy) as server:
        with Gabber(api_key="sk-test", base_url=server.base_url) as client:
            client.realtime.get("rs_1")
        (request,) = server.requests
        assert "authorization" not in request.headers
        assert request.headers["x-api-key"] == "sk-test"
