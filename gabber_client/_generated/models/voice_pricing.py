from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VoicePricing")

_object_new = object.__new__

_KNOWN_KEYS = frozenset(
    {
        "price_per_second",
        "currency",
        "product_name",
    }
)
"""The JSON keys of the properties; a body's other keys go to additional_properties."""


@_attrs_define
class VoicePricing:
    """What the voice costs."""

    price_per_second: str
    """ The price per second, a decimal as text. """
    currency: str
    """ The currency of the price (e.g. USD). """
    product_name: str
    """ The name of the product billed. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["price_per_second"] = self.price_per_second
        field_dict["currency"] = self.currency
        field_dict["product_name"] = self.product_name
        return field_dict

    @property
    def model_fields_set(self) -> frozenset[str]:
        """The names of the fields the response body had, as in pydantic.

        An optional field the body left out reads as None; this tells it apart
        from a null. A field given a value since counts as set; a model built
        by hand counts its optional fields that are not None.
        """
        fields_set: set[str] = {
            "price_per_second",
            "currency",
            "product_name",
        }
        return frozenset(fields_set)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"VoicePricing: expected object, got {type(src_dict).__name__}")
        price_per_second = src_dict["price_per_second"]
        if not isinstance(price_per_second, str):
            raise TypeError(
                f"VoicePricing.price_per_second: expected string, got {type(price_per_second).__name__}"
            )

        currency = src_dict["currency"]
        if not isinstance(currency, str):
            raise TypeError(
                f"VoicePricing.currency: expected string, got {type(currency).__name__}"
            )

        product_name = src_dict["product_name"]
        if not isinstance(product_name, str):
            raise TypeError(
                f"VoicePricing.product_name: expected string, got {type(product_name).__name__}"
            )

        _voice_pricing = _object_new(cls)
        _voice_pricing.price_per_second = price_per_second
        _voice_pricing.currency = currency
        _voice_pricing.product_name = product_name

        _voice_pricing.additional_properties = (
            {}
            if len(src_dict) == 3
            else {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        )
        return _voice_pricing

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


# from_dict of the models this one contains, looked up once (see from_dict).
_VoicePricing_from_dict = VoicePricing.from_dict
