from typing import Literal

ToolDefinitionCallSettingsDestinationClientAppType = Literal["client_app"]

TOOL_DEFINITION_CALL_SETTINGS_DESTINATION_CLIENT_APP_TYPE_VALUES: set[
    ToolDefinitionCallSettingsDestinationClientAppType
] = {
    "client_app",
}


def check_tool_definition_call_settings_destination_client_app_type(
    value: str,
) -> ToolDefinitionCallSettingsDestinationClientAppType:
    if value in TOOL_DEFINITION_CALL_SETTINGS_DESTINATION_CLIENT_APP_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}, expected 'client_app'")
