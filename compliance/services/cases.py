"""The customer's side of a rejected campaign's case: writing to the reviewers, and asking for
an appeal with what changed.

    customer_writes(campaign, user, body)          # in the conversation; reviewers notified
    request_appeal(campaign, user, explanation)    # to the reviewers' queue, or (no reviewer
                                                   # on this installation) straight to Telnyx

The reviewers' side (messages, sending or declining the appeal) is compliance/services/
review.py; both sides' messages are one conversation (CaseMessage), on the campaign's timeline
and in the audit trail. An appeal request follows the same gate as a reviewer's appeal: while
the rejection report keeps the appeal closed (a rule still fails …), the customer is told what
to fix instead; only a reviewer can override.
"""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from compliance import errors, lifecycle
from compliance.models import AppealRequest, AuditEntry, Campaign, CampaignEvent, CaseMessage
from compliance.services import notifications, rejections, review
from compliance.tenancy import REVIEWER_PERMISSION

MAX_MESSAGE_CHARS = 4000


class CaseRefused(errors.Refusal):
    """Why the customer's message or appeal request was not taken, in plain words."""


def reviewers_exist() -> bool:
    """Whether anyone on this installation reviews campaigns (else requests go to Telnyx)."""
    return get_user_model().objects.with_perm(REVIEWER_PERMISSION, is_active=True).exists()


def conversation(campaign: Campaign):
    return campaign.case_messages.select_related("author")


def customer_writes(campaign: Campaign, user, body: str) -> CaseMessage:
    body = body.strip()
    if not body:
        raise CaseRefused("Write a message first.", {"body": ["Write a message first."]})
    if len(body) > MAX_MESSAGE_CHARS:
        problem = f"Keep the message within {MAX_MESSAGE_CHARS} characters."
        raise CaseRefused(problem, {"body": [problem]})
    with transaction.atomic():
        message = review.record_message(campaign, user, CaseMessage.Side.CUSTOMER, body)
        review.audit(user, AuditEntry.Action.CUSTOMER_MESSAGE, campaign, after={"body": body})
        notifications.notify_reviewers(
            campaign.organisation,
            f"{campaign.organisation} wrote about {campaign}",
            body,
            campaign=campaign,
            brand=campaign.brand,
        )
    return message


_NOT_READ = object()


def appeal_request_problem(campaign: Campaign, report=_NOT_READ) -> str:
    """Why the customer cannot ask for an appeal now ("" when they can). A caller that has
    the campaign's rejection report already passes it (it is read from the checks)."""
    allowed, why = lifecycle.appeal_allowed(campaign.campaign_status or None)
    if not allowed:
        return why
    if review.open_request(campaign) is not None:
        return "You already asked for an appeal: our reviewers will answer here."
    if review.already_appealed(campaign):
        return "This campaign was appealed already: the decision will appear here."
    if report is _NOT_READ:
        report = rejections.rejection_report(campaign)
    if report is not None and report.blocked:
        return (
            "The appeal stays closed ("
            + "; ".join(report.blockers)
            + "): fix what the rejection points at first, or write to our reviewers."
        )
    return ""


def request_appeal(campaign: Campaign, user, explanation: str) -> AppealRequest:
    """Ask for an appeal. With reviewers, the request waits in their queue; without, the
    appeal is sent to Telnyx now (the caller has had the cost confirmed)."""
    explanation = explanation.strip()
    problem = review.appeal_reason_problem(explanation)
    if problem:
        raise CaseRefused(problem, {"explanation": [problem]})
    problem = appeal_request_problem(campaign)
    if problem:
        raise CaseRefused(problem)
    if not reviewers_exist():
        try:
            appeal = review.appeal(campaign, user, explanation)
        except review.ReviewError as exc:
            raise CaseRefused(str(exc)) from exc
        return AppealRequest.objects.create(
            campaign=campaign,
            requested_by=user,
            explanation=explanation,
            state=AppealRequest.State.SENT,
            closed_at=appeal.requested_at,
            closed_by=user,
            appeal=appeal,
        )
    try:
        with transaction.atomic():
            request = AppealRequest.objects.create(
                campaign=campaign, requested_by=user, explanation=explanation
            )
            CampaignEvent.objects.create(
                campaign=campaign,
                kind=CampaignEvent.Kind.MESSAGE,
                description=f"The customer asked for an appeal: {explanation}",
            )
            review.audit(
                user, AuditEntry.Action.APPEAL_REQUEST, campaign, after={"explanation": explanation}
            )
            notifications.notify_reviewers(
                campaign.organisation,
                f"Appeal requested: {campaign}",
                explanation,
                campaign=campaign,
                brand=campaign.brand,
            )
    except IntegrityError:  # two clicks, two tabs: one open request per campaign
        raise CaseRefused(
            "You already asked for an appeal: our reviewers will answer here."
        ) from None
    return request
