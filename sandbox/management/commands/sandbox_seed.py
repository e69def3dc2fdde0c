"""Seed the sandbox's Telnyx account with messaging profiles and a few hundred numbers, so the
numbers screens have work, and make the installation's random API key. Idempotent: a second
run changes nothing.

The profile ids are fixed so that the app's demo data (compliance/management/commands/
demo_numbers.py) can claim two of them for the demo organisation without reading the sandbox.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from sandbox.models import ApiKey
from sandbox.models.numbers import MessagingProfile, PhoneNumber

SEED_PROFILES = [
    # (id, name, first number, how many)
    ("5eed0000-0000-4000-8000-000000000001", "Demo Bakery store alerts", 13125550000, 150),
    ("5eed0000-0000-4000-8000-000000000002", "Demo Bakery marketing", 13125550150, 100),
    ("5eed0000-0000-4000-8000-000000000003", "Spare numbers", 13125550250, 100),
]


class Command(BaseCommand):
    help = "Seed the Telnyx sandbox with messaging profiles and numbers (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        ApiKey.current()  # random per installation; the app's client reads it by itself
        webhook_url = f"{settings.APP_BASE_URL.rstrip('/')}/webhooks/telnyx/"
        created = 0
        for profile_id, name, first, count in SEED_PROFILES:
            profile, _ = MessagingProfile.objects.get_or_create(
                pk=profile_id,
                defaults={
                    "name": name,
                    "whitelisted_destinations": ["US", "CA"],
                    "webhook_url": webhook_url,
                },
            )
            wanted = [f"+{first + i}" for i in range(count)]
            existing = set(
                PhoneNumber.objects.filter(phone_number__in=wanted).values_list(
                    "phone_number", flat=True
                )
            )
            new = [
                PhoneNumber(phone_number=n, profile=profile) for n in wanted if n not in existing
            ]
            PhoneNumber.objects.bulk_create(new)
            created += len(new)
        self.stdout.write(
            self.style.SUCCESS(
                f"Sandbox seeded: {len(SEED_PROFILES)} messaging profiles, "
                f"{PhoneNumber.objects.count()} numbers ({created} new); its API key is made "
                "(`manage.py sandbox_key --api-key` prints it)."
            )
        )
