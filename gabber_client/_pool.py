"""The connection pool of a client and the rules around it: one pool per process
and per event loop, nothing sent once closed, every body read within bounds, and
cancellation that never reaches httpcore.

* **Fork**: a child process inherits its parent's pool, whose keep-alive sockets
  the parent still uses; a request sent on one of them can be answered to the
  other process. After ``os.fork()`` a client that owns its pool gets a new one
  (the old one is dropped unclosed: closing would act on the parent's
  connections); a client given ``http_client=`` raises :class:`ClientStateError`,
  since only the caller can make a new one.
* **Closed**: a call on a closed client, or in flight when it is closed, raises
  :class:`ClientStateError`.
* **Event loop**: an :class:`AsyncGabber`'s connections belong to the loop that
  used them first; a call from another loop raises :class:`ClientStateError`.
* **Cancellation**: a cancellation that reaches a task while it is inside httpcore
  can leave a connection taken for ever: while its request waits in the queue
  (encode/httpcore#1093, encode/httpx#1461), while the connection's first request
  is being set up (it stays ``NEW``), or while a read response is being closed (it
  stays ``ACTIVE``). Sequential ``asyncio.wait_for`` calls with millisecond
  timeouts leak about one connection in twenty, and after 100 every call fails.
  So no cancellation of the caller ever reaches httpcore: each attempt runs in a
  task of its own, which the caller awaits through :func:`asyncio.shield`
  (cancelling the caller never cancels the task, and shield retrieves the
  outcome nobody waits for). The caller's wait ends at once; the attempt finishes in the
  background within its timeout, with its body read and its connection
  returned. On the client's own pool the timeout cancels nothing either: every
  socket operation ends by the attempt's deadline (``_transport.py``); on a
  supplied pool it is :func:`asyncio.timeout`. Attempts in
  flight are capped at the pool's size by an :class:`asyncio.Semaphore` (a call
  waiting for a slot honours the pool timeout), so on the client's own pool a
  request never waits in httpcore's queue; should slots leak anyway, the first
  ``PoolTimeout`` of a pool the client owns (its wait there capped at half the
  attempt's budget) replaces the pool. Plain asyncio, no httpcore internals.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx

from . import _body
from ._logging import logger
from ._wire import where
from .errors import APIResponseValidationError, ClientStateError

if TYPE_CHECKING:
    import asyncio

H = TypeVar("H", httpx.Client, httpx.AsyncClient)


def _import_asyncio() -> None:
    """Bind ``asyncio`` in this module. A sync client never needs it, and importing it
    is about a tenth of a cold start, so the async code imports it on first use:
    every async path goes through :meth:`Pool.current_async` or :meth:`Pool._slots`
    before it touches ``asyncio`` (``tests/test_cold_start.py`` checks both ways)."""
    global asyncio
    import asyncio


_generation = 0
"""How many times this process has been forked into (0 in the original process)."""


def _after_fork_in_child() -> None:
    global _generation
    _generation += 1


if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork
    os.register_at_fork(after_in_child=_after_fork_in_child)


class Pool(Generic[H]):
    """The httpx client of a :class:`Gabber`/:class:`AsyncGabber` and of the clients
    derived from it (``with_options``, ``for_human``), which share it."""

    http: H
    _factory: Callable[[], H]

    def __init__(self, http: H, *, owned: bool, factory: Callable[[], H], size: int) -> None:
        self.http = http
        self.owned = owned
        self.closed = False
        self._factory = factory  # a new pool like ``http`` (used when ``owned``)
        self._generation = _generation
        self._loop: asyncio.AbstractEventLoop | None = None
        self._size = size  # attempts in flight at once (async): the pool's connections
        self._semaphore: asyncio.Semaphore | None = None
        self._closing: set[asyncio.Future[None]] = set()  # stuck pools being closed
        self._background: set[asyncio.Task[httpx.Response]] = set()  # attempts nobody waits for

    def current(self) -> H:
        """The httpx client to send with now; raises :class:`ClientStateError` when
        the client is closed or its pool cannot be used in this process."""
        if self.closed or self.http.is_closed:
            raise ClientStateError("this client is closed; create a new one to send requests")
        if self._generation != _generation:
            if not self.owned:
                raise ClientStateError(
                    "this client was created before os.fork() with an http_client whose "
                    "connections the parent process still uses; create the client (and "
                    "its http_client) in the child process"
                )
            self.http = self._factory()  # the parent's pool is left to the parent
            self._generation = _generation
            self._loop = None
            self._semaphore = None
        return self.http

    def current_async(self) -> H:
        """:meth:`current`, also refusing an event loop other than the pool's."""
        http = self.current()
        if self._loop is None:
            _import_asyncio()
            self._loop = asyncio.get_running_loop()
        elif asyncio.get_running_loop() is not self._loop:
            raise ClientStateError(
                "this AsyncGabber is used from a second event loop: its connections "
                "belong to the loop that used it first; create one client per event loop"
            )
        return http

    async def aclose(self) -> None:
        """Close the async pool, from the event loop it belongs to. From another
        loop: when the pool's own loop is closed (``asyncio.run`` ended), its
        connections went with it and there is nothing left to close; while that loop
        still runs (in another thread), :class:`ClientStateError`."""
        _import_asyncio()
        loop = self._loop
        if loop is not None and loop is not asyncio.get_running_loop():
            if not loop.is_closed():
                raise ClientStateError(
                    "this AsyncGabber is closed from a second event loop: its connections "
                    "belong to the loop that used it first, which still runs; close it there"
                )
            return
        assert isinstance(self.http, httpx.AsyncClient)
        await self.http.aclose()

    def _closed_in_flight(self, exc: Exception, request: httpx.Request) -> None:
        if self.closed or self.http.is_closed:
            raise ClientStateError(
                f"{where(request)}: the client was closed while this call was in flight"
            ) from exc

    @staticmethod
    def _bounded(exc: _body.BodyError) -> httpx.Response:
        """The response to go on with when its body could not be read within bounds:
        a 2xx raises :class:`APIResponseValidationError`; an error status goes on,
        without its body, to the retry policy and the status error."""
        headers = [
            (name, value)
            for name, value in exc.response.headers.multi_items()
            if name.lower() not in ("content-encoding", "content-length", "transfer-encoding")
        ]
        response = httpx.Response(
            exc.response.status_code,
            headers=headers,
            content=b"",
            request=exc.response.request,
            extensions=exc.response.extensions,
        )
        if response.is_success:
            raise APIResponseValidationError(
                f"{where(response.request)}: {exc}", response=response
            ) from None
        return response

    def send_sync(self, request: httpx.Request, limit: int) -> httpx.Response:
        """Send ``request`` and read its body within ``limit`` bytes and the attempt's
        timeout (see :mod:`gabber_client._body`)."""
        assert isinstance(self.http, httpx.Client)
        budget = _body.attempt_budget(request.extensions.get("timeout"))
        deadline = None if budget is None else time.monotonic() + budget
        token = _body.DEADLINE.set(deadline)  # every socket operation ends by then (own pool)
        try:
            response = self.http.send(request, follow_redirects=False, stream=True)
            return _body.read_sync(response, limit, deadline)
        except _body.BodyError as exc:
            return self._bounded(exc)
        except Exception as exc:
            self._closed_in_flight(exc, request)
            raise
        finally:
            _body.DEADLINE.reset(token)

    def _slots(self) -> asyncio.Semaphore:
        if self._semaphore is None:
            _import_asyncio()
            self._semaphore = asyncio.Semaphore(self._size)
        return self._semaphore

    async def _attempt(
        self,
        http: httpx.AsyncClient,
        request: httpx.Request,
        limit: int,
        budget: float | None,
        slots: asyncio.Semaphore,
    ) -> httpx.Response:
        """One attempt, in its own task, within ``budget`` seconds (TimeoutError: the
        budget, on a supplied pool)."""
        if budget is not None:
            _body.DEADLINE.set(time.monotonic() + budget)  # this task's own context
        # On the own pool every socket operation ends by that deadline, and every
        # other wait by the pool timeout, without a cancellation (see _transport.py);
        # a supplied pool's attempt is cancelled at its deadline.
        try:
            async with asyncio.timeout(None if self.owned else budget):
                extensions = request.extensions
                if self.owned:
                    request.extensions = _pool_wait_capped(extensions, budget)
                try:
                    response = await http.send(request, follow_redirects=False, stream=True)
                except httpx.PoolTimeout:
                    self._replace_stuck(http)
                    raise
                finally:
                    request.extensions = extensions
                return await _body.read_async(response, limit)
        finally:
            slots.release()

    def _replace_stuck(self, http: httpx.AsyncClient) -> None:
        """httpcore found no free connection although this client never has more
        attempts in flight than its own pool has connections: slots have leaked
        (encode/httpcore#1093, by a path the shield does not cover). A pool the
        client owns is replaced, and the stuck one closed in the background; the
        ``PoolTimeout`` goes on to the retry policy (nothing was sent). A supplied
        ``http_client`` is the caller's: it is left as it is."""
        if not self.owned or self.closed or self.http is not http:
            return
        logger.warning("the connection pool is stuck (leaked slots): replacing it")
        self.http = self._factory()
        closing = asyncio.ensure_future(http.aclose())
        self._closing.add(closing)
        closing.add_done_callback(self._closing.discard)

    async def send_async(self, request: httpx.Request, limit: int) -> httpx.Response:
        """:meth:`send_sync` for the async client. The attempt takes one of the pool's
        slots (waiting at most the pool timeout), then runs in a task of its own
        that cancelling the caller does not reach (see the module docstring)."""
        http = self.http
        assert isinstance(http, httpx.AsyncClient)
        timeout = request.extensions.get("timeout")
        budget = _body.attempt_budget(timeout)
        slots = self._slots()
        try:
            await self._take_slot(slots, request, timeout)
            attempt = asyncio.create_task(self._attempt(http, request, limit, budget, slots))
            try:
                return await asyncio.shield(attempt)
            finally:
                if not attempt.done():  # cancelled: the attempt finishes in the background
                    self._background.add(attempt)
                    attempt.add_done_callback(self._background.discard)
        except TimeoutError:
            raise httpx.ReadTimeout(
                f"the attempt took longer than its timeout ({budget} s)", request=request
            ) from None
        except _body.BodyError as exc:
            return self._bounded(exc)
        except Exception as exc:
            self._closed_in_flight(exc, request)
            raise

    @staticmethod
    async def _take_slot(
        slots: asyncio.Semaphore, request: httpx.Request, timeouts: object
    ) -> None:
        """One of the pool's slots, waiting at most the pool timeout for it."""
        if not slots.locked():
            await slots.acquire()  # a free slot: taken at once, no suspension
            return
        wait = timeouts.get("pool") if isinstance(timeouts, dict) else None
        try:
            async with asyncio.timeout(wait):
                await slots.acquire()
        except TimeoutError:
            raise httpx.PoolTimeout(
                "no connection became free within the pool timeout", request=request
            ) from None


def _pool_wait_capped(extensions: dict[str, Any], budget: float | None) -> dict[str, Any]:
    """On the client's own pool a request never waits for a connection inside
    httpcore (there is one for every slot), so a wait there means leaked slots:
    ``extensions`` with that wait capped at half the attempt's budget, so that the
    ``PoolTimeout`` (which replaces the pool) comes before the attempt's deadline."""
    timeout = extensions.get("timeout")
    if budget is None or not isinstance(timeout, dict):
        return extensions
    pool = timeout.get("pool")
    if pool is not None and pool <= budget / 2:
        return extensions
    return {**extensions, "timeout": {**timeout, "pool": budget / 2}}
