"""Brand bodies and responses: brands, brand feedback, Sole Proprietor OTP, external vetting.

Wire names are the aliases; attribute names are the Brand model's field names, so a draft
maps onto a body field by field. Enum lists come from compliance/telnyx/fields.py (FIELDS.md),
length limits from 10dlc-openapi.json. Request bodies refuse unknown fields; responses keep
them.
"""

from datetime import datetime
from typing import Annotated

from pydantic import Field, StringConstraints, field_validator

from .. import fields
from .base import RecordPage, TelnyxModel, TelnyxRequest

# Each enum once, from the generated vocabulary.
EntityType = fields.BrandCreateParamsEntityType
Vertical = fields.BrandCreateParamsVertical
StockExchange = fields.BrandCreateParamsStockExchange
AltBusinessIdType = fields.BrandUpdateParamsAltBusinessIdType
IdentityStatus = fields.TelnyxBrandIdentityStatus
BrandStatus = fields.TelnyxBrandStatus
BrandRelationship = fields.TelnyxBrandBrandRelationship
BrandSort = fields.BrandListParamsSort

ENTITY_TYPES = fields.enum("BrandCreateParams", "entityType")
VERTICALS = fields.enum("BrandCreateParams", "vertical")
STOCK_EXCHANGES = fields.enum("BrandCreateParams", "stockExchange")
ALT_BUSINESS_ID_TYPES = fields.enum("BrandUpdateParams", "altBusinessIdType")

E164 = r"^\+[1-9]\d{6,14}$"
OTP_PLACEHOLDER = "@OTP_PIN@"


# Stripped text with the spec's maxLength (10dlc-openapi.json: CreateBrand / UpdateBrand).
Text10 = Annotated[str, StringConstraints(strip_whitespace=True, max_length=10)]
Text20 = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20)]
Text50 = Annotated[str, StringConstraints(strip_whitespace=True, max_length=50)]
Text100 = Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)]


Phone = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20, pattern=E164)]


class _BrandFields(TelnyxRequest):
    """What CreateBrand and UpdateBrand share (both require the same five fields)."""

    entity_type: EntityType = Field(alias="entityType")
    display_name: Text100 = Field(alias="displayName", min_length=1)
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    email: Text100 = Field(min_length=3)
    vertical: Vertical
    company_name: Text100 | None = Field(default=None, alias="companyName")
    ein: Text20 | None = None
    first_name: Text100 | None = Field(default=None, alias="firstName")
    last_name: Text100 | None = Field(default=None, alias="lastName")
    phone: Phone | None = None
    street: Text100 | None = None
    city: Text100 | None = None
    state: Text20 | None = None
    postal_code: Text10 | None = Field(default=None, alias="postalCode")
    website: Text100 | None = None
    business_contact_email: Text100 | None = Field(default=None, alias="businessContactEmail")
    stock_symbol: Text10 | None = Field(default=None, alias="stockSymbol")
    stock_exchange: StockExchange | None = Field(default=None, alias="stockExchange")
    ip_address: Text50 | None = Field(default=None, alias="ipAddress")
    is_reseller: bool | None = Field(default=None, alias="isReseller")
    webhook_url: str | None = Field(default=None, alias="webhookURL")
    webhook_failover_url: str | None = Field(default=None, alias="webhookFailoverURL")


class BrandCreate(_BrandFields):
    """POST /10dlc/brand (CreateBrand). `mock: true` makes a test brand (no TCR fee)."""

    wire_rules = fields.REQUEST_RULES["CreateBrand"]

    mobile_phone: Phone | None = Field(default=None, alias="mobilePhone")
    mock: bool | None = None


class BrandUpdate(_BrandFields):
    """PUT /10dlc/brand/{brandId} (UpdateBrand): no mobilePhone or mock; adds the alternate
    business id and identityStatus."""

    wire_rules = fields.REQUEST_RULES["UpdateBrand"]

    alt_business_id: Text50 | None = Field(default=None, alias="altBusinessId")
    alt_business_id_type: AltBusinessIdType | None = Field(default=None, alias="altBusinessIdType")
    identity_status: IdentityStatus | None = Field(default=None, alias="identityStatus")


class BrandListQuery(TelnyxRequest):
    """GET /10dlc/brand query (BrandListParams)."""

    wire_rules = fields.OPERATIONS["GetBrands"]["parameters"]

    page: int | None = Field(default=None, ge=1)
    records_per_page: int | None = Field(default=None, alias="recordsPerPage", ge=1, le=500)
    sort: BrandSort | None = None
    display_name: str | None = Field(default=None, alias="displayName")
    entity_type: str | None = Field(default=None, alias="entityType")
    state: str | None = None
    country: str | None = None
    brand_id: str | None = Field(default=None, alias="brandId")
    tcr_brand_id: str | None = Field(default=None, alias="tcrBrandId")


class BrandOptionalAttributes(TelnyxModel):
    tax_exempt_status: str | None = Field(default=None, alias="taxExemptStatus")


class TelnyxBrand(TelnyxModel):
    """A brand as Telnyx returns it (create, get, update, revet)."""

    brand_relationship: BrandRelationship = Field(alias="brandRelationship")
    country: str
    display_name: str = Field(alias="displayName")
    email: str
    entity_type: EntityType = Field(alias="entityType")
    vertical: str
    alt_business_id: str | None = Field(default=None, alias="altBusinessId")
    alt_business_id_type: AltBusinessIdType | None = Field(default=None, alias="altBusinessIdType")
    brand_id: str | None = Field(default=None, alias="brandId")
    business_contact_email: str | None = Field(default=None, alias="businessContactEmail")
    city: str | None = None
    company_name: str | None = Field(default=None, alias="companyName")
    created_at: str | None = Field(default=None, alias="createdAt")
    csp_id: str | None = Field(default=None, alias="cspId")
    ein: str | None = None
    failure_reasons: str | None = Field(default=None, alias="failureReasons")
    first_name: str | None = Field(default=None, alias="firstName")
    identity_status: IdentityStatus | None = Field(default=None, alias="identityStatus")
    ip_address: str | None = Field(default=None, alias="ipAddress")
    is_reseller: bool | None = Field(default=None, alias="isReseller")
    last_name: str | None = Field(default=None, alias="lastName")
    mobile_phone: str | None = Field(default=None, alias="mobilePhone")
    mock: bool | None = None
    optional_attributes: BrandOptionalAttributes | None = Field(
        default=None, alias="optionalAttributes"
    )
    phone: str | None = None
    postal_code: str | None = Field(default=None, alias="postalCode")
    reference_id: str | None = Field(default=None, alias="referenceId")
    state: str | None = None
    status: BrandStatus | None = None
    stock_exchange: StockExchange | None = Field(default=None, alias="stockExchange")
    stock_symbol: str | None = Field(default=None, alias="stockSymbol")
    street: str | None = None
    tcr_brand_id: str | None = Field(default=None, alias="tcrBrandId")
    universal_ein: str | None = Field(default=None, alias="universalEin")
    updated_at: str | None = Field(default=None, alias="updatedAt")
    webhook_failover_url: str | None = Field(default=None, alias="webhookFailoverURL")
    webhook_url: str | None = Field(default=None, alias="webhookURL")
    website: str | None = None


class BrandBasic(TelnyxModel):
    """One record of GET /10dlc/brand (BrandListResponse; `assignedCampaingsCount` sic)."""

    assigned_campaigns_count: int | None = Field(default=None, alias="assignedCampaingsCount")
    brand_id: str | None = Field(default=None, alias="brandId")
    company_name: str | None = Field(default=None, alias="companyName")
    created_at: str | None = Field(default=None, alias="createdAt")
    display_name: str | None = Field(default=None, alias="displayName")
    email: str | None = None
    entity_type: EntityType | None = Field(default=None, alias="entityType")
    failure_reasons: str | None = Field(default=None, alias="failureReasons")
    identity_status: IdentityStatus | None = Field(default=None, alias="identityStatus")
    status: BrandStatus | None = None
    tcr_brand_id: str | None = Field(default=None, alias="tcrBrandId")
    updated_at: str | None = Field(default=None, alias="updatedAt")
    website: str | None = None


class BrandPage(RecordPage["BrandBasic"]):
    records: list[BrandBasic] = []


class FeedbackCategory(TelnyxModel):
    """Why a brand is unverified; `id` is TAX_ID, STOCK_SYMBOL, GOVERNMENT_ENTITY, NONPROFIT
    or OTHERS; `fields` are wire names of the fields to fix."""

    id: str
    description: str
    display_name: str = Field(alias="displayName")
    fields: list[str]


class BrandFeedback(TelnyxModel):
    brand_id: str = Field(alias="brandId")
    category: list[FeedbackCategory]


class SmsOtpTrigger(TelnyxRequest):
    wire_rules = fields.REQUEST_RULES["TriggerBrandSmsOtpRequest"]
    pin_sms: str = Field(alias="pinSms", min_length=1)
    success_sms: str = Field(alias="successSms", min_length=1)

    @field_validator("pin_sms")
    @classmethod
    def _has_placeholder(cls, value: str) -> str:
        if OTP_PLACEHOLDER not in value:
            raise ValueError(f"must contain {OTP_PLACEHOLDER}, where the PIN goes")
        return value


class SmsOtpTriggered(TelnyxModel):
    brand_id: str = Field(alias="brandId")
    reference_id: str = Field(alias="referenceId")


class SmsOtpVerify(TelnyxRequest):
    wire_rules = fields.REQUEST_RULES["VerifyBrandSmsOtpRequest"]
    otp_pin: str = Field(alias="otpPin", min_length=4, max_length=10)


class SmsOtpStatus(TelnyxModel):
    brand_id: str = Field(alias="brandId")
    delivery_status: str = Field(alias="deliveryStatus")
    mobile_phone: str = Field(alias="mobilePhone")
    reference_id: str = Field(alias="referenceId")
    request_date: datetime = Field(alias="requestDate")
    delivery_status_date: datetime | None = Field(default=None, alias="deliveryStatusDate")
    delivery_status_details: str | None = Field(default=None, alias="deliveryStatusDetails")
    verify_date: datetime | None = Field(default=None, alias="verifyDate")


class ExternalVettingOrder(TelnyxRequest):
    wire_rules = fields.REQUEST_RULES["OrderExternalVetting"]
    evp_id: str = Field(alias="evpId", min_length=1, max_length=10)
    vetting_class: str = Field(alias="vettingClass", min_length=1)


class ExternalVettingImport(TelnyxRequest):
    wire_rules = fields.REQUEST_RULES["ImportExternalVetting"]
    evp_id: str = Field(alias="evpId", min_length=1, max_length=10)
    vetting_id: str = Field(alias="vettingId", min_length=1)
    vetting_token: str | None = Field(default=None, alias="vettingToken")


class ExternalVetting(TelnyxModel):
    create_date: str | None = Field(default=None, alias="createDate")
    evp_id: str | None = Field(default=None, alias="evpId")
    vetted_date: str | None = Field(default=None, alias="vettedDate")
    vetting_class: str | None = Field(default=None, alias="vettingClass")
    vetting_id: str | None = Field(default=None, alias="vettingId")
    vetting_score: int | None = Field(default=None, alias="vettingScore")
    vetting_token: str | None = Field(default=None, alias="vettingToken")
