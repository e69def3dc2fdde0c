"""What the checks read: a campaign's content, a brand's content, and what they know of the
brand (its names and website) when checking a campaign."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

# --- Inputs ------------------------------------------------------------------------------


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _bool(value) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "on", "y"}
    return bool(value)


def _text(value) -> str:
    return "" if value is None else str(value)


def _list(value) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        value = value.split(",")
    return tuple(str(v).strip() for v in value if str(v).strip())


def _from_wire(cls, data: dict, **extra):
    kwargs = {}
    for f in fields(cls):
        wire = _camel(f.name)
        if wire in data:
            kwargs[f.name] = data[wire]
        elif f.name in data:
            kwargs[f.name] = data[f.name]
    kwargs.update(extra)
    return cls(**kwargs)


@dataclass
class BrandContent:
    """A brand as Telnyx's create/update body has it, plus what the app knows around it."""

    entity_type: str = ""
    display_name: str = ""
    company_name: str = ""
    ein: str = ""
    first_name: str = ""
    last_name: str = ""
    mobile_phone: str = ""
    phone: str = ""
    email: str = ""
    business_contact_email: str = ""
    website: str = ""
    street: str = ""
    city: str = ""
    state: str = ""
    postal_code: str = ""
    country: str = ""
    vertical: str = ""
    stock_symbol: str = ""
    stock_exchange: str = ""
    alt_business_id: str = ""
    alt_business_id_type: str = ""
    is_reseller: bool | None = None
    pin_sms: str | None = None  # the OTP text, when the sole-proprietor OTP is being sent
    # Context the caller looks up (None: unknown, the rule is skipped):
    eins_of_other_brands: tuple[str, ...] = ()
    sole_proprietor_brands_on_mobile: int | None = None  # other SP brands using mobilePhone
    platform_names: tuple[str, ...] = ("Tendlc", "Telnyx")  # the ISV itself, never the brand

    def __post_init__(self):
        for f in fields(self):
            if f.type == "str":
                setattr(self, f.name, _text(getattr(self, f.name)).strip())
        self.is_reseller = _bool(self.is_reseller)
        self.eins_of_other_brands = _list(self.eins_of_other_brands)

    @classmethod
    def from_wire(cls, data: dict, **context) -> BrandContent:
        return _from_wire(cls, data, **context)

    @property
    def sole_proprietor(self) -> bool:
        return self.entity_type == "SOLE_PROPRIETOR"


@dataclass
class BrandContext:
    """What a campaign check needs to know about its brand."""

    display_name: str = ""
    company_name: str = ""
    website: str = ""
    entity_type: str = ""
    vertical: str = ""
    email: str = ""
    phone: str = ""
    identity_status: str = ""  # VERIFIED, UNVERIFIED, SELF_DECLARED, VETTED_VERIFIED; "" unknown
    existing_campaign_count: int | None = None  # campaigns the brand already has
    otp_verified: bool | None = None  # sole proprietor OTP (None: unknown)
    qualified_usecases: tuple[str, ...] | None = None  # from qualify-by-usecase, when known
    min_sub_usecases: int | None = None  # from qualify-by-usecase
    max_sub_usecases: int | None = None

    def __post_init__(self):
        for name in ("display_name", "company_name", "website", "entity_type", "vertical"):
            setattr(self, name, _text(getattr(self, name)).strip())
        self.email, self.phone = _text(self.email).strip(), _text(self.phone).strip()
        self.identity_status = _text(self.identity_status).strip()
        if self.qualified_usecases is not None:
            self.qualified_usecases = _list(self.qualified_usecases)

    @classmethod
    def from_wire(cls, data: dict, **context) -> BrandContext:
        return _from_wire(cls, data, **context)

    @property
    def sole_proprietor(self) -> bool:
        return self.entity_type == "SOLE_PROPRIETOR"


SAMPLE_FIELDS = tuple(f"sample{i}" for i in range(1, 6))


@dataclass
class CampaignContent:
    """A campaign as the campaignBuilder body has it (snake_case here, camelCase on the wire)."""

    usecase: str = ""
    # Campaign Verify's token for a POLITICAL campaign: kept by the app (Telnyx's spec has no
    # field for it), checked before a political campaign is submitted.
    campaign_verify_token: str = ""
    sub_usecases: tuple[str, ...] = ()
    description: str = ""
    message_flow: str = ""
    samples: tuple[str, ...] = ()  # sample1..sample5 in order; empty strings keep positions
    optin_keywords: str = ""
    optin_message: str = ""
    optout_keywords: str = ""
    optout_message: str = ""
    help_keywords: str = ""
    help_message: str = ""
    embedded_link: bool | None = None
    embedded_link_sample: str = ""
    embedded_phone: bool | None = None
    number_pool: bool | None = None
    age_gated: bool | None = None
    direct_lending: bool | None = None
    subscriber_optin: bool | None = None
    subscriber_optout: bool | None = None
    subscriber_help: bool | None = None
    terms_and_conditions: bool | None = None
    privacy_policy_link: str = ""
    terms_and_conditions_link: str = ""
    brand: BrandContext = field(default_factory=BrandContext)

    def __post_init__(self):
        for f in fields(self):
            value = getattr(self, f.name)
            if f.type == "str":
                setattr(self, f.name, _text(value).strip())
            elif f.type == "bool | None":
                setattr(self, f.name, _bool(value))
        self.usecase = self.usecase.upper()
        self.sub_usecases = tuple(s.upper() for s in _list(self.sub_usecases))
        samples = [_text(s).strip() for s in (self.samples or ())][:5]
        self.samples = tuple(samples + [""] * (5 - len(samples)))
        if isinstance(self.brand, dict):
            self.brand = BrandContext.from_wire(self.brand)

    @classmethod
    def from_wire(cls, data: dict, brand: BrandContext | dict | None = None) -> CampaignContent:
        samples = [data.get(name) or "" for name in SAMPLE_FIELDS]
        if not any(samples) and data.get("samples"):
            samples = list(data["samples"])
        content = _from_wire(cls, {k: v for k, v in data.items() if k != "samples"})
        content.samples = tuple(_text(s).strip() for s in samples)
        if brand is not None:
            content.brand = BrandContext.from_wire(brand) if isinstance(brand, dict) else brand
        return content

    @property
    def filled_samples(self) -> list[tuple[str, str]]:
        """(wire field, text) of each sample that has text."""
        pairs = zip(SAMPLE_FIELDS, self.samples, strict=True)
        return [(name, text) for name, text in pairs if text]

    def text_fields(self) -> list[tuple[str, str]]:
        """Every free-text field a carrier reads, as (wire field, text)."""
        named = [
            ("description", self.description),
            ("messageFlow", self.message_flow),
            *self.filled_samples,
            ("optinMessage", self.optin_message),
            ("optoutMessage", self.optout_message),
            ("helpMessage", self.help_message),
        ]
        return [(name, text) for name, text in named if text]
