"""Telnyx endpoints: qualify by use case, campaignBuilder, campaigns, appeals, carrier
metadata, costs, sharing and partner campaigns (10DLC-API.md §2.2, §2.3).

A mixin of TelnyxClient: methods call self.request(...) / self.paginate_*(...) from the
transport in client.py and return pydantic models from schemas/.

Paths are the current spec's (10dlc-openapi.json): `/10dlc/campaign/usecase/cost` and
`/10dlc/campaign/{id}/osr/attributes`, not the seed's `usecase_cost` / `osr_attributes`.
The appeal speaks snake_case (`appeal_reason` → `appealed_at`).
"""

from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import quote

from .schemas.campaigns import (
    BrandQualifyByUsecaseResponse,
    CampaignBuilderSubmitParams,
    CampaignDeactivateResponse,
    CampaignListItem,
    CampaignPage,
    CampaignSharingChain,
    CampaignSharingStatus,
    CampaignSubmitAppealParams,
    CampaignSubmitAppealResponse,
    CampaignUpdateParams,
    MnoMetadataItem,
    PartnerCampaignPage,
    SharedCampaign,
    SharedCampaignPage,
    TelnyxCampaignCsp,
    TelnyxDownstreamCampaign,
    UpdatePartnerCampaignParams,
    UsecaseGetCostResponse,
    parse_mno_metadata,
    parse_sharing_statuses,
)

if TYPE_CHECKING:  # the methods below run on the Transport TelnyxClient mixes in
    from .client import Transport as _Transport
else:
    _Transport = object


def _seg(value: str) -> str:
    """One path segment, percent-encoded."""
    return quote(str(value), safe="")


def _campaign_path(campaign_id: str, *rest: str) -> str:
    return "/".join(("/10dlc/campaign", _seg(campaign_id), *rest))


class CampaignsAPI(_Transport):
    # -- before submitting ------------------------------------------------------------------------
    def qualify_by_usecase(self, brand_id: str, usecase: str) -> BrandQualifyByUsecaseResponse:
        """Whether the brand may run a campaign of this use case: fees, sub-usecase limits,
        per-carrier metadata. A brand that does not qualify gets an error (400/422)."""
        body = self.request(
            "GET", f"/10dlc/campaignBuilder/brand/{_seg(brand_id)}/usecase/{_seg(usecase)}"
        )
        return BrandQualifyByUsecaseResponse.model_validate(body or {})

    def get_usecase_cost(self, usecase: str) -> UsecaseGetCostResponse:
        body = self.request("GET", "/10dlc/campaign/usecase/cost", params={"usecase": usecase})
        return UsecaseGetCostResponse.model_validate(body)

    # -- campaigns ------------------------------------------------------------------------------
    def submit_campaign(
        self, params: CampaignBuilderSubmitParams | None = None, **fields
    ) -> TelnyxCampaignCsp:
        """POST /10dlc/campaignBuilder. Never retried: on Unavailable the outcome is unknown
        and the caller finds the campaign by listing the brand's campaigns."""
        params = params or CampaignBuilderSubmitParams(**fields)
        body = self.request("POST", "/10dlc/campaignBuilder", json=params.to_wire())
        return TelnyxCampaignCsp.model_validate(body)

    def list_campaigns(
        self,
        brand_id: str,
        *,
        page: int = 1,
        records_per_page: int = 10,
        sort: str | None = None,
    ) -> CampaignPage:
        body = self.request(
            "GET",
            "/10dlc/campaign",
            params={
                "brandId": brand_id,
                "page": page,
                "recordsPerPage": records_per_page,
                "sort": sort,
            },
        )
        return CampaignPage.model_validate(body or {})

    def iter_campaigns(
        self, brand_id: str, *, records_per_page: int = 100
    ) -> Iterator[CampaignListItem]:
        """Every campaign of the brand, walking all pages."""
        for record in self.paginate_10dlc(
            "/10dlc/campaign", {"brandId": brand_id}, records_per_page=records_per_page
        ):
            yield CampaignListItem.model_validate(record)

    def get_campaign(self, campaign_id: str) -> TelnyxCampaignCsp:
        return TelnyxCampaignCsp.model_validate(self.request("GET", _campaign_path(campaign_id)))

    def update_campaign(
        self, campaign_id: str, params: CampaignUpdateParams | None = None, **fields
    ) -> TelnyxCampaignCsp:
        """PUT the editable fields (samples, messageFlow, helpMessage, autoRenewal, resellerId,
        webhooks); anything else is refused before it leaves."""
        params = params or CampaignUpdateParams(**fields)
        body = self.request("PUT", _campaign_path(campaign_id), json=params.to_wire())
        return TelnyxCampaignCsp.model_validate(body)

    def deactivate_campaign(self, campaign_id: str) -> CampaignDeactivateResponse:
        """DELETE: permanent."""
        body = self.request("DELETE", _campaign_path(campaign_id))
        return CampaignDeactivateResponse.model_validate(body or {"time": 0})

    def submit_appeal(self, campaign_id: str, appeal_reason: str) -> CampaignSubmitAppealResponse:
        """Appeal a TELNYX_FAILED or MNO_REJECTED campaign (snake_case body and response)."""
        params = CampaignSubmitAppealParams(appeal_reason=appeal_reason)
        body = self.request("POST", _campaign_path(campaign_id, "appeal"), json=params.to_wire())
        return CampaignSubmitAppealResponse.model_validate(body or {})

    # -- carriers -------------------------------------------------------------------------------
    def get_mno_metadata(self, campaign_id: str) -> dict[str, MnoMetadataItem]:
        """Per-carrier metadata keyed by MNO network id ("10999" …)."""
        return parse_mno_metadata(self.request("GET", _campaign_path(campaign_id, "mnoMetadata")))

    def get_operation_status(self, campaign_id: str) -> dict[str, str]:
        """Per-carrier operation status, e.g. {"10017": "APPROVED", "10035": "REVIEW"}."""
        body = self.request("GET", _campaign_path(campaign_id, "operationStatus")) or {}
        return {str(key): str(value) for key, value in body.items()}

    def get_osr_attributes(self, campaign_id: str) -> dict:
        return self.request("GET", _campaign_path(campaign_id, "osr", "attributes")) or {}

    # -- sharing --------------------------------------------------------------------------------
    def get_sharing(self, campaign_id: str) -> CampaignSharingChain:
        body = self.request("GET", _campaign_path(campaign_id, "sharing"))
        return CampaignSharingChain.model_validate(body or {})

    def accept_sharing(self, tcr_campaign_id: str) -> dict:
        """Accept a campaign shared with Telnyx (its TCR id, e.g. C26F1KLZN)."""
        return self.request("POST", f"/10dlc/campaign/acceptSharing/{_seg(tcr_campaign_id)}") or {}

    def list_partner_campaigns(
        self, *, page: int = 1, records_per_page: int = 10, sort: str | None = None
    ) -> PartnerCampaignPage:
        body = self.request(
            "GET",
            "/10dlc/partner_campaigns",
            params={"page": page, "recordsPerPage": records_per_page, "sort": sort},
        )
        return PartnerCampaignPage.model_validate(body or {})

    def iter_partner_campaigns(
        self, *, records_per_page: int = 100
    ) -> Iterator[TelnyxDownstreamCampaign]:
        for record in self.paginate_10dlc(
            "/10dlc/partner_campaigns", records_per_page=records_per_page
        ):
            yield TelnyxDownstreamCampaign.model_validate(record)

    def get_partner_campaign(self, campaign_id: str) -> TelnyxDownstreamCampaign:
        body = self.request("GET", f"/10dlc/partner_campaigns/{_seg(campaign_id)}")
        return TelnyxDownstreamCampaign.model_validate(body)

    def list_shared_by_me(self, *, page: int = 1, records_per_page: int = 10) -> SharedCampaignPage:
        """Campaigns this account shared with a partner that Telnyx accepted (pending shares
        are not listed, the spec says)."""
        body = self.request(
            "GET",
            "/10dlc/partnerCampaign/sharedByMe",
            params={"page": page, "recordsPerPage": records_per_page},
        )
        return SharedCampaignPage.model_validate(body or {})

    def iter_shared_by_me(self, *, records_per_page: int = 100) -> Iterator[SharedCampaign]:
        for record in self.paginate_10dlc(
            "/10dlc/partnerCampaign/sharedByMe", records_per_page=records_per_page
        ):
            yield SharedCampaign.model_validate(record)

    def get_partner_campaign_sharing(self, campaign_id: str) -> dict[str, CampaignSharingStatus]:
        """A partner campaign's sharing status, per partner (a map of string → status)."""
        body = self.request("GET", f"/10dlc/partnerCampaign/{_seg(campaign_id)}/sharing")
        return parse_sharing_statuses(body)

    def update_partner_campaign(
        self, campaign_id: str, params: UpdatePartnerCampaignParams | None = None, **fields
    ) -> TelnyxDownstreamCampaign:
        params = params or UpdatePartnerCampaignParams(**fields)
        body = self.request(
            "PATCH", f"/10dlc/partner_campaigns/{_seg(campaign_id)}", json=params.to_wire()
        )
        return TelnyxDownstreamCampaign.model_validate(body)
