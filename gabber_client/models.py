"""The API's models: the attrs classes generated from openapi.yaml, re-exported.

Every request and response model is here under its spec name, for example
:class:`RealtimeSession`, :class:`RealtimeSessionConfigCreate`,
:class:`ContextMessage`. Each has ``from_dict``/``to_dict``; fields the server adds
later land in ``additional_properties``, and enum fields accept values added
later as plain strings (their types are ``Literal[...] | str``).
"""

from ._generated.models import *  # noqa: F403
from ._generated.models import __all__ as __all__
