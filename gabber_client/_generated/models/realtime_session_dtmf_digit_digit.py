from typing import Literal, TypeAlias

RealtimeSessionDTMFDigitDigit: TypeAlias = (
    Literal[
        "#", "*", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "<pause>", "A", "B", "C", "D"
    ]
    | str
)
"""One of #, *, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, <pause>, A, B, C, D; a value added by the server later arrives as a plain string."""

REALTIME_SESSION_DTMF_DIGIT_DIGIT_VALUES: frozenset[str] = frozenset(
    {
        "#",
        "*",
        "0",
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
        "<pause>",
        "A",
        "B",
        "C",
        "D",
    }
)
"""The values known when this client was generated."""


def check_realtime_session_dtmf_digit_digit(value: str) -> RealtimeSessionDTMFDigitDigit:
    """Accept any string: known values and values added by the server later."""
    if isinstance(value, str):
        return value
    raise TypeError(
        f"Expected a string for RealtimeSessionDTMFDigitDigit, got {type(value).__name__}"
    )
