"""Contains all the data models used in inputs/outputs (imported on first use)"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .attach_human_request import AttachHumanRequest
    from .bad_request import BadRequest
    from .bad_request_type import BadRequestType
    from .context import Context
    from .context_message import ContextMessage
    from .context_message_content_text import ContextMessageContentText
    from .context_message_content_text_type import ContextMessageContentTextType
    from .context_message_role import ContextMessageRole
    from .context_message_tool_call import ContextMessageToolCall
    from .context_message_tool_call_function import ContextMessageToolCallFunction
    from .context_message_tool_call_function_arguments import (
        ContextMessageToolCallFunctionArguments,
    )
    from .context_message_tool_call_type import ContextMessageToolCallType
    from .extra import Extra
    from .get_realtime_session_messages_200_response import GetRealtimeSessionMessages200Response
    from .get_realtime_session_timeline_200_response import GetRealtimeSessionTimeline200Response
    from .list_realtime_sessions_200_response import ListRealtimeSessions200Response
    from .llm import LLM
    from .persona import Persona
    from .persona_gender import PersonaGender
    from .persona_tag import PersonaTag
    from .realtime_session import RealtimeSession
    from .realtime_session_config import RealtimeSessionConfig
    from .realtime_session_config_create import RealtimeSessionConfigCreate
    from .realtime_session_config_update import RealtimeSessionConfigUpdate
    from .realtime_session_connection_details import RealtimeSessionConnectionDetails
    from .realtime_session_data import RealtimeSessionData
    from .realtime_session_data_type import RealtimeSessionDataType
    from .realtime_session_dtmf_digit import RealtimeSessionDTMFDigit
    from .realtime_session_dtmf_digit_digit import RealtimeSessionDTMFDigitDigit
    from .realtime_session_dtmf_request import RealtimeSessionDTMFRequest
    from .realtime_session_general_config import RealtimeSessionGeneralConfig
    from .realtime_session_generative_config import RealtimeSessionGenerativeConfig
    from .realtime_session_generative_config_create import RealtimeSessionGenerativeConfigCreate
    from .realtime_session_generative_config_update import RealtimeSessionGenerativeConfigUpdate
    from .realtime_session_initiate_outbound_call_request_phone import (
        RealtimeSessionInitiateOutboundCallRequestPhone,
    )
    from .realtime_session_initiate_outbound_call_request_phone_type import (
        RealtimeSessionInitiateOutboundCallRequestPhoneType,
    )
    from .realtime_session_input_config import RealtimeSessionInputConfig
    from .realtime_session_output_config import RealtimeSessionOutputConfig
    from .realtime_session_start_response import RealtimeSessionStartResponse
    from .realtime_session_state import RealtimeSessionState
    from .realtime_session_timeline_item import RealtimeSessionTimelineItem
    from .realtime_session_timeline_item_type import RealtimeSessionTimelineItemType
    from .scenario import Scenario
    from .server_error import ServerError
    from .speak_request import SpeakRequest
    from .start_realtime_session_request import StartRealtimeSessionRequest
    from .tool_definition import ToolDefinition
    from .tool_definition_call_settings import ToolDefinitionCallSettings
    from .tool_definition_call_settings_destination_client_app import (
        ToolDefinitionCallSettingsDestinationClientApp,
    )
    from .tool_definition_call_settings_destination_client_app_type import (
        ToolDefinitionCallSettingsDestinationClientAppType,
    )
    from .tool_definition_call_settings_destination_web_request import (
        ToolDefinitionCallSettingsDestinationWebRequest,
    )
    from .tool_definition_call_settings_destination_web_request_type import (
        ToolDefinitionCallSettingsDestinationWebRequestType,
    )
    from .tool_definition_parameter import ToolDefinitionParameter
    from .tool_definition_parameter_type import ToolDefinitionParameterType
    from .voice import Voice
    from .voice_pricing import VoicePricing
    from .voice_tag import VoiceTag

_MODULES: dict[str, str] = {
    "AttachHumanRequest": ".attach_human_request",
    "BadRequest": ".bad_request",
    "BadRequestType": ".bad_request_type",
    "Context": ".context",
    "ContextMessage": ".context_message",
    "ContextMessageContentText": ".context_message_content_text",
    "ContextMessageContentTextType": ".context_message_content_text_type",
    "ContextMessageRole": ".context_message_role",
    "ContextMessageToolCall": ".context_message_tool_call",
    "ContextMessageToolCallFunction": ".context_message_tool_call_function",
    "ContextMessageToolCallFunctionArguments": ".context_message_tool_call_function_arguments",
    "ContextMessageToolCallType": ".context_message_tool_call_type",
    "Extra": ".extra",
    "GetRealtimeSessionMessages200Response": ".get_realtime_session_messages_200_response",
    "GetRealtimeSessionTimeline200Response": ".get_realtime_session_timeline_200_response",
    "ListRealtimeSessions200Response": ".list_realtime_sessions_200_response",
    "LLM": ".llm",
    "Persona": ".persona",
    "PersonaGender": ".persona_gender",
    "PersonaTag": ".persona_tag",
    "RealtimeSession": ".realtime_session",
    "RealtimeSessionConfig": ".realtime_session_config",
    "RealtimeSessionConfigCreate": ".realtime_session_config_create",
    "RealtimeSessionConfigUpdate": ".realtime_session_config_update",
    "RealtimeSessionConnectionDetails": ".realtime_session_connection_details",
    "RealtimeSessionData": ".realtime_session_data",
    "RealtimeSessionDataType": ".realtime_session_data_type",
    "RealtimeSessionDTMFDigit": ".realtime_session_dtmf_digit",
    "RealtimeSessionDTMFDigitDigit": ".realtime_session_dtmf_digit_digit",
    "RealtimeSessionDTMFRequest": ".realtime_session_dtmf_request",
    "RealtimeSessionGeneralConfig": ".realtime_session_general_config",
    "RealtimeSessionGenerativeConfig": ".realtime_session_generative_config",
    "RealtimeSessionGenerativeConfigCreate": ".realtime_session_generative_config_create",
    "RealtimeSessionGenerativeConfigUpdate": ".realtime_session_generative_config_update",
    "RealtimeSessionInitiateOutboundCallRequestPhone": ".realtime_session_initiate_outbound_call_request_phone",
    "RealtimeSessionInitiateOutboundCallRequestPhoneType": ".realtime_session_initiate_outbound_call_request_phone_type",
    "RealtimeSessionInputConfig": ".realtime_session_input_config",
    "RealtimeSessionOutputConfig": ".realtime_session_output_config",
    "RealtimeSessionStartResponse": ".realtime_session_start_response",
    "RealtimeSessionState": ".realtime_session_state",
    "RealtimeSessionTimelineItem": ".realtime_session_timeline_item",
    "RealtimeSessionTimelineItemType": ".realtime_session_timeline_item_type",
    "Scenario": ".scenario",
    "ServerError": ".server_error",
    "SpeakRequest": ".speak_request",
    "StartRealtimeSessionRequest": ".start_realtime_session_request",
    "ToolDefinition": ".tool_definition",
    "ToolDefinitionCallSettings": ".tool_definition_call_settings",
    "ToolDefinitionCallSettingsDestinationClientApp": ".tool_definition_call_settings_destination_client_app",
    "ToolDefinitionCallSettingsDestinationClientAppType": ".tool_definition_call_settings_destination_client_app_type",
    "ToolDefinitionCallSettingsDestinationWebRequest": ".tool_definition_call_settings_destination_web_request",
    "ToolDefinitionCallSettingsDestinationWebRequestType": ".tool_definition_call_settings_destination_web_request_type",
    "ToolDefinitionParameter": ".tool_definition_parameter",
    "ToolDefinitionParameterType": ".tool_definition_parameter_type",
    "Voice": ".voice",
    "VoicePricing": ".voice_pricing",
    "VoiceTag": ".voice_tag",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = (
    "AttachHumanRequest",
    "BadRequest",
    "BadRequestType",
    "Context",
    "ContextMessage",
    "ContextMessageContentText",
    "ContextMessageContentTextType",
    "ContextMessageRole",
    "ContextMessageToolCall",
    "ContextMessageToolCallFunction",
    "ContextMessageToolCallFunctionArguments",
    "ContextMessageToolCallType",
    "Extra",
    "GetRealtimeSessionMessages200Response",
    "GetRealtimeSessionTimeline200Response",
    "ListRealtimeSessions200Response",
    "LLM",
    "Persona",
    "PersonaGender",
    "PersonaTag",
    "RealtimeSession",
    "RealtimeSessionConfig",
    "RealtimeSessionConfigCreate",
    "RealtimeSessionConfigUpdate",
    "RealtimeSessionConnectionDetails",
    "RealtimeSessionData",
    "RealtimeSessionDataType",
    "RealtimeSessionDTMFDigit",
    "RealtimeSessionDTMFDigitDigit",
    "RealtimeSessionDTMFRequest",
    "RealtimeSessionGeneralConfig",
    "RealtimeSessionGenerativeConfig",
    "RealtimeSessionGenerativeConfigCreate",
    "RealtimeSessionGenerativeConfigUpdate",
    "RealtimeSessionInitiateOutboundCallRequestPhone",
    "RealtimeSessionInitiateOutboundCallRequestPhoneType",
    "RealtimeSessionInputConfig",
    "RealtimeSessionOutputConfig",
    "RealtimeSessionStartResponse",
    "RealtimeSessionState",
    "RealtimeSessionTimelineItem",
    "RealtimeSessionTimelineItemType",
    "Scenario",
    "ServerError",
    "SpeakRequest",
    "StartRealtimeSessionRequest",
    "ToolDefinition",
    "ToolDefinitionCallSettings",
    "ToolDefinitionCallSettingsDestinationClientApp",
    "ToolDefinitionCallSettingsDestinationClientAppType",
    "ToolDefinitionCallSettingsDestinationWebRequest",
    "ToolDefinitionCallSettingsDestinationWebRequestType",
    "ToolDefinitionParameter",
    "ToolDefinitionParameterType",
    "Voice",
    "VoicePricing",
    "VoiceTag",
)
