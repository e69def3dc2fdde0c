"""Sandbox lifecycle of campaigns, one pace step per stage (rules in sandbox/campaign_review.py):

    TCR_PENDING ─▶ TCR_ACCEPTED ─▶ MNO_PENDING ─▶ MNO_PROVISIONED
                        │                │
                        ▼                ▼
                  TELNYX_FAILED     MNO_REJECTED ──(appeal)──▶ TCR_ACCEPTED ─▶ …

Each transition sends a flat campaignStatusUpdate (WEBHOOKS.md) to the campaign's webhookURL
(then webhookFailoverURL), Ed25519-signed by sandbox.webhooks.deliver:

    TCR_PENDING → TCR_ACCEPTED      REGISTRATION / ACCEPTED
    TCR_ACCEPTED → TELNYX_FAILED    TELNYX_REVIEW / REJECTED (description: the reasons)
    TCR_ACCEPTED → MNO_PENDING      TELNYX_REVIEW / ACCEPTED
    MNO_PENDING → MNO_REJECTED      MNO_REVIEW / REJECTED (description: the reasons)
    MNO_PENDING → MNO_PROVISIONED   MNO_REVIEW / ACCEPTED, then VERIFIED / ACCEPTED

After an appeal, a rejection's description names the appeal it answers (as Telnyx's own
texts differ from one review to the next), so its body is never byte-identical to an earlier
rejection's and the receiver's de-duplication does not drop it.

A step claims its campaign with a conditional UPDATE on the expected status, so a step that
runs twice (or after a deactivation) does nothing.
"""

from datetime import timedelta

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from sandbox import campaign_review, pace, webhooks
from sandbox.models.brands import SANDBOX_CSP_ID
from sandbox.models.campaigns import SandboxCampaign, brand_facts


def start_review(campaign: SandboxCampaign) -> None:
    """Schedule the next step once the current transaction has committed."""
    transaction.on_commit(lambda: pace.schedule(advance_campaign, campaign.campaign_id))


@task
def advance_campaign(campaign_id: str) -> None:
    campaign = (
        SandboxCampaign.objects.select_related("brand")
        .filter(campaign_id=campaign_id, deactivated_at__isnull=True)
        .first()
    )
    if campaign is None:
        return
    step = _STEPS.get(campaign.campaign_status)
    if step is not None:
        step(campaign)


def _move(campaign: SandboxCampaign, to_status: str, **changes) -> bool:
    """Claim the transition: True when this step moved the campaign."""
    moved = SandboxCampaign.objects.filter(
        pk=campaign.pk, campaign_status=campaign.campaign_status, deactivated_at__isnull=True
    ).update(campaign_status=to_status, updated_at=timezone.now(), **changes)
    if moved:
        campaign.refresh_from_db()
    return bool(moved)


def _registered(campaign: SandboxCampaign) -> None:
    now = timezone.now()
    if _move(
        campaign,
        "TCR_ACCEPTED",
        submission_status="CREATED",
        billed_date=campaign.billed_date or now,
        next_renewal_or_expiration=campaign.next_renewal_or_expiration or now + timedelta(days=90),
    ):
        notify(campaign, "REGISTRATION", "ACCEPTED", "Campaign registered at TCR.")
        pace.schedule(advance_campaign, campaign.campaign_id)


def _telnyx_review(campaign: SandboxCampaign) -> None:
    brand = brand_facts(campaign.brand)
    reasons = campaign_review.telnyx_review(campaign.attributes, campaign.usecase, brand)
    if reasons:
        text = "; ".join(reasons)
        if _move(campaign, "TELNYX_FAILED", failure_reasons=text):
            notify(campaign, "TELNYX_REVIEW", "REJECTED", _rejection_text(campaign, text))
        return
    reviewing = dict.fromkeys(campaign_review.MNO_IDS, "REVIEW")
    if _move(campaign, "MNO_PENDING", failure_reasons="", operation_status=reviewing):
        notify(campaign, "TELNYX_REVIEW", "ACCEPTED", "Campaign accepted by Telnyx review.")
        pace.schedule(advance_campaign, campaign.campaign_id)


def _mno_review(campaign: SandboxCampaign) -> None:
    reasons = campaign_review.mno_review(campaign.attributes)
    if reasons:
        text = "; ".join(reasons)
        rejected = dict.fromkeys(campaign_review.MNO_IDS, "REJECTED")
        if _move(campaign, "MNO_REJECTED", failure_reasons=text, operation_status=rejected):
            notify(campaign, "MNO_REVIEW", "REJECTED", _rejection_text(campaign, text))
        return
    approved = dict.fromkeys(campaign_review.MNO_IDS, "APPROVED")
    if _move(
        campaign,
        "MNO_PROVISIONED",
        failure_reasons="",
        operation_status=approved,
        is_t_mobile_registered=True,
    ):
        notify(campaign, "MNO_REVIEW", "ACCEPTED", "Campaign approved by the carriers.")
        notify(campaign, "VERIFIED", "ACCEPTED", "Campaign provisioned at the carriers.")


def _rejection_text(campaign: SandboxCampaign, text: str) -> str:
    if campaign.appealed_at is None:
        return text
    when = campaign.appealed_at
    return f"Review of the appeal of {when:%B} {when.day}, {when:%Y at %H:%M:%S} UTC: {text}"


_STEPS = {
    "TCR_PENDING": _registered,
    "TCR_ACCEPTED": _telnyx_review,
    "MNO_PENDING": _mno_review,
}


def status_update(campaign: SandboxCampaign, event_type: str, status: str, description: str):
    """The flat campaignStatusUpdate body (WEBHOOKS.md)."""
    return {
        "brandId": campaign.brand.brand_id,
        "campaignId": campaign.campaign_id,
        "createDate": str(int(campaign.created_at.timestamp())),
        "cspId": SANDBOX_CSP_ID,
        "isTMobileRegistered": campaign.is_t_mobile_registered,
        "type": event_type,
        "status": status,
        "description": description,
    }


def notify(campaign: SandboxCampaign, event_type: str, status: str, description: str) -> bool:
    url = campaign.attributes.get("webhookURL") or ""
    failover = campaign.attributes.get("webhookFailoverURL") or ""
    if not (url or failover):
        return False
    payload = status_update(campaign, event_type, status, description)
    return webhooks.deliver(url, payload, failover_url=failover, account=campaign.brand.account)
