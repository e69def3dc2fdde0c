"""The world the sandbox measurements need, on both sides of the Telnyx boundary: the sandbox's
brand, campaigns and account numbers, and the app's organisation, brand, campaigns and
numbers that mirror them. Every run starts from a fresh copy (rows are found by a prefix)."""

import contextlib
from dataclasses import dataclass

from django.db import transaction
from django.test import override_settings

from bench.server import gunicorn


@dataclass(frozen=True)
class World:
    prefix: str
    organisation: object
    brand: object
    campaigns: list  # the app's Campaign rows, each mirroring a sandbox campaign


@dataclass(frozen=True)
class AssignmentCheck:
    assigned: int  # numbers assigned (or being assigned) to the world's campaign
    lost: int  # numbers with no assignment at all
    elsewhere: int  # numbers assigned to another campaign
    duplicate_rows: int  # assignment rows beyond one per number


def organisation(slug: str):
    from compliance.models import Organisation

    org, _ = Organisation.objects.get_or_create(slug=slug, defaults={"name": slug})
    return org


@transaction.atomic
def campaign_world(
    prefix: str, *, campaigns: int, campaign_status: str, app_status: str | None = None
) -> World:
    """`campaigns` campaigns of one brand, at `campaign_status` in the sandbox and at
    `app_status` (default: the same) in the app."""
    from compliance.models import Brand, Campaign, SubmissionState
    from compliance.models.numbers import BulkAssignment, MessagingProfile, PhoneNumber
    from sandbox.models.brands import SandboxBrand
    from sandbox.models.campaigns import SandboxCampaign
    from tests import factories

    org = organisation(prefix)
    BulkAssignment.objects.filter(organisation=org).delete()
    PhoneNumber.objects.filter(organisation=org).delete()
    MessagingProfile.objects.filter(organisation=org).delete()
    Campaign.objects.filter(organisation=org).delete()
    Brand.objects.filter(organisation=org).delete()
    SandboxBrand.objects.filter(brand_id__startswith=prefix).delete()

    brand_id = f"{prefix}-brand"
    sandbox_brand = SandboxBrand.objects.create(
        brand_id=brand_id,
        display_name="Bench brand",
        entity_type="PRIVATE_PROFIT",
        country="US",
        status="OK",
        identity_status="VERIFIED",
    )
    brand = factories.registered_brand(org, brand_id, display_name="Bench brand")
    ids = [f"{prefix}-{i:05d}" for i in range(campaigns)]
    SandboxCampaign.objects.bulk_create(
        SandboxCampaign(
            campaign_id=campaign_id,
            brand=sandbox_brand,
            usecase="MARKETING",
            attributes={"description": "Weekly offers for bakery customers who opted in."},
            campaign_status=campaign_status,
            submission_status="CREATED",
        )
        for campaign_id in ids
    )
    rows = Campaign.objects.bulk_create(
        Campaign(
            organisation=org,
            brand=brand,
            submission_state=SubmissionState.SUBMITTED,
            usecase="MARKETING",
            campaign_id=campaign_id,
            campaign_status=app_status or campaign_status,
        )
        for campaign_id in ids
    )
    return World(prefix=prefix, organisation=org, brand=brand, campaigns=rows)


def phone_number(index: int, area: int) -> str:
    """A possible NANP number: +1 (area) 2xx-xxxx, distinct for index < 8,000,000."""
    exchange, line = divmod(index, 10000)
    return f"+1{area}{200 + exchange:03d}{line:04d}"


@transaction.atomic
def numbers(world: World, count: int, *, area: int = 202):
    """`count` numbers on one messaging profile, in the sandbox's account and in the app
    (unassigned on both sides). Returns the app's PhoneNumber queryset."""
    from compliance.models.numbers import MessagingProfile, PhoneNumber
    from sandbox.models.numbers import MessagingProfile as SandboxProfile
    from sandbox.models.numbers import NumberAssignment
    from sandbox.models.numbers import PhoneNumber as SandboxNumber

    wanted = [phone_number(i, area) for i in range(count)]
    profile_id = f"{world.prefix}-profile"[:36]
    NumberAssignment.objects.filter(phone_number__startswith=f"+1{area}").delete()
    SandboxNumber.objects.filter(phone_number__startswith=f"+1{area}").delete()
    SandboxProfile.objects.filter(pk=profile_id).delete()
    sandbox_profile = SandboxProfile.objects.create(pk=profile_id, name="Bench numbers")
    SandboxNumber.objects.bulk_create(
        (SandboxNumber(phone_number=n, profile=sandbox_profile) for n in wanted), batch_size=2000
    )
    profile = MessagingProfile.objects.create(
        organisation=world.organisation, telnyx_id=profile_id, name="Bench numbers"
    )
    PhoneNumber.objects.bulk_create(
        (
            PhoneNumber(organisation=world.organisation, phone_number=n, profile=profile)
            for n in wanted
        ),
        batch_size=2000,
    )
    return PhoneNumber.objects.filter(organisation=world.organisation)


def assignments(world: World, phone_numbers: list[str]) -> AssignmentCheck:
    """What the sandbox holds for these numbers (the truth, as Telnyx would)."""
    from django.db.models import Count

    from sandbox.models.numbers import NumberAssignment

    campaign_id = world.campaigns[0].campaign_id
    rows = NumberAssignment.objects.filter(phone_number__in=phone_numbers)
    per_number = rows.values("phone_number").annotate(n=Count("id"))
    held = {row["phone_number"] for row in per_number}
    ours = rows.filter(campaign_id=campaign_id).exclude(assignment_status="FAILED_ASSIGNMENT")
    assigned = ours.values("phone_number").distinct().count()
    return AssignmentCheck(
        assigned=assigned,
        lost=len(set(phone_numbers) - held),
        elsewhere=rows.exclude(campaign_id=campaign_id).count(),
        duplicate_rows=sum(row["n"] - 1 for row in per_number),
    )


def bulk_concurrency() -> int:
    from django.conf import settings

    return settings.NUMBERS_BULK_CONCURRENCY


@contextlib.contextmanager
def sandbox_server(cfg, *, access_log):
    """The server with the sandbox's rate limit, in one process (the sandbox's token bucket
    lives in the process: several workers would each allow the full rate), with this process's
    Telnyx client pointed at it."""
    env = {"SANDBOX_RATE_LIMIT": str(cfg.rate_limit)}
    with gunicorn(env, workers=1, threads=8, access_log=access_log) as server:
        override = override_settings(TELNYX_BASE_URL=f"{server.url}/sandbox/telnyx/v2")
        with override:
            yield server
