"""What the sync and async clients share: settings, request building, the retry
loop, error mapping and logging. No public names live here."""

from __future__ import annotations

import base64
import ipaddress
import logging
import os
import sys
import time
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Generic, Literal, Self, TypeVar, cast

import httpx

from . import _body, _next_page, _options, _request_id, _retry, _tls
from ._constants import (
    API_KEY_ENV,
    BASE_URL_ENV,
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RESPONSE_BYTES,
)
from ._generated._spec_facts import ERROR_MESSAGE_FIELDS, ERROR_MESSAGES
from ._logging import logger, setup_from_env
from ._options import RequestOptions
from ._pool import Pool
from ._redact import masked_url, redacted
from ._response import RAW_RESPONSE, APIResponse
from ._validation import check_header_name, check_header_value, check_json
from ._version import __version__
from ._wire import where
from .errors import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    InvalidArgumentError,
    status_error_class,
)
from .pagination import _BasePage

if TYPE_CHECKING:  # _calls imports the generated code: see _client.py
    from ._calls import Call

T = TypeVar("T")
H = TypeVar("H", httpx.Client, httpx.AsyncClient)

# Keep-alive slots = connections: with fewer, httpcore 1.0 closes connections as soon
# as they go idle under load (encode/httpcore#1000), and a burst pays reconnects.
_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100)
_EMPTY_STREAM = httpx.ByteStream(b"")


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _env_proxy(url: httpx.URL) -> httpx.URL | None:
    """The proxy the environment (``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``,
    ``NO_PROXY``, as httpx reads them) sets for ``url``; never for loopback. Warns
    when it would carry the credentials of a plain ``http://`` base URL in clear
    text to a host other than this machine."""
    if _is_loopback(url.host):
        return None
    proxies = urllib.request.getproxies_environment()
    proxy = proxies.get(url.scheme) or proxies.get("all")
    if not proxy or urllib.request.proxy_bypass(url.host):
        return None
    parsed = httpx.URL(proxy if "://" in proxy else f"http://{proxy}")
    if url.scheme == "http" and not _is_loopback(parsed.host):
        logger.warning(
            "the base URL is plain http:// and the environment sets a proxy (%s): "
            "the credentials go through it in clear text; use an https:// base URL",
            parsed.host,
        )
    return parsed


def http_client_for(settings: Settings, given: H | None, kind: type[H]) -> H:
    """``given`` (checked to be a ``kind``), or a new pooled ``kind`` for ``settings``.

    The client's own pool follows httpx's ``trust_env``: the proxy environment
    variables (``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``, ``NO_PROXY``) apply,
    except to a loopback base URL, which is never proxied; see
    docs/transport-and-logging.md."""
    if given is None:
        if settings.base_url.scheme == "https":
            _tls.trust()
        proxy = _env_proxy(settings.base_url)
        options: dict[str, Any] = {}
        if proxy is None:  # see _transport.py; through a proxy, httpx's own transport
            from . import _transport  # imports httpcore: only once a pool is built

            make = _transport.Transport if kind is httpx.Client else _transport.AsyncTransport
            options["transport"] = make(_tls.context(), _LIMITS)
        return kind(
            headers=settings.headers,  # set once: see BaseClient._request_headers
            timeout=settings.timeout,
            follow_redirects=False,
            limits=_LIMITS,
            verify=_tls.context(),  # trusts CAs once a client needs it: see _tls.py
            trust_env=proxy is not None,
            **options,
        )
    if not isinstance(given, kind):
        raise InvalidArgumentError(
            "http_client", f"expected httpx.{kind.__name__}, got {type(given).__name__}"
        )
    return given


# platform.python_version() is the first word of sys.version (importing platform costs
# ~1.5 ms of a cold start); tests compare the two.
USER_AGENT = (
    f"gabber-client/{__version__} python/{sys.version.split(maxsplit=1)[0]} "
    f"httpx/{httpx.__version__}"
)

# Indirections so tests can swap in a fake clock; nothing else should touch them.
_sleep = time.sleep


async def _async_sleep(seconds: float) -> None:
    import asyncio  # imported here: only async retries need it

    await asyncio.sleep(seconds)


class NotGiven:
    """Marks an argument that was not passed (``None`` may be a meaningful value)."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a request needs from its client, fixed at construction."""

    base_url: httpx.URL
    prefix: str = field(repr=False, compare=False)  # base_url without credentials or "/" at the end
    auth: Literal["api_key", "token"]
    headers: dict[str, str] = field(repr=False)  # credentials, User-Agent, default headers
    human: str | None
    timeout: httpx.Timeout
    max_retries: int
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    retry_waits: bool = True
    """Whether to wait between retries (backoff, ``Retry-After``). The fake's clients
    do not (``gabber_client.testing``): retries against it take no wall time."""


def _count(value: object, parameter: str, minimum: int, expected: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InvalidArgumentError(parameter, f"expected {expected}, got {value!r}")
    return value


def _timeout(value: object) -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise InvalidArgumentError(
            "timeout", f"expected a positive number of seconds or httpx.Timeout, got {value!r}"
        )
    return httpx.Timeout(float(value), connect=min(float(value), 5.0))


def _base_url(value: str | httpx.URL | None) -> httpx.URL:
    raw = value if value is not None else os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    parameter = "base_url" if value is not None else BASE_URL_ENV
    try:
        url = httpx.URL(raw)
    except (httpx.InvalidURL, TypeError) as exc:
        raise InvalidArgumentError(parameter, f"not a valid URL: {exc}") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise InvalidArgumentError(parameter, f"expected an http(s) URL with a host, got {raw!r}")
    if url.query or url.fragment:
        raise InvalidArgumentError(parameter, "must not have a query or fragment")
    return url


def _prefix(url: httpx.URL) -> str:
    """What request paths are appended to: ``url`` without its user name and
    password (sent as a header instead, see :func:`make_settings`) and without a
    trailing ``/``. A URL holding a password would show it in ``repr(request)``
    and in httpx's own log line for each request."""
    if url.userinfo:
        url = url.copy_with(username=None, password=None)
    return str(url).rstrip("/")


def make_settings(
    *,
    api_key: str | None,
    token: str | None,
    base_url: str | httpx.URL | None,
    human: str | None,
    timeout: float | httpx.Timeout,
    max_retries: int,
    default_headers: dict[str, str] | None,
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
) -> Settings:
    """Validate the constructor's arguments (and the environment) into :class:`Settings`."""
    if api_key is not None and token is not None:
        raise InvalidArgumentError("api_key/token", "pass either api_key or token, not both")
    if api_key is None and token is None:
        api_key = os.environ.get(API_KEY_ENV) or None
        if api_key is None:
            raise InvalidArgumentError(
                "api_key",
                f"no credentials: pass api_key=... (or set {API_KEY_ENV}) for an API key, "
                "or token=... for a usage token",
            )
        check_header_value(api_key, API_KEY_ENV)
    headers: dict[str, str] = {
        "User-Agent": USER_AGENT,
        "Accept": "application/json",
        "Accept-Encoding": _body.ACCEPT_ENCODING,  # the encodings read within bounds
    }
    for name, value in (default_headers or {}).items():
        check_header_name(name, "default_headers")
        headers[name] = check_header_value(value, f"default_headers[{name!r}]")
    if token is not None:
        headers["Authorization"] = "Bearer " + check_header_value(token, "token")
        auth: Literal["api_key", "token"] = "token"
    else:
        headers["x-api-key"] = check_header_value(api_key, "api_key")
        auth = "api_key"
    url = _base_url(base_url)
    if url.userinfo:  # sent as httpx would send them (Basic authentication): see _prefix
        if token is not None:
            raise InvalidArgumentError(
                "base_url", "credentials in the URL cannot be combined with token="
            )
        pair = f"{url.username}:{url.password}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
    return Settings(
        base_url=url,
        prefix=_prefix(url),
        auth=auth,
        headers=headers,
        human=None if human is None else check_header_value(human, "human"),
        timeout=_timeout(timeout),
        max_retries=_count(max_retries, "max_retries", 0, "an int >= 0"),
        max_response_bytes=_count(
            max_response_bytes, "max_response_bytes", 1, "a positive int (bytes)"
        ),
    )


class BaseClient(Generic[H]):
    """State and helpers shared by :class:`SyncAPIClient` and :class:`AsyncAPIClient`."""

    _settings: Settings
    _pool: Pool[H]
    _derived: bool
    _request_headers: dict[str, str]
    """The settings' headers each request carries: none when ``http`` is the client's
    own pool, made by :func:`http_client_for` with them. Merging them into every
    request instead costs httpx ~30 µs (each one replaces a default header)."""

    def _start(self, settings: Settings, given: H | None, kind: type[H]) -> None:
        """Set up a new client: its own pool of ``kind`` for ``settings``, or the
        ``http_client=`` it was ``given``."""
        pool = Pool(
            http_client_for(settings, given, kind),
            owned=given is None,
            factory=lambda: http_client_for(settings, None, kind),
            size=_LIMITS.max_connections or 100,
        )
        self._setup(settings, pool, {} if given is None else settings.headers, derived=False)

    def _setup(
        self, settings: Settings, pool: Pool[H], request_headers: dict[str, str], *, derived: bool
    ) -> None:
        setup_from_env()
        self._settings = settings
        self._pool = pool
        self._request_headers = request_headers
        self._derived = derived  # derived clients share their parent's pool
        self._init_resources()

    def _init_resources(self) -> None:
        """Attach the API areas (``self.realtime``)."""
        raise NotImplementedError

    @property
    def _http(self) -> H:
        return self._pool.http

    def _mark_closed(self) -> bool:
        """Mark the client closed (not a derived one: it shares its parent's pool);
        whether its pool is its own to close."""
        if self._derived:
            return False
        self._pool.closed = True
        return self._pool.owned

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | NotGiven = NOT_GIVEN,
        base_url: str | httpx.URL | NotGiven = NOT_GIVEN,
        human: str | NotGiven | None = NOT_GIVEN,
    ) -> Self:
        """A client with other settings, sharing this one's connections:
        ``client.with_options(max_retries=0).realtime.start(...)``.

        ``default_headers`` are added to (or replace) this client's; credentials cannot
        be set this way. ``human=None`` removes the default ``x-human-id``.

        Example:
            ```python
            from gabber_client import Gabber

            with Gabber() as client:
                team = client.with_options(default_headers={"X-Team": "support"}, max_retries=5)
                for_alice = team.with_options(human="human_alice", timeout=10)
                print(for_alice.human, for_alice.max_retries)  # human_alice 5
                print(for_alice.realtime.list().total_count)  # sent with X-Team and x-human-id
            ```
        """
        changes: dict[str, Any] = {}
        added: dict[str, str] | None = None
        if not isinstance(default_headers, NotGiven):
            added = _options.check_headers(default_headers, "default_headers")
            changes["headers"] = {**self._settings.headers, **added}
        if not isinstance(base_url, NotGiven):
            url = _base_url(base_url)
            if url.scheme == "https":
                _tls.trust()  # the shared pool's context: see _tls.py
            changes["base_url"] = url
            changes["prefix"] = _prefix(url)
        if not isinstance(timeout, NotGiven):
            changes["timeout"] = _timeout(timeout)
        if not isinstance(max_retries, NotGiven):
            changes["max_retries"] = _count(max_retries, "max_retries", 0, "an int >= 0")
        if not isinstance(human, NotGiven):
            changes["human"] = None if human is None else check_header_value(human, "human")
        # The shared pool still has this client's headers (or none): each request of the
        # clone carries the same ones as this client's, plus the headers added.
        request_headers = {**self._request_headers, **added} if added else self._request_headers
        clone = type(self).__new__(type(self))
        clone._setup(replace(self._settings, **changes), self._pool, request_headers, derived=True)
        return clone

    def for_human(self, human: str | None) -> Self:
        """A client scoped to ``human``, sharing this one's connections: its default
        ``x-human-id`` is ``human``, and an operation the API does not scope by
        ``x-human-id`` (``speak``, ``dtmf``, ``initiate_outbound_call``,
        ``attach_human``) is sent only once a scoped ``GET`` of its session showed the
        session is ``human``'s (else :class:`~gabber_client.NotFoundError`, nothing
        sent). ``for_human(None)``: an unscoped client, which acts on any session."""
        return self.with_options(human=human)

    @property
    def base_url(self) -> httpx.URL:
        """The URL every request goes to."""
        return self._settings.base_url

    @property
    def human(self) -> str | None:
        """The default ``x-human-id`` of this client, if any."""
        return self._settings.human

    @property
    def max_retries(self) -> int:
        """How many times a failed request is retried (when the policy allows)."""
        return self._settings.max_retries

    @property
    def timeout(self) -> httpx.Timeout:
        """The timeout of each request attempt."""
        return self._settings.timeout

    def _human(self, human: str | None) -> str | None:
        return self._settings.human if human is None else human

    def _call_options(
        self,
        timeout: float | httpx.Timeout | None,
        extra_headers: object,
        extra_query: object,
        extra_body: object = None,
    ) -> RequestOptions | None:
        """The per-call options of a facade method, checked; ``None`` when none given."""
        return _options.make(
            None if timeout is None else _timeout(timeout), extra_headers, extra_query, extra_body
        )

    def _build_request(
        self, http: H, call: Call[Any], options: RequestOptions | None = None
    ) -> httpx.Request:
        """The request of ``call`` with its per-call ``options``; a URL httpx refuses (a
        70,000-character page token, say) is an :class:`InvalidArgumentError`, as
        nothing was sent."""
        if call.api_key_only and self._settings.auth == "token":
            raise InvalidArgumentError(
                "token",
                f"{call.operation} accepts an API key only (x-api-key), and this client "
                "has a usage token: use a client built with api_key=",
            )
        kwargs = call.kwargs
        target: str = kwargs["url"]  # a path of the API, or a next_page URL
        absolute = target.startswith(("http://", "https://"))
        url = target if absolute else self._settings.prefix + target
        extra = kwargs.get("headers")
        headers = {**self._request_headers, **extra} if extra else self._request_headers
        body = kwargs.get("json")
        if body is not None:
            check_json(body, "body")  # NaN, cycles, huge ints, ...: refused before sending
        built = {
            "method": kwargs["method"],
            "url": url,
            "params": kwargs.get("params"),
            "headers": headers,
            "json": body,
            "timeout": self._settings.timeout,
        }
        if options is not None:
            built = _options.apply(built, options)
        try:
            return http.build_request(**built)
        except httpx.InvalidURL as exc:
            raise InvalidArgumentError(
                call.operation, f"the request URL is invalid: {exc}"
            ) from None

    def _result(self, call: Call[T], response: httpx.Response) -> T:
        if RAW_RESPONSE.get():
            return cast(T, APIResponse(response, call.parse))
        result = call.parse(response)
        if isinstance(result, _BasePage) and result.next_page is not None:
            try:  # resolved and checked as it arrives: see _next_page
                result.next_page, result._walk = _next_page.check_received(
                    result.next_page,
                    operation=call.operation,
                    page_url=response.request.url,
                    walk=result._walk,
                )
            except ValueError as exc:
                raise APIResponseValidationError(
                    f"{where(response.request)}: {exc}", response=response
                ) from None
        _request_id.remember(result, response)
        # httpx links a response and its stream both ways; the body is read, so break
        # the cycle and let refcounting free the body now rather than at the next
        # cyclic GC (auto-pagination would otherwise pile pages up between GCs).
        response.stream = _EMPTY_STREAM
        return result

    @staticmethod
    def _status_error(response: httpx.Response, operation: str) -> APIStatusError:
        try:
            body: Any = response.json()
        except (ValueError, RecursionError):  # not JSON (HTML, empty, nested too deep)
            body = None
        error = status_error_class(response.status_code)
        # The message is the field the spec's error body for this status names
        # (_spec_facts.ERROR_MESSAGES); when the body lacks it (or the status declares
        # no body), the first field of any declared error body that it holds.
        declared = ERROR_MESSAGES.get(operation, {}).get(str(response.status_code))
        fields: dict[Any, Any] = body if isinstance(body, dict) else {}
        candidates = (declared, *ERROR_MESSAGE_FIELDS)
        field = next((f for f in candidates if f and isinstance(fields.get(f), str)), declared)
        detail = fields.get(field)
        if not isinstance(detail, str) or not detail:
            snippet = response.text[:200].strip() if body is None else ""
            detail = snippet or response.reason_phrase or "no details"
        message = f"{response.status_code} from {where(response.request)}: {detail}"
        return error(message, response=response, body=body, message_field=field or "message")

    @staticmethod
    def _connection_error(
        exc: httpx.RequestError, request: httpx.Request, earlier_took_effect: bool = False
    ) -> APIConnectionError:
        """The error for ``exc``; ``earlier_took_effect``: an earlier attempt of the
        same call may have been acted on (see ``APIConnectionError.may_have_taken_effect``)."""
        name = where(request)
        logger.info("%s failed with no response: %s", name, type(exc).__name__)
        maybe = earlier_took_effect or _retry.may_have_taken_effect(exc)
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(
                f"{type(exc).__name__} on {name}", request=request, may_have_taken_effect=maybe
            )
        return APIConnectionError(
            f"{type(exc).__name__} on {name}: {exc}", request=request, may_have_taken_effect=maybe
        )

    def _log_response(self, request: httpx.Request, response: httpx.Response, start: float) -> None:
        if logger.isEnabledFor(logging.INFO):
            elapsed = (time.perf_counter() - start) * 1000
            logger.info("%s -> %d in %.1f ms", where(request), response.status_code, elapsed)
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug("request headers: %s", redacted(request.headers))

    def _retry_wait(
        self,
        call: Call[Any],
        request: httpx.Request,
        outcome: httpx.RequestError | httpx.Response,
        earlier: list[bool],
    ) -> float:
        """Seconds to wait before sending ``request`` again after an attempt that ended
        in ``outcome`` (an error, or a non-2xx response); raises the call's error
        instead when the retry policy gives up. ``earlier``: whether each earlier
        failed attempt may have been acted on (see
        ``APIConnectionError.may_have_taken_effect``); ``outcome``'s is added to it."""
        of = self._settings.max_retries
        retries = len(earlier)
        if isinstance(outcome, httpx.Response):
            if retries >= of or not _retry.should_retry_response(
                outcome, idempotent=call.idempotent
            ):
                raise self._status_error(outcome, call.operation)
            # (a sane Retry-After is more than 0 s: see _retry.retry_after)
            wait = _retry.retry_after(outcome.headers) or _retry.backoff(retries)
        elif (
            retries >= of
            or not isinstance(outcome, httpx.TransportError)
            or not _retry.should_retry_exception(outcome, idempotent=call.idempotent)
        ):
            raise self._connection_error(outcome, request, any(earlier)) from outcome
        else:
            wait = _retry.backoff(retries)
        if logger.isEnabledFor(logging.INFO):
            logger.info(
                "retrying %s in %.2f s (retry %d of %d): %s",
                where(request),
                wait,
                retries + 1,
                of,
                _retry.describe(outcome),
            )
        earlier.append(_retry.may_have_taken_effect(outcome))
        return wait if self._settings.retry_waits else 0.0

    def __repr__(self) -> str:
        s = self._settings
        return (
            f"{type(self).__name__}(base_url={str(masked_url(s.base_url))!r}, auth={s.auth!r}, "
            f"human={s.human!r}, max_retries={s.max_retries})"
        )


class SyncAPIClient(BaseClient[httpx.Client]):
    """Sends :class:`Call` objects with an :class:`httpx.Client`, retrying per policy."""

    def _request(self, call: Call[T], options: RequestOptions | None = None) -> T:
        if self._settings.human is not None:  # a scoped client stays in scope: see _scope.py
            from . import _scope

            _scope.check_sync(self, call, options)
        http = self._pool.current()  # closed? forked? (see _pool.py)
        request = self._build_request(http, call, options)
        earlier: list[bool] = []  # per failed attempt: whether it may have been acted on
        outcome: httpx.Response | httpx.RequestError
        while True:
            start = time.perf_counter()
            try:
                outcome = self._pool.send_sync(request, self._settings.max_response_bytes)
            except httpx.RequestError as exc:
                outcome = exc
            else:
                self._log_response(request, outcome, start)
                if outcome.is_success:
                    return self._result(call, outcome)
            # (a response comes read and closed: see _pool.py)
            _sleep(self._retry_wait(call, request, outcome, earlier))


class AsyncAPIClient(BaseClient[httpx.AsyncClient]):
    """Sends :class:`Call` objects with an :class:`httpx.AsyncClient`, retrying per policy."""

    async def _request(self, call: Call[T], options: RequestOptions | None = None) -> T:
        if self._settings.human is not None:  # a scoped client stays in scope: see _scope.py
            from . import _scope

            await _scope.check_async(self, call, options)
        http = self._pool.current_async()  # closed? forked? another event loop?
        request = self._build_request(http, call, options)
        earlier: list[bool] = []  # per failed attempt: whether it may have been acted on
        outcome: httpx.Response | httpx.RequestError
        while True:
            start = time.perf_counter()
            try:
                outcome = await self._pool.send_async(request, self._settings.max_response_bytes)
            except httpx.RequestError as exc:
                outcome = exc
            else:
                self._log_response(request, outcome, start)
                if outcome.is_success:
                    return self._result(call, outcome)
            # (a response comes read and closed: see _pool.py)
            await _async_sleep(self._retry_wait(call, request, outcome, earlier))
