from typing import Literal, TypeAlias

RealtimeSessionDataType: TypeAlias = Literal["agent_phone_number", "caller_phone_number"] | str
"""One of agent_phone_number, caller_phone_number; a value added by the server later arrives as a plain string."""

REALTIME_SESSION_DATA_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "agent_phone_number",
        "caller_phone_number",
    }
)
"""The values known when this client was generated."""


def check_realtime_session_data_type(value: str) -> RealtimeSessionDataType:
    """Accept any string: known values and values added by the server later."""
    if isinstance(value, str):
        return value
    raise TypeError(f"Expected a string for RealtimeSessionDataType, got {type(value).__name__}")
