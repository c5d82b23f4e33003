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

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import httpx

from ._generated._spec_facts import OPERATIONS as SPEC_OPERATIONS
from ._options import RequestOptions
from ._response import RAW_RESPONSE
from .errors import APIResponseValidationError, InvalidArgumentError, NotFoundError

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, BaseClient, SyncAPIClient
    from ._calls import Call

__all__ = ["CHECKED", "OWNER_OPERATION", "Rule", "check_async", "check_sync"]

_SESSION = "{session}"
_PARAMETER = re.compile(r"\{[^}/]+\}")


def _owner_operation() -> str:
    """The spec's scoped read of one session: the ``GET`` that declares ``x-human-id``
    and whose path ends in ``{session}`` (``get_realtime_session``)."""
    found = [
        operation
        for operation, facts in SPEC_OPERATIONS.items()
        if facts.method == "GET" and facts.human_header and facts.path.endswith("/" + _SESSION)
    ]
    if len(found) != 1:  # pragma: no cover - a spec change; tests/test_scope.py names it
        raise RuntimeError(f"expected one scoped GET of a session in the spec, found {found}")
    return found[0]


OWNER_OPERATION: Final = _owner_operation()
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


def _rule(operation: str, path: str) -> Rule:
    if _SESSION not in path:
        return Rule(operation, None)
    pattern = ""
    for literal, parameter in zip(
        _PARAMETER.split(path), [*_PARAMETER.findall(path), None], strict=True
    ):
        pattern += re.escape(literal)
        if parameter == _SESSION:
            pattern += "(?P<session>[^/]+)"
        elif parameter is not None:
            pattern += "[^/]+"
    return Rule(operation, re.compile(pattern))


CHECKED: Final[dict[str, Rule]] = {
    operation: _rule(operation, facts.path)
    for operation, facts in SPEC_OPERATIONS.items()
    if not facts.human_header
}
"""operationId -> :class:`Rule`, for every operation of the spec without ``x-human-id``."""


def _applies(client: BaseClient[Any], call: Call[Any]) -> tuple[Rule, str] | None:
    settings = client._settings
    human = settings.human
    if human is None or settings.auth != "api_key":
        return None
    rule = CHECKED.get(call.operation)
    return None if rule is None else (rule, human)


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
        where = f"{response.request.method} {response.request.url.raw_path.decode()}"
        raise APIResponseValidationError(
            f"{where} returned a body that is not a session", response=response
        )
    return body.get("human")


def _check_call(rule: Rule, call: Call[Any], human: str) -> tuple[str, Call[Any]]:
    from ._calls import Call

    segment, kwargs = rule.owner_call(call, human)
    return segment, Call(operation=OWNER_OPERATION, kwargs=kwargs, idempotent=True, parse=_owner)


def _not_found(error: NotFoundError, rule: Rule, segment: str, human: str) -> NotFoundError:
    return type(error)(
        f"{rule.operation} refused: session {segment} is not a session of human {human!r}, "
        f"the human this client is scoped to ({error}). Nothing was sent to "
        f"{rule.operation}; an unscoped client (client.for_human(None)) acts on any session",
        response=error.response,
        body=error.body,
    )


def _compare(owner: object, rule: Rule, segment: str, human: str) -> None:
    if owner != human:
        raise InvalidArgumentError(
            "session",
            f"{segment} belongs to another human, and this client is scoped to human "
            f"{human!r}: {rule.operation} was not sent; an unscoped client "
            "(client.for_human(None)) acts on any session",
        )


def check_sync(client: SyncAPIClient, call: Call[Any], options: RequestOptions | None) -> None:
    """Raise unless ``call`` stays within the scope of ``client`` (see the module)."""
    applies = _applies(client, call)
    if applies is None:
        return
    rule, human = applies
    segment, check = _check_call(rule, call, human)
    token = RAW_RESPONSE.set(False)
    try:
        owner = client._request(check, _options(options))
    except NotFoundError as error:
        raise _not_found(error, rule, segment, human) from None
    finally:
        RAW_RESPONSE.reset(token)
    _compare(owner, rule, segment, human)


async def check_async(
    client: AsyncAPIClient, call: Call[Any], options: RequestOptions | None
) -> None:
    """:func:`check_sync` for the async client."""
    applies = _applies(client, call)
    if applies is None:
        return
    rule, human = applies
    segment, check = _check_call(rule, call, human)
    token = RAW_RESPONSE.set(False)
    try:
        owner = await client._request(check, _options(options))
    except NotFoundError as error:
        raise _not_found(error, rule, segment, human) from None
    finally:
        RAW_RESPONSE.reset(token)
    _compare(owner, rule, segment, human)
