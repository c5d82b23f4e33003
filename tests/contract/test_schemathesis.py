"""Schemathesis fuzzes the fake, served on loopback, from openapi.yaml.

:class:`~gabber_client.testing.FakeServer` serves a fresh fake on 127.0.0.1 (a
free port) for this module. For every operation, Schemathesis (pytest
integration, ``schema.parametrize()``) generates requests from the spec and
``case.call_and_validate`` sends each one and runs the checks:

* positive mode (valid requests): ``not_a_server_error``,
  ``status_code_conformance``, ``content_type_conformance``,
  ``response_headers_conformance``, ``response_schema_conformance``;
* negative mode (requests the spec forbids): the same checks plus
  ``negative_data_rejection`` (the fake must answer a 4xx, never a 2xx).

Both run twice: with the API key alone, and with the API key and ``x-human-id``
(the sessions then belong to that human). Credentials come from Schemathesis'
``auth`` configuration for ``ApiKeyAuth``. So that session operations reach real
sessions (not only 404s), a ``flatmap_path_parameters`` hook draws the
``{session}`` of most cases from sessions created on the fake beforehand (ids that
need percent-encoding), one pool per operation that changes a session's state.

Generation is bounded and deterministic: a fixed seed, ``deterministic``
generation (Hypothesis derandomized), 30 examples per operation and mode, no
stateful phase, no on-disk cache (nothing is written to the tree).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
import schemathesis
from hypothesis import strategies as st
from schemathesis import Case, HookContext
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from gabber_client.testing import DEFAULT_API_KEY, FakeGabber, FakeServer

from ._openapi import SPEC_PATH, load_spec

pytestmark = pytest.mark.contract

HUMAN = "h_schemathesis"
SEED = 20240501
MAX_EXAMPLES = 30

CONFORMANCE = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
NEGATIVE = [*CONFORMANCE, negative_data_rejection]

_STATEFUL_OPERATIONS = ("end_realtime_session", "attach_human")
"""Operations that change a session so that others would then fail on it: each
draws from a pool of its own."""
_POOL_SIZE = 4


def _pool(name: str) -> list[str]:
    return [f"rs/{name} pool?{index}#%é.." for index in range(_POOL_SIZE)]


POOLS: dict[str, list[str]] = {name: _pool(name) for name in ("shared", *_STATEFUL_OPERATIONS)}


def _config(mode: str, headers: dict[str, str] | None = None) -> schemathesis.Config:
    settings: dict[str, Any] = {
        "seed": SEED,
        "cache": {"enabled": False},
        "auth": {"openapi": {"ApiKeyAuth": {"api_key": DEFAULT_API_KEY}}},
        "generation": {
            "max-examples": MAX_EXAMPLES,
            "deterministic": True,
            "database": "none",
            "mode": mode,
        },
        "phases": {"stateful": {"enabled": False}},
        "suppress-health-check": ["too_slow"],  # timing-based: would make runs flaky
    }
    if headers:
        settings["headers"] = headers
    return schemathesis.Config.from_dict(settings)


def _schema(mode: str, headers: dict[str, str] | None = None) -> Any:
    loaded = schemathesis.openapi.from_path(SPEC_PATH, config=_config(mode, headers))

    @loaded.hook
    def flatmap_path_parameters(
        context: HookContext, path_parameters: dict[str, Any]
    ) -> st.SearchStrategy[dict[str, Any]]:
        """Mostly a session of the fake (from the operation's pool), sometimes the
        generated id (an unknown session: a 404)."""
        if not path_parameters or "session" not in path_parameters:
            return st.just(path_parameters)
        assert context.operation is not None
        operation = context.operation.definition.raw.get("operationId")
        pool = POOLS.get(str(operation), POOLS["shared"])
        known = st.sampled_from(pool).map(lambda sid: {**path_parameters, "session": sid})
        return st.one_of(known, st.just(path_parameters))

    return loaded


positive = _schema("positive")
negative = _schema("negative")
positive_human = _schema("positive", {"x-human-id": HUMAN})
negative_human = _schema("negative", {"x-human-id": HUMAN})


@pytest.fixture(scope="module")
def server() -> Iterator[FakeServer]:
    """The fake on 127.0.0.1 (free port), with the sessions of the pools (of
    :data:`HUMAN`, with messages and timeline items)."""
    fake = FakeGabber()
    for pool in POOLS.values():
        for sid in pool:
            fake.create_session(session_id=sid, human=HUMAN)
            for index in range(3):
                fake.add_message(sid, f"message {index}", role="user" if index % 2 else "assistant")
    with FakeServer(fake) as running:
        yield running


@positive.parametrize()  # type: ignore[untyped-decorator]
def test_positive(case: Case[Any], server: FakeServer) -> None:
    case.call_and_validate(base_url=server.base_url, checks=CONFORMANCE)


@negative.parametrize()  # type: ignore[untyped-decorator]
def test_negative(case: Case[Any], server: FakeServer) -> None:
    case.call_and_validate(base_url=server.base_url, checks=NEGATIVE)


@positive_human.parametrize()  # type: ignore[untyped-decorator]
def test_positive_with_human(case: Case[Any], server: FakeServer) -> None:
    case.call_and_validate(base_url=server.base_url, checks=CONFORMANCE)


@negative_human.parametrize()  # type: ignore[untyped-decorator]
def test_negative_with_human(case: Case[Any], server: FakeServer) -> None:
    case.call_and_validate(base_url=server.base_url, checks=NEGATIVE)


def test_conformance_checks_catch_a_mutant_spec(server: FakeServer) -> None:
    """The checks above can fail: the same request to the fake passes against
    openapi.yaml and fails against a copy without the session state ``in_progress``."""
    spec = load_spec()
    spec["components"]["schemas"]["RealtimeSession"]["properties"]["state"]["enum"].remove(
        "in_progress"
    )
    headers = {"x-api-key": DEFAULT_API_KEY}
    # A hand-made Case is sent as given: the id is percent-encoded here.
    path_parameters = {"session": quote(POOLS["shared"][0], safe="")}
    real = schemathesis.openapi.from_path(SPEC_PATH, config=_config("positive"))
    operation = real["/v1/realtime/{session}"]["GET"]
    case = operation.Case(path_parameters=path_parameters, headers=headers)
    assert case.call_and_validate(base_url=server.base_url, checks=CONFORMANCE).status_code == 200

    mutant = schemathesis.openapi.from_dict(spec, config=_config("positive"))
    operation = mutant["/v1/realtime/{session}"]["GET"]
    case = operation.Case(path_parameters=path_parameters, headers=headers)
    with pytest.raises(FailureGroup) as caught:
        case.call_and_validate(base_url=server.base_url, checks=CONFORMANCE)
    assert '"in_progress" is not one of' in str(caught.value.exceptions[0])
