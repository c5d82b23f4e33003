from typing import Literal, TypeAlias

ContextMessageToolCallType: TypeAlias = Literal["function", "gabber_tool"] | str
"""One of function, gabber_tool; a value added by the server later arrives as a plain string."""

CONTEXT_MESSAGE_TOOL_CALL_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "function",
        "gabber_tool",
    }
)
"""The values known when this client was generated."""


def check_context_message_tool_call_type(value: str) -> ContextMessageToolCallType:
    """Accept any string: known values and values added by the server later."""
    if isinstance(value, str):
        return value
    raise TypeError(f"Expected a string for ContextMessageToolCallType, got {type(value).__name__}")
