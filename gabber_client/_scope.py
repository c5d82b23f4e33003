"""A client scoped to a human (``for_human``, ``human=``) never silently acts outside
its scope.

The API scopes an API-key request to one human with the ``x-human-id`` header, but
only on the operations that declare it (``human_header`` in
``_generated/_spec_facts.py``). The others (``speak``, ``dtmf``,
``initiate_outbound_call``, ``attach_human`` today) act on whatever session they
are given: sent as they are, a client scoped to ``bob`` could speak into
``alice``'s session. So, on a scoped client with an API key:

* an operation that does not declare ``x-human-id`` but names a session in its path
  is sent only once an **ownership check** passed: the session is read with the
  spec's scoped ``GET`` of a session (the ``GET`` that declares ``x-human-id`` and
  whose path ends in ``{session}``), with the client's human in ``x-human-id``. The
  API answers 404 for a session that is not that human's, and that is raised as
  :class:`~gabber_client.NotFoundError` naming the operation and the human;
  nothing else is sent. A session the API returns with another ``human`` is refused
  too (:class:`~gabber_client.InvalidArgumentError`), in case a server does not scope
  its ``GET``.
* an operation that declares neither ``x-human-id`` nor a session in its path
  cannot be checked: it is refused (:class:`~gabber_client.InvalidArgumentError`)
  with the way out, an unscoped client (``client.for_human(None)``).

Why a check rather than refusing: a scoped client is what an app holds per logged-in
user, and speaking into that user's own session is the common case; refusing would
send every app back to an unscoped client, where nothing is checked at all. The check
costs one ``GET`` per call of these operations (on scoped clients only). Its window is
small but real: a session re-attached to another human between the ``GET`` and the
call is acted on. A client with a usage token is scoped by the API itself (the token
is one human's) and is not checked; an unscoped client is not checked either.

Everything here is read from the spec facts, per operation: a new operation of the
spec is covered with no edit. The hook is one call in the request loop
(``_base_client``), for scoped clients only.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import httpx

from ._generated._spec_facts import OPERATIONS as SPEC_OPERATIONS
from ._options import RequestOptions
from ._response import RAW_RESPONSE
from ._wire import where
from .errors import APIResponseValidationError, InvalidArgumentError, NotFoundError

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, BaseClient, SyncAPIClient
    from ._calls import Call

__all__ = ["CHECKED", "OWNER_OPERATION", "Rule", "check_async", "check_sync", "path_pattern"]

_SESSION = "{session}"


# The spec's scoped read of one session: the one ``GET`` that declares ``x-human-id``
# and whose path ends in ``{session}`` (``get_realtime_session``). A spec with none or
# several fails this unpacking at import; tests/test_scope.py names it.
(OWNER_OPERATION,) = [
    operation
    for operation, facts in SPEC_OPERATIONS.items()
    if facts.method == "GET" and facts.human_header and facts.path.endswith("/" + _SESSION)
]
_OWNER_PATH: Final = SPEC_OPERATIONS[OWNER_OPERATION].path


@dataclass(frozen=True, slots=True)
class Rule:
    """How a scoped client sends one operation that does not declare ``x-human-id``."""

    operation: str
    session: re.Pattern[str] | None
    """Matches the operation's request path, the session id (percent-encoded) as the
    group ``session``; ``None``: no session in its path, so the call is refused."""

    def owner_call(self, call: Call[Any], human: str) -> tuple[str, dict[str, Any]]:
        """The session id (encoded) and the kwargs of the ownership check's ``GET``."""
        url: str = call.kwargs["url"]
        match = None if self.session is None else self.session.fullmatch(url.split("?", 1)[0])
        if match is None:
            raise InvalidArgumentError(
                "human",
                f"{self.operation} cannot be scoped to a human (the API does not take "
                f"x-human-id on it, and it names no session to check), and this client is "
                f"scoped to human {human!r}: send it with an unscoped client "
                "(client.for_human(None))",
            )
        segment = match["session"]
        kwargs = {
            "method": "GET",
            "url": _OWNER_PATH.replace(_SESSION, segment),
            "headers": {"x-human-id": human},
        }
        return segment, kwargs


def path_pattern(template: str) -> re.Pattern[str]:
    """The pattern of the spec's path ``template`` for a raw (percent-encoded) path:
    each ``{name}`` matches one segment, as the group ``name``. The fake routes with
    the same patterns."""
    return re.compile(
        "/".join(
            f"(?P<{part[1:-1]}>[^/]*)" if part[:1] == "{" else re.escape(part)
            for part in template.split("/")
        )
    )


def _rule(operation: str, path: str) -> Rule:
    return Rule(operation, path_pattern(path) if _SESSION in path else None)


CHECKED: Final[dict[str, Rule]] = {
    operation: _rule(operation, facts.path)
    for operation, facts in SPEC_OPERATIONS.items()
    if not facts.human_header
}
"""operationId -> :class:`Rule`, for every operation of the spec without ``x-human-id``."""


def _options(options: RequestOptions | None) -> RequestOptions | None:
    """The call's own timeout applies to its check too; its extra headers, query and
    body belong to the call only."""
    if options is None or options.timeout is None:
        return None
    return RequestOptions(timeout=options.timeout)


def _owner(response: httpx.Response) -> object:
    """The ``human`` of the session in a 2xx body of the check's ``GET``."""
    try:
        body = response.json()
    except (ValueError, RecursionError):
        body = None
    if not isinstance(body, dict):
        raise APIResponseValidationError(
            f"{where(response.request)} returned a body that is not a session", response=response
        )
    return body.get("human")


@dataclass(frozen=True, slots=True)
class _Check:
    """The ownership check of one call of a scoped client."""

    rule: Rule
    human: str
    segment: str
    """The session id, percent-encoded as in the call's path."""
    call: Call[Any]
    """The scoped ``GET`` of that session."""

    @classmethod
    def of(cls, client: BaseClient[Any], call: Call[Any]) -> _Check | None:
        """The check ``call`` needs on ``client``; ``None`` when it needs none."""
        from ._calls import Call

        human = client._settings.human
        rule = CHECKED.get(call.operation)
        if human is None or client._settings.auth != "api_key" or rule is None:
            return None
        segment, kwargs = rule.owner_call(call, human)
        check = Call(operation=OWNER_OPERATION, kwargs=kwargs, idempotent=True, parse=_owner)
        return cls(rule, human, segment, check)

    @contextlib.contextmanager
    def sending(self) -> Iterator[None]:
        """Around the check's ``GET``: its plain result (also under
        ``with_raw_response``), and a 404 raised as the session not being the human's."""
        token = RAW_RESPONSE.set(False)
        try:
            yield
        except NotFoundError as error:
            operation = self.rule.operation
            raise type(error)(
                f"{operation} refused: session {self.segment} is not a session of human "
                f"{self.human!r}, the human this client is scoped to ({error}). Nothing was "
                f"sent to {operation}; an unscoped client (client.for_human(None)) acts on "
                "any session",
                response=error.response,
                body=error.body,
            ) from None
        finally:
            RAW_RESPONSE.reset(token)

    def verify(self, owner: object) -> None:
        """Raise unless ``owner`` (the session's ``human``) is the client's human."""
        if owner != self.human:
            raise InvalidArgumentError(
                "session",
                f"{self.segment} belongs to another human, and this client is scoped to human "
                f"{self.human!r}: {self.rule.operation} was not sent; an unscoped client "
                "(client.for_human(None)) acts on any session",
            )


def check_sync(client: SyncAPIClient, call: Call[Any], options: RequestOptions | None) -> None:
    """Raise unless ``call`` stays within the scope of ``client`` (see the module)."""
    check = _Check.of(client, call)
    if check is not None:
        with check.sending():
            owner = client._request(check.call, _options(options))
        check.verify(owner)


async def check_async(
    client: AsyncAPIClient, call: Call[Any], options: RequestOptions | None
) -> None:
    """:func:`check_sync` for the async client."""
    check = _Check.of(client, call)
    if check is not None:
        with check.sending():
            owner = await client._request(check.call, _options(options))
        check.verify(owner)
