"""Session ids that look like paths, queries, fragments or escapes reach exactly
the intended operation, with the intended id, percent-encoded as one segment.

The fake routes on the raw path it received, so its record says which operation
and which id the request resolved to; both are checked, in-process and over
loopback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import pytest

from gabber_client import Gabber

from .rig import PHONE_FROM, PHONE_TO, Rig

HOSTILE_IDS = [
    "a/b",
    "/",
    "..",
    ".",
    "../start",
    "../../v1/realtime/list",
    "rs_1/end",
    "a?b=c",
    "?",
    "a#frag",
    "#",
    "100%",
    "%",
    "%2F",
    "%252F",
    "with space",
    " ",
    "+plus+",
    "semi;colon",
    "back\\slash",
    "tab\there",
    "ünïcødé",
    "🎙️ voice",
    "日本語/セッション",
    "x" * 4096,
    "é" * 1024,
]

# (operation id, path after the id, the call)
ROUTES: list[tuple[str, str, Callable[[Gabber, str], Any]]] = [
    ("get_realtime_session", "", lambda c, s: c.realtime.get(s)),
    ("update_realtime_session", "/update", lambda c, s: c.realtime.update(s, {})),
    ("get_realtime_session_messages", "/messages", lambda c, s: c.realtime.messages(s)),
    ("get_realtime_session_timeline", "/timeline", lambda c, s: c.realtime.timeline(s)),
    ("speak", "/speak", lambda c, s: c.realtime.speak(s, "hi")),
    ("dtmf", "/dtmf", lambda c, s: c.realtime.dtmf(s, "1")),
    (
        "initiate_outbound_call",
        "/outbound_call",
        lambda c, s: c.realtime.initiate_outbound_call(
            s, source_phone_number=PHONE_FROM, destination_phone_number=PHONE_TO
        ),
    ),
    ("end_realtime_session", "/end", lambda c, s: c.realtime.end(s)),
]


def _segment(session_id: str) -> str:
    """The id as one path segment: every reserved character escaped, dots too."""
    return quote(session_id, safe="").replace(".", "%2E")


def _short(value: str) -> str:
    return repr(value) if len(value) < 30 else f"{value[:6]!r}x{len(value)}"


@pytest.mark.parametrize("session_id", HOSTILE_IDS, ids=_short)
def test_every_operation_reaches_the_session_with_a_hostile_id(rig: Rig, session_id: str) -> None:
    rig.session(session_id)
    bystander = rig.session("bystander")  # a session a wrong route might reach instead
    client = rig.client()

    for operation, suffix, call in ROUTES:
        result = call(client, session_id)
        record = rig.fake.requests[-1]

        assert record.operation == operation
        assert record.session == session_id
        assert record.path == f"/v1/realtime/{_segment(session_id)}{suffix}"
        assert record.status == 200, record
        if hasattr(result, "id"):
            assert result.id == session_id

    human = rig.client().realtime.attach_human(session_id, "human_1")
    record = rig.fake.requests[-1]
    assert (record.operation, record.session, record.status) == ("attach_human", session_id, 200)
    assert record.path == f"/v1/realtime/session/{_segment(session_id)}/attach_human"
    assert human.human == "human_1"
    assert rig.fake.get_session(session_id)["state"] == "ended"
    assert rig.fake.get_session(bystander)["state"] == "in_progress"


@pytest.mark.parametrize("session_id", ["a/b", "..", "a?b", "#", "%2F", "x" * 4096], ids=_short)
def test_an_unknown_hostile_id_is_a_404_for_that_id(rig: Rig, session_id: str) -> None:
    from gabber_client import NotFoundError

    rig.session("a")  # "a/b" must not resolve to "a"
    with pytest.raises(NotFoundError):
        rig.client().realtime.get(session_id)
    record = rig.fake.requests[-1]
    assert (record.operation, record.session) == ("get_realtime_session", session_id)


@pytest.mark.parametrize("session_id", ["a/b", "..", "?x=1", "ünï"], ids=_short)
async def test_async_client_encodes_ids_the_same_way(rig: Rig, session_id: str) -> None:
    rig.session(session_id)
    async with rig.async_client() as client:
        result = await client.realtime.speak(session_id, "hi")
    record = rig.fake.requests[-1]
    assert (record.operation, record.session) == ("speak", session_id)
    assert record.path == f"/v1/realtime/{_segment(session_id)}/speak"
    assert result.id == session_id


@pytest.mark.parametrize("page", ["a&page=b", "x#y", "../list?page=1", "%26", "t o k"], ids=_short)
def test_a_hostile_page_token_is_one_query_parameter(in_process: Rig, page: str) -> None:
    from gabber_client import BadRequestError

    with pytest.raises(BadRequestError):  # not a token the fake issued
        in_process.client().realtime.list(page=page)
    record = in_process.fake.requests[-1]
    assert record.operation == "list_realtime_sessions"
    assert record.params == {"page": [page]}
