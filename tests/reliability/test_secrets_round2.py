"""Issue 14, item 9: a password in the base URL is masked in ``repr``/``str`` of a
client, and DEBUG logs redact every credential-bearing header."""

from __future__ import annotations

import logging

import httpx
import pytest

from gabber_client import AsyncGabber, Gabber

from . import payloads
from .scripted import always, sync_client

PASSWORD = "hunter2-SECRET-pw"


@pytest.mark.parametrize("cls", [Gabber, AsyncGabber])
def test_password_in_base_url_is_masked_in_repr_and_str(cls: type[Gabber]) -> None:
    client = cls(api_key="sk-test", base_url=f"http://user:{PASSWORD}@127.0.0.1:9/api")
    for text in (repr(client), str(client)):
        assert PASSWORD not in text
        assert "user:***@127.0.0.1:9/api" in text
    # the URL itself keeps the password: it is the caller's
    assert client.base_url.password == PASSWORD


@pytest.mark.parametrize(
    "header",
    [
        "Cookie",
        "Proxy-Authorization",
        "X-Session-Token",
        "X-Client-Secret",
        "X-Custom-Key",
        "X-Auth-Thing",
        "Api-Key",
    ],
)
def test_debug_log_redacts_credential_headers(
    header: str, caplog: pytest.LogCaptureFixture
) -> None:
    value = "v-SECRET-0123456789"
    client, recorder = sync_client(always(payloads.session()), default_headers={header: value})
    with caplog.at_level(logging.DEBUG, logger="gabber_client"):
        client.realtime.get("rs_1")

    assert recorder.requests[0].headers[header] == value  # it was sent
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "request headers" in logged
    assert value not in logged
    assert "<redacted>" in logged


def test_debug_log_keeps_harmless_headers(caplog: pytest.LogCaptureFixture) -> None:
    client, _ = sync_client(always(payloads.session()), default_headers={"X-Trace": "t-1"})
    with caplog.at_level(logging.DEBUG, logger="gabber_client"):
        client.realtime.get("rs_1")
    assert "t-1" in "\n".join(r.getMessage() for r in caplog.records)


def test_httpx_masks_the_same_way() -> None:
    # the client's masking follows httpx's own repr of a URL with a password
    assert PASSWORD not in repr(httpx.URL(f"http://user:{PASSWORD}@127.0.0.1/"))
