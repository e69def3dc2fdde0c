"""How the sandbox decides a brand's fate, and the lifecycle steps it runs on its pace.

A created (or updated, or revetted) brand is REGISTRATION_PENDING; one pace step later it is
assessed from its data, deterministically, so demos and tests can reach every outcome:

- SOLE_PROPRIETOR: status OK, identityStatus UNVERIFIED until the OTP sent to mobilePhone is
  verified (then VERIFIED). Without a mobilePhone: REGISTRATION_FAILED.
- Other entity types need a tax id. In the US an `ein` that is not 9 digits (after removing a
  dash) fails the registration: REGISTRATION_FAILED with failureReasons.
- UNVERIFIED (status OK), with brand feedback naming the fields to fix, when:
  * the EIN is a test pattern: one repeated digit (000000000, 111111111 …), 123456789 (what
    "12-3456789" becomes) or 987654321 → TAX_ID (ein, companyName);
  * the legal companyName contains the word "mismatch" (a demo switch: the IRS name differs)
    → TAX_ID (companyName);
  * PUBLIC_PROFIT without stockSymbol, or with stockExchange missing or NONE → STOCK_SYMBOL;
  * GOVERNMENT whose vertical is not GOVERNMENT → GOVERNMENT_ENTITY (entityType, vertical).
- Otherwise OK and VERIFIED.

An external vetting is scored one pace step after the order: 75 for a VERIFIED brand, 30
otherwise; a scored vetting of a VERIFIED brand makes it VETTED_VERIFIED. The OTP SMS is
"delivered" (DELIVERED_HANDSET) one pace step after the trigger.
"""

import logging
import re

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from sandbox import pace
from sandbox.models.brands import SandboxBrand, SandboxOtp, SandboxVetting

logger = logging.getLogger("sandbox.brands")

TEST_EINS = {"123456789", "987654321"} | {str(d) * 9 for d in range(10)}


def _category(id_: str, display_name: str, description: str, fields: list[str]) -> dict:
    return {"id": id_, "displayName": display_name, "description": description, "fields": fields}


def assess(brand: SandboxBrand) -> tuple[str, str, str, list[dict]]:
    """(status, identityStatus, failureReasons, feedback categories) for the brand's data."""
    data = brand.attributes
    if brand.entity_type == "SOLE_PROPRIETOR":
        if not data.get("mobilePhone"):
            return "REGISTRATION_FAILED", "", "A mobilePhone is required for OTP.", []
        feedback = [
            _category(
                "OTHERS",
                "Mobile phone not verified",
                "Verify the mobile phone with the one-time PIN sent by SMS.",
                ["mobilePhone"],
            )
        ]
        return "OK", "UNVERIFIED", "", feedback
    ein = re.sub(r"[\s-]", "", data.get("ein") or "")
    if not ein:
        return "REGISTRATION_FAILED", "", "A tax id (ein) is required for this entity type.", []
    if brand.country == "US" and not re.fullmatch(r"\d{9}", ein):
        return "REGISTRATION_FAILED", "", "The EIN must be 9 digits.", []
    feedback = []
    if ein in TEST_EINS:
        feedback.append(
            _category(
                "TAX_ID",
                "Tax ID",
                "The EIN does not match an IRS record for this company name.",
                ["ein", "companyName"],
            )
        )
    elif "mismatch" in (data.get("companyName") or "").lower():
        feedback.append(
            _category(
                "TAX_ID",
                "Tax ID",
                "The legal company name does not match the IRS record for this EIN.",
                ["companyName"],
            )
        )
    if brand.entity_type == "PUBLIC_PROFIT" and (
        not data.get("stockSymbol") or data.get("stockExchange") in (None, "", "NONE")
    ):
        feedback.append(
            _category(
                "STOCK_SYMBOL",
                "Stock symbol",
                "A public company needs its stock symbol and exchange.",
                ["stockSymbol", "stockExchange"],
            )
        )
    if brand.entity_type == "GOVERNMENT" and data.get("vertical") != "GOVERNMENT":
        feedback.append(
            _category(
                "GOVERNMENT_ENTITY",
                "Government entity",
                "A government entity must use the GOVERNMENT vertical.",
                ["entityType", "vertical"],
            )
        )
    return "OK", ("UNVERIFIED" if feedback else "VERIFIED"), "", feedback


def start_registration(brand: SandboxBrand) -> None:
    """Back to REGISTRATION_PENDING; the assessment follows one pace step later."""
    brand.status = "REGISTRATION_PENDING"
    brand.identity_status = ""
    brand.failure_reasons = ""
    brand.feedback = []
    brand.save()
    transaction.on_commit(lambda: pace.schedule(register_brand, brand.brand_id))


@task
def register_brand(brand_id: str) -> None:
    with transaction.atomic():
        brand = SandboxBrand.objects.select_for_update().filter(brand_id=brand_id).first()
        if brand is None or brand.status != "REGISTRATION_PENDING":
            return
        status, identity, reasons, feedback = assess(brand)
        if identity == "VERIFIED" and brand.vettings.filter(vetting_score__isnull=False).exists():
            identity = "VETTED_VERIFIED"
        brand.status, brand.identity_status = status, identity
        brand.failure_reasons, brand.feedback = reasons, feedback
        brand.save()
    logger.info("sandbox brand %s: %s %s", brand_id, status, identity or "")


@task
def deliver_otp(reference_id: str) -> None:
    SandboxOtp.objects.filter(reference_id=reference_id, delivery_status="PENDING").update(
        delivery_status="DELIVERED_HANDSET", delivery_status_date=timezone.now()
    )


@task
def score_vetting(vetting_pk: int) -> None:
    with transaction.atomic():
        vetting = (
            SandboxVetting.objects.select_for_update().select_related("brand").get(pk=vetting_pk)
        )
        if vetting.vetting_score is not None:
            return
        brand = vetting.brand
        verified = brand.identity_status in ("VERIFIED", "VETTED_VERIFIED")
        vetting.vetting_score = 75 if verified else 30
        vetting.vetted_date = timezone.now()
        vetting.save()
        if verified:
            brand.identity_status = "VETTED_VERIFIED"
            brand.save(update_fields=["identity_status", "updated_at"])
