"""Bad configs are refused before sending, with every problem at once.

* A dict config with several problems raises one :class:`InvalidArgumentError`
  listing each, by its dotted path (``.problems`` and the message).
* A model built by hand with a value of the wrong type (``general={}`` where a
  ``RealtimeSessionGeneralConfig`` belongs) raises :class:`InvalidArgumentError`
  naming the field, never the generated ``to_dict``'s raw ``AttributeError``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import pytest
from spec_values import minimal_config

from gabber_client import InvalidArgumentError
from gabber_client.models import (
    RealtimeSessionConfigCreate,
    RealtimeSessionConfigUpdate,
    RealtimeSessionDTMFDigit,
    RealtimeSessionGeneralConfig,
    RealtimeSessionGenerativeConfigCreate,
    RealtimeSessionInputConfig,
    RealtimeSessionOutputConfig,
)
from gabber_client.testing import FakeGabber
from gabber_client.types import RealtimeSessionConfigCreateParam


@pytest.fixture
def fake(gabber_fake: FakeGabber) -> FakeGabber:
    return gabber_fake


SMALLEST: RealtimeSessionConfigCreateParam = minimal_config()
"""The spec's minimal config: its required fields only."""

# Every field the spec knows, so that the model walk below reaches them all.
FULL: RealtimeSessionConfigCreateParam = {
    "general": {"time_limit_s": 600, "save_messages": True},
    "input": {"interruptable": True, "parallel_listening": False},
    "generative": {
        "llm": "llm_1",
        "voice_override": "voice_1",
        "persona": "persona_1",
        "scenario": "scenario_1",
        "context": "ctx_1",
        "tool_definitions": ["tool_1"],
        "_extra": {"k": "v"},
    },
    "output": {
        "stream_transcript": True,
        "speech_synthesis_enabled": True,
        "answer_message": "Hi",
    },
}


def test_the_smallest_config_starts_a_session(fake: FakeGabber) -> None:
    with fake.client() as client:
        assert client.realtime.start(SMALLEST).session.state == "in_progress"
        assert client.realtime.start(FULL).session.state == "in_progress"


def test_an_empty_config_names_every_missing_part(fake: FakeGabber) -> None:
    with fake.client() as client, pytest.raises(InvalidArgumentError) as caught:
        client.realtime.start({})  # type: ignore[arg-type]  # deliberately missing every part
    error = caught.value
    expected = [(f"config.{part}", "is required") for part in SMALLEST]
    assert list(error.problems) == expected
    assert str(error) == "; ".join(f"{path}: {problem}" for path, problem in expected)
    assert (error.parameter, error.problem) == expected[0]
    assert fake.requests == []


def test_problems_at_every_depth_come_together(fake: FakeGabber) -> None:
    config: dict[str, Any] = dict(
        minimal_config(
            {
                "general": {"time_limit_s": "ten"},
                "input": 3,
                "generative": {"llm": 5, "tool_definitions": ["t", 7], "persona_id": "p"},
            }
        )
    )
    del config["output"]
    with fake.client() as client, pytest.raises(InvalidArgumentError) as caught:
        client.realtime.start(config)  # type: ignore[arg-type]  # deliberately ill-typed
    paths = sorted(path for path, _ in caught.value.problems)
    assert paths == [
        "config.general.time_limit_s",
        "config.generative.llm",
        "config.generative.persona_id",
        "config.generative.tool_definitions[1]",
        "config.input",
        "config.output",
    ]
    for path in paths:
        assert f"{path}: " in str(caught.value)
    assert fake.requests == []


def test_a_flood_of_problems_is_listed_up_to_a_limit(fake: FakeGabber) -> None:
    config = {**SMALLEST, "generative": {"llm": "l", "tool_definitions": list(range(50))}}
    with fake.client() as client, pytest.raises(InvalidArgumentError) as caught:
        client.realtime.start(config)  # type: ignore[arg-type]  # deliberately ill-typed
    assert len(caught.value.problems) == 20
    assert str(caught.value).endswith("; and 30 more problem(s)")


def _model(data: Mapping[str, Any]) -> RealtimeSessionConfigCreate:
    return RealtimeSessionConfigCreate.from_dict(data)


def _fields(model: Any, path: str) -> Iterator[tuple[Any, str, str]]:
    """(model, attribute, dotted path) of every field of ``model``, at every depth."""
    for field in attrs.fields(type(model)):
        if field.name == "additional_properties":
            continue
        yield model, field.name, f"{path}.{field.name}"
        value = getattr(model, field.name)
        if attrs.has(type(value)):
            yield from _fields(value, f"{path}.{field.name}")


def test_a_wrong_type_in_any_field_of_a_model_is_named(fake: FakeGabber) -> None:
    config = _model(FULL)
    seen = []
    with fake.client() as client:
        for model, name, path in list(_fields(config, "config")):
            good = getattr(model, name)
            setattr(model, name, object())
            with pytest.raises(InvalidArgumentError) as caught:
                client.realtime.start(config)
            assert caught.value.parameter == path, caught.value
            assert "got object" in caught.value.problem
            setattr(model, name, good)
            seen.append(path)
        assert client.realtime.start(config).session.state == "in_progress"
    assert len(seen) >= 17
    assert fake.requests[-1].operation == "start_realtime_session"
    assert len(fake.requests) == 1


def test_a_dict_where_a_model_belongs(fake: FakeGabber) -> None:
    config = RealtimeSessionConfigCreate(
        general={},  # type: ignore[arg-type]
        input_=RealtimeSessionInputConfig(),
        generative=RealtimeSessionGenerativeConfigCreate(llm=5),  # type: ignore[arg-type]
        output=RealtimeSessionOutputConfig(stream_transcript=True),
    )
    with fake.client() as client, pytest.raises(InvalidArgumentError) as caught:
        client.realtime.start(config)
    assert [path for path, _ in caught.value.problems] == [
        "config.general",
        "config.generative.llm",
    ]
    assert "expected RealtimeSessionGeneralConfig, got dict" in str(caught.value)
    assert not isinstance(caught.value, AttributeError)
    assert fake.requests == []


async def test_update_and_dtmf_check_models_too_async(fake: FakeGabber) -> None:
    async with fake.async_client() as client:
        session = (await client.realtime.start(SMALLEST)).session.id
        update = RealtimeSessionConfigUpdate(
            general=RealtimeSessionGeneralConfig(time_limit_s="600"),  # type: ignore[arg-type]
        )
        with pytest.raises(InvalidArgumentError) as caught:
            await client.realtime.update(session, update)
        assert caught.value.parameter == "config.general.time_limit_s"
        digits = [RealtimeSessionDTMFDigit(digit=1, duration="x")]  # type: ignore[arg-type]
        with pytest.raises(InvalidArgumentError) as caught:
            await client.realtime.dtmf(session, digits)
        assert [path for path, _ in caught.value.problems] == [
            "digits[0].digit",
            "digits[0].duration",
        ]
    assert [r.operation for r in fake.requests] == ["start_realtime_session"]


def test_unknown_attribute_is_reported_not_raised(fake: FakeGabber) -> None:
    config = _model(SMALLEST)
    del config.output  # an attrs field left unset
    with fake.client() as client, pytest.raises(InvalidArgumentError) as caught:
        client.realtime.start(config)
    assert caught.value.problems == (("config.output", "is not set"),)
