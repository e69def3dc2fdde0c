"""The checker and the sandbox's review agree (issue 17.6): a campaign the checker lets through
without a must-fix finding is not rejected by the sandbox for a reason the checker models.

Each side reads the campaign its own way (the sandbox never imports the checker), so hypothesis
writes campaigns in the styles real customers use (full, lower-case and short brand names,
links on the brand's site, e-mail addresses, Spanish opt-outs, right and wrong flags) and any
disagreement is printed with the campaign that shows it."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance import checks
from sandbox.campaign_review import BrandFacts, mno_review, telnyx_review

BRANDS = [
    ("Sweet Crumbs Bakery", "Sweet Crumbs Bakery LLC", "sweetcrumbs.com"),
    ("Crumb & Co", "Crumb and Company LLC", "crumbandco.com"),
    ("St. Mark's Pharmacy", "Saint Marks Pharmacy Inc", "stmarkspharmacy.com"),
    ("Evergreen Landscaping", "Evergreen Landscaping Co", "evergreenlandscaping.com"),
]
BODIES = [
    "your order is ready for pickup today until 6pm.",
    "we moved your appointment to Thursday at 10am.",
    "thanks for visiting! Tell us how we did.",
    "your delivery arrives tomorrow between 9 and 11am.",
]
GOOD = {
    "usecase": "CUSTOMER_CARE",
    "description": "The business texts customers who asked for it about their orders, "
    "appointments and questions.",
    "optinKeywords": "START",
    "optoutKeywords": "STOP,END,CANCEL",
    "helpKeywords": "HELP",
    "embeddedPhone": False,
    "subscriberOptin": True,
    "subscriberOptout": True,
    "subscriberHelp": True,
    "termsAndConditions": True,
}


@st.composite
def campaigns(draw):
    display, legal, domain = draw(st.sampled_from(BRANDS))
    samples = []
    for _ in range(2):
        who = draw(
            st.sampled_from(
                [display, display.lower(), legal, display.split()[0], display.upper(), ""]
            )
        )
        body = draw(st.sampled_from(BODIES))
        extra = draw(
            st.sampled_from(
                [
                    "",
                    f" Details: https://{domain}/orders.",
                    f" Details: http://{domain}/orders.",
                    f" Questions? Write to help@{domain}.",
                ]
            )
        )
        stop = draw(st.sampled_from([" Reply STOP to opt out.", " Responda ALTO para salir.", ""]))
        samples.append(f"{who + ': ' if who else ''}{body}{extra}{stop}")
    linked = any("://" in s for s in samples)
    embedded_link = draw(st.sampled_from([linked, linked, not linked]))
    content = GOOD | {
        "sample1": samples[0],
        "sample2": samples[1],
        "embeddedLink": embedded_link,
        "messageFlow": f"Customers opt in on the order form at https://{domain}/order by "
        f"ticking an unchecked box: 'Text me about my order from {display}. Msg frequency "
        "varies. Msg & data rates may apply. Reply HELP for help, STOP to opt out.'",
        "optinMessage": f"{display}: you are subscribed to order texts. Msg frequency varies. "
        "Msg & data rates may apply. Reply HELP for help, STOP to cancel.",
        "optoutMessage": f"{display}: you are unsubscribed and will receive no further messages.",
        "helpMessage": f"{display}: for help write to help@{domain}. Reply STOP to cancel.",
        "privacyPolicyLink": f"https://{domain}/privacy",
        "termsAndConditionsLink": f"https://{domain}/terms",
    }
    return (display, legal, domain), content


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(campaigns())
def test_what_the_checker_lets_through_the_sandbox_does_not_reject(generated):
    _agree(*generated)


def test_the_generated_campaigns_are_not_all_blocked_by_the_checker():
    """The property above means something only if the checker lets campaigns through."""
    brand = BRANDS[1]
    content = {
        **GOOD,
        "sample1": "crumb & co: your order is ready for pickup today until 6pm. Reply STOP to "
        "opt out.",
        "sample2": "Crumb and Co: questions? Write to help@crumbandco.com. Reply STOP to opt out.",
        "embeddedLink": False,
        "messageFlow": "Customers opt in on the order form at https://crumbandco.com/order by "
        "ticking an unchecked box: 'Text me about my order from Crumb & Co. Msg frequency "
        "varies. Msg & data rates may apply. Reply HELP for help, STOP to opt out.'",
        "optinMessage": "Crumb & Co: you are subscribed to order texts. Msg frequency varies. "
        "Msg & data rates may apply. Reply HELP for help, STOP to cancel.",
        "optoutMessage": "Crumb & Co: you are unsubscribed and will receive no further messages.",
        "helpMessage": "Crumb & Co: for help write to help@crumbandco.com. Reply STOP to cancel.",
        "privacyPolicyLink": "https://crumbandco.com/privacy",
        "termsAndConditionsLink": "https://crumbandco.com/terms",
    }
    assert _agree(brand, content) == []


def _agree(brand, content) -> list[str]:
    display, legal, domain = brand
    context = checks.BrandContext(
        display_name=display,
        company_name=legal,
        website=f"https://{domain}",
        identity_status="VERIFIED",
    )
    must_fix = checks.blocking(
        checks.check_campaign(checks.CampaignContent.from_wire(content, brand=context))
    )
    facts = BrandFacts(
        brand_id="B1",
        tcr_brand_id="TB1",
        display_name=display,
        company_name=legal,
        entity_type="PRIVATE_PROFIT",
        identity_status="VERIFIED",
        website=f"https://{domain}",
    )
    rejected = telnyx_review(content, content["usecase"], facts) + mno_review(content)
    if not must_fix:
        assert rejected == [], (
            f"the checker passed it, the sandbox rejects it: {rejected}; samples: "
            f"{content['sample1']!r} / {content['sample2']!r}"
        )
    return [f.rule for f in must_fix]
