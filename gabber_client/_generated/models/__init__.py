"""Contains all the data models used in inputs/outputs"""

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
from .context_message_tool_call_function_arguments import ContextMessageToolCallFunctionArguments
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
