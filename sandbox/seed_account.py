"""An existing Telnyx account, written straight into the sandbox's tables (never through the
app): brands, campaigns and number assignments a business registered before it used Tendlc.
The adoption import (compliance/services/adoption.py) is measured against it.

    seed_existing_account(brands=50, campaigns_per_brand=4, numbers=5000)
"""

from django.db import transaction
from django.utils import timezone

from sandbox.models import SandboxAccount
from sandbox.models.brands import SandboxBrand, SandboxVetting
from sandbox.models.campaigns import SandboxCampaign
from sandbox.models.numbers import NumberAssignment

VERTICALS = ["RETAIL", "HEALTHCARE", "REAL_ESTATE", "PROFESSIONAL", "HOSPITALITY"]
STATUSES = ["MNO_PROVISIONED"] * 3 + ["MNO_REJECTED"]  # one in four rejected


def _brand_body(index: int, prefix: str) -> dict:
    name = f"{prefix} Shop {index:03d}"
    domain = f"{prefix.lower()}shop{index:03d}.example.com"
    return {
        "entityType": "PRIVATE_PROFIT",
        "displayName": name,
        "companyName": f"{name} LLC",
        "ein": f"{10 + index % 80:02d}-{1000000 + index:07d}",
        "phone": f"+1312555{index % 10000:04d}",
        "street": f"{100 + index} Main St",
        "city": "Chicago",
        "state": "IL",
        "postalCode": "60601",
        "country": "US",
        "email": f"hello@{domain}",
        "vertical": VERTICALS[index % len(VERTICALS)],
        "website": f"https://{domain}",
    }


def _campaign_body(brand: SandboxBrand, index: int) -> dict:
    name = brand.display_name
    domain = brand.attributes["website"].removeprefix("https://")
    return {
        "brandId": brand.brand_id,
        "usecase": "ACCOUNT_NOTIFICATION",
        "description": f"{name} sends order and account updates to customers who opted in at "
        f"checkout on {domain} (program {index}).",
        "messageFlow": f"Customers tick an unchecked box at checkout on https://{domain}/checkout "
        "to get order texts. Msg frequency varies. Msg & data rates may apply. Reply HELP for "
        "help, STOP to opt out. Terms: https://" + domain + "/terms",
        "sample1": f"{name}: your order #1234 has shipped and arrives Tuesday. Reply STOP to "
        "opt out.",
        "sample2": f"{name}: your account password was changed today. Not you? Call us. Reply "
        "STOP to opt out.",
        "optinKeywords": "START",
        "optinMessage": f"{name}: you will get order and account texts. Msg frequency varies. "
        "Msg & data rates may apply. Reply HELP for help, STOP to opt out.",
        "optoutKeywords": "STOP,END,CANCEL,UNSUBSCRIBE,QUIT",
        "optoutMessage": f"{name}: you are unsubscribed and will get no more messages.",
        "helpKeywords": "HELP,INFO",
        "helpMessage": f"{name}: for help email hello@{domain}. Reply STOP to opt out.",
        "embeddedLink": False,
        "embeddedPhone": False,
        "numberPool": False,
        "ageGated": False,
        "directLending": False,
        "subscriberOptin": True,
        "subscriberOptout": True,
        "subscriberHelp": True,
        "termsAndConditions": True,
        "privacyPolicyLink": f"https://{domain}/privacy",
    }


@transaction.atomic
def seed_existing_account(
    *,
    brands: int = 50,
    campaigns_per_brand: int = 4,
    numbers: int = 5000,
    prefix: str = "Legacy",
    first_number: int = 17735550000,
    account: SandboxAccount | None = None,
) -> dict[str, int]:
    """Brands (verified), their campaigns (most active, some rejected), one vetting per
    brand, and `numbers` assignments spread over the active campaigns, in `account` (another
    Telnyx account the sandbox plays; None: the default account)."""
    now = timezone.now()
    made_brands = []
    for index in range(brands):
        body = _brand_body(index, prefix)
        made_brands.append(
            SandboxBrand.objects.create(
                account=account,
                display_name=body["displayName"],
                entity_type=body["entityType"],
                country=body["country"],
                state=body["state"],
                attributes=body,
                status="OK",
                identity_status="VERIFIED",
            )
        )
        SandboxVetting.objects.create(
            brand=made_brands[-1],
            evp_id="AEGIS",
            vetting_class="STANDARD",
            vetting_score=80,
            vetted_date=now,
        )
    active = []
    count = 0
    for brand in made_brands:
        for index in range(campaigns_per_brand):
            status = STATUSES[count % len(STATUSES)]
            campaign = SandboxCampaign.objects.create(
                brand=brand,
                usecase="ACCOUNT_NOTIFICATION",
                attributes=_campaign_body(brand, index),
                campaign_status=status,
                submission_status="CREATED",
                failure_reasons="Sample messages do not name the brand."
                if status == "MNO_REJECTED"
                else "",
                billed_date=now,
            )
            count += 1
            if status == "MNO_PROVISIONED":
                active.append(campaign)
    NumberAssignment.objects.bulk_create(
        [
            NumberAssignment(
                phone_number=f"+{first_number + n}",
                campaign_id=active[n % len(active)].campaign_id,
                tcr_campaign_id=active[n % len(active)].tcr_campaign_id,
                brand_id=active[n % len(active)].brand.brand_id,
                tcr_brand_id=active[n % len(active)].brand.tcr_brand_id,
                assignment_status="ASSIGNED",
            )
            for n in range(numbers)
        ]
        if active
        else [],
        batch_size=1000,
    )
    return {"brands": brands, "campaigns": count, "numbers": numbers if active else 0}
