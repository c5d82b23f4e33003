from typing import Literal

ToolDefinitionCallSettingsDestinationWebRequestType = Literal["web_request"]

TOOL_DEFINITION_CALL_SETTINGS_DESTINATION_WEB_REQUEST_TYPE_VALUES: set[
    ToolDefinitionCallSettingsDestinationWebRequestType
] = {
    "web_request",
}


def check_tool_definition_call_settings_destination_web_request_type(
    value: str,
) -> ToolDefinitionCallSettingsDestinationWebRequestType:
    if value in TOOL_DEFINITION_CALL_SETTINGS_DESTINATION_WEB_REQUEST_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}, expected 'web_request'")
