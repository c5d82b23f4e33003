"""The API areas of the client, one module each, sync and async side by side."""

from .realtime import AsyncRealtime, AsyncRealtimeWithRawResponse, Realtime, RealtimeWithRawResponse

__all__ = ["AsyncRealtime", "AsyncRealtimeWithRawResponse", "Realtime", "RealtimeWithRawResponse"]
