"""Session ids that look like paths, queries, fragments or escapes reach exactly
the intended operation, with the intended id, percent-encoded as one segment.

The fake routes on the raw path it received, so its record says which operation
and which id the request resolved to; both are checked, in-process and over
loopback.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from spec_values import call_operation

from gabber_client._operations import OPERATIONS, SPEC_OPERATIONS

from .rig import Rig

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

SEPARATE = "attach_human"
"""Tested on its own, after the session ended (it hands the session to a human)."""
ENDS_THE_SESSION = "end_realtime_session"
"""Runs last, so that every other operation finds the session live."""
ROUTES = sorted(
    (
        operation
        for operation in OPERATIONS
        if "{session}" in SPEC_OPERATIONS[operation].path and operation != SEPARATE
    ),
    key=lambda operation: operation == ENDS_THE_SESSION,
)
"""Every operation of the spec on a session (in the operation table's order), each called with
the minimal body its schema gives; the one that ends the session last."""


def _segment(session_id: str) -> str:
    """The id as one path segment: every reserved character escaped, dots too."""
    return quote(session_id, safe="").replace(".", "%2E")


def _path(operation: str, session_id: str) -> str:
    """The path ``operation`` must reach for ``session_id``: its template's."""
    template = SPEC_OPERATIONS[operation].path
    assert template.count("{session}") == 1, template
    return template.replace("{session}", _segment(session_id))


def _short(value: str) -> str:
    return repr(value) if len(value) < 30 else f"{value[:6]!r}x{len(value)}"


@pytest.mark.parametrize("session_id", HOSTILE_IDS, ids=_short)
def test_every_operation_reaches_the_session_with_a_hostile_id(rig: Rig, session_id: str) -> None:
    rig.session(session_id)
    bystander = rig.session("bystander")  # a session a wrong route might reach instead
    client = rig.client()

    assert ROUTES[-1] == ENDS_THE_SESSION
    for operation in ROUTES:
        result = call_operation(client, operation, session_id)
        record = rig.fake.requests[-1]

        assert record.operation == operation
        assert record.session == session_id
        assert record.path == _path(operation, session_id)
        assert record.status == 200, record
        if hasattr(result, "id"):
            assert result.id == session_id

    human = rig.client().realtime.attach_human(session_id, "human_1")
    record = rig.fake.requests[-1]
    assert (record.operation, record.session, record.status) == (SEPARATE, session_id, 200)
    assert record.path == _path(SEPARATE, session_id)
    assert record.path.endswith(f"/{_segment(session_id)}/attach_human")
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
