import re
from collections.abc import Mapping
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from ..fields import FieldRules


class TelnyxModel(BaseModel):
    """Aliases are the exact wire names; unknown response fields are kept (extra="allow") so
    a new Telnyx field never breaks parsing."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    def to_wire(self) -> dict:
        """The request body: wire names, unset, None and empty-string fields left out (an
        optional field the user left blank is not sent at all)."""
        body = self.model_dump(by_alias=True, exclude_none=True, mode="json")
        return {key: value for key, value in body.items() if value != ""}


class TelnyxRequest(TelnyxModel):
    """A request body: unknown fields are refused, so a typo never reaches Telnyx.

    `wire_rules` is the spec's rules for this body (compliance/telnyx/fields.py,
    REQUEST_RULES or an operation's parameters, generated from 10dlc-openapi.json): every
    maxLength, minLength, pattern, range and enum there is enforced as the model is built, so
    a request that leaves the client is valid by construction."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    wire_rules: ClassVar[Mapping[str, FieldRules]] = {}

    @field_validator("*", mode="after")
    @classmethod
    def _within_spec(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None or info.field_name is None:
            return value
        field = cls.model_fields[info.field_name]
        rules = cls.wire_rules.get(field.alias or info.field_name)
        if rules:
            for problem in spec_problems(value, rules):
                raise ValueError(problem)
        return value


def spec_problems(value: Any, rules: FieldRules) -> list[str]:
    """What in `value` breaks the spec's `rules` (empty when nothing does)."""
    if isinstance(value, list | tuple):
        problems = []
        if "maxItems" in rules and len(value) > rules["maxItems"]:
            problems.append(f"at most {rules['maxItems']} items")
        if "minItems" in rules and len(value) < rules["minItems"]:
            problems.append(f"at least {rules['minItems']} items")
        for item in value:
            problems.extend(spec_problems(item, rules))
        return problems
    problems = []
    if isinstance(value, str):
        if "maxLength" in rules and len(value) > rules["maxLength"]:
            problems.append(f"at most {rules['maxLength']} characters (this has {len(value)})")
        if "minLength" in rules and len(value) < rules["minLength"]:
            problems.append(f"at least {rules['minLength']} characters")
        if "pattern" in rules and not re.search(rules["pattern"], value):
            problems.append(f"must match {rules['pattern']}")
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if "maximum" in rules and value > rules["maximum"]:
            problems.append(f"at most {rules['maximum']:g}")
        if "minimum" in rules and value < rules["minimum"]:
            problems.append(f"at least {rules['minimum']:g}")
    if "enum" in rules and value not in rules["enum"]:
        problems.append(f"must be one of {', '.join(map(str, rules['enum']))}")
    return problems


class RecordPage[Record](TelnyxModel):
    """A page of a 10DLC list."""

    page: int | None = None
    records: list[Record] = []
    total_records: int | None = Field(default=None, alias="totalRecords")
