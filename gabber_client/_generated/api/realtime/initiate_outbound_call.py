from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ... import errors
from ...models.bad_request import BadRequest
from ...models.realtime_session import RealtimeSession
from ...models.realtime_session_initiate_outbound_call_request_phone import (
    RealtimeSessionInitiateOutboundCallRequestPhone,
)
from ...models.server_error import ServerError
from ...types import Response

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client


def _get_kwargs(
    session: str,
    *,
    body: RealtimeSessionInitiateOutboundCallRequestPhone,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/realtime/{session}/outbound_call".format(
            session=quote(str(session), safe="").replace(".", "%2E"),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadRequest | RealtimeSession | ServerError | None:
    if response.status_code == 200:
        response_200 = RealtimeSession.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = BadRequest.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BadRequest.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = BadRequest.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = BadRequest.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ServerError.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BadRequest | RealtimeSession | ServerError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session: str,
    *,
    client: AuthenticatedClient,
    body: RealtimeSessionInitiateOutboundCallRequestPhone,
) -> Response[BadRequest | RealtimeSession | ServerError]:
    """Initiate an outbound call.

     Initiate an outbound call from a RealtimeSession.

    Args:
        session (str):
        body (RealtimeSessionInitiateOutboundCallRequestPhone): Call a phone number from a phone
            number.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequest | RealtimeSession | ServerError]
    """

    kwargs = _get_kwargs(
        session=session,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session: str,
    *,
    client: AuthenticatedClient,
    body: RealtimeSessionInitiateOutboundCallRequestPhone,
) -> BadRequest | RealtimeSession | ServerError | None:
    """Initiate an outbound call.

     Initiate an outbound call from a RealtimeSession.

    Args:
        session (str):
        body (RealtimeSessionInitiateOutboundCallRequestPhone): Call a phone number from a phone
            number.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequest | RealtimeSession | ServerError
    """

    return sync_detailed(
        session=session,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    session: str,
    *,
    client: AuthenticatedClient,
    body: RealtimeSessionInitiateOutboundCallRequestPhone,
) -> Response[BadRequest | RealtimeSession | ServerError]:
    """Initiate an outbound call.

     Initiate an outbound call from a RealtimeSession.

    Args:
        session (str):
        body (RealtimeSessionInitiateOutboundCallRequestPhone): Call a phone number from a phone
            number.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequest | RealtimeSession | ServerError]
    """

    kwargs = _get_kwargs(
        session=session,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session: str,
    *,
    client: AuthenticatedClient,
    body: RealtimeSessionInitiateOutboundCallRequestPhone,
) -> BadRequest | RealtimeSession | ServerError | None:
    """Initiate an outbound call.

     Initiate an outbound call from a RealtimeSession.

    Args:
        session (str):
        body (RealtimeSessionInitiateOutboundCallRequestPhone): Call a phone number from a phone
            number.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequest | RealtimeSession | ServerError
    """

    return (
        await asyncio_detailed(
            session=session,
            client=client,
            body=body,
        )
    ).parsed
