"""Pages of results, and lazy iteration over every item of every page.

``client.realtime.list()`` returns a :class:`SyncPage`; iterating it walks every
session of every page, fetching one page per request, only as far as you iterate::

    for session in client.realtime.list():
        ...

    page = client.realtime.list()
    while True:
        handle(page.values)
        if not page.has_next_page():
            break
        page = page.get_next_page()

The async client's ``list()``, ``messages()`` and ``timeline()`` return an
:class:`AsyncPaginator`: ``async for s in aclient.realtime.list()`` walks every
item, and ``await aclient.realtime.list()`` gives the first :class:`AsyncPage`.
Only the page being read is held in memory while iterating.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from ._next_page import FOLLOWED, START
from .errors import GabberError

T = TypeVar("T")

__all__ = ["AsyncPage", "AsyncPaginator", "SyncPage"]


class _BasePage(Generic[T]):
    __slots__ = ("__weakref__", "_fetch", "_walk", "next_page", "total_count", "values")

    values: Sequence[T]
    """The items of this page."""
    total_count: int
    """How many items there are across all pages."""
    next_page: str | None
    """The token (``list``) or URL (``messages``, ``timeline``) of the next page;
    ``None`` on the last page."""

    def __init__(
        self,
        *,
        values: Sequence[T],
        total_count: int,
        next_page: str | None,
        fetch: Callable[[str], Any],
    ) -> None:
        self.values = values
        self.total_count = total_count
        self.next_page = next_page or None
        self._walk = FOLLOWED.get() or START  # what the loop check remembers of the walk here
        self._fetch = fetch  # the page after this one, from its token or URL

    def has_next_page(self) -> bool:
        """Whether there is a page after this one."""
        return self.next_page is not None

    @contextmanager
    def _following(self) -> Iterator[str]:
        """The next page to fetch, with the walk that reaches it set while it is
        fetched (a page whose next_page shows a loop is refused when it arrives:
        see ``_next_page``)."""
        if self.next_page is None:
            raise GabberError("this is the last page; check has_next_page() first")
        token = FOLLOWED.set(self._walk.after(self.next_page))
        try:
            yield self.next_page
        finally:
            FOLLOWED.reset(token)

    def __len__(self) -> int:
        """The number of items on this page (not across pages: see :attr:`total_count`)."""
        return len(self.values)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(values=<{len(self.values)} items>, "
            f"total_count={self.total_count}, next_page={self.next_page!r})"
        )


class SyncPage(_BasePage[T]):
    """One page of results from the sync client; iterate it for every item of every page."""

    __slots__ = ()
    _fetch: Callable[[str], SyncPage[T]]

    def get_next_page(self) -> SyncPage[T]:
        """Fetch the next page (one request). Raises :class:`GabberError` on the last page."""
        with self._following() as next_page:
            return self._fetch(next_page)

    def iter_pages(self) -> Iterator[SyncPage[T]]:
        """This page, then each following page, fetched as the iteration reaches it."""
        page = self
        yield page
        while page.has_next_page():
            page = page.get_next_page()
            yield page

    def __iter__(self) -> Iterator[T]:
        """Every item of this page and of the pages after it, fetched lazily."""
        for page in self.iter_pages():
            yield from page.values


class AsyncPage(_BasePage[T]):
    """One page of results from the async client; ``async for`` it for every item."""

    __slots__ = ()
    _fetch: Callable[[str], Awaitable[AsyncPage[T]]]

    async def get_next_page(self) -> AsyncPage[T]:
        """Fetch the next page (one request). Raises :class:`GabberError` on the last page."""
        with self._following() as next_page:
            return await self._fetch(next_page)

    async def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        """This page, then each following page, fetched as the iteration reaches it."""
        page = self
        yield page
        while page.has_next_page():
            page = await page.get_next_page()
            yield page

    async def __aiter__(self) -> AsyncIterator[T]:
        """Every item of this page and of the pages after it, fetched lazily."""
        async for page in self.iter_pages():
            for item in page.values:
                yield item


class AsyncPaginator(Generic[T]):
    """What the async ``list()``, ``messages()`` and ``timeline()`` return: ``async for``
    it for every item of every page, or ``await`` it for the first :class:`AsyncPage`.

    Nothing is sent until it is awaited or iterated; each ``await`` or ``async for``
    sends the first request again (keep the awaited page to read it twice).

    Example:
        ```python
        import asyncio

        from gabber_client import AsyncGabber


        async def main() -> None:
            async with AsyncGabber() as client:
                async for session in client.realtime.list():  # every page, lazily
                    print(session.id)
                first = await client.realtime.list()  # the first page only
                print(len(first), first.has_next_page())


        asyncio.run(main())
        ```
    """

    __slots__ = ("_first_page",)

    def __init__(self, first_page: Callable[[], Awaitable[AsyncPage[T]]]) -> None:
        self._first_page = first_page

    def __await__(self) -> Generator[Any, None, AsyncPage[T]]:
        return self._first_page().__await__()

    async def __aiter__(self) -> AsyncIterator[T]:
        """Every item of every page, fetched lazily (one request per page)."""
        page = await self._first_page()
        async for item in page:
            yield item

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: await it for a page, async for it for the items>"
