"""Campaigns shared between this Telnyx account and partner CSPs (10DLC-API.md §2.3):

- campaigns a partner shared with Telnyx that the account accepted (GET /10dlc/partner_campaigns),
  each with its sharing status per partner (GET /10dlc/partnerCampaign/{id}/sharing);
- campaigns the account shared with a partner that Telnyx accepted
  (GET /10dlc/partnerCampaign/sharedByMe);
- accepting a share by its TCR campaign id (POST /10dlc/campaign/acceptSharing/{id});
- one campaign's sharing chain and its registry (OSR) attributes, on a reviewer's request
  (GET /10dlc/campaign/{id}/sharing and /osr/attributes).

They belong to the deployment's Telnyx account, not to one organisation, so only reviewers see
them (compliance/review).
"""

from dataclasses import dataclass

from compliance import errors
from compliance.services.telnyx_accounts import client_for
from compliance.telnyx.client import TelnyxClient
from compliance.telnyx.errors import NotFound, TelnyxError
from compliance.telnyx.fields import OPERATIONS
from compliance.telnyx.schemas.campaigns import (
    CampaignSharingChain,
    CampaignSharingStatus,
    SharedCampaign,
    TelnyxDownstreamCampaign,
)

# The spec's pattern for a TCR campaign id (AcceptCampaign's path parameter).
TCR_CAMPAIGN_ID = OPERATIONS["AcceptCampaign"]["parameters"]["campaignId"]["pattern"]


class PartnerError(errors.Refusal):
    """A partner-campaign action or read that did not happen."""


class PartnerCampaignUnknown(PartnerError):
    """Telnyx has no accepted partner campaign of that id."""


@dataclass(frozen=True)
class PartnerCampaign:
    """A campaign shared with Telnyx, with its sharing status per partner."""

    tcr_campaign_id: str
    tcr_brand_id: str
    brand_display_name: str
    usecase: str
    campaign_status: str
    sharing: dict[str, CampaignSharingStatus]


@dataclass(frozen=True)
class SharedCampaigns:
    with_us: list[PartnerCampaign]
    by_us: list[SharedCampaign]


def shared_campaigns(client: TelnyxClient | None = None) -> SharedCampaigns:
    """Both directions, read from Telnyx now."""

    def read(c: TelnyxClient) -> SharedCampaigns:
        with_us = [
            PartnerCampaign(
                tcr_campaign_id=campaign.tcr_campaign_id,
                tcr_brand_id=campaign.tcr_brand_id,
                brand_display_name=campaign.brand_display_name or "",
                usecase=campaign.usecase or "",
                campaign_status=campaign.campaign_status or "",
                sharing=c.get_partner_campaign_sharing(campaign.tcr_campaign_id),
            )
            for campaign in c.iter_partner_campaigns()
        ]
        return SharedCampaigns(with_us=with_us, by_us=list(c.iter_shared_by_me()))

    try:
        return _with_client(client, read)
    except TelnyxError as exc:
        raise PartnerError(errors.plain_words(exc, "read the shared campaigns")) from exc


@dataclass(frozen=True)
class RegistryDetails:
    """A campaign's sharing chain with partners and its attributes in the carriers' registry
    (OSR), read from Telnyx when a reviewer asks for them."""

    sharing: CampaignSharingChain
    osr_attributes: dict


def registry_details(
    campaign_id: str, client: TelnyxClient | None = None, *, organisation_id: int | None = None
) -> RegistryDetails:
    def read(c: TelnyxClient) -> RegistryDetails:
        return RegistryDetails(
            sharing=c.get_sharing(campaign_id), osr_attributes=c.get_osr_attributes(campaign_id)
        )

    try:
        return _with_client(client, read, organisation_id=organisation_id)
    except TelnyxError as exc:
        raise PartnerError(
            errors.plain_words(exc, "read the campaign's sharing and registry details")
        ) from exc


def accept_sharing(tcr_campaign_id: str, client: TelnyxClient | None = None) -> None:
    """Accept a campaign a partner shared with Telnyx."""
    try:
        _with_client(client, lambda c: c.accept_sharing(tcr_campaign_id))
    except TelnyxError as exc:
        message = errors.plain_words(exc, "accept the shared campaign", thing="shared campaign")
        raise PartnerError(
            message, {"tcr_campaign_id": [m for ms in exc.field_errors().values() for m in ms]}
        ) from exc


def partner_campaign(
    tcr_campaign_id: str, client: TelnyxClient | None = None
) -> tuple[TelnyxDownstreamCampaign, dict[str, CampaignSharingStatus]]:
    """One accepted partner campaign and its sharing status per partner."""

    def read(c: TelnyxClient):
        return c.get_partner_campaign(tcr_campaign_id), c.get_partner_campaign_sharing(
            tcr_campaign_id
        )

    try:
        return _with_client(client, read)
    except TelnyxError as exc:
        message = errors.plain_words(exc, "read the shared campaign", thing="shared campaign")
        unknown = isinstance(exc, NotFound)
        raise (PartnerCampaignUnknown if unknown else PartnerError)(message) from exc


def set_partner_webhooks(
    tcr_campaign_id: str,
    webhook_url: str,
    webhook_failover_url: str,
    client: TelnyxClient | None = None,
) -> TelnyxDownstreamCampaign:
    """The only fields of a partner campaign Telnyx lets us change (UpdatePartnerCampaignRequest).
    A blank one is not sent, so it keeps its value at Telnyx."""

    def update(c: TelnyxClient):
        return c.update_partner_campaign(
            tcr_campaign_id,
            webhook_url=webhook_url or None,
            webhook_failover_url=webhook_failover_url or None,
        )

    try:
        return _with_client(client, update)
    except TelnyxError as exc:
        wire_to_field = {"webhookURL": "webhook_url", "webhookFailoverURL": "webhook_failover_url"}
        raise PartnerError(
            errors.plain_words(exc, "save the webhooks", thing="shared campaign"),
            errors.field_errors(exc, wire_to_field),
        ) from exc


def _with_client(client: TelnyxClient | None, action, *, organisation_id: int | None = None):
    """Sharing is the platform account's (reviewers); a campaign's registry details are read
    with its organisation's own account when it has one."""
    if client is not None:
        return action(client)
    with client_for(organisation_id) as own:
        return action(own)
