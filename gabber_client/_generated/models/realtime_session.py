from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.realtime_session_state import RealtimeSessionState, check_realtime_session_state
from ..types import UNSET, Unset

T = TypeVar("T", bound="RealtimeSession")


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
    ended_at: datetime.datetime | None | Unset = UNSET
    """ When the session ended. """
    human: None | str | Unset = UNSET
    """ The id of the human the session belongs to. """
    field_extra: Extra | None | Unset = UNSET
    """ Free-form data for partner integrations. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        state: str = self.state

        created_at = self.created_at.isoformat()

        project = self.project

        simulated = self.simulated

        config = self.config.to_dict()

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        ended_at: None | str | Unset
        if isinstance(self.ended_at, Unset):
            ended_at = UNSET
        elif isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        human: None | str | Unset
        if isinstance(self.human, Unset):
            human = UNSET
        else:
            human = self.human

        field_extra: dict[str, Any] | None | Unset
        if isinstance(self.field_extra, Unset):
            field_extra = UNSET
        elif isinstance(self.field_extra, Extra):
            field_extra = self.field_extra.to_dict()
        else:
            field_extra = self.field_extra

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "state": state,
                "created_at": created_at,
                "project": project,
                "simulated": simulated,
                "config": config,
                "data": data,
            }
        )
        if ended_at is not UNSET:
            field_dict["ended_at"] = ended_at
        if human is not UNSET:
            field_dict["human"] = human
        if field_extra is not UNSET:
            field_dict["_extra"] = field_extra

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        state = check_realtime_session_state(d.pop("state"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        project = d.pop("project")

        simulated = d.pop("simulated")

        config = RealtimeSessionConfig.from_dict(d.pop("config"))

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = RealtimeSessionData.from_dict(data_item_data)

            data.append(data_item)

        def _parse_ended_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ended_at = _parse_ended_at(d.pop("ended_at", UNSET))

        human: None | str | Unset = d.pop("human", UNSET)

        def _parse_field_extra(data: object) -> Extra | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                field_extra_type_0 = Extra.from_dict(data)

                return field_extra_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Extra | None | Unset, data)

        field_extra = _parse_field_extra(d.pop("_extra", UNSET))

        _realtime_session = cls(
            id=id,
            state=state,
            created_at=created_at,
            project=project,
            simulated=simulated,
            config=config,
            data=data,
            ended_at=ended_at,
            human=human,
            field_extra=field_extra,
        )

        _realtime_session.additional_properties = d
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
