"""Rules for sole proprietors, on the brand and the campaign side (P…)."""

from __future__ import annotations

import phonenumbers

from compliance.checks.content import BrandContent, CampaignContent
from compliance.checks.engine import BRAND, Hit, declare_rule

# --- Sole proprietor (campaign side) -------------------------------------------------------


@declare_rule(
    id="P1",
    field="usecase",
    severity="E",
    title="Sole proprietors: one SOLE_PROPRIETOR campaign, one number",
    fix="A sole-proprietor brand gets exactly one campaign, of use case SOLE_PROPRIETOR, without a "
    "number pool; only sole-proprietor brands may use that use case.",
    sources="T7; P5",
    keywords=("sole proprietor", "sole prop", "one campaign", "campaign limit"),
)
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


@declare_rule(
    id="P3",
    field="mobilePhone",
    severity="E",
    title="Sole proprietors: verified US/CA mobile",
    fix="Verify the one-time PIN sent to the owner's mobile before creating the campaign; the "
    "mobile must be a US or Canadian carrier mobile number in E.164, not VoIP.",
    sources="T7; P5; Twilio 30751",
    keywords=("otp", "one-time pin", "not verified", "mobile phone", "30751", "voip"),
    scope=BRAND,
)
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


@declare_rule(
    id="P2",
    field="mobilePhone",
    severity="E",
    title="Sole proprietors: a mobile serves at most 3 brands",
    fix="Use a mobile number that is not already on three sole-proprietor brands.",
    sources="T7; P5",
    keywords=("mobile already", "three brands", "3 brands"),
    scope=BRAND,
)
def sole_proprietors_a_mobile_serves_at_most_3_brands(b: BrandContent):
    used = b.sole_proprietor_brands_on_mobile
    if b.sole_proprietor and used is not None and used >= 3:
        yield Hit(f"{b.mobile_phone} is already on {used} sole-proprietor brands.")


@declare_rule(
    id="P4",
    field="ein",
    severity="W",
    title="Sole proprietors with an EIN use the standard flow",
    fix="If you have an EIN, register as PRIVATE_PROFIT instead: a sole-proprietor brand with an "
    "EIN risks suspension.",
    sources="P5; T7",
    keywords=("sole proprietor ein",),
    scope=BRAND,
)
def sole_proprietors_with_an_ein_use_the_standard_flow(b: BrandContent):
    if b.sole_proprietor and b.ein:
        yield Hit("A sole-proprietor brand was given an EIN.")


@declare_rule(
    id="P5",
    field="pinSms",
    severity="E",
    title="The OTP text carries the PIN",
    fix="Put @OTP_PIN@ where the PIN goes (e.g. “Your Sweet Crumbs verification PIN is "
    "@OTP_PIN@”); the PIN expires after 24 hours and can be resent.",
    sources="T13; W5",
    keywords=("otp_pin", "pinsms", "30752"),
    scope=BRAND,
)
def the_otp_text_carries_the_pin(b: BrandContent):
    if b.pin_sms is not None and "@OTP_PIN@" not in b.pin_sms:
        yield Hit("The OTP message must contain @OTP_PIN@.")
