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
* **Cancellation**: cancelling a task while its request waits in httpcore's queue
  for a connection can leave a connection slot taken for ever (encode/httpcore#1093,
  encode/httpx#1461); after enough of them every call ends in ``PoolTimeout``. So
  attempts in flight are capped at the pool's size by an :class:`asyncio.Semaphore`
  (a call waiting for a slot honours the pool timeout):

  - on the client's own pool, which has a connection for every slot, a request is
    never queued inside httpcore, so each attempt runs in the caller's task, as a
    raw httpx call does: cancelling it (or its whole-attempt timeout, one timer per
    pool for all attempts, see :class:`_Watchdog`) reaches httpcore, which closes
    that connection;
  - on a supplied ``http_client``, whose size the client cannot know, httpcore may
    queue requests, so each attempt runs in a task of its own, which hands its
    outcome to a future the caller awaits (a lighter :func:`asyncio.shield`:
    cancelling the caller cancels that future, never the task): the caller's wait
    ends at once, and the attempt finishes in the background within its timeout,
    with its body read and its connection returned.

  Should slots leak anyway, the first ``PoolTimeout`` of a pool the client owns
  (which, by that cap, cannot be full) replaces the pool. Plain asyncio, no
  httpcore internals.
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


def _expire(waiter: asyncio.Future[Any]) -> None:
    """The attempt's timeout has passed: the caller stops waiting for it."""
    if not waiter.done():
        waiter.set_exception(TimeoutError())


def _stand_in(response: httpx.Response) -> httpx.Response:
    """``response`` without its body (which could not be read within bounds)."""
    headers = [
        (name, value)
        for name, value in response.headers.multi_items()
        if name.lower() not in ("content-encoding", "content-length", "transfer-encoding")
    ]
    return httpx.Response(
        response.status_code,
        headers=headers,
        content=b"",
        request=response.request,
        extensions=response.extensions,
    )


class _Expiry:
    """The whole-attempt deadline of one inline attempt: ``when``, on the loop's clock."""

    __slots__ = ("cancelling", "fired", "task", "when")

    def __init__(self, task: asyncio.Task[Any], when: float) -> None:
        self.task = task
        self.when = when
        self.cancelling = task.cancelling()  # cancellations requested before the attempt
        self.fired = False


class _Watchdog:
    """One timer for the deadlines of all the inline attempts of a pool on its loop.

    What :func:`asyncio.timeout` does per attempt (a timer that cancels the task at
    the deadline, turned into :class:`TimeoutError` unless someone else cancelled it
    too), with one timer shared by every attempt in flight: an attempt registers its
    deadline and forgets it when it ends; the timer is moved only for a deadline
    earlier than the one it is set for, and when it fires it cancels the attempts
    whose deadline has passed and is set for the earliest of the others. Per
    attempt that is an object and a set entry instead of a timer handle scheduled
    and cancelled: about 7% of an in-process ``get``.
    """

    __slots__ = ("_attempts", "_handle", "loop")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._attempts: set[_Expiry] = set()
        self._handle: asyncio.TimerHandle | None = None

    def watch(self, task: asyncio.Task[Any], budget: float) -> _Expiry:
        """Cancel ``task`` ``budget`` seconds from now unless :meth:`forget` comes first."""
        expiry = _Expiry(task, self.loop.time() + budget)
        self._attempts.add(expiry)
        if self._handle is None or expiry.when < self._handle.when():
            self._arm(expiry.when)
        return expiry

    def forget(self, expiry: _Expiry) -> None:
        self._attempts.discard(expiry)

    def _arm(self, when: float) -> None:
        if self._handle is not None:
            self._handle.cancel()
        self._handle = self.loop.call_at(when, self._fire)

    def _fire(self) -> None:
        self._handle = None
        now = self.loop.time()
        earliest: float | None = None
        for expiry in list(self._attempts):
            if expiry.when <= now:
                self._attempts.discard(expiry)
                expiry.fired = True
                expiry.task.cancel()
            elif earliest is None or expiry.when < earliest:
                earliest = expiry.when
        if earliest is not None:
            self._arm(earliest)


class Pool(Generic[H]):
    """The httpx client of a :class:`Gabber`/:class:`AsyncGabber` and of the clients
    derived from it (``with_options``, ``for_human``), which share it."""

    __slots__ = (
        "_background",
        "_closing",
        "_factory",
        "_generation",
        "_loop",
        "_semaphore",
        "_size",
        "_watchdog",
        "closed",
        "http",
        "owned",
    )

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
        self._watchdog: _Watchdog | None = None  # the deadlines of inline attempts
        self._closing: set[asyncio.Future[None]] = set()  # stuck pools being closed
        self._background: set[asyncio.Task[None]] = set()  # attempts nobody waits for

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
            self._watchdog = None
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
        response = _stand_in(exc.response)
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
        try:
            response = self.http.send(request, follow_redirects=False, stream=True)
            return _body.read_sync(response, limit, deadline)
        except _body.BodyError as exc:
            return self._bounded(exc)
        except Exception as exc:
            self._closed_in_flight(exc, request)
            raise

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
        deadline: float | None,
        slots: asyncio.Semaphore,
        waiter: asyncio.Future[httpx.Response],
    ) -> None:
        """One attempt, in its own task: its outcome goes straight to ``waiter``
        (unless the caller stopped waiting), so the caller wakes up one loop
        iteration after the attempt ends, and the task itself never fails (no
        outcome is left unretrieved)."""
        try:
            try:
                response = await http.send(request, follow_redirects=False, stream=True)
            except httpx.PoolTimeout:
                self._replace_stuck(http)
                raise
            response = await _body.read_async(response, limit, deadline)
        except asyncio.CancelledError:  # the task itself was cancelled (loop shutdown)
            if not waiter.done():
                waiter.cancel()
            raise
        except Exception as exc:  # handed over to the caller
            if not waiter.done():
                waiter.set_exception(exc)
        except BaseException as exc:  # KeyboardInterrupt, SystemExit: the caller too
            if not waiter.done():
                waiter.set_exception(exc)
            raise
        else:
            if not waiter.done():
                waiter.set_result(response)
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
        slots (waiting at most the pool timeout), then runs in the caller's task when
        the pool is the client's own, or in a task of its own behind the shield when
        it was supplied (see the module docstring)."""
        http = self.http
        assert isinstance(http, httpx.AsyncClient)
        timeout = request.extensions.get("timeout")
        budget = _body.attempt_budget(timeout)
        slots = self._slots()
        try:
            if slots.locked():  # near capacity: wait for a slot, within both timeouts
                async with asyncio.timeout(budget):
                    await self._take_slot(slots, request, timeout)
            else:
                await slots.acquire()  # a free slot: taken at once, no suspension
            if self.owned:
                return await self._inline(http, request, limit, budget, slots)
            return await self._shielded(http, request, limit, budget, slots)
        except TimeoutError:
            raise httpx.ReadTimeout(
                f"the attempt took longer than its timeout ({budget} s)", request=request
            ) from None
        except _body.BodyError as exc:
            return self._bounded(exc)
        except Exception as exc:
            self._closed_in_flight(exc, request)
            raise

    async def _inline(
        self,
        http: httpx.AsyncClient,
        request: httpx.Request,
        limit: int,
        budget: float | None,
        slots: asyncio.Semaphore,
    ) -> httpx.Response:
        """One attempt on the client's own pool, in the caller's task: a cancellation
        reaches httpcore as it does with raw httpx, which closes the connection. The
        slot taken guarantees that httpcore has a connection for it at once (the
        pool has as many connections as there are slots), so it never waits in
        httpcore's queue, where a cancellation leaks a slot."""
        deadline = expiry = watchdog = None
        if budget is not None:  # the whole attempt ends by then (a TimeoutError)
            deadline = time.monotonic() + budget
            loop = asyncio.get_running_loop()
            watchdog = self._watchdog
            if watchdog is None or watchdog.loop is not loop:
                watchdog = self._watchdog = _Watchdog(loop)
            task = asyncio.current_task()
            assert task is not None
            expiry = watchdog.watch(task, budget)
        try:
            try:
                response = await http.send(request, follow_redirects=False, stream=True)
            except httpx.PoolTimeout:
                self._replace_stuck(http)
                raise
            return await _body.read_async(response, limit, deadline)
        except asyncio.CancelledError:
            if expiry is not None and expiry.fired and expiry.task.uncancel() <= expiry.cancelling:
                raise TimeoutError from None  # the deadline, not the caller, cancelled it
            raise
        finally:
            if watchdog is not None and expiry is not None:
                watchdog.forget(expiry)
            slots.release()

    async def _shielded(
        self,
        http: httpx.AsyncClient,
        request: httpx.Request,
        limit: int,
        budget: float | None,
        slots: asyncio.Semaphore,
    ) -> httpx.Response:
        """One attempt on a supplied pool (whose size the client cannot know, so
        httpcore may queue it), in a task of its own that cancelling the caller does
        not reach; the caller stops waiting at the attempt's timeout (or when
        cancelled) and the attempt finishes in the background."""
        deadline = None if budget is None else time.monotonic() + budget
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[httpx.Response] = loop.create_future()
        attempt = loop.create_task(self._attempt(http, request, limit, deadline, slots, waiter))
        timer = None
        if deadline is not None:
            timer = loop.call_later(max(deadline - time.monotonic(), 0.0), _expire, waiter)
        try:
            return await waiter
        finally:
            if timer is not None:
                timer.cancel()
            if not attempt.done():
                # cancelled or timed out: the attempt finishes in the background
                self._background.add(attempt)
                attempt.add_done_callback(self._background.discard)

    @staticmethod
    async def _take_slot(
        slots: asyncio.Semaphore, request: httpx.Request, timeouts: object
    ) -> None:
        wait = timeouts.get("pool") if isinstance(timeouts, dict) else None
        if not slots.locked():
            await slots.acquire()
            return
        try:
            async with asyncio.timeout(wait):
                await slots.acquire()
        except TimeoutError:
            raise httpx.PoolTimeout(
                "no connection became free within the pool timeout", request=request
            ) from None
