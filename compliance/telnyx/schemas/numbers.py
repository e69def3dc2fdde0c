"""Bodies and responses of the messaging-profile, number, assignment and message endpoints.

Names and enums come from compliance/telnyx/fields.py (FIELDS.md). Messaging endpoints speak
snake_case and wrap responses in {"data": ...}; the 10DLC ones speak camelCase, bare.
"""

from datetime import datetime
from typing import Literal

from pydantic import Field

from .. import fields
from .base import TelnyxModel, TelnyxRequest

AssignmentStatusValue = fields.PhoneNumberCampaignAssignmentStatus
TaskStatusValue = fields.PhoneNumberAssignmentByProfileRetrieveStatusResponseStatus
WebhookApiVersion = fields.MessagingProfileCreateParamsWebhookApiVersion
NumberType = fields.PhoneNumberWithMessagingSettingsType
NumberRecordType = fields.PhoneNumberWithMessagingSettingsRecordType
MessageType = fields.MessageSendParamsType
MessageEncoding = fields.MessageSendParamsEncoding
RecipientStatus = fields.ToStatus


# -- messaging profiles ------------------------------------------------------------------------
class _MessagingProfileFields(TelnyxRequest):
    """The optional fields a messaging profile's create and update share."""

    ai_assistant_id: str | None = None
    alpha_sender: str | None = None
    daily_spend_limit: str | None = None
    daily_spend_limit_enabled: bool | None = None
    enabled: bool | None = None
    features: dict | None = None
    health_webhook_url: str | None = None
    mms_fall_back_to_sms: bool | None = None
    mms_transcoding: bool | None = None
    mobile_only: bool | None = None
    number_pool_settings: dict | None = None
    resource_group_id: str | None = None
    smart_encoding: bool | None = None
    url_shortener_settings: dict | None = None
    webhook_api_version: WebhookApiVersion | None = None
    webhook_failover_url: str | None = None
    webhook_url: str | None = None


class MessagingProfileCreateParams(_MessagingProfileFields):
    name: str
    whitelisted_destinations: list[str]


class MessagingProfileUpdateParams(_MessagingProfileFields):
    """PATCH: the create fields, none required (seed: every field optional)."""

    name: str | None = None
    whitelisted_destinations: list[str] | None = None


class MessagingProfile(TelnyxModel):
    """MessagingMessagingProfile."""

    id: str | None = None
    name: str | None = None
    enabled: bool | None = None
    whitelisted_destinations: list[str] | None = None
    webhook_url: str | None = None
    webhook_failover_url: str | None = None
    webhook_api_version: WebhookApiVersion | None = None
    organization_id: str | None = None
    record_type: Literal["messaging_profile"] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


# -- numbers -----------------------------------------------------------------------------------
class MessagingFeatureSet(TelnyxModel):
    domestic_two_way: bool
    international_inbound: bool
    international_outbound: bool


class NumberFeatures(TelnyxModel):
    sms: MessagingFeatureSet | None = None
    mms: MessagingFeatureSet | None = None


class PhoneNumberWithMessagingSettings(TelnyxModel):
    id: str | None = None
    phone_number: str | None = None
    messaging_profile_id: str | None = None
    messaging_product: str | None = None
    country_code: str | None = None
    type: NumberType | None = None
    record_type: NumberRecordType | None = None
    traffic_type: str | None = None
    eligible_messaging_products: list[str] | None = None
    features: NumberFeatures | None = None
    tags: list[str] | None = None
    organization_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


class PhoneNumberMessagingUpdateParams(TelnyxRequest):
    """PATCH /phone_numbers/{id}/messaging: the settings a number's messaging record holds."""

    messaging_profile_id: str | None = None
    messaging_product: str | None = None


# -- number <-> campaign assignments (10DLC) ----------------------------------------------------
class PhoneNumberCampaignCreateParams(TelnyxRequest):
    wire_rules = fields.REQUEST_RULES["PhoneNumberCampaignCreate"]
    phone_number: str = Field(alias="phoneNumber")
    campaign_id: str = Field(alias="campaignId")


class PhoneNumberCampaign(TelnyxModel):
    phone_number: str = Field(alias="phoneNumber")
    campaign_id: str = Field(alias="campaignId")
    created_at: str = Field(alias="createdAt")
    updated_at: str = Field(alias="updatedAt")
    assignment_status: AssignmentStatusValue | None = Field(None, alias="assignmentStatus")
    brand_id: str | None = Field(None, alias="brandId")
    failure_reasons: str | None = Field(None, alias="failureReasons")
    tcr_brand_id: str | None = Field(None, alias="tcrBrandId")
    tcr_campaign_id: str | None = Field(None, alias="tcrCampaignId")
    telnyx_campaign_id: str | None = Field(None, alias="telnyxCampaignId")


class PhoneNumberCampaignPage(TelnyxModel):
    page: int
    records: list[PhoneNumberCampaign]
    total_records: int = Field(alias="totalRecords")


class AssignByProfileParams(TelnyxRequest):
    wire_rules = fields.REQUEST_RULES["AssignProfileToCampaignRequest"]
    messaging_profile_id: str = Field(alias="messagingProfileId")
    campaign_id: str | None = Field(None, alias="campaignId")
    tcr_campaign_id: str | None = Field(None, alias="tcrCampaignId")


class AssignByProfileResponse(TelnyxModel):
    messaging_profile_id: str = Field(alias="messagingProfileId")
    task_id: str = Field(alias="taskId")
    campaign_id: str | None = Field(None, alias="campaignId")
    tcr_campaign_id: str | None = Field(None, alias="tcrCampaignId")


class ProfileAssignmentTask(TelnyxModel):
    task_id: str = Field(alias="taskId")
    status: TaskStatusValue
    created_at: datetime | None = Field(None, alias="createdAt")
    updated_at: datetime | None = Field(None, alias="updatedAt")


class ProfileAssignmentPhoneNumber(TelnyxModel):
    phone_number: str = Field(alias="phoneNumber")
    status: str
    task_id: str = Field(alias="taskId")


class ProfileAssignmentPhoneNumbers(TelnyxModel):
    records: list[ProfileAssignmentPhoneNumber]


# -- messages ----------------------------------------------------------------------------------
class MessageSendParams(TelnyxRequest):
    to: str
    from_: str | None = Field(None, alias="from")
    text: str | None = None
    messaging_profile_id: str | None = None
    type: MessageType | None = None
    encoding: MessageEncoding | None = None
    subject: str | None = None
    media_urls: list[str] | None = None
    auto_detect: bool | None = None
    use_profile_webhooks: bool | None = None
    webhook_url: str | None = None
    webhook_failover_url: str | None = None


class MessageParty(TelnyxModel):
    """`from` and each `to[]` of a message (From / To in FIELDS.md)."""

    phone_number: str | None = None
    carrier: str | None = None
    line_type: str | None = None
    status: RecipientStatus | None = None


class MessageError(TelnyxModel):
    code: str
    title: str
    detail: str | None = None


class OutboundMessagePayload(TelnyxModel):
    id: str | None = None
    record_type: Literal["message"] | None = None
    direction: str | None = None
    type: fields.OutboundMessagePayloadType | None = None
    from_: MessageParty | None = Field(None, alias="from")
    to: list[MessageParty] | None = None
    text: str | None = None
    messaging_profile_id: str | None = None
    parts: int | None = None
    encoding: str | None = None
    errors: list[MessageError] | None = None
    sent_at: datetime | None = None
    completed_at: datetime | None = None
    received_at: datetime | None = None
    tcr_campaign_id: str | None = None
    webhook_url: str | None = None


class MessagingOptout(TelnyxModel):
    """An opt-out record; the documents name only messaging_profile_id, the rest is kept."""

    messaging_profile_id: str | None = None
