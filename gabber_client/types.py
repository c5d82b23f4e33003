"""Types for type checkers and IDEs: the dict forms of the request models.

Each ``FooParam`` is a :class:`~typing.TypedDict` generated from the spec's schema
``Foo`` (the attrs model :class:`gabber_client.models.Foo`), so that an IDE completes
the keys of a dict config and ``mypy --strict`` flags a misspelt or mistyped one.

The names end in ``Param`` (as in openai-python) so that a model and its dict form
can be imported side by side. At runtime a dict is still checked against the spec
before it is sent, whatever its static type.

``Unset``/``UNSET`` mark a request model field that was not given (as opposed to ``None``).

``Timeout``, ``Headers``, ``Query`` and ``Body`` are the types of the per-call
options ``timeout``, ``extra_headers``, ``extra_query`` and ``extra_body``;
``NotGiven``/``NOT_GIVEN`` mark a setting ``with_options`` leaves as it is.

Example:
    ```python
    from gabber_client import Gabber
    from gabber_client.types import (
        RealtimeSessionConfigCreateParam,
        RealtimeSessionConfigUpdateParam,
    )

    config: RealtimeSessionConfigCreateParam = {
        "general": {"time_limit_s": 600},
        "input": {"interruptable": True},
        "generative": {"llm": "llm_1"},
        "output": {"stream_transcript": True},
    }
    shorter: RealtimeSessionConfigUpdateParam = {"general": {"time_limit_s": 60}}

    with Gabber() as client:
        session = client.realtime.start(config).session
        client.realtime.update(session.id, shorter)
        client.realtime.end(session.id)
    ```
"""

from ._base_client import NOT_GIVEN, NotGiven
from ._generated.request_types import *  # noqa: F403
from ._generated.request_types import __all__ as _request_types
from ._generated.types import UNSET, Unset
from ._options import Body, Headers, Query, Timeout

__all__ = [
    *_request_types,
    "NOT_GIVEN",
    "UNSET",
    "Body",
    "Headers",
    "NotGiven",
    "Query",
    "Timeout",
    "Unset",
]
