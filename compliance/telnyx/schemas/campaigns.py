"""Bodies and responses of the campaign endpoints (10DLC-API.md §2.2, §2.3).

Names and enums come from compliance/telnyx/fields.py (FIELDS.md): camelCase on the wire,
except the appeal body/response (`appeal_reason`, `appealed_at`) and `record_type` of the
deactivation response. Schemas that FIELDS.md lacks (MnoMetadataItem, CampaignSharingChain,
TelnyxDownstreamCampaign, UpdatePartnerCampaignRequest) follow 10dlc-openapi.json.
"""

from datetime import datetime

from pydantic import BaseModel, Field

from .. import fields
from .base import RecordPage, TelnyxModel, TelnyxRequest

CampaignStatusValue = fields.TelnyxCampaignCspCampaignStatus
SubmissionStatusValue = fields.TelnyxCampaignCspSubmissionStatus
WebhookEventType = fields.CampaignStatusUpdateType
WebhookEventStatus = fields.CampaignStatusUpdateStatus
CampaignSort = fields.CampaignListParamsSort

SAMPLE_FIELDS = ("sample1", "sample2", "sample3", "sample4", "sample5")


def _f(alias: str, default=None):
    return Field(default=default, alias=alias)


class _CampaignContent(BaseModel):
    """The campaign's content fields every campaign body shares: builder, CSP and partner."""

    age_gated: bool | None = _f("ageGated")
    description: str | None = None
    direct_lending: bool | None = _f("directLending")
    embedded_link: bool | None = _f("embeddedLink")
    embedded_link_sample: str | None = _f("embeddedLinkSample")
    embedded_phone: bool | None = _f("embeddedPhone")
    help_keywords: str | None = _f("helpKeywords")
    help_message: str | None = _f("helpMessage")
    message_flow: str | None = _f("messageFlow")
    number_pool: bool | None = _f("numberPool")
    optin_keywords: str | None = _f("optinKeywords")
    optin_message: str | None = _f("optinMessage")
    optout_keywords: str | None = _f("optoutKeywords")
    optout_message: str | None = _f("optoutMessage")
    privacy_policy_link: str | None = _f("privacyPolicyLink")
    sample1: str | None = None
    sample2: str | None = None
    sample3: str | None = None
    sample4: str | None = None
    sample5: str | None = None
    sub_usecases: list[str] | None = _f("subUsecases")
    subscriber_optin: bool | None = _f("subscriberOptin")
    subscriber_optout: bool | None = _f("subscriberOptout")
    terms_and_conditions: bool | None = _f("termsAndConditions")
    terms_and_conditions_link: str | None = _f("termsAndConditionsLink")
    usecase: str | None = None
    webhook_failover_url: str | None = _f("webhookFailoverURL")
    webhook_url: str | None = _f("webhookURL")

    @property
    def samples(self) -> list[str]:
        return [
            s for s in (self.sample1, self.sample2, self.sample3, self.sample4, self.sample5) if s
        ]


class CampaignUpdateParams(TelnyxRequest):
    """PUT /10dlc/campaign/{campaignId}: only these fields are editable."""

    wire_rules = fields.REQUEST_RULES["UpdateCampaignRequest"]

    auto_renewal: bool | None = _f("autoRenewal")
    help_message: str | None = _f("helpMessage")
    message_flow: str | None = _f("messageFlow")
    reseller_id: str | None = _f("resellerId")
    sample1: str | None = None
    sample2: str | None = None
    sample3: str | None = None
    sample4: str | None = None
    sample5: str | None = None
    webhook_failover_url: str | None = _f("webhookFailoverURL")
    webhook_url: str | None = _f("webhookURL")


class CampaignBuilderSubmitParams(_CampaignContent, TelnyxRequest):
    """POST /10dlc/campaignBuilder (required: brandId, description, usecase)."""

    wire_rules = fields.REQUEST_RULES["CampaignRequest"]

    brand_id: str = Field(alias="brandId")
    description: str
    usecase: str
    auto_renewal: bool | None = _f("autoRenewal")
    mno_ids: list[int] | None = _f("mnoIds")
    reference_id: str | None = _f("referenceId")
    reseller_id: str | None = _f("resellerId")
    subscriber_help: bool | None = _f("subscriberHelp")
    tag: list[str] | None = None


class _CampaignFields(_CampaignContent, TelnyxModel):
    """The fields TelnyxCampaignCsp and CampaignListResponse share, all optional here."""

    auto_renewal: bool | None = _f("autoRenewal")
    billed_date: str | None = _f("billedDate")
    brand_display_name: str | None = _f("brandDisplayName")
    brand_id: str | None = _f("brandId")
    campaign_id: str | None = _f("campaignId")
    campaign_status: CampaignStatusValue | None = _f("campaignStatus")
    create_date: str | None = _f("createDate")
    csp_id: str | None = _f("cspId")
    failure_reasons: str | None = _f("failureReasons")
    is_t_mobile_number_pooling_enabled: bool | None = _f("isTMobileNumberPoolingEnabled")
    is_t_mobile_registered: bool | None = _f("isTMobileRegistered")
    is_t_mobile_suspended: bool | None = _f("isTMobileSuspended")
    mock: bool | None = None
    next_renewal_or_expiration_date: str | None = _f("nextRenewalOrExpirationDate")
    reference_id: str | None = _f("referenceId")
    reseller_id: str | None = _f("resellerId")
    status: str | None = None  # ACTIVE, EXPIRED (free string)
    submission_status: SubmissionStatusValue | None = _f("submissionStatus")
    subscriber_help: bool | None = _f("subscriberHelp")
    tcr_brand_id: str | None = _f("tcrBrandId")
    tcr_campaign_id: str | None = _f("tcrCampaignId")
    vertical: str | None = None


class TelnyxCampaignCsp(_CampaignFields):
    """A campaign (GET/PUT /10dlc/campaign/{id}, POST /10dlc/campaignBuilder)."""

    brand_id: str = Field(alias="brandId")
    campaign_id: str = Field(alias="campaignId")
    csp_id: str = Field(alias="cspId")
    description: str
    mock: bool
    sub_usecases: list[str] = Field(alias="subUsecases")
    terms_and_conditions: bool = Field(alias="termsAndConditions")
    usecase: str


class CampaignListItem(_CampaignFields):
    """CampaignListResponse: a campaign in a list, with its assigned-number count."""

    assigned_phone_numbers_count: float | None = _f("assignedPhoneNumbersCount")


class CampaignPage(RecordPage["CampaignListItem"]):
    records: list[CampaignListItem] = []


class CampaignSubmitAppealParams(TelnyxRequest):
    wire_rules = fields.REQUEST_RULES["AppealCampaignBody"]
    appeal_reason: str


class CampaignSubmitAppealResponse(TelnyxModel):
    appealed_at: datetime | None = None


class CampaignDeactivateResponse(TelnyxModel):
    time: float
    message: str | None = None
    record_type: str | None = None


class MnoMetadataItem(TelnyxModel):
    """One carrier's rules for the campaign's use case (keyed by MNO network id)."""

    min_msg_samples: int = Field(alias="minMsgSamples")
    mno: str
    mno_review: bool = Field(alias="mnoReview")
    mno_support: bool = Field(alias="mnoSupport")
    no_embedded_link: bool = Field(alias="noEmbeddedLink")
    no_embedded_phone: bool = Field(alias="noEmbeddedPhone")
    qualify: bool
    req_subscriber_help: bool = Field(alias="reqSubscriberHelp")
    req_subscriber_optin: bool = Field(alias="reqSubscriberOptin")
    req_subscriber_optout: bool = Field(alias="reqSubscriberOptout")


def parse_mno_metadata(body: dict | None) -> dict[str, MnoMetadataItem]:
    """A map of MNO network id → metadata; non-object values (extra fields) are skipped."""
    return {
        str(key): MnoMetadataItem.model_validate(value)
        for key, value in (body or {}).items()
        if isinstance(value, dict)
    }


class BrandQualifyByUsecaseResponse(TelnyxModel):
    """UsecaseMetadata: whether the brand qualifies, fees and sub-usecase limits."""

    annual_fee: float | None = _f("annualFee")
    max_sub_usecases: int | None = _f("maxSubUsecases")
    min_sub_usecases: int | None = _f("minSubUsecases")
    mno_metadata: dict | None = _f("mnoMetadata")
    monthly_fee: float | None = _f("monthlyFee")
    quarterly_fee: float | None = _f("quarterlyFee")
    usecase: str | None = None

    @property
    def carriers(self) -> dict[str, MnoMetadataItem]:
        return parse_mno_metadata(self.mno_metadata)


class UsecaseGetCostResponse(TelnyxModel):
    """CampaignCost: the amounts are strings on the wire."""

    campaign_usecase: str = Field(alias="campaignUsecase")
    description: str
    monthly_cost: str = Field(alias="monthlyCost")
    up_front_cost: str = Field(alias="upFrontCost")


class CampaignSharingStatus(TelnyxModel):
    downstream_cnp_id: str | None = _f("downstreamCnpId")
    shared_date: str | None = _f("sharedDate")
    sharing_status: str | None = _f("sharingStatus")
    status_date: str | None = _f("statusDate")
    upstream_cnp_id: str | None = _f("upstreamCnpId")


class CampaignSharingChain(TelnyxModel):
    shared_by_me: CampaignSharingStatus | None = _f("sharedByMe")
    shared_with_me: CampaignSharingStatus | None = _f("sharedWithMe")


class SharedCampaign(TelnyxModel):
    """A campaign this account shared with a partner and Telnyx accepted (SharedCampaign of
    GET /10dlc/partnerCampaign/sharedByMe): TCR ids, the use case and ACTIVE or EXPIRED."""

    brand_id: str = Field(alias="brandId")
    campaign_id: str = Field(alias="campaignId")
    usecase: str
    create_date: str | None = _f("createDate")
    status: str | None = None


class SharedCampaignPage(RecordPage["SharedCampaign"]):
    records: list[SharedCampaign] = []


def parse_sharing_statuses(body: dict | None) -> dict[str, CampaignSharingStatus]:
    """GET /10dlc/partnerCampaign/{id}/sharing: a map of string → CampaignSharingStatus."""
    return {
        str(key): CampaignSharingStatus.model_validate(value)
        for key, value in (body or {}).items()
        if isinstance(value, dict)
    }


class TelnyxDownstreamCampaign(_CampaignContent, TelnyxModel):
    """A partner campaign (created at another CSP and shared with Telnyx)."""

    assigned_phone_numbers_count: float | None = _f("assignedPhoneNumbersCount")
    brand_display_name: str | None = _f("brandDisplayName")
    campaign_status: CampaignStatusValue | None = _f("campaignStatus")
    created_at: str | None = _f("createdAt")
    failure_reasons: str | None = _f("failureReasons")
    is_number_pooling_enabled: bool | None = _f("isNumberPoolingEnabled")
    tcr_brand_id: str = Field(alias="tcrBrandId")
    tcr_campaign_id: str = Field(alias="tcrCampaignId")
    updated_at: str | None = _f("updatedAt")


class PartnerCampaignPage(RecordPage["TelnyxDownstreamCampaign"]):
    records: list[TelnyxDownstreamCampaign] = []


class UpdatePartnerCampaignParams(TelnyxRequest):
    """PATCH /10dlc/partner_campaigns/{id}: only the webhooks are editable."""

    wire_rules = fields.REQUEST_RULES["UpdatePartnerCampaignRequest"]

    webhook_failover_url: str | None = _f("webhookFailoverURL")
    webhook_url: str | None = _f("webhookURL")


class CampaignStatusUpdate(TelnyxModel):
    """The campaignStatusUpdate webhook (flat; WEBHOOKS.md)."""

    brand_id: str | None = _f("brandId")
    campaign_id: str | None = _f("campaignId")
    create_date: str | None = _f("createDate")
    csp_id: str | None = _f("cspId")
    description: str | None = None
    is_t_mobile_registered: bool | None = _f("isTMobileRegistered")
    status: WebhookEventStatus | None = None
    type: WebhookEventType | None = None
