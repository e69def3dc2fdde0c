"""Rules on the brand's data (B…): names, EIN, address, contact, website."""

from __future__ import annotations

import re

from compliance.checks.content import BrandContent, CampaignContent, _camel
from compliance.checks.engine import BRAND, Hit, Severity, declare_rule
from compliance.checks.text import _EMAIL_RE, _LEGAL_SUFFIX_RE, _PHONE_RE, _domain, _emails, _norm

# --- Brand ---------------------------------------------------------------------------------

FREE_EMAIL_DOMAINS = (
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "ymail.com",
    "hotmail.com",
    "outlook.com",
    "live.com",
    "msn.com",
    "aol.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "protonmail.com",
    "proton.me",
    "gmx.com",
    "gmx.net",
    "mail.com",
    "zoho.com",
    "yandex.com",
    "hey.com",
    "comcast.net",
    "att.net",
    "verizon.net",
    "sbcglobal.net",
    "fastmail.com",
    "tutanota.com",
)
_EIN_RE = re.compile(r"^\d{2}-?\d{7}$")
_PO_BOX_RE = re.compile(r"(?i)\b(p\.?\s*o\.?\s*box|post office box|pob)\b")
_LEGAL_ENTITY_RE = re.compile(
    r"(?i)\b(llc|l\.l\.c\.|inc\.?|incorporated|corp\.?|corporation|co\.?|company|ltd\.?|limited|"
    r"llp|lp|pllc|pc|p\.c\.|pa|p\.a\.|plc|trust|foundation|association|society|church|"
    r"university|college|school|district|city|county|state|department|authority|partners|group)"
    r"(?![\w])"
)


@declare_rule(
    id="B1",
    field="ein",
    severity="E",
    title="EIN has 9 digits",
    fix="Enter the 9-digit EIN from the IRS letter (CP-575), as 12-3456789.",
    sources="TB; T14",
    keywords=("ein", "tax id", "tax identification", "invalid ein"),
    scope=BRAND,
)
def ein_has_9_digits(b: BrandContent):
    if b.sole_proprietor:
        return
    if not b.ein:
        if b.entity_type:
            yield Hit("Enter the business's tax number (EIN in the US).")
        return
    if b.country.upper() in ("US", "") and not _EIN_RE.match(b.ein):
        yield Hit(f"“{b.ein}” is not a 9-digit EIN (12-3456789).")


@declare_rule(
    id="B2",
    field="companyName",
    severity="W",
    title="Legal name as the IRS has it",
    fix="Enter the legal name exactly as on the IRS letter (CP-575), with its suffix and "
    "punctuation (e.g. “Sweet Crumbs Bakery, LLC”).",
    sources="T12; T3; P1",
    keywords=(
        "legal name",
        "company name mismatch",
        "name mismatch",
        "ein mismatch",
        "does not match irs",
        "cp-575",
        "identity",
        "unverified",
    ),
    scope=BRAND,
)
def legal_name_as_the_irs_has_it(b: BrandContent):
    if b.sole_proprietor:
        return
    if not b.company_name:
        yield Hit("Enter the legal company name.", severity=Severity.ERROR)
    elif b.entity_type in ("PRIVATE_PROFIT", "PUBLIC_PROFIT") and not _LEGAL_ENTITY_RE.search(
        b.company_name
    ):
        yield Hit(
            f"“{b.company_name}” has no legal suffix (LLC, Inc. …); check it matches the "
            "IRS record exactly."
        )


@declare_rule(
    id="B3",
    field="street",
    severity="W",
    title="USPS-standard address",
    fix="Use the USPS-standard street address (no PO box for businesses), a 2-letter state and a "
    "5-digit ZIP code.",
    sources="T12; A1 BRAND_ADDRESS_INVALID; support.diallink.com/en/articles/13189010",
    keywords=("address", "po box", "invalid address", "usps"),
    scope=BRAND,
)
def usps_standard_address(b: BrandContent):
    if not b.sole_proprietor and _PO_BOX_RE.search(b.street):
        yield Hit("A business address may not be a PO box.")
    if b.country.upper() == "US":
        if b.state and not re.fullmatch(r"[A-Z]{2}", b.state):
            yield Hit(f"“{b.state}” is not a 2-letter state code.", "state")
        if b.postal_code and not re.fullmatch(r"\d{5}(-\d{4})?", b.postal_code):
            yield Hit(f"“{b.postal_code}” is not a 5-digit ZIP code.", "postalCode")
    for name, value in (
        ("street", b.street),
        ("city", b.city),
        ("state", b.state),
        ("postalCode", b.postal_code),
    ):
        if not value and not b.sole_proprietor:
            yield Hit(f"{name} is empty.", name)


@declare_rule(
    id="B4",
    field="email",
    severity="E",
    title="Business email on the brand's domain",
    fix="Use an email address on your business domain (e.g. you@sweetcrumbs.com), not Gmail, "
    "Yahoo or another free provider.",
    sources="A1 BRAND_EMAIL_PUBLIC_DOMAIN; UNOFFICIAL_SUPPORT_EMAIL",
    keywords=("email", "public domain", "free email", "unofficial support email"),
    scope=BRAND,
)
def business_email_on_the_brand_s_domain(b: BrandContent):
    if not b.email:
        yield Hit("Enter the brand's email address.")
        return
    if not _EMAIL_RE.fullmatch(b.email):
        yield Hit(f"“{b.email}” is not an email address.")
        return
    domain = b.email.rsplit("@", 1)[1].lower()
    if b.sole_proprietor:
        return  # a person's own address is expected
    if domain in FREE_EMAIL_DOMAINS:
        yield Hit(f"{domain} is a free email provider.")
        return
    site = _domain(b.website)
    if site and not (domain == site or domain.endswith("." + site) or site.endswith("." + domain)):
        yield Hit(
            f"The email's domain {domain} differs from the website's {site}.",
            severity=Severity.WARNING,
        )


def _digits(ein: str) -> str:
    return re.sub(r"\D", "", ein)


@declare_rule(
    id="B5",
    field="ein",
    severity="W",
    title="EIN used by one brand only",
    fix="Register each business once; reuse its existing brand instead of creating another with "
    "the same EIN.",
    sources="A1 BRAND_MULTI_USE",
    keywords=("multi use", "duplicate brand", "ein already", "already registered"),
    scope=BRAND,
)
def ein_used_by_one_brand_only(b: BrandContent):
    if b.ein and _digits(b.ein) in {_digits(e) for e in b.eins_of_other_brands}:
        yield Hit("This EIN is already used on another brand.")


@declare_rule(
    id="B6",
    field="companyName",
    severity="E",
    title="The brand is the end business, not the platform",
    fix="Register the business that sends the messages, not the software platform (ISV) that "
    "sends them for it.",
    sources="A1 BRAND_INVALID_BUSINESS_CONNECTION; P2 1002",
    keywords=("business connection", "isv", "reseller", "1002", "end business"),
    scope=BRAND,
)
def the_brand_is_the_end_business_not_the_platform(b: BrandContent):
    platforms = {_norm(p) for p in b.platform_names}
    for name, value in (("companyName", b.company_name), ("displayName", b.display_name)):
        norm = " ".join(_LEGAL_SUFFIX_RE.sub(" ", _norm(value)).split())
        if norm in platforms:
            yield Hit(f"“{value}” is the messaging platform, not the business.", name)


@declare_rule(
    id="B7",
    field="phone",
    severity="W",
    title="Same phone and email everywhere",
    fix="Use the same support phone number and email on the brand, the samples and the website.",
    sources="goconvey 10DLC review guide; A1 CAMPAIGN_ATTRIBUTES_MISMATCH",
    keywords=("attributes mismatch", "contact mismatch", "phone mismatch"),
)
def same_phone_and_email_everywhere(c: CampaignContent):
    brand_phone = re.sub(r"\D", "", c.brand.phone)[-10:]
    brand_email = c.brand.email.lower()
    for name, text in [*c.filled_samples, ("helpMessage", c.help_message)]:
        for match in _PHONE_RE.finditer(text):
            if brand_phone and re.sub(r"\D", "", match.group(0))[-10:] != brand_phone:
                yield Hit(f"{name} gives {match.group(0).strip()}, not the brand's phone.", name)
        for email in _emails(text):
            email_domain = email.rsplit("@", 1)[1].lower()
            if (
                brand_email
                and email.lower() != brand_email
                and not brand_email.endswith("@" + email_domain)
            ):
                yield Hit(f"{name} gives {email}, not an address of the brand's.", name)


@declare_rule(
    id="B8",
    field="stockSymbol",
    severity="I",
    title="Public companies: stock details and 2FA email",
    fix="For PUBLIC_PROFIT enter stockSymbol, stockExchange and businessContactEmail; answer the "
    "verification email Telnyx then sends within 7 days (the brand is unverified after 30).",
    sources="TB; T6",
    keywords=(
        "stock symbol",
        "stock exchange",
        "public profit",
        "2fa email",
        "businesscontactemail",
    ),
    scope=BRAND,
)
def public_companies_stock_details_and_2fa_email(b: BrandContent):
    if b.entity_type != "PUBLIC_PROFIT":
        return
    for name, value in (
        ("stockSymbol", b.stock_symbol),
        ("stockExchange", b.stock_exchange),
        ("businessContactEmail", b.business_contact_email),
    ):
        if not value or value == "NONE":
            yield Hit(f"A public company needs {name}.", name, Severity.ERROR)
    yield Hit(
        "Telnyx emails businessContactEmail a verification link, valid for 7 days.",
        "businessContactEmail",
    )


BRAND_MAX_LENGTHS = {
    "display_name": 100,
    "company_name": 100,
    "email": 100,
    "street": 100,
    "city": 100,
    "website": 100,
    "first_name": 100,
    "last_name": 100,
    "ein": 20,
    "phone": 20,
    "mobile_phone": 20,
    "postal_code": 10,
    "state": 20,
    "stock_symbol": 10,
}


@declare_rule(
    id="B9",
    field="displayName",
    severity="E",
    title="Brand fields within their maximum lengths",
    fix="Shorten the field to Telnyx's maximum (100 for names, email, street, city, website; "
    "20 for EIN, phones and state; 10 for ZIP and stock symbol); country is 2 letters.",
    sources="TB",
    keywords=("too long", "maximum length", "max length", "exceeds"),
    scope=BRAND,
)
def brand_fields_within_their_maximum_lengths(b: BrandContent):
    for attr, limit in BRAND_MAX_LENGTHS.items():
        value = getattr(b, attr)
        if len(value) > limit:
            yield Hit(
                f"{_camel(attr)} has {len(value)} characters; the maximum is {limit}.", _camel(attr)
            )
    if not re.fullmatch(r"[A-Z]{2}", b.country):
        yield Hit("country must be a 2-letter code (US).", "country")


@declare_rule(
    id="B10",
    field="brandId",
    severity="E",
    title="Brand verified before campaigns",
    fix="Wait until the brand's identity is VERIFIED, VETTED_VERIFIED or SELF_DECLARED (fix its "
    "feedback or order vetting) before creating a campaign.",
    sources="B9; T3",
    keywords=("brand not verified", "unverified brand", "identity status", "identitystatus"),
)
def brand_verified_before_campaigns(c: CampaignContent):
    status = c.brand.identity_status
    if status and status not in ("VERIFIED", "VETTED_VERIFIED", "SELF_DECLARED"):
        yield Hit(f"The brand's identity is {status}; campaigns need a verified brand.")


@declare_rule(
    id="B11",
    field="brandId",
    severity="I",
    title="At most 100 campaigns per brand",
    fix="Deactivate campaigns you no longer use; a brand holds at most 100.",
    sources="Twilio 30930",
    keywords=("campaign limit", "too many campaigns", "30930"),
)
def at_most_100_campaigns_per_brand(c: CampaignContent):
    count = c.brand.existing_campaign_count
    if count is not None and count >= 100:
        yield Hit(f"The brand already has {count} campaigns, the maximum.", severity=Severity.ERROR)
    elif count is not None and count >= 90:
        yield Hit(f"The brand has {count} of its 100 campaigns.")
