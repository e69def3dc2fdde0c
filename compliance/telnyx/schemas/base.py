from pydantic import BaseModel, ConfigDict, Field


class TelnyxModel(BaseModel):
    """Aliases are the exact wire names; unknown response fields are kept (extra="allow") so
    a new Telnyx field never breaks parsing."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    def to_wire(self) -> dict:
        """The request body: wire names, unset and None fields left out."""
        return self.model_dump(by_alias=True, exclude_none=True, mode="json")


class TelnyxRequest(TelnyxModel):
    """A request body: unknown fields are refused, so a typo never reaches Telnyx."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class RecordPage[Record](TelnyxModel):
    """A page of a 10DLC list."""

    page: int | None = None
    records: list[Record] = []
    total_records: int | None = Field(default=None, alias="totalRecords")
