"""Campaign test data: sandbox brands made over real HTTP, and campaign content that passes
both the sandbox's review (sandbox/campaign_review.py) and compliance/checks.py."""

from compliance.telnyx.schemas.brands import BrandCreate
from sandbox.models.brands import SandboxOtp

BRAND_NAME = "Alice Bakery"


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
        "unchecked box: 'Text me about my order. Msg & data rates may apply. Reply HELP for "
        "help, STOP to opt out.' The form is at https://alicebakery.com/order.",
        "sample1": f"{brand_name}: your order #1234 is ready for pickup today until 6pm. "
        "Reply STOP to opt out.",
        "sample2": f"{brand_name}: thanks for your question, our team will reply within one "
        "hour. Reply HELP for help, STOP to opt out.",
        "optinKeywords": "START",
        "optinMessage": f"{brand_name}: you will get texts about your orders. Msg & data rates "
        "may apply. Reply HELP for help, STOP to opt out.",
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
