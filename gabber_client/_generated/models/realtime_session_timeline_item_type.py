from typing import Literal, TypeAlias

RealtimeSessionTimelineItemType: TypeAlias = Literal["agent", "silence", "user"] | str
"""One of agent, silence, user; a value added by the server later arrives as a plain string."""

REALTIME_SESSION_TIMELINE_ITEM_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "agent",
        "silence",
        "user",
    }
)
"""The values known when this client was generated."""


def check_realtime_session_timeline_item_type(value: str) -> RealtimeSessionTimelineItemType:
    """Accept any string: known values and values added by the server later."""
    if isinstance(value, str):
        return value
    raise TypeError(
        f"Expected a string for RealtimeSessionTimelineItemType, got {type(value).__name__}"
    )
