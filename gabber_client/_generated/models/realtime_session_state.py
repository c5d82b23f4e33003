from typing import Literal, TypeAlias

RealtimeSessionState: TypeAlias = Literal["ended", "in_progress", "not_started"] | str
"""One of ended, in_progress, not_started; a value added by the server later arrives as a plain string."""

REALTIME_SESSION_STATE_VALUES: frozenset[str] = frozenset(
    {
        "ended",
        "in_progress",
        "not_started",
    }
)
"""The values known when this client was generated."""


def check_realtime_session_state(value: str) -> RealtimeSessionState:
    """Accept any string: known values and values added by the server later."""
    if isinstance(value, str):
        return value
    raise TypeError(f"Expected a string for RealtimeSessionState, got {type(value).__name__}")
