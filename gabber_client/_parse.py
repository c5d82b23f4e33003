"""``parse_config``: untrusted JSON (a web request's body, say) as a checked, typed config.

The same checks ``client.realtime.start`` and ``update`` run on a dict config, against
the spec's schema (``_validation.check_against_schema``), but without sending
anything, and with the result typed as the generated ``*Param`` TypedDict.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, cast, overload

from ._validation import check_against_schema, check_json

if TYPE_CHECKING:
    from .types import RealtimeSessionConfigCreateParam, RealtimeSessionConfigUpdateParam

__all__ = ["parse_config"]

_SCHEMAS = {"start": "RealtimeSessionConfigCreate", "update": "RealtimeSessionConfigUpdate"}
"""The method the config is for -> the spec's schema of its ``config`` argument (the
``*Param`` TypedDict of the same name, without ``Param``)."""


@overload
def parse_config(
    data: object, method: Literal["start"] = "start", *, parameter: str = "config"
) -> RealtimeSessionConfigCreateParam: ...
@overload
def parse_config(
    data: object, method: Literal["update"], *, parameter: str = "config"
) -> RealtimeSessionConfigUpdateParam: ...
def parse_config(
    data: object, method: Literal["start", "update"] = "start", *, parameter: str = "config"
) -> RealtimeSessionConfigCreateParam | RealtimeSessionConfigUpdateParam:
    """``data`` (decoded JSON you do not trust) as the config of ``client.realtime.<method>``,
    checked against the API's schema, typed for mypy and pyright.

    Every problem is reported at once: one :class:`~gabber_client.InvalidArgumentError`
    whose ``.problems`` lists ``(path, problem)`` pairs, each path starting with
    ``parameter`` (``"config"``: ``config.generative.llm``). Nothing is sent.
    ``data`` is returned as it is (not copied), now typed
    :class:`~gabber_client.types.RealtimeSessionConfigCreateParam` (``method="start"``)
    or :class:`~gabber_client.types.RealtimeSessionConfigUpdateParam` (``"update"``).

    Example:
        ```python
        import json

        from gabber_client import Gabber, InvalidArgumentError, parse_config

        body = json.loads('{"general": {}, "input": {}, "generative": {"llm": 5}}')
        try:
            config = parse_config(body)  # RealtimeSessionConfigCreateParam
        except InvalidArgumentError as error:
            for path, problem in error.problems:
                print(f"{path}: {problem}")
            # config.output: is required
            # config.generative.llm: expected string, got int

        body = json.loads(
            '{"general": {}, "input": {}, "generative": {"llm": "llm_1"},'
            ' "output": {"stream_transcript": true}}'
        )
        config = parse_config(body)
        with Gabber() as client:
            print(client.realtime.start(config).session.state)
        ```
    """
    schema = _SCHEMAS.get(method)
    if schema is None:
        from .errors import InvalidArgumentError

        raise InvalidArgumentError("method", f"expected 'start' or 'update', got {method!r}")
    check_json(data, parameter)  # NaN, cycles, non-string keys: not JSON
    check_against_schema(data, schema, parameter)
    return cast("RealtimeSessionConfigCreateParam | RealtimeSessionConfigUpdateParam", data)
