"""Demo organisation, its user and a reviewer. Idempotent: a second run changes nothing."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission, User
from django.core.management.base import BaseCommand
from django.db import transaction

from compliance import accounts
from compliance.models import Membership
from compliance.services.numbers import claim_profile
from compliance.tenancy import REVIEWERS_GROUP

DEMO_USER, DEMO_PASSWORD = "demo", "demo-10dlc-2026"
# Two of the sandbox's seeded messaging profiles (sandbox/management/commands/sandbox_seed.py)
# belong to the demo organisation; its numbers appear after the first "Refresh from Telnyx".
DEMO_PROFILES = [
    ("5eed0000-0000-4000-8000-000000000001", "Demo Bakery store alerts"),
    ("5eed0000-0000-4000-8000-000000000002", "Demo Bakery marketing"),
]
REVIEWER_USER, REVIEWER_PASSWORD = "reviewer", "review-10dlc-2026"


def reviewers_group() -> Group:
    group, _ = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    group.permissions.add(Permission.objects.get(codename="review_campaigns"))
    return group


def demo_organisation():
    """The organisation the demo user founded at sign-up (the first they joined), even once
    they add others from the switcher."""
    return (
        Membership.objects.select_related("organisation")
        .filter(user__username=DEMO_USER)[0]
        .organisation
    )


class Command(BaseCommand):
    help = "Create the demo organisation, the demo user and a reviewer (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        if not User.objects.filter(username=DEMO_USER).exists():
            accounts.sign_up(
                username=DEMO_USER,
                email="demo@example.com",
                password=DEMO_PASSWORD,
                organisation_name="Demo Bakery LLC",
            )
        if not User.objects.filter(username=REVIEWER_USER).exists():
            reviewer = User.objects.create_user(
                REVIEWER_USER, "reviewer@example.com", REVIEWER_PASSWORD, is_staff=True
            )
            reviewer.groups.add(reviewers_group())
            # A known address, taken as verified; the console asks for two-factor sign-in
            # (an authenticator app) on the reviewer's first visit.
            EmailAddress.objects.create(
                user=reviewer, email=reviewer.email, primary=True, verified=True
            )
        organisation = demo_organisation()
        for telnyx_id, name in DEMO_PROFILES:
            claim_profile(organisation, telnyx_id, name)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready for {organisation}.\n"
                f"  customer: {DEMO_USER} / {DEMO_PASSWORD}\n"
                f"  reviewer: {REVIEWER_USER} / {REVIEWER_PASSWORD}"
                " (sets up two-factor sign-in on the first visit)"
            )
        )
