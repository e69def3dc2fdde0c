"""Lookups and wire shapes of the sandbox's numbers and messages, shared by its views and its
tasks (tasks never import views)."""

from dataclasses import dataclass

from django.db.models import Q

from sandbox.api import ApiError
from sandbox.models.numbers import Message, NumberAssignment


def iso(value) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


@dataclass(frozen=True)
class CampaignFacts:
    """What the assignment endpoints need to know of a sandbox campaign."""

    campaign_id: str
    tcr_campaign_id: str
    brand_id: str
    tcr_brand_id: str
    sole_proprietor: bool


def carriable_campaign(campaign_id: str, *, pointer: str, campaigns=None) -> CampaignFacts:
    """The campaign (by Telnyx or TCR id) if it can carry traffic (MNO_PROVISIONED and not
    deactivated), else 422 pointing at the field. `campaigns`: those of the request's account
    (another account's campaign is not found); every campaign when not given (a task)."""
    from sandbox.models.campaigns import SandboxCampaign

    campaign = (
        (SandboxCampaign.objects.all() if campaigns is None else campaigns)
        .select_related("brand")
        .filter(Q(campaign_id=campaign_id) | Q(tcr_campaign_id=campaign_id))
        .first()
    )
    if campaign is None:
        raise ApiError(422, f"Campaign {campaign_id} not found.", pointer=pointer)
    if campaign.campaign_status != "MNO_PROVISIONED" or campaign.deactivated_at is not None:
        raise ApiError(
            422,
            f"Campaign {campaign_id} is {campaign.campaign_status}; numbers can be assigned "
            "only to an active campaign provisioned at the carriers (MNO_PROVISIONED).",
            pointer=pointer,
        )
    return CampaignFacts(
        campaign_id=campaign.campaign_id,
        tcr_campaign_id=campaign.tcr_campaign_id or "",
        brand_id=campaign.brand.brand_id,
        tcr_brand_id=campaign.brand.tcr_brand_id or "",
        sole_proprietor=campaign.usecase == "SOLE_PROPRIETOR",
    )


def message_json(message: Message) -> dict:
    return {
        "id": message.id,
        "record_type": "message",
        "direction": "outbound",
        "type": "SMS",
        "messaging_profile_id": message.profile_id,
        "from": {"phone_number": message.from_number, "carrier": "Telnyx", "line_type": "VoIP"},
        "to": [
            {
                "phone_number": message.to_number,
                "status": message.status,
                "carrier": "Sandbox Wireless",
                "line_type": "Wireless",
            }
        ],
        "text": message.text,
        "encoding": "GSM-7",
        "parts": 1,
        "cost": None,
        "errors": message.errors,
        "tcr_campaign_id": message.tcr_campaign_id or None,
        "received_at": iso(message.created_at),
        "sent_at": iso(message.sent_at),
        "completed_at": iso(message.completed_at),
        "webhook_url": message.webhook_url or None,
        "webhook_failover_url": message.webhook_failover_url or None,
    }


def assignment_json(assignment: NumberAssignment) -> dict:
    return {
        "phoneNumber": assignment.phone_number,
        "campaignId": assignment.campaign_id,
        "telnyxCampaignId": assignment.campaign_id,
        "tcrCampaignId": assignment.tcr_campaign_id or None,
        "brandId": assignment.brand_id or None,
        "tcrBrandId": assignment.tcr_brand_id or None,
        "assignmentStatus": assignment.assignment_status,
        "failureReasons": assignment.failure_reasons or None,
        "createdAt": iso(assignment.created_at),
        "updatedAt": iso(assignment.updated_at),
    }
