"""Account use cases: signing up creates the organisation and its owner together (and a user
may found more: an agency adds each client); deleting an account is refused while its user
alone answers for an organisation with live campaigns.

Sign-in, sign-up forms, e-mail verification, passwords and two-factor sign-in are
django-allauth's (compliance/allauth_adapter.py wires it to these functions)."""

from django.contrib.auth.models import User
from django.db import transaction

from compliance import lifecycle
from compliance.models import Campaign, Membership, Organisation


@transaction.atomic
def found_organisation(user: User, organisation_name: str) -> Organisation:
    """A new organisation with `user` as its owner: the one a new user signs up for, or another
    one an existing user adds (an agency registering brands for a client)."""
    organisation = Organisation.objects.create(name=organisation_name)
    Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.OWNER)
    return organisation


@transaction.atomic
def sign_up(
    *, username: str, email: str, password: str, organisation_name: str, verified: bool = True
) -> User:
    """An account made outside the sign-up page (demo data, fixtures, an operator): its e-mail
    address is taken as verified unless `verified=False`. The sign-up page goes through
    allauth, which verifies the address by e-mail first."""
    from allauth.account.models import EmailAddress

    user = User.objects.create_user(username=username, email=email, password=password)
    if email:
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
    found_organisation(user, organisation_name)
    return user


def has_authenticator_app(user: User) -> bool:
    """Whether the account signs in with a code from an authenticator app (TOTP); recovery
    codes alone do not count."""
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def has_security_key(user: User) -> bool:
    """Whether the account signs in with a security key or passkey (WebAuthn)."""
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.WEBAUTHN).exists()


def deletion_refusal(user: User) -> str | None:
    """Why this account cannot be deleted now, in plain words; None when it can. For every
    organisation the user alone owns (not only the one they act for): the only owner neither
    leaves members without an owner nor live campaigns without anyone."""
    refusals = []
    for membership in user.memberships.filter(role=Membership.Role.OWNER).select_related(
        "organisation"
    ):
        organisation = membership.organisation
        other_owners = organisation.memberships.filter(role=Membership.Role.OWNER).exclude(
            user=user
        )
        if other_owners.exists():
            continue
        others = organisation.memberships.exclude(user=user).count()
        if others:
            refusals.append(
                f"You are the only owner of {organisation}, which has {others} other "
                f"member{'s' if others != 1 else ''}. Hand the organisation over to one of them "
                "(Members page, Make owner) before deleting your account."
            )
            continue
        live = Campaign.objects.filter(
            organisation=organisation, campaign_status__in=lifecycle.LIVE
        ).count()
        if live:
            refusals.append(
                f"You are the only owner of {organisation}, which has {live} live "
                f"campaign{'s' if live != 1 else ''}. Deactivate {'them' if live != 1 else 'it'} "
                "or make someone else an owner before deleting your account."
            )
    return " ".join(refusals) or None


@transaction.atomic
def delete_account(user: User) -> None:
    """Close the account: it can no longer sign in and its personal details are erased. The
    row itself stays (anonymised) so the audit trail keeps naming who did what."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    refusal = deletion_refusal(user)
    if refusal is not None:
        raise ValueError(refusal)
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    Membership.objects.filter(user=user).delete()
    user.username = f"deleted-{user.pk}"
    user.email = ""
    user.first_name = user.last_name = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
