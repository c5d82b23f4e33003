from typing import Literal, TypeAlias

ContextMessageRole: TypeAlias = Literal["assistant", "system", "tool", "user"] | str
"""One of assistant, system, tool, user; a value added by the server later arrives as a plain string."""

CONTEXT_MESSAGE_ROLE_VALUES: frozenset[str] = frozenset(
    {
        "assistant",
        "system",
        "tool",
        "user",
    }
)
"""The values known when this client was generated."""


def check_context_message_role(value: str) -> ContextMessageRole:
    """Accept any string: known values and values added by the server later."""
    if isinstance(value, str):
        return value
    raise TypeError(f"Expected a string for ContextMessageRole, got {type(value).__name__}")
