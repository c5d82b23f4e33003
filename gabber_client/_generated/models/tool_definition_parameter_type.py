from typing import Literal, TypeAlias

ToolDefinitionParameterType: TypeAlias = (
    Literal["array", "boolean", "number", "object", "string"] | str
)
"""One of array, boolean, number, object, string; a value added by the server later arrives as a plain string."""

TOOL_DEFINITION_PARAMETER_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "array",
        "boolean",
        "number",
        "object",
        "string",
    }
)
"""The values known when this client was generated."""


def check_tool_definition_parameter_type(value: str) -> ToolDefinitionParameterType:
    """Accept any string: known values and values added by the server later."""
    if isinstance(value, str):
        return value
    raise TypeError(
        f"Expected a string for ToolDefinitionParameterType, got {type(value).__name__}"
    )
