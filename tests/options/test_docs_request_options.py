"""Every ```python block of docs/request-options.md runs, each in a fresh namespace,
with ``GABBER_BASE_URL`` pointing at a fake on loopback and ``GABBER_API_KEY`` set
(the convention of the repository's doc-block runner; a block starting with
``# not run:`` is skipped). Also: the reconciliation recipe of the retry section
finds the session a lost ``start`` did start."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from gabber_client import Gabber, InternalServerError
from gabber_client.testing import FakeGabber, FakeServer

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "request-options.md"
TEXT = DOC.read_text(encoding="utf-8")
FOUND = list(re.finditer(r"^```python\n(.*?)^```", TEXT, re.M | re.S))
BLOCKS = [match[1] for match in FOUND]
NAMES = [f"docs/request-options.md:{TEXT.count(chr(10), 0, m.start()) + 1}" for m in FOUND]
"""Each block's file and line (of its opening fence), as tests/test_docs.py names it:
a failure names the block that failed."""
RUN = [(name, b) for name, b in zip(NAMES, BLOCKS, strict=True) if not b.startswith("# not run:")]
((RECIPE_NAME, RECIPE),) = [(name, b) for name, b in RUN if "def start_once" in b]


def test_the_doc_has_runnable_blocks() -> None:
    assert len(RUN) >= 7
    assert len(BLOCKS) == len(RUN)  # the get/post signatures are a text block: all run


@pytest.mark.parametrize("block", [b for _, b in RUN], ids=[name for name, _ in RUN])
def test_block_runs(
    block: str,
    server: FakeServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server.fake.reset()
    monkeypatch.setenv("GABBER_BASE_URL", server.base_url)
    monkeypatch.setenv("GABBER_API_KEY", server.fake.api_key)
    exec(compile(block, str(DOC), "exec"), {"__name__": "__doc_block__"})
    assert server.fake.requests  # every block talks to the fake


def _recipe() -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "recipe"}
    exec(RECIPE.split("\nwith Gabber()")[0], namespace)  # the function only
    return namespace


recipe = pytest.mark.parametrize("block", [RECIPE_NAME])
"""The recipe's tests carry its block's name: a failure names the block."""


@recipe
def test_the_reconciliation_recipe_finds_the_started_session(block: str) -> None:
    fake = FakeGabber()
    fake.create_session()  # an older one
    fake.inject_fault(drop=True, operation="start_realtime_session")
    client = fake.client()

    session_id = _recipe()["start_once"](client)

    assert [s["id"] for s in fake.sessions()].count(session_id) == 1
    assert len(fake.sessions()) == 2  # not started twice


class _RefuseFirst(httpx.BaseTransport):
    def __init__(self, inner: httpx.BaseTransport, count: int) -> None:
        self.inner = inner
        self.count = count

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.count > 0:
            self.count -= 1
            raise httpx.ConnectError("refused", request=request)
        return self.inner.handle_request(request)


@recipe
def test_the_reconciliation_recipe_starts_again_when_surely_not_started(
    block: str, no_sleep: list[float]
) -> None:
    fake = FakeGabber()
    http = httpx.Client(transport=_RefuseFirst(fake.transport(), 3))  # 1 try + 2 retries
    client = Gabber(api_key=fake.api_key, base_url=fake.base_url, http_client=http)

    session_id = _recipe()["start_once"](client)

    assert [s["id"] for s in fake.sessions()] == [session_id]
    assert [r.operation for r in fake.requests] == ["start_realtime_session"]  # no list


@recipe
def test_the_reconciliation_recipe_lets_other_errors_through(block: str) -> None:
    fake = FakeGabber()
    fake.inject_fault(status=500)
    with pytest.raises(InternalServerError):
        _recipe()["start_once"](fake.client())
    assert fake.sessions() == []
