from typing import Literal

RealtimeSessionInitiateOutboundCallRequestPhoneType = Literal["phone"]

REALTIME_SESSION_INITIATE_OUTBOUND_CALL_REQUEST_PHONE_TYPE_VALUES: set[
    RealtimeSessionInitiateOutboundCallRequestPhoneType
] = {
    "phone",
}


def check_realtime_session_initiate_outbound_call_request_phone_type(
    value: str,
) -> RealtimeSessionInitiateOutboundCallRequestPhoneType:
    if value in REALTIME_SESSION_INITIATE_OUTBOUND_CALL_REQUEST_PHONE_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}, expected 'phone'")
