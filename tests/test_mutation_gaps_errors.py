"""The errors' public attributes and texts that mutation testing found unpinned
(issue 23, ``errors``): the exact message of :class:`InvalidArgumentError` and its
more-than-20-problems form, ``APIError.message``, the request of a validation
error, the defaults of the connection errors a user may build in a test, and
``may_have_taken_effect`` as a call leaves it."""

from __future__ import annotations

import httpx
import pytest

from gabber_client import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APITimeoutError,
    Gabber,
    InvalidArgumentError,
    NotFoundError,
)

REQUEST = httpx.Request("GET", "http://gabber.test/v1/realtime/list")


def test_invalid_argument_error_says_parameter_and_problem_only() -> None:
    error = InvalidArgumentError("config.general", "is required")
    assert str(error) == "config.general: is required"
    assert error.problems == (("config.general", "is required"),)


def test_invalid_argument_error_lists_twenty_problems_and_counts_the_rest() -> None:
    problems = [(f"config.f{n}", "is required") for n in range(23)]
    error = InvalidArgumentError.from_problems(problems)
    listed = "; ".join(f"config.f{n}: is required" for n in range(20))
    assert str(error) == f"{listed}; and 3 more problem(s)"
    assert len(error.problems) == 20
    assert (error.parameter, error.problem) == ("config.f0", "is required")
    exactly = InvalidArgumentError.from_problems(problems[:20])
    assert str(exactly) == listed


def test_api_error_keeps_its_message_and_request() -> None:
    error = APIError("the API said no", request=REQUEST)
    assert error.message == "the API said no" == str(error)
    assert error.request is REQUEST


def test_a_validation_error_carries_the_request_of_its_response() -> None:
    response = httpx.Response(200, request=REQUEST)
    error = APIResponseValidationError("bad body", response=response)
    assert error.request is REQUEST
    assert error.response is response
    assert error.status_code == 200
    assert error.message == "bad body"


def test_connection_errors_built_by_hand_have_documented_defaults() -> None:
    timeout = APITimeoutError(request=REQUEST)
    assert str(timeout) == timeout.message == "Request timed out."
    assert timeout.may_have_taken_effect is True
    connection = APIConnectionError(request=REQUEST)
    assert str(connection) == "Connection error."
    assert connection.may_have_taken_effect is True
    assert (
        APIConnectionError(request=REQUEST, may_have_taken_effect=False).may_have_taken_effect
        is False
    )
    assert (
        APITimeoutError(request=REQUEST, may_have_taken_effect=False).may_have_taken_effect is False
    )


@pytest.mark.parametrize(
    ("raised", "kind", "took_effect"),
    [
        (httpx.ConnectError("refused"), APIConnectionError, False),
        (httpx.ConnectTimeout("slow"), APITimeoutError, False),
        (httpx.ReadTimeout("slow"), APITimeoutError, True),
        (httpx.RemoteProtocolError("dropped"), APIConnectionError, True),
    ],
)
def test_a_failed_call_says_whether_it_may_have_taken_effect(
    raised: Exception, kind: type[APIConnectionError], took_effect: bool
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise raised

    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = Gabber(api_key="k", base_url="http://gabber.test", http_client=http, max_retries=0)
    with pytest.raises(kind) as caught:
        client.realtime.speak("rs_1", "hello")
    assert type(caught.value) is kind
    assert caught.value.may_have_taken_effect is took_effect
    assert caught.value.request.url.path == "/v1/realtime/rs_1/speak"


def test_a_status_error_built_by_hand_reads_message_and_type_from_the_body() -> None:
    response = httpx.Response(404, request=REQUEST, headers={"x-request-id": "req_7"})
    error = NotFoundError(
        "404 from GET", response=response, body={"message": "no such session", "type": "nf"}
    )
    assert error.error_message == "no such session"
    assert error.type == "nf"
    assert error.request_id == "req_7"
    other = NotFoundError("404", response=response, body={"error": "no such session"})
    assert other.error_message is None
    named = NotFoundError("404", response=response, body={"error": "gone"}, message_field="error")
    assert named.error_message == "gone"
