from typing import Literal, TypeAlias

BadRequestType: TypeAlias = (
    Literal["invalid_input", "moderation_error", "project_disabled", "usage_limit_exceeded"] | str
)
"""One of invalid_input, moderation_error, project_disabled, usage_limit_exceeded; a value added by the server later arrives as a plain string."""

BAD_REQUEST_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "invalid_input",
        "moderation_error",
        "project_disabled",
        "usage_limit_exceeded",
    }
)
"""The values known when this client was generated."""


def check_bad_request_type(value: str) -> BadRequestType:
    """Accept any string: known values and values added by the server later."""
    if isinstance(value, str):
        return value
    raise TypeError(f"Expected a string for BadRequestType, got {type(value).__name__}")
