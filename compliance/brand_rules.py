"""What a brand's data must look like, as one set of rules for the wizard and the services.

Two layers, each written once:
- normalisers (this module): turn what a person types into the wire format, or raise
  ValueError with a message that says how to fix it — "(312) 555-0001" → "+13125550001",
  "12-3456789" → "123456789";
- the wire schema (compliance/telnyx/schemas/brands.py): lengths, enums and formats Telnyx
  enforces. `wire_errors` checks values against it, field by field.

Which fields apply to (and are required for) each entity type is here too, so the wizard asks
only those and the services send only those.
"""

import re
from collections.abc import Mapping
from typing import Annotated, Any
from urllib.parse import urlsplit

import phonenumbers
from django.core.validators import validate_email as django_validate_email
from pydantic import TypeAdapter, ValidationError

from compliance.checks import URL_SHORTENERS
from compliance.telnyx.schemas.brands import BrandCreate, BrandUpdate

COMPANY_TYPES = frozenset({"PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "GOVERNMENT"})
SOLE_PROPRIETOR = "SOLE_PROPRIETOR"

COMMON_FIELDS = (
    "display_name",
    "vertical",
    "street",
    "city",
    "state",
    "postal_code",
    "country",
    "phone",
    "email",
    "website",
)
COMPANY_FIELDS = ("company_name", "ein", "alt_business_id_type", "alt_business_id")
PUBLIC_FIELDS = ("stock_symbol", "stock_exchange", "business_contact_email")
SOLE_PROPRIETOR_FIELDS = ("first_name", "last_name", "mobile_phone")

REQUIRED_COMMON = tuple(f for f in COMMON_FIELDS if f != "website")


def applicable_fields(entity_type: str) -> tuple[str, ...]:
    """The Brand fields asked and sent for this entity type (besides entity_type)."""
    fields: tuple[str, ...] = COMMON_FIELDS
    if entity_type in COMPANY_TYPES:
        fields += COMPANY_FIELDS
    if entity_type == "PUBLIC_PROFIT":
        fields += PUBLIC_FIELDS
    if entity_type == SOLE_PROPRIETOR:
        fields += SOLE_PROPRIETOR_FIELDS
    return fields


def required_fields(entity_type: str) -> tuple[str, ...]:
    fields = REQUIRED_COMMON
    if entity_type in COMPANY_TYPES:
        fields += ("company_name", "ein")
    if entity_type == "PUBLIC_PROFIT":
        fields += PUBLIC_FIELDS
    if entity_type == SOLE_PROPRIETOR:
        fields += SOLE_PROPRIETOR_FIELDS
    return fields


# -- normalisers: human input → wire value -------------------------------------------------
US_STATES = frozenset(
    {
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
        "DC",
        "PR",
        "VI",
        "GU",
        "AS",
        "MP",
    }
)


def phone(value: str) -> str:
    """A US or Canadian number in E.164."""
    try:
        number = phonenumbers.parse(value, "US")
    except phonenumbers.NumberParseException as exc:
        raise ValueError("Enter a phone number, e.g. (312) 555-0001.") from exc
    if not phonenumbers.is_valid_number(number):
        raise ValueError("This is not a valid phone number; check the area code and digits.")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def ein(value: str) -> str:
    digits = re.sub(r"[\s-]", "", value)
    if not re.fullmatch(r"\d{9}", digits):
        raise ValueError("An EIN is 9 digits, e.g. 12-3456789.")
    return digits


def us_state(value: str) -> str:
    code = value.strip().upper()
    if code not in US_STATES:
        raise ValueError("Use the two-letter state code, e.g. IL.")
    return code


def postal_code(value: str) -> str:
    """A US ZIP code; ZIP+4 is accepted and shortened to the 5 digits Telnyx expects."""
    match = re.fullmatch(r"(\d{5})(?:-?\d{4})?", value.strip())
    if not match:
        raise ValueError("Enter a 5-digit ZIP code, e.g. 60601.")
    return match.group(1)


def website(value: str) -> str:
    url = value.strip()
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    if parts.scheme != "https":
        raise ValueError("Use an https:// address; carriers distrust plain http.")
    host = (parts.hostname or "").lower().removeprefix("www.")
    if "." not in host or not re.fullmatch(r"[a-z0-9.-]+", host):
        raise ValueError("Enter your website's address, e.g. https://example.com.")
    if host in URL_SHORTENERS:
        raise ValueError("Use your own domain, not a URL shortener such as bit.ly.")
    return url


def email(value: str) -> str:
    address = value.strip()
    try:
        django_validate_email(address)
    except Exception as exc:  # django's ValidationError; re-raised in this module's terms
        raise ValueError("Enter an email address, e.g. support@example.com.") from exc
    return address


def upper(value: str) -> str:
    return value.strip().upper()


NORMALISERS = {
    "phone": phone,
    "mobile_phone": phone,
    "ein": ein,
    "state": us_state,
    "postal_code": postal_code,
    "website": website,
    "email": email,
    "business_contact_email": email,
    "stock_symbol": upper,
}


# -- the wire schema, field by field ---------------------------------------------------------
def _adapter(name: str) -> TypeAdapter:
    field = (BrandUpdate.model_fields | BrandCreate.model_fields)[name]
    annotation: Any = field.annotation
    if field.metadata:
        annotation = Annotated[annotation, *field.metadata]
    return TypeAdapter(annotation)


_ADAPTERS: dict[str, TypeAdapter] = {}


def wire_error(name: str, value) -> str | None:
    """Why Telnyx would refuse this value for this field (length, enum, format), or None."""
    if value in (None, ""):
        return None
    adapter = _ADAPTERS.get(name)
    if adapter is None:
        adapter = _ADAPTERS[name] = _adapter(name)
    try:
        adapter.validate_python(value)
    except ValidationError as exc:
        return _plain(exc.errors()[0])
    return None


def _plain(error: Mapping[str, Any]) -> str:
    context = error.get("ctx") or {}
    if error["type"] == "string_too_long":
        return f"At most {context.get('max_length')} characters."
    if error["type"] == "literal_error":
        return "Choose one of the options."
    return str(error.get("msg", "Not a valid value."))
