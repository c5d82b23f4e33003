"""Types for type checkers and IDEs: the dict forms of the request models.

Each ``FooParam`` is a :class:`~typing.TypedDict` generated from the spec's schema
``Foo`` (the attrs model :class:`gabber_client.models.Foo`), so that an IDE completes
the keys of a dict config and ``mypy --strict`` flags a misspelt or mistyped one.

The names end in ``Param`` (as in openai-python) so that a model and its dict form
can be imported side by side. At runtime a dict is still checked against the spec
before it is sent, whatever its static type.

``Unset``/``UNSET`` mark a request model field that was not given (as opposed to ``None``).

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

from ._generated.request_types import *  # noqa: F403
from ._generated.request_types import __all__ as _request_types
from ._generated.types import UNSET, Unset

__all__ = [*_request_types, "UNSET", "Unset"]
