"""The shared test factories: one way to make each thing the tests, benchmarks and browser
journeys need.

- In the app's database: a draft brand, a registered brand, a campaign (submitted, in any
  status), a live campaign, a messaging profile and its numbers.
- At the sandbox, over real HTTP through the client: verified, unverified and sole-proprietor
  brands.
- Campaign content that passes both the sandbox's review and the app's checks.
- A user's organisation (`organisation_of`).
"""

import uuid

from compliance.models import (
    Brand,
    Campaign,
    Membership,
    MessagingProfile,
    Organisation,
    PhoneNumber,
    SubmissionState,
)
from compliance.telnyx.schemas.brands import BrandCreate
from sandbox.models.brands import SandboxOtp

BRAND_NAME = "Alice Bakery"

# The brand every app-side factory registers unless told otherwise.
ALICE_BAKERY = {
    "entity_type": "PRIVATE_PROFIT",
    "display_name": BRAND_NAME,
    "company_name": "Alice Bakery LLC",
    "website": "https://alicebakery.com",
    "email": "support@alicebakery.com",
    "phone": "+13125550001",
    "vertical": "RETAIL",
}


def organisation_of(user) -> Organisation:
    """The organisation a test user signed up with (the first they joined; the fixtures'
    users belong to one unless a test adds more)."""
    return Membership.objects.select_related("organisation").filter(user=user)[0].organisation


def draft_brand(organisation, **fields) -> Brand:
    """A brand the wizard has started and nobody has submitted."""
    return Brand.objects.create(organisation=organisation, **(ALICE_BAKERY | fields))


def registered_brand(organisation, brand_id: str | None = None, **fields) -> Brand:
    """A brand Telnyx registered and verified (brand_id: its Telnyx id, random by default;
    pass a sandbox brand's id when the test talks to the sandbox about it)."""
    values = ALICE_BAKERY | {
        "submission_state": SubmissionState.SUBMITTED,
        "brand_id": brand_id or f"B{uuid.uuid4().hex[:12].upper()}",
        "status": "OK",
        "identity_status": "VERIFIED",
    }
    return Brand.objects.create(organisation=organisation, **(values | fields))


def submitted_campaign(
    organisation, *, brand: Brand | None = None, status: str = "TCR_PENDING", **fields
) -> Campaign:
    """A campaign Telnyx has accepted for review, in `status` (Telnyx id random by default)."""
    values = {
        "usecase": "MARKETING",
        "submission_state": SubmissionState.SUBMITTED,
        "campaign_id": str(uuid.uuid4()),
        "campaign_status": status,
    }
    return Campaign.objects.create(
        organisation=organisation,
        brand=brand or registered_brand(organisation),
        **(values | fields),
    )


def live_campaign(organisation, **fields) -> Campaign:
    """A campaign the carriers have provisioned: numbers can be assigned to it."""
    return submitted_campaign(organisation, **({"status": "MNO_PROVISIONED"} | fields))


def messaging_profile(organisation, **fields) -> MessagingProfile:
    values = {"telnyx_id": str(uuid.uuid4()), "name": "Alerts"}
    return MessagingProfile.objects.create(organisation=organisation, **(values | fields))


def phone_number(organisation, *, profile: MessagingProfile | None = None, **fields) -> PhoneNumber:
    values = {"phone_number": f"+1312{uuid.uuid4().int % 10**7:07d}"}
    return PhoneNumber.objects.create(
        organisation=organisation,
        profile=profile or messaging_profile(organisation),
        **(values | fields),
    )


def verified_brand(telnyx, **overrides) -> str:
    """A private company the sandbox verifies (VERIFIED); returns its brandId."""
    fields = {
        "entity_type": "PRIVATE_PROFIT",
        "display_name": BRAND_NAME,
        "company_name": "Alice Bakery LLC",
        "ein": "461234567",
        "country": "US",
        "email": "support@alicebakery.com",
        "vertical": "RETAIL",
        "phone": "+13125550001",
        "street": "1 Main St",
        "city": "Chicago",
        "state": "IL",
        "postal_code": "60601",
        "website": "https://alicebakery.com",
        "mock": True,
    } | overrides
    brand_id = telnyx.create_brand(BrandCreate(**fields)).brand_id
    assert telnyx.get_brand(brand_id).identity_status == (
        "UNVERIFIED" if fields["ein"] == "123456789" else "VERIFIED"
    )
    return brand_id


def unverified_brand(telnyx) -> str:
    """A brand the sandbox leaves UNVERIFIED (test EIN)."""
    return verified_brand(telnyx, ein="123456789")


def sole_proprietor_brand(telnyx, *, verify: bool = True) -> str:
    brand_id = telnyx.create_brand(
        BrandCreate(
            entity_type="SOLE_PROPRIETOR",
            display_name="Jane's Cakes",
            first_name="Jane",
            last_name="Doe",
            mobile_phone="+13125550002",
            country="US",
            email="jane@janescakes.com",
            vertical="RETAIL",
            mock=True,
        )
    ).brand_id
    if verify:
        telnyx.trigger_sms_otp(brand_id, "Your Jane's Cakes PIN is @OTP_PIN@", "Verified!")
        pin = SandboxOtp.objects.filter(brand__brand_id=brand_id).latest("request_date").pin
        telnyx.verify_sms_otp(brand_id, pin)
    return brand_id


def good_content(brand_name: str = BRAND_NAME, **overrides) -> dict:
    """campaignBuilder content (wire names) of a compliant customer-care campaign."""
    return {
        "usecase": "CUSTOMER_CARE",
        "description": f"{brand_name} answers customer questions about orders, deliveries and "
        "opening hours by text for customers who asked to be contacted.",
        "messageFlow": f"Customers opt in at checkout on {brand_name}'s order form by ticking an "
        "unchecked box: 'Text me about my order. Msg frequency varies. Msg & data rates may "
        "apply. Reply HELP for help, STOP to opt out.' The form is at https://alicebakery.com/order.",
        "sample1": f"{brand_name}: your order #1234 is ready for pickup today until 6pm. "
        "Reply STOP to opt out.",
        "sample2": f"{brand_name}: thanks for your question, our team will reply within one "
        "hour. Reply HELP for help, STOP to opt out.",
        "optinKeywords": "START",
        "optinMessage": f"{brand_name}: you will get texts about your orders. Msg frequency "
        "varies. Msg & data rates may apply. Reply HELP for help, STOP to opt out.",
        "optoutKeywords": "STOP,END,CANCEL,UNSUBSCRIBE,QUIT",
        "optoutMessage": f"{brand_name}: you are unsubscribed and will get no more messages.",
        "helpKeywords": "HELP,INFO",
        "helpMessage": f"{brand_name}: for help email support@alicebakery.com. "
        "Reply STOP to opt out.",
        "embeddedLink": False,
        "embeddedPhone": False,
        "numberPool": False,
        "ageGated": False,
        "directLending": False,
        "subscriberOptin": True,
        "subscriberOptout": True,
        "subscriberHelp": True,
        "termsAndConditions": True,
        "privacyPolicyLink": "https://alicebakery.com/privacy",
        "termsAndConditionsLink": "https://alicebakery.com/terms",
    } | overrides


# The edit of a submitted campaign (registration/campaign_edit.py): its steps and their fields.
EDIT_STEPS = {
    "samples": ("sample1", "sample2", "sample3", "sample4", "sample5"),
    "consent": ("message_flow",),
    "help": ("help_message", "auto_renewal"),
}


def edit_in_steps(client, url_name: str, campaign: Campaign, **changes):
    """Walk the edit's steps as a user would (each step posted with the campaign's values and
    `changes`), then press "Save at Telnyx"; the last response. `url_name`: campaign_edit_step
    (the customer) or review_edit_step (the reviewer)."""
    from django.urls import reverse

    for step, fields in EDIT_STEPS.items():
        data = {}
        for name in fields:
            value = changes.get(name, getattr(campaign, name))
            if isinstance(value, bool):
                if value:
                    data[name] = "on"
            else:
                data[name] = value
        client.post(reverse(url_name, args=[campaign.public_id, step]), data)
    return client.post(reverse(url_name, args=[campaign.public_id, "review"]), {"action": "save"})


def member(organisation, role: str, username: str, email: str | None = None):
    """A user of `organisation` with `role` (owner, admin, member, viewer), e-mail verified."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import User

    from compliance.models import Membership

    email = email or f"{username}@example.com"
    user = User.objects.create_user(username, email, "a-Long-pass-phrase-42")
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user
