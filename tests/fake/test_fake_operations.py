"""The operations of the fake, through plain httpx over the in-process transport."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
import pytest
from spec_values import minimal_update

from gabber_client._minimal import minimal_value
from gabber_client.testing import FakeGabber

from .support import KEY, assert_conforms, error, start, start_body


def test_start_creates_an_in_progress_session_with_expanded_config(
    http: httpx.Client,
) -> None:
    body = start_body(
        llm="llm_1",
        voice_override="voice_1",
        persona="persona_1",
        scenario="scenario_1",
        tool_definitions=["tool.a", "tool/b"],
        _extra={"partner": 1},
    )
    body["simulated"] = True
    body["_extra"] = {"k": "v"}
    response = http.post("/v1/realtime/start", json=body)
    assert_conforms(response)
    started = response.json()
    session = started["session"]
    assert session["id"].startswith("rs_")
    assert session["state"] == "in_progress"
    assert session["created_at"].startswith("2025-01-01T00:00:")
    assert session["created_at"].endswith("Z")
    assert session["project"] == "proj_fake"
    assert session["simulated"] is True
    assert session["_extra"] == {"k": "v"}
    assert session["data"] == []
    assert "human" not in session
    assert "ended_at" not in session
    generative = session["config"]["generative"]
    assert generative["llm"]["id"] == "llm_1"
    assert generative["voice_override"]["id"] == "voice_1"
    assert generative["persona"]["id"] == "persona_1"
    assert generative["scenario"]["id"] == "scenario_1"
    assert [tool["id"] for tool in generative["tool_definitions"]] == ["tool.a", "tool/b"]
    assert generative["_extra"] == {"partner": 1}
    assert generative["context"]["id"].startswith("ctx_")
    assert generative["context"]["latest_messages"] == []
    details = started["connection_details"]
    assert details["url"].startswith("wss://")
    assert details["token"]


def test_start_applies_the_config_defaults(http: httpx.Client) -> None:
    sent = start_body()
    config = http.post("/v1/realtime/start", json=sent).json()["session"]["config"]
    assert config["general"] == {"save_messages": True}
    assert config["input"] == {"interruptable": True, "parallel_listening": False}
    stream = sent["config"]["output"]["stream_transcript"]
    assert config["output"] == {"stream_transcript": stream, "speech_synthesis_enabled": True}
    assert config["generative"]["tool_definitions"] == []
    assert "voice_override" not in config["generative"]


def test_start_keeps_the_values_given(http: httpx.Client) -> None:
    body: dict[str, Any] = {
        "simulated": None,
        "config": {
            "general": {"time_limit_s": 30, "save_messages": False},
            "input": {"interruptable": False, "parallel_listening": True},
            "generative": {"llm": "llm_1", "persona": None},
            "output": {
                "stream_transcript": False,
                "speech_synthesis_enabled": False,
                "answer_message": "Hello",
            },
        },
    }
    session = http.post("/v1/realtime/start", json=body).json()["session"]
    assert session["simulated"] is False
    assert session["config"]["general"] == {"time_limit_s": 30, "save_messages": False}
    assert session["config"]["input"] == {"interruptable": False, "parallel_listening": True}
    assert session["config"]["output"] == {
        "stream_transcript": False,
        "speech_synthesis_enabled": False,
        "answer_message": "Hello",
    }
    assert "persona" not in session["config"]["generative"]


def test_start_takes_the_human_from_x_human_id(http: httpx.Client) -> None:
    session = start(http, **{"x-human-id": "hum_1"})
    assert session["human"] == "hum_1"
    assert session["config"]["generative"]["context"]["human"] == "hum_1"


def test_start_reuses_a_given_context(http: httpx.Client) -> None:
    first = http.post("/v1/realtime/start", json=start_body(context="ctx_shared")).json()
    http.post(f"/v1/realtime/{first['session']['id']}/speak", json={"text": "remember me"})
    second = http.post("/v1/realtime/start", json=start_body(context="ctx_shared")).json()
    context = second["session"]["config"]["generative"]["context"]
    assert context["id"] == "ctx_shared"
    assert [m["content"][0]["text"] for m in context["latest_messages"]] == ["remember me"]


def test_sessions_get_unique_ids(http: httpx.Client) -> None:
    ids = {start(http)["id"] for _ in range(20)}
    assert len(ids) == 20


def test_get_returns_the_session(http: httpx.Client) -> None:
    session = start(http)
    response = http.get(f"/v1/realtime/{session['id']}")
    assert_conforms(response)
    assert response.json() == session


def test_get_unknown_session_is_404(http: httpx.Client) -> None:
    response = http.get("/v1/realtime/rs_missing")
    assert_conforms(response)
    assert "rs_missing" in error(response, 404)


@pytest.mark.parametrize(
    "session_id",
    ["a/b", "q?x=1", "hash#frag", "100%", "..", ".", "dots.in.id", "a space", "ünï/cödé", "list"],
)
def test_ids_are_one_percent_encoded_segment(
    fake: FakeGabber, http: httpx.Client, session_id: str
) -> None:
    fake.create_session(session_id=session_id)
    segment = quote(session_id, safe="").replace(".", "%2E")
    got = http.get(f"/v1/realtime/{segment}/messages")
    assert got.status_code == 200, got.text
    ended = http.post(f"/v1/realtime/{segment}/end")
    assert ended.json()["id"] == session_id
    assert fake.requests[-1].session == session_id
    assert fake.requests[-1].path == f"/v1/realtime/{segment}/end"


def test_list_is_newest_first_and_paginated(http: httpx.Client) -> None:
    ids = [start(http)["id"] for _ in range(7)]
    seen: list[str] = []
    page = http.get("/v1/realtime/list")
    assert_conforms(page)
    pages = 1
    while pages <= 7:  # never more pages than sessions: an endless walk fails
        data = page.json()
        assert data["total_count"] == 7
        seen += [session["id"] for session in data["values"]]
        if not data.get("next_page"):
            break
        assert len(data["values"]) == 3
        page = http.get("/v1/realtime/list", params={"page": data["next_page"]})
        pages += 1
    assert seen == ids[::-1]
    assert pages == 3


def test_list_pages_do_not_shift_when_sessions_are_added(http: httpx.Client) -> None:
    ids = [start(http)["id"] for _ in range(5)]
    first = http.get("/v1/realtime/list").json()
    start(http)
    second = http.get("/v1/realtime/list", params={"page": first["next_page"]}).json()
    assert [s["id"] for s in second["values"]] == ids[1::-1]
    assert second["next_page"] is None
    assert second["total_count"] == 6


def test_list_of_nothing(http: httpx.Client) -> None:
    response = http.get("/v1/realtime/list")
    assert_conforms(response)
    assert response.json() == {"total_count": 0, "values": [], "next_page": None}


def test_list_is_scoped_by_x_human_id(http: httpx.Client) -> None:
    mine = start(http, **{"x-human-id": "hum_1"})
    start(http, **{"x-human-id": "hum_2"})
    start(http)
    scoped = http.get("/v1/realtime/list", headers={"x-human-id": "hum_1"}).json()
    assert [s["id"] for s in scoped["values"]] == [mine["id"]]
    assert scoped["total_count"] == 1
    assert http.get("/v1/realtime/list").json()["total_count"] == 3


def test_list_rejects_a_page_token_it_did_not_make(http: httpx.Client) -> None:
    start(http)
    for token in ["garbage", "bTow", "czo5OTk", "é", "x" * 100]:
        response = http.get("/v1/realtime/list", params={"page": token})
        assert_conforms(response)
        assert error(response, 400).startswith("page:")


def test_update_replaces_given_parts_and_keeps_the_others(http: httpx.Client) -> None:
    body = start_body(persona="persona_1", voice_override="voice_1")
    body["config"]["general"] = minimal_value("RealtimeSessionGeneralConfig", {"time_limit_s": 30})
    body["config"]["output"] = {"stream_transcript": True, "answer_message": "Hi"}
    session = http.post("/v1/realtime/start", json=body).json()["session"]
    update = minimal_update(
        {
            "general": {"time_limit_s": 60},
            "output": None,
            "generative": {"llm": "llm_2", "voice_override": None, "tool_definitions": ["t1"]},
        }
    )
    response = http.post(f"/v1/realtime/{session['id']}/update", json=update)
    assert_conforms(response)
    config = response.json()["config"]
    assert config["general"] == {"time_limit_s": 60, "save_messages": True}
    assert config["input"] == session["config"]["input"]
    assert config["output"] == session["config"]["output"]
    generative = config["generative"]
    assert generative["llm"]["id"] == "llm_2"
    assert "voice_override" not in generative
    assert generative["persona"]["id"] == "persona_1"
    assert [t["id"] for t in generative["tool_definitions"]] == ["t1"]
    assert generative["context"]["id"] == session["config"]["generative"]["context"]["id"]
    assert http.get(f"/v1/realtime/{session['id']}").json()["config"] == config


def test_update_with_an_empty_body_changes_nothing(http: httpx.Client) -> None:
    session = start(http)
    response = http.post(f"/v1/realtime/{session['id']}/update", json={})
    assert response.json() == session


def test_update_checks_everything_before_changing_anything(
    fake: FakeGabber, http: httpx.Client
) -> None:
    session = start(http)
    update = minimal_update(
        {"general": {"time_limit_s": 5}, "generative": {"llm": "llm_2", "persona": ""}}
    )
    response = http.post(f"/v1/realtime/{session['id']}/update", json=update)
    assert error(response, 400) == "generative.persona: must not be empty"
    assert fake.get_session(session["id"]) == session


def test_update_switches_context(http: httpx.Client) -> None:
    session = start(http)
    response = http.post(
        f"/v1/realtime/{session['id']}/update", json={"generative": {"context": "ctx_other"}}
    )
    assert response.json()["config"]["generative"]["context"]["id"] == "ctx_other"


def test_end_sets_state_and_ended_at_once(http: httpx.Client) -> None:
    session = start(http)
    ended = http.post(f"/v1/realtime/{session['id']}/end")
    assert_conforms(ended)
    assert ended.json()["state"] == "ended"
    assert ended.json()["ended_at"] > session["created_at"]
    again = http.post(f"/v1/realtime/{session['id']}/end")
    assert again.json() == ended.json()


def test_end_unknown_session_is_404(http: httpx.Client) -> None:
    error(http.post("/v1/realtime/nope/end"), 404)


def test_speak_adds_an_assistant_message_and_an_agent_timeline_item(
    http: httpx.Client,
) -> None:
    session = start(http)
    response = http.post(f"/v1/realtime/{session['id']}/speak", json={"text": "Hello there"})
    assert_conforms(response)
    context = response.json()["config"]["generative"]["context"]
    [message] = context["latest_messages"]
    assert message["role"] == "assistant"
    assert message["content"] == [{"type": "text", "text": "Hello there"}]
    assert message["realtime_session"] == session["id"]
    messages = http.get(f"/v1/realtime/{session['id']}/messages")
    assert_conforms(messages)
    assert messages.json()["values"] == [message]
    timeline = http.get(f"/v1/realtime/{session['id']}/timeline")
    assert_conforms(timeline)
    [item] = timeline.json()["values"]
    assert item["type"] == "agent"
    assert item["seconds"] > 0


def test_speak_without_saving_messages_leaves_the_context_alone(http: httpx.Client) -> None:
    body = start_body()
    body["config"]["general"] = {"save_messages": False}
    session = http.post("/v1/realtime/start", json=body).json()["session"]
    spoken = http.post(f"/v1/realtime/{session['id']}/speak", json={"text": "hi"}).json()
    assert spoken["config"]["generative"]["context"]["latest_messages"] == []
    assert http.get(f"/v1/realtime/{session['id']}/messages").json()["total_count"] == 1


@pytest.mark.parametrize("text", ["", "   "])
def test_speak_empty_text_is_400(http: httpx.Client, text: str) -> None:
    session = start(http)
    response = http.post(f"/v1/realtime/{session['id']}/speak", json={"text": text})
    assert_conforms(response)
    assert error(response, 400) == "text: must not be empty"
    assert response.json()["type"] == "invalid_input"


def test_speak_on_an_ended_session_is_400(http: httpx.Client) -> None:
    session = start(http)
    http.post(f"/v1/realtime/{session['id']}/end")
    response = http.post(f"/v1/realtime/{session['id']}/speak", json={"text": "hi"})
    assert "ended" in error(response, 400)
    assert http.get(f"/v1/realtime/{session['id']}/messages").json()["total_count"] == 0


def test_dtmf_answers_200_with_an_empty_body(http: httpx.Client) -> None:
    session = start(http)
    digits = [{"digit": d, "duration": 100} for d in ["1", "#", "*", "A", "<pause>"]]
    response = http.post(f"/v1/realtime/{session['id']}/dtmf", json={"digits": digits})
    assert_conforms(response)
    assert response.status_code == 200
    assert response.content == b""
    assert "content-type" not in response.headers


@pytest.mark.parametrize(
    ("digits", "field"),
    [
        ([], "digits"),
        ([{"digit": "E", "duration": 100}], "digits[0].digit"),
        ([{"digit": "1", "duration": 100}, {"digit": "2", "duration": 0}], "digits[1].duration"),
        ([{"digit": "1", "duration": -5}], "digits[0].duration"),
        ([{"digit": "1", "duration": 1.5}], "digits[0].duration"),
        ([{"digit": "1", "duration": "100"}], "digits[0].duration"),
        ([{"digit": "1"}], "digits[0].duration"),
    ],
)
def test_dtmf_validates_digits_and_durations(
    http: httpx.Client, digits: list[dict[str, Any]], field: str
) -> None:
    session = start(http)
    response = http.post(f"/v1/realtime/{session['id']}/dtmf", json={"digits": digits})
    assert_conforms(response)
    assert error(response, 400).startswith(f"{field}: ")


def test_dtmf_on_an_ended_session_is_400(http: httpx.Client) -> None:
    session = start(http)
    http.post(f"/v1/realtime/{session['id']}/end")
    digits = [{"digit": "1", "duration": 100}]
    error(http.post(f"/v1/realtime/{session['id']}/dtmf", json={"digits": digits}), 400)


def _call(source: str, destination: str) -> dict[str, str]:
    return {"type": "phone", "source_phone_number": source, "destination_phone_number": destination}


def test_outbound_call_records_both_numbers(http: httpx.Client) -> None:
    session = start(http)
    response = http.post(
        f"/v1/realtime/{session['id']}/outbound_call", json=_call("+14155550100", "+442071838750")
    )
    assert_conforms(response)
    assert response.json()["data"] == [
        {"type": "agent_phone_number", "value": "+14155550100"},
        {"type": "caller_phone_number", "value": "+442071838750"},
    ]
    again = http.post(
        f"/v1/realtime/{session['id']}/outbound_call", json=_call("+15550001111", "+15550002222")
    )
    assert [d["value"] for d in again.json()["data"]] == ["+15550001111", "+15550002222"]


@pytest.mark.parametrize(
    ("source", "destination", "field"),
    [
        ("14155550100", "+442071838750", "source_phone_number"),
        ("+14155550100", "+0442071838750", "destination_phone_number"),
        ("+1", "+442071838750", "source_phone_number"),
        ("+1234567890123456", "+442071838750", "source_phone_number"),
        ("+1415555010\n", "+442071838750", "source_phone_number"),
        ("+1415555\uff10100", "+442071838750", "source_phone_number"),
        ("+14155550100", "", "destination_phone_number"),
    ],
)
def test_outbound_call_requires_e164_numbers(
    http: httpx.Client, source: str, destination: str, field: str
) -> None:
    session = start(http)
    response = http.post(
        f"/v1/realtime/{session['id']}/outbound_call", json=_call(source, destination)
    )
    assert error(response, 400).startswith(f"{field}: ")
    assert http.get(f"/v1/realtime/{session['id']}").json()["data"] == []


def test_outbound_call_with_a_wrong_type_names_the_field(http: httpx.Client) -> None:
    session = start(http)
    body = {**_call("+14155550100", "+442071838750"), "type": "fax"}
    response = http.post(f"/v1/realtime/{session['id']}/outbound_call", json=body)
    assert error(response, 400).startswith("type: 'fax' is not one of ['phone']")


def test_attach_human_sets_the_human_and_moves_the_session(http: httpx.Client) -> None:
    session = start(http, **{"x-human-id": "hum_1"})
    response = http.post(
        f"/v1/realtime/session/{session['id']}/attach_human", json={"human": "hum_2"}
    )
    assert_conforms(response)
    assert response.json()["human"] == "hum_2"
    assert http.get("/v1/realtime/list", headers={"x-human-id": "hum_1"}).json()["values"] == []
    moved = http.get("/v1/realtime/list", headers={"x-human-id": "hum_2"}).json()
    assert [s["id"] for s in moved["values"]] == [session["id"]]


def test_attach_human_keeps_list_order_per_human(http: httpx.Client) -> None:
    ids = [start(http)["id"] for _ in range(4)]
    for session_id in (ids[2], ids[0], ids[3]):
        http.post(f"/v1/realtime/session/{session_id}/attach_human", json={"human": "h"})
    listed = http.get("/v1/realtime/list", headers={"x-human-id": "h"}).json()
    assert [s["id"] for s in listed["values"]] == [ids[3], ids[2], ids[0]]


def test_attach_empty_human_is_400(http: httpx.Client) -> None:
    session = start(http)
    response = http.post(f"/v1/realtime/session/{session['id']}/attach_human", json={"human": ""})
    assert error(response, 400) == "human: must not be empty"


@pytest.mark.parametrize("kind", ["messages", "timeline"])
def test_messages_and_timeline_page_with_full_urls(
    fake: FakeGabber, http: httpx.Client, kind: str
) -> None:
    fake.create_session(session_id="odd id/1.2")
    segment = "odd%20id%2F1%2E2"
    for number in range(7):
        fake.add_message("odd id/1.2", f"line {number}", role="user")
    url = f"/v1/realtime/{segment}/{kind}"
    collected: list[Any] = []
    while url:
        response = http.get(url)
        assert_conforms(response)
        data = response.json()
        assert data["total_count"] == 7
        collected += data["values"]
        url = data.get("next_page")
        if url:
            assert url.startswith(f"http://fake.gabber.invalid/v1/realtime/{segment}/{kind}?page=")
    assert len(collected) == 7
    if kind == "messages":
        assert [m["content"][0]["text"] for m in collected] == [f"line {n}" for n in range(7)]
    else:
        assert {item["type"] for item in collected} == {"user"}


def test_next_page_uses_the_origin_of_the_request(fake: FakeGabber) -> None:
    session = fake.create_session()
    for number in range(4):
        fake.add_message(session["id"], f"m{number}")
    origin = "https://other.example:8443"
    with httpx.Client(
        transport=fake.transport(), base_url=origin, headers={"x-api-key": KEY}
    ) as client:
        page = client.get(f"/v1/realtime/{session['id']}/messages").json()
    assert page["next_page"].startswith(f"{origin}/v1/realtime/")


def test_messages_reject_foreign_page_tokens(http: httpx.Client) -> None:
    for _ in range(4):
        start(http)
    session = start(http)
    list_token = http.get("/v1/realtime/list").json()["next_page"]
    response = http.get(f"/v1/realtime/{session['id']}/messages", params={"page": list_token})
    assert error(response, 400).startswith("page:")


def test_messages_of_unknown_session_is_404(http: httpx.Client) -> None:
    error(http.get("/v1/realtime/nope/messages"), 404)
    error(http.get("/v1/realtime/nope/timeline"), 404)
