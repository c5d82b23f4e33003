from typing import Literal, TypeAlias

PersonaGender: TypeAlias = Literal["female", "male"] | str
"""One of female, male; a value added by the server later arrives as a plain string."""

PERSONA_GENDER_VALUES: frozenset[str] = frozenset(
    {
        "female",
        "male",
    }
)
"""The values known when this client was generated."""


def check_persona_gender(value: str) -> PersonaGender:
    """Accept any string: known values and values added by the server later."""
    if isinstance(value, str):
        return value
    raise TypeError(f"Expected a string for PersonaGender, got {type(value).__name__}")
