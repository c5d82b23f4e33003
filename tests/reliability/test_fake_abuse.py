"""The fake under abuse, over loopback: malformed, mistyped, oversized and hostile
requests get a 4xx, never a 5xx, and the same server goes on serving.

Requests are sent with plain httpx (and a raw socket where httpx would refuse to
send them), plus a small, seeded run of Schemathesis' negative cases. The
contract suite runs Schemathesis at length; this run only checks "4xx, never
5xx, and still serving".
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from gabber_client import Gabber
from gabber_client.testing import FakeServer

from . import payloads

SPEC = Path(__file__).parents[2] / "openapi.yaml"
MB = 1024 * 1024


@pytest.fixture(scope="module")
def server() -> Iterator[FakeServer]:
    """One server for the whole module: the abuse accumulates on it."""
    with FakeServer() as running:
        yield running


@pytest.fixture(scope="module")
def session_id(server: FakeServer) -> str:
    created: str = server.fake.create_session(session_id="victim")["id"]
    return created


@pytest.fixture(scope="module")
def http(server: FakeServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, timeout=10.0) as client:
        yield client


def _key(server: FakeServer) -> dict[str, str]:
    return {"x-api-key": server.api_key}


BODY_PATHS = [
    "/v1/realtime/start",
    "/v1/realtime/victim/update",
    "/v1/realtime/victim/speak",
    "/v1/realtime/victim/dtmf",
    "/v1/realtime/victim/outbound_call",
    "/v1/realtime/session/victim/attach_human",
]

# Not JSON, or not a JSON object: a 400 on every operation that takes a body.
BAD_BODIES: list[tuple[str, bytes]] = [
    ("malformed", b'{"config": {'),
    ("trailing garbage", b'{"text": "hi"} xyz'),
    ("single quotes", b"{'text': 'hi'}"),
    ("invalid utf-8", b'{"text": "\xff\xfe"}'),
    ("NaN", b'{"text": NaN}'),
    ("Infinity", b'{"digits": [{"digit": "1", "duration": Infinity}]}'),
    ("huge number", b'{"digits": [{"digit": "1", "duration": 1e999}]}'),
    ("huge int", b'{"digits": [{"digit": "1", "duration": 1' + b"0" * 5000 + b"}]}"),
    ("empty", b""),
    ("whitespace", b"   \n"),
    ("array", b"[]"),
    ("string", b'"text"'),
    ("number", b"42"),
    ("null", b"null"),
    ("true", b"true"),
    ("deep array", b"[" * 10_000 + b"]" * 10_000),
    ("deep object", b'{"a":' * 200 + b"1" + b"}" * 200),
]


@pytest.mark.parametrize("path", BODY_PATHS)
@pytest.mark.parametrize(("name", "body"), BAD_BODIES, ids=[n for n, _ in BAD_BODIES])
def test_bodies_that_are_not_json_objects_are_400(
    server: FakeServer, http: httpx.Client, session_id: str, path: str, name: str, body: bytes
) -> None:
    headers = {**_key(server), "content-type": "application/json"}
    response = http.post(path, content=body, headers=headers)
    assert response.status_code == 400, (name, response.status_code, response.text[:200])
    assert isinstance(response.json()["message"], str)


_OK_CONFIG = payloads.START_CONFIG
# JSON objects the schema rejects: wrong types, missing fields, unknown enum values.
SCHEMA_VIOLATIONS: list[tuple[str, Any]] = [
    ("/v1/realtime/start", {}),
    ("/v1/realtime/start", {"config": 1}),
    ("/v1/realtime/start", {"config": {}}),
    ("/v1/realtime/start", {"config": {**_OK_CONFIG, "general": {"time_limit_s": "60"}}}),
    ("/v1/realtime/start", {"config": {**_OK_CONFIG, "generative": {"llm": None}}}),
    ("/v1/realtime/start", {"config": _OK_CONFIG, "simulated": "yes"}),
    ("/v1/realtime/start", {"config": _OK_CONFIG, "_extra": [1]}),
    ("/v1/realtime/victim/update", {"general": 5}),
    ("/v1/realtime/victim/update", {"generative": {"llm": 5}}),
    ("/v1/realtime/victim/update", {"output": {"stream_transcript": "yes"}}),
    ("/v1/realtime/victim/speak", {}),
    ("/v1/realtime/victim/speak", {"text": 5}),
    ("/v1/realtime/victim/speak", {"text": None}),
    ("/v1/realtime/victim/speak", {"text": ["x"]}),
    ("/v1/realtime/victim/dtmf", {"digits": "123"}),
    ("/v1/realtime/victim/dtmf", {"digits": [{"digit": "E", "duration": 100}]}),
    ("/v1/realtime/victim/dtmf", {"digits": [{"digit": "1", "duration": "100"}]}),
    ("/v1/realtime/victim/dtmf", {"digits": [{"digit": "1", "duration": 1.5}]}),
    ("/v1/realtime/victim/dtmf", {"digits": [{"digit": "1", "duration": -1}]}),
    ("/v1/realtime/victim/dtmf", {"digits": [1] * 2_000}),
    (
        "/v1/realtime/victim/outbound_call",
        {"type": "sip", "source_phone_number": "+14155550100", "destination_phone_number": "x"},
    ),
    (
        "/v1/realtime/victim/outbound_call",
        {"type": "phone", "source_phone_number": 1, "destination_phone_number": "+1"},
    ),
    (
        "/v1/realtime/victim/outbound_call",
        {"type": "phone", "source_phone_number": "call me", "destination_phone_number": "+1"},
    ),
    ("/v1/realtime/session/victim/attach_human", {}),
    ("/v1/realtime/session/victim/attach_human", {"human": []}),
    ("/v1/realtime/session/victim/attach_human", {"human": ""}),
]


@pytest.mark.parametrize(("path", "body"), SCHEMA_VIOLATIONS)
def test_schema_violations_are_400(
    server: FakeServer, http: httpx.Client, session_id: str, path: str, body: Any
) -> None:
    response = http.post(path, json=body, headers=_key(server))
    assert response.status_code == 400, response.text[:200]


# Lenient but harmless: valid JSON objects in an unusual form.
ODD_BUT_JSON: list[tuple[str, bytes]] = [
    ("utf-16", '{"text": "hi"}'.encode("utf-16")),
    ("utf-8 bom", b'\xef\xbb\xbf{"text": "hi"}'),
    ("duplicate keys", b'{"text": 1, "text": "x", "human": 2, "human": "h"}'),
    ("NUL in a string", b'{"text": "a\\u0000b", "human": "h\\u0000"}'),
    ("lone surrogate", b'{"text": "\\ud800", "human": "\\udfff"}'),
    ("int beyond 64 bits", b'{"digits": [{"digit": "1", "duration": 1180591620717411303424}]}'),
]


@pytest.mark.parametrize("path", BODY_PATHS)
@pytest.mark.parametrize(("name", "body"), ODD_BUT_JSON, ids=[n for n, _ in ODD_BUT_JSON])
def test_odd_but_decodable_bodies_never_get_a_5xx(
    server: FakeServer, http: httpx.Client, session_id: str, path: str, name: str, body: bytes
) -> None:
    response = http.post(path, content=body, headers=_key(server))
    assert response.status_code < 500, (name, response.status_code, response.text[:200])


@pytest.mark.parametrize("path", BODY_PATHS[:3])
def test_bodies_over_1_mb_are_4xx(server: FakeServer, http: httpx.Client, path: str) -> None:
    big = json.dumps({"text": "a" * (2 * MB), "config": payloads.START_CONFIG}).encode()

    declared = http.post(path, content=big, headers=_key(server))

    def chunks() -> Iterator[bytes]:  # no Content-Length: read until the limit
        for start in range(0, len(big), 64 * 1024):
            yield big[start : start + 64 * 1024]

    streamed = http.post(path, content=chunks(), headers=_key(server))

    for response in (declared, streamed):
        assert response.status_code == 400, response.text[:200]
        assert "larger than" in response.json()["message"]


HEADER_ABUSE: list[tuple[str, dict[str, str]]] = [
    ("huge api key", {"x-api-key": "k" * 60_000}),
    ("big api key", {"x-api-key": "k" * 8_000}),
    ("huge human", {"x-api-key": "nope", "x-human-id": "h" * 8_000}),
    ("many headers", {f"x-h-{n}": "v" * 50 for n in range(300)}),
    ("empty bearer", {"authorization": "Bearer"}),
    ("basic auth", {"authorization": "Basic Z2FiYmVyOmtleQ=="}),
    ("bearer garbage", {"authorization": "Bearer \u00e9\u00e9"}),
    ("latin-1 key", {"x-api-key": "cl\u00e9"}),
    ("no credentials", {}),
]


@pytest.mark.parametrize(("name", "headers"), HEADER_ABUSE, ids=[n for n, _ in HEADER_ABUSE])
@pytest.mark.parametrize("path", ["/v1/realtime/list", "/v1/realtime/victim"])
def test_header_abuse_is_4xx(
    http: httpx.Client, session_id: str, path: str, name: str, headers: dict[str, str]
) -> None:
    encoded = [(k.encode(), v.encode("latin-1")) for k, v in headers.items()]
    response = http.get(path, headers=encoded)
    assert 400 <= response.status_code < 500, (name, response.status_code)


@pytest.mark.parametrize("path", ["/v1/realtime/list", "/v1/realtime/victim"])
def test_big_but_valid_headers_are_served(
    server: FakeServer, http: httpx.Client, path: str
) -> None:
    headers = {**_key(server), "x-human-id": "h" * 8_000}
    headers.update({f"x-h-{n}": "v" * 50 for n in range(200)})
    response = http.get(path, headers=headers)
    assert response.status_code in (200, 404), response.text[:200]  # 404: not that human's


ROUTE_ABUSE: list[tuple[str, str, str]] = [
    ("DELETE", "/v1/realtime/start", "wrong method"),
    ("PUT", "/v1/realtime/victim", "wrong method"),
    ("PATCH", "/v1/realtime/victim/speak", "wrong method"),
    ("GET", "/v1/realtime/victim/speak", "wrong method"),
    ("GET", "/", "root"),
    ("GET", "/v1", "prefix"),
    ("GET", "/v1/realtime", "prefix"),
    ("GET", "/v1/realtime/", "empty id"),
    ("GET", "/v1/realtime//end", "empty id"),
    ("GET", "/v1/realtime/%ZZ", "bad escape"),
    ("GET", "/v1/realtime/%FF%FE%00", "not utf-8"),
    ("GET", "/v1/realtime/victim/unknown", "unknown action"),
    ("GET", "/v1/realtime/a/b/c/d/e", "too deep"),
    ("GET", "/v1/realtime/list?page=%FF", "bad token"),
    ("GET", "/v1/realtime/list?page=" + "A" * 5000, "long token"),
    ("GET", "/v1/realtime/list?page=-1&page=2", "two tokens"),
    ("GET", "/v1/realtime/victim/messages?page=%00", "NUL token"),
    ("GET", "/v1/realtime/victim/timeline?page=999999999999999999999", "huge token"),
    ("GET", "/v1/realtime/" + "x" * 8000, "long id"),
]


@pytest.mark.parametrize(
    ("method", "path"), [pytest.param(m, p, id=f"{why}: {m} {p[:40]}") for m, p, why in ROUTE_ABUSE]
)
def test_route_abuse_is_4xx(
    server: FakeServer, http: httpx.Client, session_id: str, method: str, path: str
) -> None:
    response = http.request(method, path, headers=_key(server))
    assert 400 <= response.status_code < 500, response.text[:200]


def _raw(server: FakeServer, data: bytes) -> bytes:
    """Send ``data`` on a fresh connection, half-close, and read what comes back."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    return received


RAW_ABUSE: list[tuple[str, bytes]] = [
    ("garbage request line", b"GARBAGE\r\n\r\n"),
    ("http/0.9", b"GET /v1/realtime/list\r\n\r\n"),
    ("bad header line", b"GET /v1/realtime/list HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n"),
    (
        "short body",
        b"POST /v1/realtime/victim/speak HTTP/1.1\r\nHost: x\r\nx-api-key: gabber-fake-key\r\n"
        b'Content-Length: 100\r\n\r\n{"text"',
    ),
    (
        "bad content-length",
        b"POST /v1/realtime/start HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n{}",
    ),
    (
        "bad chunking",
        b"POST /v1/realtime/start HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"zz\r\n{}\r\n0\r\n\r\n",
    ),
    ("raw dot segments", b"GET /v1/realtime/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("absolute form", b"GET http://evil.test/v1/realtime/list HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("raw space in path", b"GET /v1/realtime/a b HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("bad host", b"GET /v1/realtime/list HTTP/1.1\r\nHost: \xff\xfe\r\n\r\n"),
]


@pytest.mark.parametrize(("name", "data"), RAW_ABUSE, ids=[n for n, _ in RAW_ABUSE])
def test_raw_protocol_abuse_never_gets_a_5xx(server: FakeServer, name: str, data: bytes) -> None:
    received = _raw(server, data)
    if received:  # the server may also just close the connection
        status_line = received.split(b"\r\n", 1)[0]
        assert status_line.startswith(b"HTTP/1.1 4"), (name, status_line)


def _spec_operations() -> list[Any]:
    """Every operation of openapi.yaml, as Schemathesis loads it."""
    results: list[Any] = list(schemathesis.openapi.from_path(SPEC).get_all_operations())
    return [result.ok() for result in results]


@pytest.mark.parametrize("operation", _spec_operations(), ids=lambda op: op.label)
def test_schemathesis_negative_cases_are_4xx(
    server: FakeServer, session_id: str, operation: Any
) -> None:
    path_parameters = {"session": session_id} if "{session}" in operation.path else None
    strategy = operation.as_strategy(
        generation_mode=GenerationMode.NEGATIVE,
        headers=_key(server),
        path_parameters=path_parameters,
    )
    statuses: list[int] = []

    @settings(
        max_examples=15,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case: Any) -> None:
        response = case.call(base_url=server.base_url)
        statuses.append(response.status_code)
        assert response.status_code < 500, (case.method, case.formatted_path, response.text[:200])

    run()
    assert statuses
    assert any(400 <= status < 500 for status in statuses)


def test_the_server_still_serves_after_the_abuse(server: FakeServer, session_id: str) -> None:
    """Runs last in this module (pytest keeps file order): the same server, after
    everything above, answers a normal request."""
    with Gabber(api_key=server.api_key, base_url=server.base_url) as client:
        session = client.realtime.get(session_id)
        started = client.realtime.start(payloads.START_CONFIG)
    assert session.id == session_id
    assert started.session.state == "in_progress"
    assert all(r.status < 500 for r in server.fake.requests)
