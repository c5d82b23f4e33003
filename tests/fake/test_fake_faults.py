"""Injected faults, the request record and reset, in-process (sync and async)."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from gabber_client.testing import FakeGabber, Fault

from .support import BASE_URL, KEY, error, start, start_body


def test_a_status_fault_with_retry_after(fake: FakeGabber, http: httpx.Client) -> None:
    fake.inject_fault(status=429, headers={"Retry-After": "2"}, times=2)
    for _ in range(2):
        response = http.get("/v1/realtime/list")
        assert response.status_code == 429
        assert response.headers["retry-after"] == "2"
        assert response.headers["content-type"] == "application/json"
        assert response.json() == {"message": "injected fault: HTTP 429"}
    assert http.get("/v1/realtime/list").status_code == 200
    assert fake.pending_faults() == []


def test_a_replaced_response_never_reaches_the_state(fake: FakeGabber, http: httpx.Client) -> None:
    fake.inject_fault(status=500, body=b"")
    response = http.post("/v1/realtime/start", json=start_body())
    assert response.status_code == 500
    assert response.content == b""
    assert "content-type" not in response.headers
    assert fake.sessions() == []


@pytest.mark.parametrize(
    ("body", "content_type", "expected_type"),
    [
        ("<html><body>Bad gateway</body></html>", "text/html", "text/html"),
        (b'{"session": {"id": "rs_', None, "application/json"),
        (b"x" * 5_000_000, "application/octet-stream", "application/octet-stream"),
    ],
)
def test_a_raw_body_fault(
    fake: FakeGabber,
    http: httpx.Client,
    body: str | bytes,
    content_type: str | None,
    expected_type: str,
) -> None:
    fake.inject_fault(
        status=502 if isinstance(body, str) else None, body=body, content_type=content_type
    )
    response = http.get("/v1/realtime/list")
    assert response.status_code == (502 if isinstance(body, str) else 200)
    assert response.headers["content-type"] == expected_type
    assert response.content == (body.encode() if isinstance(body, str) else body)


def test_faults_for_one_operation_wait_for_it(fake: FakeGabber, http: httpx.Client) -> None:
    fake.inject_fault(status=503, operation="end_realtime_session")
    session = start(http)
    assert http.get("/v1/realtime/list").status_code == 200
    assert http.get("/nowhere").status_code == 404
    assert http.post(f"/v1/realtime/{session['id']}/end").status_code == 503
    assert http.post(f"/v1/realtime/{session['id']}/end").status_code == 200


def test_faults_are_consumed_in_order(fake: FakeGabber, http: httpx.Client) -> None:
    first = fake.inject_fault(status=500)
    second = fake.inject_fault(Fault(status=429, times=2))
    third = fake.inject_fault(status=503, operation="get_realtime_session")
    assert fake.pending_faults() == [(first, 1), (second, 2), (third, 1)]
    statuses = [http.get("/v1/realtime/list").status_code for _ in range(4)]
    assert statuses == [500, 429, 429, 200]
    assert fake.pending_faults() == [(third, 1)]
    fake.clear_faults()
    assert fake.pending_faults() == []


def test_an_unrouted_request_consumes_only_unfiltered_faults(
    fake: FakeGabber, http: httpx.Client
) -> None:
    fake.inject_fault(status=503, operation="list_realtime_sessions")
    fake.inject_fault(status=500)
    assert http.get("/nowhere").status_code == 500
    assert http.get("/v1/realtime/list").status_code == 503


def test_a_drop_raises_remote_protocol_error(fake: FakeGabber, http: httpx.Client) -> None:
    fake.inject_fault(drop=True, operation="start_realtime_session")
    with pytest.raises(httpx.RemoteProtocolError):
        http.post("/v1/realtime/start", json=start_body())
    # The request was handled: only its response was lost.
    assert len(fake.sessions()) == 1
    assert fake.requests[-1].status == 200
    assert fake.requests[-1].fault is not None


def test_a_drop_with_status_is_not_handled(fake: FakeGabber, http: httpx.Client) -> None:
    fake.inject_fault(drop=True, status=500)
    with pytest.raises(httpx.RemoteProtocolError):
        http.post("/v1/realtime/start", json=start_body())
    assert fake.sessions() == []


def test_headers_alone_decorate_a_normal_response(fake: FakeGabber, http: httpx.Client) -> None:
    fake.inject_fault(headers={"x-ratelimit-remaining": "0"})
    response = http.get("/v1/realtime/list")
    assert response.status_code == 200
    assert response.headers["x-ratelimit-remaining"] == "0"
    assert response.json()["total_count"] == 0


def test_a_delay_over_the_read_timeout_times_out_without_sleeping(
    fake: FakeGabber, http: httpx.Client
) -> None:
    fake.inject_fault(delay=3600)
    began = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        http.get("/v1/realtime/list", timeout=httpx.Timeout(5.0, read=1.0))
    assert time.monotonic() - began < 1.0


def test_a_short_delay_sleeps(fake: FakeGabber, http: httpx.Client) -> None:
    fake.inject_fault(delay=0.05)
    began = time.monotonic()
    assert http.get("/v1/realtime/list", timeout=5.0).status_code == 200
    assert time.monotonic() - began >= 0.05


def test_a_delay_without_a_timeout_sleeps(fake: FakeGabber) -> None:
    fake.inject_fault(delay=0.02)
    with httpx.Client(
        transport=fake.transport(), base_url=BASE_URL, headers={"x-api-key": KEY}, timeout=None
    ) as client:
        began = time.monotonic()
        assert client.get("/v1/realtime/list").status_code == 200
        assert time.monotonic() - began >= 0.02


async def test_async_faults(fake: FakeGabber, ahttp: httpx.AsyncClient) -> None:
    fake.inject_fault(status=429, headers={"Retry-After": "1"})
    response = await ahttp.get("/v1/realtime/list")
    assert response.status_code == 429
    fake.inject_fault(drop=True)
    with pytest.raises(httpx.RemoteProtocolError):
        await ahttp.get("/v1/realtime/list")
    fake.inject_fault(delay=3600)
    began = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        await ahttp.get("/v1/realtime/list", timeout=httpx.Timeout(5.0, read=0.5))
    assert time.monotonic() - began < 0.5
    fake.inject_fault(delay=0.02)
    assert (await ahttp.get("/v1/realtime/list")).status_code == 200


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"status": 99}, "status"),
        ({"status": 600}, "status"),
        ({"status": 500, "delay": -1}, "delay"),
        ({"status": 500, "delay": float("nan")}, "delay"),
        ({"status": 500, "times": 0}, "times"),
        ({"status": 500, "operation": "strat"}, "operation"),
        ({}, "at least one"),
    ],
)
def test_fault_arguments_are_checked(
    fake: FakeGabber, kwargs: dict[str, object], match: str
) -> None:
    with pytest.raises(ValueError, match=match):
        fake.inject_fault(**kwargs)  # type: ignore[arg-type]
    assert fake.pending_faults() == []


def test_requests_are_recorded(fake: FakeGabber, http: httpx.Client) -> None:
    session = start(http, **{"x-human-id": "hum_1"})
    http.get("/v1/realtime/list", params={"page": ""})
    http.post("/v1/realtime/start", content=b"not json", headers={"content-type": "text/plain"})
    fake.inject_fault(status=503)
    http.get(f"/v1/realtime/{session['id']}%2Fx/messages?page=a+b")
    started, listed, garbage, faulted = fake.requests
    assert started.method == "POST"
    assert started.path == "/v1/realtime/start"
    assert started.operation == "start_realtime_session"
    assert started.session is None
    assert started.status == 200
    assert started.headers["x-human-id"] == "hum_1"
    assert started.headers["x-api-key"] == KEY
    assert started.json == start_body()
    assert started.fault is None
    assert listed.query == "page="
    assert listed.params == {"page": [""]}
    assert listed.body == b""
    assert listed.json is None
    assert garbage.body == b"not json"
    assert garbage.json is None
    assert garbage.status == 400
    assert faulted.path == f"/v1/realtime/{session['id']}%2Fx/messages"
    assert faulted.session == f"{session['id']}/x"
    assert faulted.operation == "get_realtime_session_messages"
    assert faulted.params == {"page": ["a b"]}
    assert faulted.status == 503
    assert faulted.fault is not None
    assert faulted.fault.status == 503


def test_the_record_masks_credentials_in_its_repr(fake: FakeGabber, anon: httpx.Client) -> None:
    token = fake.issue_token("hum_1")
    anon.get("/v1/realtime/list", headers={"x-api-key": KEY, "authorization": f"Bearer {token}"})
    text = repr(fake.requests[-1])
    assert KEY not in text
    assert token not in text
    assert "'x-api-key': '***'" in text


def test_the_record_keeps_the_latest(http: httpx.Client) -> None:
    fake = FakeGabber(max_recorded_requests=2)
    with httpx.Client(transport=fake.transport(), base_url=BASE_URL) as client:
        for path in ("/a", "/b", "/c"):
            client.get(path)
    assert [r.path for r in fake.requests] == ["/b", "/c"]
    fake.clear_requests()
    assert fake.requests == []


def test_reset_forgets_everything_but_the_configuration(
    fake: FakeGabber, http: httpx.Client, anon: httpx.Client
) -> None:
    start(http)
    token = fake.issue_token("hum_1")
    fake.inject_fault(status=500, operation="get_realtime_session")
    fake.reset()
    assert fake.sessions() == []
    assert fake.requests == []
    assert fake.pending_faults() == []
    error(anon.get("/v1/realtime/list", headers={"authorization": f"Bearer {token}"}), 401)
    page = http.get("/v1/realtime/list").json()
    assert page["total_count"] == 0
    assert fake.page_size == 3


def test_concurrent_requests_from_threads(fake: FakeGabber) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with httpx.Client(
                transport=fake.transport(), base_url=BASE_URL, headers={"x-api-key": KEY}
            ) as client:
                for _ in range(25):
                    session = start(client)
                    client.post(f"/v1/realtime/{session['id']}/speak", json={"text": "hi"})
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    sessions = fake.sessions()
    assert len(sessions) == 200
    assert len({s["id"] for s in sessions}) == 200
    assert len(fake.requests) == 400
    assert all(len(s["config"]["generative"]["context"]["latest_messages"]) == 1 for s in sessions)
