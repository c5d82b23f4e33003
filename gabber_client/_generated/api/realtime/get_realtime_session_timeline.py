from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ... import errors
from ...models.bad_request import BadRequest
from ...models.get_realtime_session_timeline_200_response import (
    GetRealtimeSessionTimeline200Response,
)
from ...models.server_error import ServerError
from ...types import UNSET, Response, Unset

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client


def _get_kwargs(
    session: str,
    *,
    x_human_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_human_id, Unset):
        headers["x-human-id"] = x_human_id

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/realtime/{session}/timeline".format(
            session=quote(str(session), safe="").replace(".", "%2E"),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadRequest | GetRealtimeSessionTimeline200Response | ServerError | None:
    if response.status_code == 200:
        response_200 = GetRealtimeSessionTimeline200Response.from_dict(response.json())

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
) -> Response[BadRequest | GetRealtimeSessionTimeline200Response | ServerError]:
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
    x_human_id: str | Unset = UNSET,
) -> Response[BadRequest | GetRealtimeSessionTimeline200Response | ServerError]:
    """Get a RealtimeSession timeline.

     Get the timeline of the RealtimeSession with the given identifier.

    Args:
        session (str):
        x_human_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequest | GetRealtimeSessionTimeline200Response | ServerError]
    """

    kwargs = _get_kwargs(
        session=session,
        x_human_id=x_human_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session: str,
    *,
    client: AuthenticatedClient,
    x_human_id: str | Unset = UNSET,
) -> BadRequest | GetRealtimeSessionTimeline200Response | ServerError | None:
    """Get a RealtimeSession timeline.

     Get the timeline of the RealtimeSession with the given identifier.

    Args:
        session (str):
        x_human_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequest | GetRealtimeSessionTimeline200Response | ServerError
    """

    return sync_detailed(
        session=session,
        client=client,
        x_human_id=x_human_id,
    ).parsed


async def asyncio_detailed(
    session: str,
    *,
    client: AuthenticatedClient,
    x_human_id: str | Unset = UNSET,
) -> Response[BadRequest | GetRealtimeSessionTimeline200Response | ServerError]:
    """Get a RealtimeSession timeline.

     Get the timeline of the RealtimeSession with the given identifier.

    Args:
        session (str):
        x_human_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequest | GetRealtimeSessionTimeline200Response | ServerError]
    """

    kwargs = _get_kwargs(
        session=session,
        x_human_id=x_human_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session: str,
    *,
    client: AuthenticatedClient,
    x_human_id: str | Unset = UNSET,
) -> BadRequest | GetRealtimeSessionTimeline200Response | ServerError | None:
    """Get a RealtimeSession timeline.

     Get the timeline of the RealtimeSession with the given identifier.

    Args:
        session (str):
        x_human_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequest | GetRealtimeSessionTimeline200Response | ServerError
    """

    return (
        await asyncio_detailed(
            session=session,
            client=client,
            x_human_id=x_human_id,
        )
    ).parsed
