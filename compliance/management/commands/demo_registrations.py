"""Register the demo organisation's brand and a campaign through the running sandbox, with the
same services a user's clicks call, so `make run` opens on a verified brand, a campaign on its
way to the carriers, and numbers ready to assign. Idempotent: it does nothing once the demo
organisation has a brand. `make run` starts it in the background once the server is up."""

import time

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError

from compliance.models import Brand
from compliance.services import brands, campaigns, numbers
from compliance.telnyx.client import get_client
from compliance.telnyx.errors import TelnyxError

from .demo_data import DEMO_USER, demo_organisation

BRAND = {
    "entity_type": "PRIVATE_PROFIT",
    "display_name": "Demo Bakery",
    "company_name": "Demo Bakery LLC",
    "ein": "461234567",
    "vertical": "RETAIL",
    "street": "1 Main St",
    "city": "Chicago",
    "state": "IL",
    "postal_code": "60601",
    "country": "US",
    "phone": "+13125550199",
    "email": "hello@demobakery.com",
    "business_contact_email": "owner@demobakery.com",
    "website": "https://demobakery.com",
}

CAMPAIGN = {
    "usecase": "CUSTOMER_CARE",
    "description": "Demo Bakery answers customer questions about orders, deliveries and opening "
    "hours by text for customers who asked to be contacted.",
    "message_flow": "Customers opt in at checkout on Demo Bakery's order form by ticking an "
    "unchecked box: 'Text me about my order. Msg frequency varies. Msg & data rates may apply. "
    "Reply HELP for help, STOP to opt out.' The form is at https://demobakery.com/order.",
    "sample1": "Demo Bakery: your order #1234 is ready for pickup today until 6pm. "
    "Reply STOP to opt out.",
    "sample2": "Demo Bakery: thanks for your question, our team will reply within one hour. "
    "Reply HELP for help, STOP to opt out.",
    "optin_keywords": "START",
    "optin_message": "Demo Bakery: you will get texts about your orders. Msg frequency varies. "
    "Msg & data rates may apply. Reply HELP for help, STOP to opt out.",
    "optout_keywords": "STOP,END,CANCEL,UNSUBSCRIBE,QUIT",
    "optout_message": "Demo Bakery: you are unsubscribed and will get no more messages.",
    "help_keywords": "HELP,INFO",
    "help_message": "Demo Bakery: for help email hello@demobakery.com. Reply STOP to opt out.",
    "privacy_policy_link": "https://demobakery.com/privacy",
    "terms_and_conditions_link": "https://demobakery.com/terms",
}


class Command(BaseCommand):
    help = "Register the demo brand and campaign through the running sandbox (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--wait", type=float, default=60, help="seconds to wait for Telnyx")

    def handle(self, *args, wait: float, **options):
        user = User.objects.get(username=DEMO_USER)
        organisation = demo_organisation()
        if Brand.objects.filter(organisation=organisation).exists():
            self.stdout.write("The demo organisation already has a brand; nothing to do.")
            return
        deadline = time.monotonic() + wait
        self._until(deadline, lambda: get_client().get_enum("usecase"))  # the server is up
        brand = brands.start_draft(organisation, user)
        brands.save_step(brand, BRAND)
        self._until(deadline, lambda: brands.submit_brand(organisation, brand.public_id))
        brand = self._until(deadline, lambda: self._verified(brand))
        campaign = campaigns.start_campaign(organisation, user, brand)
        campaigns.qualify(campaign, CAMPAIGN["usecase"])
        campaigns.save_draft(campaign, CAMPAIGN)
        campaigns.submit_campaign(campaign)
        synced = self._until(deadline, lambda: numbers.sync_organisation(organisation))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo brand {brand} verified; campaign submitted; numbers synced ({synced})."
            )
        )

    @staticmethod
    def _verified(brand: Brand) -> Brand:
        brand = brands.refresh_brand(Brand.objects.get(pk=brand.pk))
        if brand.identity_status not in ("VERIFIED", "VETTED_VERIFIED"):
            raise TelnyxError(0)  # not yet: the sandbox verifies after a pace step
        return brand

    @staticmethod
    def _until(deadline: float, action):
        """Repeat action until it succeeds (the server may still be starting)."""
        while True:
            try:
                return action()
            except (TelnyxError, brands.ActionRefused) as exc:
                if time.monotonic() > deadline:
                    raise CommandError(f"The demo registration did not complete: {exc}") from exc
                time.sleep(1)
