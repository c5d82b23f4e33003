"""The fake's paging that mutation testing found unpinned (issue 23,
``testing/_state``), through its HTTP interface: page tokens whose base64 needs
``=`` padding, forged tokens refused, the last page's ``next_page`` a JSON
``null`` (not ``""``), and no empty page after a count that is an exact multiple
of the page size."""

from __future__ import annotations

import base64
import copy
import re
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import httpx
import pytest
from spec_values import minimal_config

from gabber_client.testing import Catalog, FakeGabber

BASE = "http://fake.test"


def _http(fake: FakeGabber) -> httpx.Client:
    return httpx.Client(
        transport=fake.transport(), base_url=BASE, headers={"x-api-key": fake.api_key}
    )


def _walk_list(fake: FakeGabber) -> list[dict[str, Any]]:
    """Every page of ``list``, following its tokens (a walk that never ends fails)."""
    pages: list[dict[str, Any]] = []
    with _http(fake) as http:
        params: dict[str, str] = {}
        while len(pages) <= len(fake.sessions()):
            response = http.get("/v1/realtime/list", params=params)
            assert response.status_code == 200, response.text
            pages.append(response.json())
            token = pages[-1]["next_page"]
            if token is None:
                return pages
            params = {"page": token}
    pytest.fail(f"list gave more pages ({len(pages)}) than there are sessions")


@pytest.mark.parametrize(("count", "size", "pages"), [(12, 1, 12), (4, 2, 2), (5, 2, 3), (0, 3, 1)])
def test_list_walks_every_session_once_in_pages_of_the_size(
    count: int, size: int, pages: int
) -> None:
    fake = FakeGabber(page_size=size)
    created = [fake.create_session()["id"] for _ in range(count)]
    walked = _walk_list(fake)
    assert len(walked) == pages  # no empty page after an exact multiple
    assert [s["id"] for page in walked for s in page["values"]] == created[::-1]
    assert all(len(page["values"]) == size for page in walked[:-1])
    assert walked[-1]["next_page"] is None
    assert all(page["total_count"] == count for page in walked)
    tokens = [page["next_page"] for page in walked[:-1]]
    assert all("=" not in token for token in tokens)  # padding stripped, and read back


def test_message_pages_end_in_null_after_an_exact_multiple() -> None:
    fake = FakeGabber(page_size=2)
    session = fake.create_session()["id"]
    for n in range(4):
        fake.add_message(session, f"m{n}")
    with _http(fake) as http:
        first = http.get(f"/v1/realtime/{session}/messages").json()
        assert first["next_page"] is not None
        second = http.get(first["next_page"]).json()
    texts = [m["content"][0]["text"] for page in (first, second) for m in page["values"]]
    assert texts == ["m0", "m1", "m2", "m3"]
    assert second["next_page"] is None
    assert second["total_count"] == 4


def _token(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "token",
    [
        _token("s:-1"),
        _token("s:1x"),
        _token("s:"),
        _token("m:1"),  # a messages token on list
        _token("s:" + "9" * 19),
        _token("s:99"),  # beyond the sessions there are
        _token("s:\u0661"),  # ARABIC-INDIC DIGIT ONE: a digit, not ASCII
        "not base64!",
        "x" * 65,
        _token("s1"),
    ],
)
def test_a_forged_page_token_is_refused(token: str) -> None:
    fake = FakeGabber(page_size=1)
    for _ in range(3):
        fake.create_session()
    with _http(fake) as http:
        response = http.get("/v1/realtime/list", params={"page": token})
    assert response.status_code == 400
    assert "page: not a page token of this listing" in response.text


def test_a_token_of_the_last_position_is_accepted() -> None:
    fake = FakeGabber(page_size=1)
    for _ in range(3):
        fake.create_session()
    with _http(fake) as http:
        for position in (0, 3):
            assert (
                http.get("/v1/realtime/list", params={"page": _token(f"s:{position}")}).status_code
                == 200
            )


def _config(**generative: Any) -> dict[str, Any]:
    """The spec's minimal session config, ``generative`` merged into its generative part."""
    config: dict[str, Any] = copy.deepcopy(dict(minimal_config()))
    config["generative"].update(generative)
    return config


NOON = datetime(2026, 1, 2, 12, 0, tzinfo=UTC)


def test_an_empty_context_id_is_refused_naming_the_field() -> None:
    with pytest.raises(ValueError, match=r"^config\.generative\.context: must not be empty$"):
        FakeGabber().create_session(_config(context=""))


def test_a_context_the_catalog_does_not_list_is_refused_naming_it() -> None:
    fake = FakeGabber(catalog=Catalog(llms={"llm_1"}, contexts={"ctx_known"}))
    with pytest.raises(
        ValueError, match=r"^config\.generative\.context: unknown context id 'ctx_other'$"
    ):
        fake.create_session(_config(llm="llm_1", context="ctx_other"))


def test_a_listed_context_seen_first_is_made_for_the_sessions_human_now() -> None:
    fake = FakeGabber(
        project="proj_ctx",
        catalog=Catalog(llms={"llm_1"}, contexts={"ctx_known"}),
        clock=lambda: NOON,
    )
    session = fake.create_session(_config(llm="llm_1", context="ctx_known"), human="hu_1")
    context: dict[str, Any] = dict(session["config"]["generative"]["context"])
    assert context == {
        "id": "ctx_known",
        "created_at": "2026-01-02T12:00:00Z",
        "project": "proj_ctx",
        "human": "hu_1",
        "latest_messages": [],
    }


@pytest.mark.parametrize(
    ("session_id", "shown"), [("x" * 200, "x" * 200), ("y" * 201, "y" * 197 + "...")]
)
def test_an_unknown_session_is_named_in_the_404_cut_beyond_200_characters(
    session_id: str, shown: str
) -> None:
    with _http(FakeGabber()) as http:
        response = http.get(f"/v1/realtime/{session_id}")
    assert response.status_code == 404
    assert response.json()["message"] == f"session: no session {shown!r}"


def test_a_context_first_named_in_an_update_belongs_to_the_sessions_human() -> None:
    fake = FakeGabber()
    session = fake.create_session(human="hu_1")["id"]
    with _http(fake) as http:
        response = http.post(
            f"/v1/realtime/{session}/update", json={"generative": {"context": "ctx_new"}}
        )
    assert response.status_code == 200, response.text
    context = fake.get_session(session)["config"]["generative"]["context"]
    assert (context["id"], context.get("human")) == ("ctx_new", "hu_1")


@pytest.mark.parametrize(("duration", "status"), [(0, 400), (1, 200)])
def test_a_dtmf_duration_of_one_is_accepted_zero_is_not(duration: int, status: int) -> None:
    fake = FakeGabber()
    session = fake.create_session()["id"]
    with _http(fake) as http:
        response = http.post(
            f"/v1/realtime/{session}/dtmf", json={"digits": [{"digit": "1", "duration": duration}]}
        )
    assert response.status_code == status, response.text
    if status == 400:
        assert response.json()["message"] == "digits[0].duration: must be a positive integer"


def test_a_context_first_named_in_an_update_is_shared_with_later_sessions() -> None:
    fake = FakeGabber()
    first = fake.create_session()["id"]
    with _http(fake) as http:
        response = http.post(
            f"/v1/realtime/{first}/update", json={"generative": {"context": "ctx_shared"}}
        )
        assert response.status_code == 200, response.text
    fake.add_message(first, "remember me")
    second = fake.create_session(_config(context="ctx_shared"))
    latest = second["config"]["generative"]["context"]["latest_messages"]
    assert [m["content"][0]["text"] for m in latest] == ["remember me"]


def test_a_number_that_is_not_e164_is_named_cut_to_40_characters() -> None:
    fake = FakeGabber()
    session = fake.create_session()["id"]
    number = "+" + "1234567890" * 5
    body = {"type": "phone", "source_phone_number": number, "destination_phone_number": number}
    with _http(fake) as http:
        response = http.post(f"/v1/realtime/{session}/outbound_call", json=body)
    assert response.status_code == 400, response.text
    assert response.json()["message"] == (
        f"source_phone_number: {number[:40]!r} is not an E.164 number (+14155550100)"
    )


def test_a_speak_text_of_the_cap_is_said_one_character_more_is_refused() -> None:
    fake = FakeGabber()
    session = fake.create_session()["id"]
    cap = 64 * 1024
    with _http(fake) as http:
        url = f"/v1/realtime/{session}/speak"
        assert http.post(url, json={"text": "x" * cap}).status_code == 200
        response = http.post(url, json={"text": "x" * (cap + 1)})
    assert response.status_code == 400
    assert response.json()["message"] == "text: longer than 65,536 characters"


def test_a_said_message_takes_a_second_per_15_characters_at_least_a_fifth() -> None:
    fake = FakeGabber(clock=lambda: NOON)
    session = fake.create_session()["id"]
    user = fake.add_message(session, "x" * 30, role="user")
    agent = fake.add_message(session, "hi", role="assistant")
    system = fake.add_message(session, "x" * 30, role="system")
    longer = fake.add_message(session, "x" * 31, role="user")
    assert (user["speaking_started_at"], user["speaking_ended_at"]) == (
        "2026-01-02T12:00:00Z",
        "2026-01-02T12:00:02Z",
    )
    assert agent["speaking_ended_at"] == "2026-01-02T12:00:00.200000Z"
    assert longer["speaking_ended_at"] == "2026-01-02T12:00:02.067000Z"  # 31 / 15, to ms
    assert re.fullmatch(r"msg_[0-9a-f]{24}", user["id"])
    assert "speaking_started_at" not in system
    assert "speaking_ended_at" not in system
    with _http(fake) as http:
        timeline = http.get(f"/v1/realtime/{session}/timeline").json()["values"]
    assert timeline == [
        {"type": "user", "seconds": 2.0},
        {"type": "agent", "seconds": 0.2},
        {"type": "user", "seconds": 2.067},
    ]


@pytest.mark.parametrize(
    ("voices", "voice"), [(None, "voice_fake_default"), ({"voice_b", "voice_a"}, "voice_a")]
)
def test_a_persona_speaks_with_the_catalogs_first_voice_or_the_fakes_default(
    voices: set[str] | None, voice: str
) -> None:
    catalog = None if voices is None else Catalog(llms={"llm_1"}, voices=voices, personas={"p_1"})
    session = FakeGabber(catalog=catalog).create_session(_config(llm="llm_1", persona="p_1"))
    persona = session["config"]["generative"]["persona"]
    assert persona is not None
    assert persona["voice"] == voice


@pytest.mark.parametrize(
    "moment",
    [datetime(2026, 1, 2, 12, 0), datetime(2026, 1, 2, 14, 0, tzinfo=timezone(timedelta(hours=2)))],
    ids=["naive-is-utc", "aware-is-converted"],
)
def test_the_clocks_time_is_shown_in_utc(moment: datetime) -> None:
    fake = FakeGabber(clock=lambda: moment)
    session = fake.create_session()
    assert session["created_at"] == "2026-01-02T12:00:00Z"
    assert session["config"]["generative"]["context"]["created_at"] == "2026-01-02T12:00:00Z"
    message = fake.add_message(session["id"], "hi")
    assert message["speaking_ended_at"] == "2026-01-02T12:00:00.200000Z"


def test_an_update_of_null_keeps_the_llm_and_clears_tools_and_extra() -> None:
    fake = FakeGabber()
    session = fake.create_session(
        _config(llm="llm_1", tool_definitions=["t_1"], _extra={"partner": 1})
    )["id"]
    generative = fake.get_session(session)["config"]["generative"]
    assert generative["_extra"] == {"partner": 1}
    assert fake.create_session()["config"]["generative"]["tool_definitions"] == []
    with _http(fake) as http:
        response = http.post(
            f"/v1/realtime/{session}/update",
            json={"generative": {"llm": None, "tool_definitions": None, "_extra": None}},
        )
    assert response.status_code == 200, response.text
    generative = fake.get_session(session)["config"]["generative"]
    assert generative["llm"]["id"] == "llm_1"
    assert generative["tool_definitions"] == []
    assert "_extra" not in generative


@pytest.fixture
def tokyo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's local time zone set to UTC+9 for the test."""
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("tokyo")
@pytest.mark.parametrize(
    "moment",
    [datetime(2026, 1, 2, 12, 0), datetime(2026, 1, 2, 14, 0, tzinfo=timezone(timedelta(hours=2)))],
    ids=["naive-is-utc", "aware-is-converted"],
)
def test_the_clocks_time_is_utc_whatever_the_machines_time_zone(moment: datetime) -> None:
    session = FakeGabber(clock=lambda: moment).create_session()
    assert session["created_at"] == "2026-01-02T12:00:00Z"


def test_an_update_naming_only_the_scenario_changes_the_scenario() -> None:
    fake = FakeGabber()
    session = fake.create_session(_config(scenario="sc_1"))["id"]
    with _http(fake) as http:
        response = http.post(
            f"/v1/realtime/{session}/update", json={"generative": {"scenario": "sc_2"}}
        )
    assert response.status_code == 200, response.text
    scenario = fake.get_session(session)["config"]["generative"]["scenario"]
    assert scenario is not None
    assert scenario["id"] == "sc_2"


def test_clearing_extra_a_session_never_had_changes_nothing() -> None:
    fake = FakeGabber()
    session = fake.create_session()["id"]
    before = fake.get_session(session)
    with _http(fake) as http:
        response = http.post(
            f"/v1/realtime/{session}/update", json={"generative": {"_extra": None}}
        )
    assert response.status_code == 200, response.text
    assert fake.get_session(session) == before


def test_a_null_id_field_does_not_stop_the_ones_after_it() -> None:
    """``voice_override: null`` comes before ``persona`` and ``scenario`` in the
    fake's order of id fields: they are still expanded."""
    fake = FakeGabber()
    config = _config(voice_override=None, persona="persona_7", scenario="scenario_7")
    generative: dict[str, Any] = dict(fake.create_session(config)["config"]["generative"])
    assert generative["persona"]["id"] == "persona_7"
    assert generative["scenario"]["id"] == "scenario_7"
    assert generative.get("voice_override") is None


def _config_parts_of(
    monkeypatch: pytest.MonkeyPatch, edit: Callable[[dict[str, Any]], None]
) -> tuple[dict[str, str], frozenset[str]]:
    """What the fake reads of the session config from a copy of the spec changed by ``edit``."""
    from gabber_client.testing import _schema, _state

    spec = copy.deepcopy(_schema.spec())
    edit(spec["components"]["schemas"])
    with monkeypatch.context() as patch:
        patch.setattr(_schema, "spec", lambda: spec)
        return _state._config_parts()


def test_a_config_part_written_inline_is_passed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    def inline_part_first(schemas: dict[str, Any]) -> None:
        config = schemas["RealtimeSessionConfig"]
        config["properties"] = {"note": {"type": "string"}, **config["properties"]}

    unchanged = _config_parts_of(monkeypatch, lambda schemas: None)
    assert unchanged[0]
    assert unchanged[1]
    assert _config_parts_of(monkeypatch, inline_part_first) == unchanged


def test_a_generative_part_without_properties_echoes_no_field(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_properties(schemas: dict[str, Any]) -> None:
        del schemas["RealtimeSessionGenerativeConfig"]["properties"]

    parts, generative = _config_parts_of(monkeypatch, no_properties)
    assert generative == frozenset()
    assert parts == _config_parts_of(monkeypatch, lambda schemas: None)[0]
