"""Reviewer actions on a campaign: claim, release, note, edit, appeal, message the customer,
decline a customer's appeal request.

Each action that changes something writes an AuditEntry with the values before and after.
A reviewer may act on a campaign someone else claimed (the view warns them); claiming it is
refused while the other claim is active.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from compliance import errors, lifecycle
from compliance.checks import Finding
from compliance.models import (
    Appeal,
    AppealRequest,
    AuditEntry,
    Campaign,
    CampaignEvent,
    CaseMessage,
    Notification,
    ReviewClaim,
    ReviewNote,
)
from compliance.services import campaigns as campaign_services
from compliance.services import ledger, notifications, rejections, submission
from compliance.services.telnyx_accounts import client_for
from compliance.services.webhooks import read_back_campaign
from compliance.telnyx.errors import TelnyxError

logger = logging.getLogger(__name__)

MIN_APPEAL_WORDS = 5
MAX_APPEAL_CHARS = 1024

# Fields Telnyx lets us change on a submitted campaign: one list, campaign_services'.
EDITABLE_FIELDS = campaign_services.EDITABLE_FIELDS


class ReviewError(errors.Refusal):
    """A reviewer action refused, with a message for the reviewer."""


class ClaimConflict(ReviewError):
    pass


class AppealRefused(ReviewError):
    pass


class TelnyxRefused(ReviewError):
    """Telnyx answered with an error; nothing was recorded as done."""


class EditBlocked(ReviewError):
    def __init__(self, findings: list[Finding]):
        self.findings = findings
        super().__init__("Fix the errors the checks found before saving.")


def audit(actor, action, campaign: Campaign, *, before=None, after=None, note="") -> AuditEntry:
    """One audit-trail entry about `campaign` (the reviewers' and the customers' actions)."""
    return AuditEntry.objects.create(
        actor=actor,
        action=action,
        organisation_id=campaign.organisation_id,
        campaign=campaign,
        brand_id=campaign.brand_id,
        before=before or {},
        after=after or {},
        note=note,
    )


# Claims ----------------------------------------------------------------------------------


def active_claim(campaign: Campaign) -> ReviewClaim | None:
    return (
        campaign.review_claims.filter(released_at__isnull=True).select_related("reviewer").first()
    )


def claim_warning(campaign: Campaign, reviewer: User) -> str:
    """A warning when the campaign is claimed by another reviewer; "" otherwise."""
    current = active_claim(campaign)
    if current is None or current.reviewer_id == reviewer.pk:
        return ""
    return (
        f"{current.reviewer} claimed this campaign on {current.claimed_at:%Y-%m-%d %H:%M} UTC; "
        "you are acting on a campaign someone else is working on."
    )


def claim(campaign: Campaign, reviewer: User) -> ReviewClaim:
    """Claim the campaign; ClaimConflict when another reviewer holds it."""
    with transaction.atomic():
        current = active_claim(campaign)
        if current is not None:
            if current.reviewer_id == reviewer.pk:
                return current
            raise ClaimConflict(f"{current.reviewer} already claimed this campaign.")
        try:
            with transaction.atomic():
                new = ReviewClaim.objects.create(campaign=campaign, reviewer=reviewer)
        except IntegrityError:  # another reviewer claimed it a moment ago
            raise ClaimConflict("Another reviewer claimed this campaign a moment ago.") from None
        audit(
            reviewer,
            AuditEntry.Action.CLAIM,
            campaign,
            before={"claimed_by": None},
            after={"claimed_by": reviewer.get_username()},
        )
    return new


def unclaim(campaign: Campaign, reviewer: User) -> None:
    """Release the reviewer's own claim."""
    with transaction.atomic():
        current = active_claim(campaign)
        if current is None:
            raise ReviewError("Nobody has claimed this campaign.")
        if current.reviewer_id != reviewer.pk:
            raise ClaimConflict(f"Only {current.reviewer} can release their claim.")
        current.released_at = timezone.now()
        current.save(update_fields=["released_at"])
        audit(
            reviewer,
            AuditEntry.Action.UNCLAIM,
            campaign,
            before={"claimed_by": reviewer.get_username()},
            after={"claimed_by": None},
        )


# Notes and messages ------------------------------------------------------------------------


def add_note(campaign: Campaign, reviewer: User, body: str) -> ReviewNote:
    with transaction.atomic():
        note = ReviewNote.objects.create(campaign=campaign, author=reviewer, body=body)
        audit(reviewer, AuditEntry.Action.NOTE, campaign, after={"note": body})
    return note


def record_message(campaign: Campaign, author: User, side: str, body: str) -> CaseMessage:
    """A message of the case conversation, also on the campaign's timeline (both sides read
    both). The caller notifies the other side and audits."""
    message = CaseMessage.objects.create(campaign=campaign, author=author, side=side, body=body)
    who = "our reviewers" if side == CaseMessage.Side.REVIEWER else "the customer"
    CampaignEvent.objects.create(
        campaign=campaign,
        kind=CampaignEvent.Kind.MESSAGE,
        description=f"Message from {who}: {body}",
    )
    return message


def message_customer(campaign: Campaign, reviewer: User, title: str, body: str) -> Notification:
    """A message to the campaign's organisation: in the conversation and notified."""
    with transaction.atomic():
        record_message(campaign, reviewer, CaseMessage.Side.REVIEWER, body)
        notification = notifications.notify(
            campaign.organisation, title, body, campaign=campaign, brand=campaign.brand
        )
        audit(
            reviewer,
            AuditEntry.Action.MESSAGE,
            campaign,
            after={"title": title, "body": body},
        )
    return notification


# Checks and edits --------------------------------------------------------------------------


def review_findings(campaign: Campaign, **overrides) -> list[Finding]:
    """The compliance findings of the campaign's content, with unsaved `overrides` applied:
    the same checks, with the same brand context, as the customer's builder runs."""
    return campaign_services.findings(campaign, overrides)


def edit_campaign(campaign: Campaign, reviewer: User, values: dict) -> dict:
    """The customer's edit (campaign_services.edit_campaign), audited. {field: (before,
    after)}; EditBlocked when the checks find errors, TelnyxRefused when Telnyx answers with an
    error (nothing is stored then)."""
    if not campaign.campaign_id:
        raise ReviewError("This campaign has not been submitted to Telnyx; it cannot be edited.")

    def audit_changes(changes: dict) -> None:
        before = {name: old for name, (old, _new) in changes.items()}
        after = {name: new for name, (_old, new) in changes.items()}
        audit(reviewer, AuditEntry.Action.EDIT, campaign, before=before, after=after)

    try:
        return campaign_services.edit_campaign(
            campaign, values, editor="A reviewer", on_saved=audit_changes
        )
    except campaign_services.EditBlocked as exc:
        raise EditBlocked(exc.findings) from exc
    except campaign_services.CampaignError as exc:
        raise TelnyxRefused(exc.message) from exc


# Appeals ---------------------------------------------------------------------------------


def appeal_reason_problem(reason: str) -> str:
    """Why an appeal reason is not good enough, or ""."""
    reason = reason.strip()
    if len(reason.split()) < MIN_APPEAL_WORDS:
        return (
            f"Explain the appeal in at least {MIN_APPEAL_WORDS} words: what was fixed, or why "
            "the rejection is mistaken."
        )
    if len(reason) > MAX_APPEAL_CHARS:
        return f"Keep the appeal reason within {MAX_APPEAL_CHARS} characters."
    return ""


_NEGATIVE_EVENT_STATUSES = ("REJECTED", "FAILED", "failed")


def _last_rejection_at(campaign: Campaign) -> datetime | None:
    """When the campaign was last rejected: a negative event, a move into a rejected status,
    or a read-back finding it rejected (an event that leaves a rejected status as it was, such
    as a late acceptance of an earlier stage, does not count)."""
    rejection = (
        campaign.events.filter(
            Q(event_status__in=_NEGATIVE_EVENT_STATUSES)
            | Q(
                Q(to_status__in=lifecycle.APPEALABLE),
                ~Q(from_status=F("to_status")) | Q(kind=CampaignEvent.Kind.RECONCILE),
            )
        )
        .order_by("created_at", "id")
        .last()
    )
    return rejection.created_at if rejection else campaign.status_changed_at


def already_appealed(campaign: Campaign) -> bool:
    """Appealed since the last rejection (a new rejection allows a new appeal)."""
    if campaign.appealed_at is None:
        return False
    rejected_at = _last_rejection_at(campaign)
    return rejected_at is None or campaign.appealed_at >= rejected_at


def override_reason_problem(reason: str) -> str:
    if len(reason.strip().split()) < MIN_APPEAL_WORDS:
        return (
            f"Say in at least {MIN_APPEAL_WORDS} words why the appeal should go although the "
            "rules the rejection points at still fail; it goes in the audit trail."
        )
    return ""


def appeal_gate(campaign: Campaign) -> list[str]:
    """Why the appeal stays closed (empty: open): the ids of the rules the rejection points
    at that still fail, a published reason not to be resubmitted, or the same content already
    turned down on appeal (rejections.RejectionReport.blockers)."""
    report = rejections.rejection_report(campaign)
    return report.blockers if report else []


def open_request(campaign: Campaign) -> AppealRequest | None:
    return campaign.appeal_requests.filter(state=AppealRequest.State.OPEN).first()


def decline_request(campaign: Campaign, reviewer: User, body: str) -> AppealRequest:
    """Answer the customer's appeal request without appealing: why, in a message."""
    body = body.strip()
    if len(body.split()) < MIN_APPEAL_WORDS:
        raise AppealRefused(
            f"Tell the customer in at least {MIN_APPEAL_WORDS} words why the appeal is not sent "
            "and what to change."
        )
    with transaction.atomic():
        request = (
            AppealRequest.objects.select_for_update()
            .filter(campaign=campaign, state=AppealRequest.State.OPEN)
            .first()
        )
        if request is None:
            raise AppealRefused("There is no open appeal request on this campaign.")
        request.state = AppealRequest.State.DECLINED
        request.closed_at, request.closed_by = timezone.now(), reviewer
        request.save(update_fields=["state", "closed_at", "closed_by"])
        record_message(campaign, reviewer, CaseMessage.Side.REVIEWER, body)
        audit(
            reviewer,
            AuditEntry.Action.APPEAL_DECLINED,
            campaign,
            before={"request": request.explanation},
            after={"state": request.state},
            note=body,
        )
        notifications.notify(
            campaign.organisation,
            f"Appeal not sent yet: {campaign}",
            body,
            campaign=campaign,
            brand=campaign.brand,
        )
    return request


# Far longer than any call to Telnyx can take (the client's timeout is seconds).
APPEAL_ABANDONED_AFTER = timedelta(minutes=5)
ABANDONED_APPEAL = (
    "No answer from Telnyx was recorded (the sending process stopped). If Telnyx received "
    "the appeal, its decision arrives by webhook; otherwise appeal again."
)


def appeal(campaign: Campaign, reviewer: User, reason: str, *, override_reason: str = "") -> Appeal:
    """POST /10dlc/campaign/{id}/appeal. The Appeal row is written under a lock before the
    call (one in flight per campaign); appealed_at is recorded only once Telnyx accepted.
    While a rule the rejection points at still fails, the appeal is refused unless the
    reviewer overrides with a reason (written to the audit trail).
    AppealRefused when the campaign cannot be appealed now, TelnyxRefused on a Telnyx error."""
    reason = reason.strip()
    problem = appeal_reason_problem(reason)
    if problem:
        raise AppealRefused(problem)
    override_reason = override_reason.strip()
    with transaction.atomic():
        locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
        allowed, why = lifecycle.appeal_allowed(locked.campaign_status or None)
        if not allowed:
            raise AppealRefused(why)
        # A process that stopped mid-call leaves its appeal "being sent" for good: long after
        # any answer could come, it no longer blocks the next one.
        locked.appeals.filter(
            state=Appeal.State.SENDING, requested_at__lt=timezone.now() - APPEAL_ABANDONED_AFTER
        ).update(state=Appeal.State.FAILED, error=ABANDONED_APPEAL)
        if locked.appeals.filter(state=Appeal.State.SENDING).exists():
            raise AppealRefused("An appeal of this campaign is being sent right now.")
        if already_appealed(locked):
            raise AppealRefused(
                f"This campaign was already appealed on {locked.appealed_at:%Y-%m-%d %H:%M} UTC; "
                "wait for the decision."
            )
        failing = appeal_gate(locked)
        if failing and not override_reason:
            raise AppealRefused(
                "The appeal stays closed ("
                + "; ".join(failing)
                + "): fix the content first, or override with a reason."
            )
        if failing and override_reason_problem(override_reason):
            raise AppealRefused(override_reason_problem(override_reason))
        try:
            with transaction.atomic():
                record = Appeal.objects.create(
                    campaign=locked,
                    requested_by=reviewer,
                    reason=reason,
                    status_at_appeal=locked.campaign_status,
                )
        except IntegrityError:
            raise AppealRefused("An appeal of this campaign is being sent right now.") from None
        if failing:
            audit(
                reviewer,
                AuditEntry.Action.OVERRIDE,
                locked,
                before={"failing_rules": failing},
                after={"appeal_reason": reason},
                note=override_reason,
            )

    def call():
        with client_for(locked.organisation_id) as client:
            return client.submit_appeal(locked.campaign_id, reason)

    # An appeal is one call, never retried automatically (services/submission.py).
    sent = submission.send(call)
    exc = sent.unanswered or sent.refused
    if exc is not None:
        message = errors.plain_words(exc, "send the appeal", thing="campaign")
        with transaction.atomic():
            record.state, record.error = Appeal.State.FAILED, message
            record.save(update_fields=["state", "error"])
            state = {"campaign_status": locked.campaign_status, "appealed_at": None}
            audit(
                reviewer,
                AuditEntry.Action.APPEAL_FAILED,
                locked,
                before=state,
                after=state,
                note=message,
            )
        raise TelnyxRefused(message) from exc

    appealed_at = _appealed_at(sent.answer) or timezone.now()
    with transaction.atomic():
        record.state, record.appealed_at = Appeal.State.ACCEPTED, appealed_at
        record.save(update_fields=["state", "appealed_at"])
        ledger.record_appeal(record)
        # Only appealed_at: the decision webhook may already have moved the status meanwhile.
        # The content under review is the campaign as it stood when the appeal was sent.
        under_review = rejections.snapshot(locked)
        Campaign.objects.filter(pk=locked.pk).update(
            appealed_at=appealed_at,
            submitted_content=under_review,
            submitted_content_at=record.requested_at,
        )
        campaign.appealed_at = appealed_at
        campaign.submitted_content = under_review
        campaign.submitted_content_at = record.requested_at
        event = CampaignEvent.objects.create(
            campaign=locked,
            kind=CampaignEvent.Kind.APPEAL,
            from_status=record.status_at_appeal,
            description="Appeal sent to Telnyx for manual review.",
        )
        # On the timeline the appeal comes when it was sent, before any decision it caused.
        CampaignEvent.objects.filter(pk=event.pk).update(created_at=record.requested_at)
        audit(
            reviewer,
            AuditEntry.Action.APPEAL,
            locked,
            before={"campaign_status": record.status_at_appeal, "appealed_at": None},
            after={"appealed_at": appealed_at.isoformat(), "appeal_reason": reason},
        )
        # The customer's request (if any) is answered: the appeal went.
        answered = AppealRequest.objects.filter(
            campaign=locked, state=AppealRequest.State.OPEN
        ).update(
            state=AppealRequest.State.SENT,
            closed_at=timezone.now(),
            closed_by=reviewer,
            appeal=record,
        )
        if answered:
            notifications.notify(
                locked.organisation,
                f"Appeal sent to Telnyx: {locked}",
                "Our reviewers sent the appeal you asked for. Telnyx's decision will appear on "
                "the campaign's page.",
                campaign=locked,
                brand=locked.brand,
            )
    # Telnyx resets an appealed campaign to TCR_ACCEPTED: read its status back as the truth
    # (a rejected status outranks the positive events that follow, see lifecycle.py).
    try:
        change = read_back_campaign(campaign)
    except TelnyxError as exc:
        logger.warning("appeal of campaign %s: read-back failed: %s", campaign.pk, exc)
        return record
    if not change.changed:
        # Still rejected after the appeal: Telnyx has decided already. Say so on the timeline
        # (a repeated rejection webhook can be identical to the first and dropped as such).
        CampaignEvent.objects.create(
            campaign=campaign,
            kind=CampaignEvent.Kind.RECONCILE,
            event_status=change.after,
            from_status=change.before,
            to_status=change.after,
            description=f"After the appeal, Telnyx reports the campaign as {change.after}.",
        )
    return record


def _appealed_at(answer) -> datetime | None:
    value = answer.get("appealed_at") if isinstance(answer, dict) else None
    value = value if value is not None else getattr(answer, "appealed_at", None)
    if isinstance(value, str):
        value = parse_datetime(value)
    return value


@dataclass(frozen=True)
class AppealState:
    """Where the latest appeal stands, for reviewers and for the customer."""

    appealed_at: datetime
    outcome: str  # "in_review", "approved", "rejected"
    words: str
    badge: str
    latest_event: str


_OUTCOMES = {
    "in_review": ("The appeal is being reviewed.", lifecycle.Badge.INFO),
    "approved": ("The appeal succeeded: the campaign is live.", lifecycle.Badge.OK),
    "rejected": ("The appeal was turned down.", lifecycle.Badge.BAD),
}


def appeal_state(campaign: Campaign) -> AppealState | None:
    """The latest appeal's state from appealed_at and the timeline events since it."""
    if campaign.appealed_at is None:
        return None
    appeal_event = campaign.events.filter(kind=CampaignEvent.Kind.APPEAL).last()
    since = appeal_event.created_at if appeal_event else campaign.appealed_at
    later = (
        campaign.events.filter(created_at__gt=since)
        .exclude(
            kind__in=[
                CampaignEvent.Kind.APPEAL,
                CampaignEvent.Kind.EDIT,
                CampaignEvent.Kind.MESSAGE,
            ]
        )
        .last()
    )
    status = campaign.campaign_status or None
    if status == lifecycle.CampaignStatus.MNO_PROVISIONED:
        outcome = "approved"
    elif later is not None and status and lifecycle.campaign_status(status) in lifecycle.TERMINAL:
        outcome = "rejected"
    else:
        outcome = "in_review"
    words, badge = _OUTCOMES[outcome]
    return AppealState(
        appealed_at=campaign.appealed_at,
        outcome=outcome,
        words=words,
        badge=str(badge),
        latest_event=later.description if later else "",
    )
