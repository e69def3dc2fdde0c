"""Rules for sole proprietors, on the brand and the campaign side (P…)."""

from __future__ import annotations

import phonenumbers

from compliance.checks.content import BrandContent, CampaignContent
from compliance.checks.engine import Hit, checks

# --- Sole proprietor (campaign side) -------------------------------------------------------


@checks("P1")
def sole_proprietors_one_sole_proprietor_campaign_one_number(c: CampaignContent):
    sp = c.brand.sole_proprietor
    if sp and c.usecase and c.usecase != "SOLE_PROPRIETOR":
        yield Hit(f"A sole-proprietor brand must use SOLE_PROPRIETOR, not {c.usecase}.")
    if not sp and c.brand.entity_type and c.usecase == "SOLE_PROPRIETOR":
        yield Hit("Only sole-proprietor brands may use the SOLE_PROPRIETOR use case.")
    if sp and (c.brand.existing_campaign_count or 0) >= 1:
        yield Hit("This sole-proprietor brand already has its one campaign.")
    if sp and c.number_pool:
        yield Hit("A sole-proprietor campaign has one number: turn off numberPool.", "numberPool")


@checks("P3")
def sole_proprietors_verified_us_ca_mobile(b: BrandContent):
    if not b.sole_proprietor:
        return
    if not b.mobile_phone:
        yield Hit("A sole-proprietor brand needs the owner's mobile phone.")
        return
    try:
        number = phonenumbers.parse(b.mobile_phone, None)
    except phonenumbers.NumberParseException:
        yield Hit(f"{b.mobile_phone} is not an E.164 number (+1XXXXXXXXXX).")
        return
    region = phonenumbers.region_code_for_number(number)
    if not phonenumbers.is_valid_number(number) or region not in ("US", "CA"):
        yield Hit(f"{b.mobile_phone} is not a valid US or Canadian mobile number.")


def sole_proprietor_verified_before_campaigns(c: CampaignContent):
    if c.brand.sole_proprietor and c.brand.otp_verified is False:
        yield Hit(
            "Verify the sole proprietor's one-time PIN before creating the campaign.", "brandId"
        )


# --- Sole proprietor (brand side) ----------------------------------------------------------


@checks("P2")
def sole_proprietors_a_mobile_serves_at_most_3_brands(b: BrandContent):
    used = b.sole_proprietor_brands_on_mobile
    if b.sole_proprietor and used is not None and used >= 3:
        yield Hit(f"{b.mobile_phone} is already on {used} sole-proprietor brands.")


@checks("P4")
def sole_proprietors_with_an_ein_use_the_standard_flow(b: BrandContent):
    if b.sole_proprietor and b.ein:
        yield Hit("A sole-proprietor brand was given an EIN.")


@checks("P5")
def the_otp_text_carries_the_pin(b: BrandContent):
    if b.pin_sms is not None and "@OTP_PIN@" not in b.pin_sms:
        yield Hit("The OTP message must contain @OTP_PIN@.")
