"""What docs/web-apps.md says about event loops, pinned down (issue 22, item 3): the
``async_gabber`` fixture cannot serve an app run by Starlette's ``TestClient`` once
the test used it; the ``async_gabber_factory`` fixture can, and so can
``async_gabber`` on the test's own loop with ``httpx.ASGITransport``."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from gabber_client import AsyncGabber, ClientStateError
from gabber_client.testing import FakeGabber


def _app(gabber: Callable[[], AsyncGabber]) -> Starlette:
    """Answers with the number of sessions, read through ``gabber()``."""

    async def count(request: Request) -> JSONResponse:
        page = await gabber().realtime.list()
        return JSONResponse({"total": page.total_count})

    return Starlette(routes=[Route("/count", count)])


async def test_async_gabber_used_by_the_test_then_by_testclient_fails(
    async_gabber: AsyncGabber,
) -> None:
    await async_gabber.realtime.list()  # the test's loop uses it first
    with TestClient(_app(lambda: async_gabber)) as http, pytest.raises(ClientStateError) as raised:
        http.get("/count")  # the app, on TestClient's own loop
    assert "second event loop" in str(raised.value)


def test_a_factory_makes_the_client_on_the_apps_loop(
    async_gabber_factory: Callable[[], AsyncGabber], gabber_fake: FakeGabber
) -> None:
    gabber_fake.create_session()
    made: list[AsyncGabber] = []

    def gabber() -> AsyncGabber:
        if not made:
            made.append(async_gabber_factory())  # on the first request: the app's loop
        return made[0]

    with TestClient(_app(gabber)) as http:
        assert http.get("/count").json() == {"total": 1}
        assert http.get("/count").json() == {"total": 1}
        http.portal.call(made[0].aclose)  # type: ignore[union-attr]  # closed on its loop


async def test_async_gabber_with_asgi_transport_shares_the_tests_loop(
    async_gabber: AsyncGabber, gabber_fake: FakeGabber
) -> None:
    gabber_fake.create_session()
    await async_gabber.realtime.list()
    transport = httpx.ASGITransport(app=_app(lambda: async_gabber))
    async with httpx.AsyncClient(transport=transport, base_url="http://app") as http:
        assert (await http.get("/count")).json() == {"total": 1}
