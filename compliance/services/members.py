"""An organisation's members: invitations by e-mail (with expiry, resend and revoke), roles,
removal and handing over ownership. Every change is written to the audit trail with who did
it (AuditEntry), and so is every confirmation of a fee (`record_confirmation`).

What each role may do is compliance/roles.py; these functions keep the organisation whole
(it always has an owner) and say no in plain words (`MembersRefused`).
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from compliance import ratelimit, roles
from compliance.errors import Refusal
from compliance.http import absolute_url
from compliance.models import (
    AuditEntry,
    Brand,
    Campaign,
    Invitation,
    Membership,
    Organisation,
    Submittable,
)
from compliance.presentation import person
from compliance.services import notifications

Role = Membership.Role
Action = AuditEntry.Action

# An invitation is sent again at most this often (a mistyped click, a loop, a spammer).
RESEND_INTERVAL = timedelta(minutes=5)
# Roles one may be invited to or changed to; an owner is made only by handing over ownership.
ASSIGNABLE_ROLES = (Role.ADMIN, Role.MEMBER, Role.VIEWER)


class MembersRefused(Refusal):
    """A change to the members that would break a rule, in plain words."""


def record(
    actor: User,
    action: str,
    organisation: Organisation,
    note: str,
    *,
    brand: Brand | None = None,
    campaign: Campaign | None = None,
) -> AuditEntry:
    """One entry of the organisation's audit trail, its `note` the whole sentence in words."""
    return AuditEntry.objects.create(
        actor=actor,
        action=action,
        organisation=organisation,
        brand=brand,
        campaign=campaign,
        note=note,
    )


def record_confirmation(subject: Submittable, user: User) -> AuditEntry:
    """Who confirmed the fee of a brand registration or a campaign submission."""
    if isinstance(subject, Brand):
        return record(
            user,
            Action.BRAND_SUBMITTED,
            subject.organisation,
            f"{person(user)} confirmed the registration fee of the brand {subject}.",
            brand=subject,
        )
    assert isinstance(subject, Campaign), "brands and campaigns are the submittable things"
    return record(
        user,
        Action.CAMPAIGN_SUBMITTED,
        subject.organisation,
        f"{person(user)} confirmed the submission fee of the campaign {subject}.",
        campaign=subject,
        brand=subject.brand,
    )


def trail(organisation: Organisation, limit: int = 50) -> list[dict]:
    """The organisation's own audit trail (members, fees, appeals) in sentences, newest
    first. Each names the person who acted, never an id."""
    entries = AuditEntry.objects.filter(
        organisation=organisation, action__in=MEMBER_AND_FEE_ACTIONS
    ).select_related("actor", "campaign")[:limit]
    return [{"words": entry.note or _sentence(entry), "at": entry.created_at} for entry in entries]


def _sentence(entry: AuditEntry) -> str:
    """An entry written without a sentence of its own (an appeal request)."""
    about = f" for the campaign {entry.campaign}" if entry.campaign else ""
    return f"{person(entry.actor)}: {entry.get_action_display().lower()}{about}."


MEMBER_AND_FEE_ACTIONS = (
    Action.MEMBER_INVITED,
    Action.INVITATION_RESENT,
    Action.INVITATION_REVOKED,
    Action.MEMBER_JOINED,
    Action.ROLE_CHANGED,
    Action.MEMBER_REMOVED,
    Action.OWNER_TRANSFERRED,
    Action.BRAND_SUBMITTED,
    Action.CAMPAIGN_SUBMITTED,
    Action.VETTING_ORDERED,
    Action.APPEAL_REQUEST,  # with no reviewer, the request is the (billed) appeal itself
)


def expiry_words() -> str:
    days = settings.INVITATION_EXPIRY_DAYS
    if days == int(days):
        return f"{int(days)} day{'s' if days != 1 else ''}"
    return f"{round(days * 24)} hours"


def role_words(role: str) -> str:
    return Role(role).label.lower()


# -- invitations -------------------------------------------------------------------------------
def pending_invitations(organisation: Organisation):
    return organisation.invitations.filter(
        accepted_at__isnull=True, revoked_at__isnull=True
    ).select_related("invited_by")


def invite(organisation: Organisation, by: User, email: str, role: str) -> Invitation:
    """Invite `email` to join with `role`; the e-mail goes out once the transaction commits."""
    email = email.strip()
    if role not in ASSIGNABLE_ROLES:
        raise MembersRefused("Choose admin, member or viewer; ownership is handed over later.")
    if organisation.memberships.filter(user__email__iexact=email).exists():
        raise MembersRefused(f"{email} is already a member of {organisation}.")
    open_one = [i for i in pending_invitations(organisation).filter(email__iexact=email)]
    if any(not i.is_expired for i in open_one):
        raise MembersRefused(
            f"{email} already has an invitation waiting. Send it again from the list below."
        )
    _count_an_email(organisation)
    with transaction.atomic():
        for stale in open_one:  # expired: the new invitation replaces it
            stale.revoked_at = timezone.now()
            stale.save(update_fields=["revoked_at"])
        invitation = Invitation(organisation=organisation, email=email, role=role, invited_by=by)
        token = invitation.new_token()
        invitation.save()
        record(
            by,
            Action.MEMBER_INVITED,
            organisation,
            f"{person(by)} invited {email} as {role_words(role)}.",
        )
        _send_after_commit(invitation, token)
    return invitation


def resend(invitation: Invitation, by: User) -> Invitation:
    """A new link (the old one stops working) and a new expiry; at most every few minutes."""
    if invitation.accepted_at or invitation.revoked_at:
        raise MembersRefused("This invitation was already accepted or revoked.")
    wait = invitation.sent_at + RESEND_INTERVAL - timezone.now()
    if wait > timedelta(0):
        minutes = max(1, round(wait.total_seconds() / 60))
        raise MembersRefused(
            f"The invitation to {invitation.email} was sent moments ago. You can send it "
            f"again in {minutes} minute{'s' if minutes != 1 else ''}."
        )
    _count_an_email(invitation.organisation)
    with transaction.atomic():
        token = invitation.new_token()
        invitation.save(update_fields=["token_hash", "sent_at", "expires_at"])
        record(
            by,
            Action.INVITATION_RESENT,
            invitation.organisation,
            f"{person(by)} sent the invitation to {invitation.email} again.",
        )
        _send_after_commit(invitation, token)
    return invitation


def revoke(invitation: Invitation, by: User) -> None:
    if invitation.accepted_at:
        raise MembersRefused(f"{invitation.email} already accepted; remove them instead.")
    if invitation.revoked_at:
        return
    with transaction.atomic():
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        record(
            by,
            Action.INVITATION_REVOKED,
            invitation.organisation,
            f"{person(by)} revoked the invitation to {invitation.email}.",
        )


def _count_an_email(organisation: Organisation) -> None:
    limit = ratelimit.INVITATIONS_PER_ORGANISATION
    if ratelimit.hit(limit, str(organisation.public_id)):
        raise MembersRefused(
            f"{organisation} sent {limit.limit} invitations in the last "
            f"{limit.window_words}. Please wait a while before sending more."
        )


def _send_after_commit(invitation: Invitation, token: str) -> None:
    link = absolute_url("invitation", token)
    organisation = invitation.organisation
    subject = f"{person(invitation.invited_by)} invited you to {organisation}"
    context = {
        "invitation": invitation,
        "inviter": person(invitation.invited_by),
        "role": role_words(invitation.role),
        "role_words": roles.ROLE_WORDS[Role(invitation.role)],
        "link": link,
    }

    def send() -> None:
        messages = notifications.email(subject, "invitation", context, [invitation.email])
        notifications.deliver(messages, f"invitation {invitation.pk}")

    transaction.on_commit(send)


def invitation_for(token: str) -> Invitation | None:
    if not token:
        return None
    return (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(token_hash=Invitation.hash_token(token))
        .first()
    )


def waiting_invitation(email: str) -> Invitation | None:
    """A live invitation for this address, if any (sign-up then founds no organisation)."""
    if not email:
        return None
    for invitation in Invitation.objects.filter(
        email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
    ):
        if not invitation.is_expired:
            return invitation
    return None


def invitation_problem(invitation: Invitation | None) -> str | None:
    """Why the link cannot be used, in plain words; None when it can."""
    if invitation is None:
        return (
            "This invitation link is not valid. It may have been sent again (only the newest "
            "e-mail's link works) or mistyped. Ask whoever invited you to send it again."
        )
    inviter = person(invitation.invited_by)
    if invitation.accepted_at:
        return f"This invitation to {invitation.organisation} was already accepted."
    if invitation.revoked_at:
        return (
            f"This invitation to {invitation.organisation} was withdrawn. Ask {inviter} "
            "for a new one if you still need access."
        )
    if invitation.is_expired:
        return (
            f"This invitation to {invitation.organisation} has expired. Ask {inviter} to send "
            "it again: the new e-mail's link will work."
        )
    return None


def joining_refusal(user: User, invitation: Invitation) -> str | None:
    """Why `user` cannot join through `invitation`, in plain words; None when they can.

    The one place for who may join: the invited address, confirmed on the account, and not
    already a member of that organisation (members of others may join: agencies)."""
    verified = EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists()
    if not verified:
        return (
            f"This invitation was sent to {invitation.email}, but you are signed in with "
            f"another or unconfirmed address. Sign in as {invitation.email}, or add and "
            "confirm that address on your account page, then open the link again."
        )
    # A user may belong to several organisations (an agency and its clients): only the same
    # one twice is refused.
    if Membership.objects.filter(user=user, organisation_id=invitation.organisation_id).exists():
        return f"You are already a member of {invitation.organisation}."
    return None


def accept(invitation: Invitation, user: User) -> Membership:
    problem = invitation_problem(invitation) or joining_refusal(user, invitation)
    if problem:
        raise MembersRefused(problem)
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.accepted_at or locked.revoked_at:
            raise MembersRefused(invitation_problem(locked) or "This invitation was used.")
        locked.accepted_at = timezone.now()
        locked.accepted_by = user
        locked.save(update_fields=["accepted_at", "accepted_by"])
        membership = Membership.objects.create(
            user=user, organisation=invitation.organisation, role=invitation.role
        )
        record(
            user,
            Action.MEMBER_JOINED,
            invitation.organisation,
            f"{person(user)} accepted the invitation of {person(invitation.invited_by)} and "
            f"joined as {role_words(invitation.role)}.",
        )
    return membership


# -- members -----------------------------------------------------------------------------------
def members(organisation: Organisation):
    order = {Role.OWNER: 0, Role.ADMIN: 1, Role.MEMBER: 2, Role.VIEWER: 3}
    rows = list(organisation.memberships.select_related("user"))
    return sorted(rows, key=lambda m: (order.get(Role(m.role), 9), m.user.email))


def _touchable(target: Membership, by: Membership, doing: str) -> None:
    if target.organisation_id != by.organisation_id:
        raise MembersRefused("That person is not a member of your organisation.")
    if target.role == Role.OWNER:
        raise MembersRefused(
            f"{person(target.user)} owns the organisation: their role cannot be {doing}. An "
            "owner hands the organisation over first (Transfer ownership)."
        )


def change_role(target: Membership, role: str, by: Membership) -> Membership:
    if role not in ASSIGNABLE_ROLES:
        raise MembersRefused("Choose admin, member or viewer.")
    _touchable(target, by, "changed")
    if target.role == role:
        return target
    before = target.get_role_display().lower()
    with transaction.atomic():
        target.role = role
        target.save(update_fields=["role"])
        record(
            by.user,
            Action.ROLE_CHANGED,
            target.organisation,
            f"{person(by.user)} changed {person(target.user)} from {before} to {role_words(role)}.",
        )
    return target


def remove(target: Membership, by: Membership) -> None:
    """Remove a member (never an owner: the organisation always keeps one)."""
    _touchable(target, by, "removed")
    with transaction.atomic():
        target.delete()
        record(
            by.user,
            Action.MEMBER_REMOVED,
            target.organisation,
            f"{person(by.user)} removed {person(target.user)} "
            f"({target.get_role_display().lower()}).",
        )


def transfer_ownership(target: Membership, by: Membership) -> None:
    """The owner hands the organisation to another member, and stays on as an admin."""
    if by.role != Role.OWNER:
        raise MembersRefused("Only the owner can hand over the organisation.")
    if target.organisation_id != by.organisation_id:
        raise MembersRefused("That person is not a member of your organisation.")
    if target.pk == by.pk:
        raise MembersRefused("You already own the organisation.")
    with transaction.atomic():
        # Two handovers at once: the second finds its sender no longer the owner.
        locked = Membership.objects.select_for_update().filter(pk__in=[by.pk, target.pk])
        if {m.pk: m.role for m in locked}.get(by.pk) != Role.OWNER:
            raise MembersRefused("You no longer own the organisation.")
        target.role = Role.OWNER
        target.save(update_fields=["role"])
        by.role = Role.ADMIN
        by.save(update_fields=["role"])
        record(
            by.user,
            Action.OWNER_TRANSFERRED,
            target.organisation,
            f"{person(by.user)} handed the organisation over to {person(target.user)}, "
            "and stays on as admin.",
        )
