from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.realtime_session_state import RealtimeSessionState
from ..types import UNSET

T = TypeVar("T", bound="RealtimeSession")

_object_new = object.__new__
_fromisoformat = datetime.datetime.fromisoformat

_KNOWN_KEYS = frozenset(
    {
        "id",
        "state",
        "created_at",
        "project",
        "simulated",
        "config",
        "data",
        "ended_at",
        "human",
        "_extra",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class RealtimeSession:
    """A realtime voice-agent session."""

    id: str
    """ The session's unique identifier. """
    state: RealtimeSessionState
    """ Where the session is in its life. """
    created_at: datetime.datetime
    """ When the session was created. """
    project: str
    """ The id of the project the session belongs to. """
    simulated: bool
    """ Whether the session is simulated. """
    config: RealtimeSessionConfig
    """ The configuration of a session, with its generative objects expanded. """
    data: list[RealtimeSessionData]
    """ Data gathered about the session (phone numbers). """
    ended_at: datetime.datetime | None = None
    """ When the session ended. """
    human: None | str = None
    """ The id of the human the session belongs to. """
    extra: Extra | None = None
    """ Free-form data for partner integrations. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _absent: int = _attrs_field(init=False, default=7, repr=False, eq=False)
    """Which optional nullable fields the body left out, one bit each (see model_fields_set)."""

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["id"] = self.id
        field_dict["state"] = self.state
        field_dict["created_at"] = self.created_at.isoformat()
        field_dict["project"] = self.project
        field_dict["simulated"] = self.simulated
        field_dict["config"] = self.config.to_dict()
        field_dict["data"] = [item.to_dict() for item in self.data]
        if self.ended_at is not None:
            field_dict["ended_at"] = self.ended_at.isoformat()
        elif not self._absent & 1:
            field_dict["ended_at"] = None
        if self.human is not None:
            field_dict["human"] = self.human
        elif not self._absent & 2:
            field_dict["human"] = None
        if self.extra is not None:
            field_dict["_extra"] = self.extra.to_dict()
        elif not self._absent & 4:
            field_dict["_extra"] = None
        return field_dict

    @property
    def model_fields_set(self) -> frozenset[str]:
        """The names of the fields the response body had, as in pydantic.

        An optional field the body left out reads as None; this tells it apart
        from a null. A field given a value since counts as set; a model built
        by hand counts its optional fields that are not None.
        """
        fields_set: set[str] = {
            "id",
            "state",
            "created_at",
            "project",
            "simulated",
            "config",
            "data",
        }
        if self.ended_at is not None or not self._absent & 1:
            fields_set.add("ended_at")
        if self.human is not None or not self._absent & 2:
            fields_set.add("human")
        if self.extra is not None or not self._absent & 4:
            fields_set.add("extra")
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"RealtimeSession: expected object, got {type(src_dict).__name__}")
        _n_absent = 0
        _absent = 0
        id = src_dict["id"]
        if not isinstance(id, str):
            raise TypeError(f"RealtimeSession.id: expected string, got {type(id).__name__}")

        state = src_dict["state"]
        if not isinstance(state, str):
            raise TypeError(
                f"Expected a string for RealtimeSessionState, got {type(state).__name__}"
            )

        created_at = _fromisoformat(src_dict["created_at"])

        project = src_dict["project"]
        if not isinstance(project, str):
            raise TypeError(
                f"RealtimeSession.project: expected string, got {type(project).__name__}"
            )

        simulated = src_dict["simulated"]
        if not isinstance(simulated, bool):
            raise TypeError(
                f"RealtimeSession.simulated: expected boolean, got {type(simulated).__name__}"
            )

        config = _RealtimeSessionConfig_from_dict(src_dict["config"])

        _data_json = src_dict["data"]
        if not isinstance(_data_json, list):
            raise TypeError(
                f"RealtimeSession.data: expected array, got {type(_data_json).__name__}"
            )
        data: list[RealtimeSessionData] = []
        for _data_json_item in _data_json:
            data.append(_RealtimeSessionData_from_dict(_data_json_item))

        _ended_at_json = src_dict.get("ended_at", UNSET)
        ended_at: datetime.datetime | None
        if _ended_at_json is UNSET:
            ended_at = None
            _n_absent += 1
            _absent += 1
        else:
            if _ended_at_json is None:
                ended_at = _ended_at_json
            else:
                ended_at = _fromisoformat(_ended_at_json)

        human = src_dict.get("human", UNSET)
        if human is UNSET:
            human = None
            _n_absent += 1
            _absent += 2
        elif human is not None and not isinstance(human, str):
            raise TypeError(f"RealtimeSession.human: expected string, got {type(human).__name__}")

        _extra_json = src_dict.get("_extra", UNSET)
        extra: Extra | None
        if _extra_json is UNSET:
            extra = None
            _n_absent += 1
            _absent += 4
        else:
            if _extra_json is None:
                extra = _extra_json
            else:
                extra = _Extra_from_dict(_extra_json)

        _realtime_session = _object_new(cls)
        _realtime_session.id = id
        _realtime_session.state = state
        _realtime_session.created_at = created_at
        _realtime_session.project = project
        _realtime_session.simulated = simulated
        _realtime_session.config = config
        _realtime_session.data = data
        _realtime_session.ended_at = ended_at
        _realtime_session.human = human
        _realtime_session.extra = extra
        _realtime_session._absent = _absent

        _realtime_session.additional_properties = (
            {}
            if len(src_dict) + _n_absent == 10
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _realtime_session

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported after the class so that models which refer to each other resolve.
from ..models.extra import Extra
from ..models.realtime_session_config import RealtimeSessionConfig
from ..models.realtime_session_data import RealtimeSessionData

# from_dict of the models this one contains, looked up once (see from_dict).
_RealtimeSession_from_dict = RealtimeSession.from_dict
_Extra_from_dict = Extra.from_dict
_RealtimeSessionConfig_from_dict = RealtimeSessionConfig.from_dict
_RealtimeSessionData_from_dict = RealtimeSessionData.from_dict
