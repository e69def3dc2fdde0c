"""Telnyx endpoints: messaging profiles, messaging numbers, number-campaign assignments,
assignment by profile, messages.

A mixin of TelnyxClient: methods call self.request(...) / self.paginate_*(...) from the
transport in client.py and return pydantic models from schemas/.

Messaging endpoints (profiles, numbers, messages, opt-outs) are snake_case and wrapped in
{"data": ...}, paged with page[number]/page[size]; the 10DLC ones (/10dlc/...) are camelCase
bare objects paged with page/recordsPerPage.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from pydantic import BaseModel

from .schemas.numbers import (
    AssignByProfileParams,
    AssignByProfileResponse,
    MessageSendParams,
    MessagingOptout,
    MessagingProfile,
    MessagingProfileCreateParams,
    MessagingProfileUpdateParams,
    OutboundMessagePayload,
    PhoneNumberCampaign,
    PhoneNumberCampaignCreateParams,
    PhoneNumberCampaignPage,
    PhoneNumberMessagingUpdateParams,
    PhoneNumberWithMessagingSettings,
    ProfileAssignmentPhoneNumbers,
    ProfileAssignmentTask,
)

if TYPE_CHECKING:  # the methods below run on the Transport TelnyxClient mixes in
    from .client import Transport as _Transport
else:
    _Transport = object


@dataclass(frozen=True)
class MessagingPage[T]:
    """One page of a messaging list: `data` and the `meta` fields worth relying on."""

    items: list[T]
    page_number: int
    total_pages: int
    total_results: int | None = None


def _page[T: BaseModel](body: dict | None, model: type[T]) -> MessagingPage[T]:
    body = body or {}
    meta = body.get("meta") or {}
    return MessagingPage(
        items=[model.model_validate(item) for item in body.get("data") or []],
        page_number=int(meta.get("page_number") or 1),
        total_pages=int(meta.get("total_pages") or 1),
        total_results=meta.get("total_results"),
    )


def _data(body: dict | None) -> dict:
    return (body or {}).get("data") or {}


def _number_path(phone_number: str) -> str:
    """E.164 in a path: the `+` percent-encoded (10DLC-API.md §2.4)."""
    return quote(phone_number, safe="")


class NumbersAPI(_Transport):
    # -- messaging profiles ---------------------------------------------------------------------
    def list_messaging_profiles(
        self, *, page: int = 1, page_size: int = 20
    ) -> MessagingPage[MessagingProfile]:
        body = self.request(
            "GET", "/messaging_profiles", params={"page[number]": page, "page[size]": page_size}
        )
        return _page(body, MessagingProfile)

    def all_messaging_profiles(self) -> Iterator[MessagingProfile]:
        for item in self.paginate_messaging("/messaging_profiles"):
            yield MessagingProfile.model_validate(item)

    def create_messaging_profile(
        self, params: MessagingProfileCreateParams | None = None, **fields
    ) -> MessagingProfile:
        params = params or MessagingProfileCreateParams(**fields)
        body = self.request("POST", "/messaging_profiles", json=params.to_wire())
        return MessagingProfile.model_validate(_data(body))

    def get_messaging_profile(self, profile_id: str) -> MessagingProfile:
        body = self.request("GET", f"/messaging_profiles/{quote(profile_id, safe='')}")
        return MessagingProfile.model_validate(_data(body))

    def update_messaging_profile(self, profile_id: str, **fields) -> MessagingProfile:
        params = MessagingProfileUpdateParams(**fields)
        body = self.request(
            "PATCH", f"/messaging_profiles/{quote(profile_id, safe='')}", json=params.to_wire()
        )
        return MessagingProfile.model_validate(_data(body))

    def delete_messaging_profile(self, profile_id: str) -> MessagingProfile:
        body = self.request("DELETE", f"/messaging_profiles/{quote(profile_id, safe='')}")
        return MessagingProfile.model_validate(_data(body))

    def list_profile_phone_numbers(
        self, profile_id: str, *, page: int = 1, page_size: int = 20
    ) -> MessagingPage[PhoneNumberWithMessagingSettings]:
        body = self.request(
            "GET",
            f"/messaging_profiles/{quote(profile_id, safe='')}/phone_numbers",
            params={"page[number]": page, "page[size]": page_size},
        )
        return _page(body, PhoneNumberWithMessagingSettings)

    def all_profile_phone_numbers(
        self, profile_id: str
    ) -> Iterator[PhoneNumberWithMessagingSettings]:
        path = f"/messaging_profiles/{quote(profile_id, safe='')}/phone_numbers"
        for item in self.paginate_messaging(path):
            yield PhoneNumberWithMessagingSettings.model_validate(item)

    # -- messaging numbers ----------------------------------------------------------------------
    def list_messaging_numbers(
        self, *, page: int = 1, page_size: int = 20
    ) -> MessagingPage[PhoneNumberWithMessagingSettings]:
        body = self.request(
            "GET",
            "/phone_numbers/messaging",
            params={"page[number]": page, "page[size]": page_size},
        )
        return _page(body, PhoneNumberWithMessagingSettings)

    def all_messaging_numbers(self) -> Iterator[PhoneNumberWithMessagingSettings]:
        for item in self.paginate_messaging("/phone_numbers/messaging"):
            yield PhoneNumberWithMessagingSettings.model_validate(item)

    def get_number_messaging(self, number_id: str) -> PhoneNumberWithMessagingSettings:
        body = self.request("GET", f"/phone_numbers/{quote(number_id, safe='')}/messaging")
        return PhoneNumberWithMessagingSettings.model_validate(_data(body))

    def update_number_messaging(self, number_id: str, **fields) -> PhoneNumberWithMessagingSettings:
        params = PhoneNumberMessagingUpdateParams(**fields)
        body = self.request(
            "PATCH",
            f"/phone_numbers/{quote(number_id, safe='')}/messaging",
            json=params.to_wire(),
        )
        return PhoneNumberWithMessagingSettings.model_validate(_data(body))

    # -- number <-> campaign assignments ------------------------------------------------------
    def list_phone_number_campaigns(
        self,
        *,
        page: int = 1,
        records_per_page: int = 20,
        sort: str | None = None,
        **filters: str,
    ) -> PhoneNumberCampaignPage:
        """`filters`: telnyx_campaign_id, telnyx_brand_id, tcr_campaign_id, tcr_brand_id."""
        params = {"page": page, "recordsPerPage": records_per_page, "sort": sort}
        params |= {f"filter[{name}]": value for name, value in filters.items()}
        body = self.request("GET", "/10dlc/phone_number_campaigns", params=params)
        return PhoneNumberCampaignPage.model_validate(body)

    def all_phone_number_campaigns(
        self, *, records_per_page: int = 100, **filters: str
    ) -> Iterator[PhoneNumberCampaign]:
        params = {f"filter[{name}]": value for name, value in filters.items()}
        for record in self.paginate_10dlc(
            "/10dlc/phone_number_campaigns", params, records_per_page=records_per_page
        ):
            yield PhoneNumberCampaign.model_validate(record)

    def assign_number(self, phone_number: str, campaign_id: str) -> PhoneNumberCampaign:
        """POST: never retried by the transport; the caller reads the assignment back."""
        params = PhoneNumberCampaignCreateParams(phone_number=phone_number, campaign_id=campaign_id)
        body = self.request("POST", "/10dlc/phone_number_campaigns", json=params.to_wire())
        return PhoneNumberCampaign.model_validate(body)

    def get_number_assignment(self, phone_number: str) -> PhoneNumberCampaign:
        body = self.request("GET", f"/10dlc/phone_number_campaigns/{_number_path(phone_number)}")
        return PhoneNumberCampaign.model_validate(body)

    def move_number(self, phone_number: str, campaign_id: str) -> PhoneNumberCampaign:
        params = PhoneNumberCampaignCreateParams(phone_number=phone_number, campaign_id=campaign_id)
        body = self.request(
            "PUT",
            f"/10dlc/phone_number_campaigns/{_number_path(phone_number)}",
            json=params.to_wire(),
        )
        return PhoneNumberCampaign.model_validate(body)

    def unassign_number(self, phone_number: str) -> PhoneNumberCampaign:
        body = self.request("DELETE", f"/10dlc/phone_number_campaigns/{_number_path(phone_number)}")
        return PhoneNumberCampaign.model_validate(body)

    # -- assignment by messaging profile --------------------------------------------------------
    def assign_by_profile(
        self,
        messaging_profile_id: str,
        *,
        campaign_id: str | None = None,
        tcr_campaign_id: str | None = None,
    ) -> AssignByProfileResponse:
        """campaignId for Telnyx-created campaigns, tcrCampaignId for shared ones, never both."""
        if bool(campaign_id) == bool(tcr_campaign_id):
            raise ValueError("Give exactly one of campaign_id and tcr_campaign_id.")
        params = AssignByProfileParams(
            messaging_profile_id=messaging_profile_id,
            campaign_id=campaign_id,
            tcr_campaign_id=tcr_campaign_id,
        )
        body = self.request("POST", "/10dlc/phoneNumberAssignmentByProfile", json=params.to_wire())
        return AssignByProfileResponse.model_validate(body)

    def get_profile_assignment_task(self, task_id: str) -> ProfileAssignmentTask:
        body = self.request(
            "GET", f"/10dlc/phoneNumberAssignmentByProfile/{quote(task_id, safe='')}"
        )
        return ProfileAssignmentTask.model_validate(body)

    def list_profile_assignment_numbers(
        self, task_id: str, *, page: int = 1, records_per_page: int = 20
    ) -> ProfileAssignmentPhoneNumbers:
        body = self.request(
            "GET",
            f"/10dlc/phoneNumberAssignmentByProfile/{quote(task_id, safe='')}/phoneNumbers",
            params={"page": page, "recordsPerPage": records_per_page},
        )
        return ProfileAssignmentPhoneNumbers.model_validate(body)

    # -- messages ---------------------------------------------------------------------------------
    def send_message(self, *, from_: str, to: str, text: str, **fields) -> OutboundMessagePayload:
        params = MessageSendParams(from_=from_, to=to, text=text, **fields)
        body = self.request("POST", "/messages", json=params.to_wire())
        return OutboundMessagePayload.model_validate(_data(body))

    def list_messaging_optouts(
        self, *, page: int = 1, page_size: int = 20
    ) -> MessagingPage[MessagingOptout]:
        body = self.request(
            "GET", "/messaging_optouts", params={"page[number]": page, "page[size]": page_size}
        )
        return _page(body, MessagingOptout)
