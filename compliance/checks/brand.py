"""Rules on the brand's data (B…): names, EIN, address, contact, website."""

from __future__ import annotations

import re

from compliance.checks.content import BrandContent, CampaignContent, _camel
from compliance.checks.engine import Hit, Severity, checks
from compliance.checks.text import (
    _EMAIL_RE,
    _LEGAL_SUFFIX_RE,
    _PHONE_RE,
    _affirmed,
    _domain,
    _emails,
    _norm,
    names_brand,
)

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


@checks("B1")
def ein_has_9_digits(b: BrandContent):
    if b.sole_proprietor:
        return
    if not b.ein:
        if b.entity_type:
            yield Hit("Enter the business's tax number (EIN in the US).")
        return
    if b.country.upper() in ("US", "") and not _EIN_RE.match(b.ein):
        yield Hit(f"“{b.ein}” is not a 9-digit EIN (12-3456789).")


@checks("B2")
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


@checks("B3")
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


@checks("B4")
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


@checks("B5")
def ein_used_by_one_brand_only(b: BrandContent):
    if b.ein and _digits(b.ein) in {_digits(e) for e in b.eins_of_other_brands}:
        yield Hit("This EIN is already used on another brand.")


@checks("B6")
def the_brand_is_the_end_business_not_the_platform(b: BrandContent):
    platforms = {_norm(p) for p in b.platform_names}
    for name, value in (("companyName", b.company_name), ("displayName", b.display_name)):
        norm = " ".join(_LEGAL_SUFFIX_RE.sub(" ", _norm(value)).split())
        if norm in platforms:
            yield Hit(f"“{value}” is the messaging platform, not the business.", name)


# What a platform, agency or reseller writes when it registers itself for its clients'
# messages: it sends "on behalf of" its clients, for the businesses "that use our platform",
# white-label, or to "their customers" as an agency or platform (AWS
# BRAND_INVALID_BUSINESS_CONNECTION: register the end brand; Twilio 30886: the description
# names the ISV or platform instead of the business sending).
_CLIENTS = (
    r"(clients|customers|merchants|businesses|practices|salons|clinics|restaurants|shops|"
    r"stores|dealers(hips)?|brands|subsidiaries|portfolio companies|"
    r"affiliated (companies|brands|businesses)|member companies)"
)
_SENDS_FOR_OTHERS_RE = re.compile(
    r"(?i)\b(on behalf of (our |its |their |the |all |each )?(\w+ ){0,3}" + _CLIENTS + r"|"
    # "we send each client's opted-in residents that client's notices … with the client's name"
    r"(signed|sent) (with|under) (the )?name of (the |each |every |its |our )?(member|client|"
    r"partner|participating|subscribing|customer) \w+|"
    # clients that use the brand's module "to send their own announcements"
    r"(use|uses|using) [\w ]{0,60}\bto send their own ([\w-]+ ){0,3}(announcements|messages|texts|"
    r"promotions|offers|updates|alerts|notices)|"
    r"(each|every) (message|text) (carries|bears|shows|uses|starts with) (the|its|their) "
    r"(program|client|school|business|member|team|league|studio|practice|property)['’]s name|"
    r"(each|every) (chapter|club|team|school|studio|client|business|organi[sz]ation|league|"
    r"church|agency)['’]s (messages|texts) (start|begin|open) with (the|its|their) \w+['’]s "
    r"name|"
    r"(sent|signed) under the name of (the|each|their) ([\w'’-]+ ){0,2}(property|business|company|"
    r"client|store|practice|school|landlord|venue|management company)|"
    r"sent (in|under) (that|the|each|every) (client|agency|business|clinic|practice|merchant|"
    r"store|school|customer|member)['’]s (own )?name|"
    r"(each|every|the|a) client['’]s (own )?([\w-]+ )?(residents|customers|patients|members|"
    r"subscribers|contacts|guests|students|parents|tenants|clients|notices|alerts|messages|texts|"
    r"name)|"
    # A reseller of texting sends for others; a wireless reseller (an MVNO) texting its own
    # subscribers does not.
    r"white[- ]label\w*|(sms|text(ing)?|messaging|10dlc|a2p) resell(er|ers|ing)\b|"
    r"resell(s|ing)? (our |the |its )?(sms|text(ing)?|messaging)\b|"
    r"(businesses|companies|merchants|practices|salons|"
    r"clinics|restaurants|shops|stores|providers|contractors|studios|offices|gyms|spas|agencies|"
    r"dealers(hips)?|landlords|property managers) (that |who |which )?(use|using|on|subscribe to|"
    r"sign up for|rely on) (our|the|its) (\w+ )?(platform|software|app|service|system|tool|"
    r"product|solution)|(booked|scheduled|made|placed) (with|at) ([\w,]+ ){0,4}(businesses|"
    r"providers|salons|clinics|practices|merchants|shops|studios|restaurants)( (and|or) \w+)? "
    r"(on|through|via|using) (our|the|its) (platform|app|software|site|service))"
)
_TO_THEIR_CUSTOMERS_RE = re.compile(
    r"(?i)\b((for|to) (their|its clients'?|our clients'?|our customers'?) (own )?(customers|"
    r"clients|patients|guests|diners|members|students|tenants|leads|contacts)|(clients|customers|"
    r"patients|guests) of (the |local |participating |independent )?(?!our |its )(\w+ ){0,2}"
    r"(businesses|"
    r"salons|clinics|practices|providers|studios|shops|restaurants|merchants)|(texts|messages|"
    r"reminders|notifications|promotions|alerts) (for|to the customers of) (independent |local |"
    r"small |participating |many |hundreds of )?(?!our |its )(\w+ ){0,2}(businesses|salons|"
    r"barbershops|"
    r"clinics|practices|restaurants|gyms|spas|studios|shops|stores|merchants|contractors|"
    r"providers))\b"
)
# An answering service answers calls "on behalf of" its subscribers: the calls are theirs, the
# texts (to the subscribers themselves) are the brand's.
_CALLS_ANSWERED_BEFORE_RE = re.compile(
    r"(?i)\b(answer\w*|take|takes|taking|field\w*|handl\w*|return\w*) (\w+ ){0,2}(calls|"
    r"phones|phone calls|voicemails?)\s+$"
)
_TEXTS_THE_BUSINESSES_RE = re.compile(
    r"(?i)\b(text(s|ing)?|messages?|alerts?|notif(y|ies)) (the |each |every |our )?"
    r"(subscribing |client |customer |member )?(business |company |practice |office )?(owners?|"
    r"managers?|"
    r"(designated |on-call )+staff)\b|\b(all |every |each )?(messages|texts) (are|is) sent "
    r"(as|under the name of|in the name of) us\b"
)
# What goes to the clients' customers by another channel is not texted: "invoices and reminders
# to their clients go by email only".
_OTHER_CHANNEL_AFTER_RE = re.compile(
    r"(?i)[^.;!?]{0,40}\b(go|goes|are sent|is sent|are delivered|is delivered|happen|travel)"
    r"( out)? (only )?(by|via|through|over) (e-?mail|mail|post|push|the app|phone calls?)\b"
)
_PLATFORM_OR_AGENCY_RE = re.compile(
    r"(?i)\b(platform|software|saas|app|tools|agency|agencies|reseller|our (\w+ ){0,3}clients|"
    r"(our|its) (\w+ ){0,3}(customers|users|subscribers))\b"
)


# An agency or platform describing its service: it runs SMS programs "for 40+ client
# wineries", or the businesses on it "use our number to text their attendees".
_PROGRAMS_FOR_OTHERS_RE = re.compile(
    r"(?i)\b((runs?|manages?|operates?|powers?|handles?|builds?|hosts?) (\w+ ){0,2}"
    r"(sms|text(ing)?|messaging|text message|marketing|loyalty) (programs?|campaigns?|messages|"
    r"texts|lists|clubs)( \w+)? for (\d+\+? |dozens of |hundreds of |many |several |local |"
    r"independent )?(client|partner|customer|member)?\s?(?!(its|our|their|his|hers|this|those|"
    r"us|customers|clients|members|patients|residents|guests|students|parents|subscribers|users|"
    r"shoppers|people|families|buyers|fans|riders|employees|staff|donors|volunteers)\b)"
    r"[\w-]+(s|ies)\b|"
    r"(for|of) (\d+\+? |dozens of |hundreds of |many |several )client [\w-]+s\b|"
    r"use (our|the|its) (\w+ )?(number|numbers|short ?code|line|platform|account|sms service|"
    r"texting service)\b[^.]{0,20}\bto (text|send|message|reach|notify|remind|contact|update) "
    r"their\b|"
    # "sends promotional texts for independent cafes under each cafe's name"
    # ("client programs are registered under each client's own brand" is the right way)
    r"(?<!registered )(?<!register )under (each|their|its clients'?|the client'?s'?|"
    r"the (business|customer|company|employer|creator|seller|host|organi[sz]er|vendor|coach|"
    r"artist|"
    r"merchant|practice|store|restaurant)['’]s'?) (([\w-]+ ){0,2}[\w-]+['’]s )?(own )?"
    r"((shop|store|business|company|salon|studio|restaurant|practice|seller|merchant|dealer|"
    r"venue|project|campaign|page|channel|account)['’]?s? )?(names?|brands?)\b|"
    r"(sends?|texts|delivers?|runs?) [\w ]{0,30}\b(texts?|messages|sms|campaigns|promotions|"
    r"offers) (for|on behalf of) (independent|local|client|partner|participating|small|member) "
    r"(?!customers|clients|members|patients|residents|guests|students|parents|subscribers|users|"
    r"shoppers|people|families|buyers)[\w-]+s\b)"
)
# The businesses an agency or platform serves, named as its clientele: "the restaurants we
# represent", "every salon that signs up with us", "lets property managers text their tenants",
# "our member clinics use it to remind their patients" (AWS BRAND_INVALID_BUSINESS_CONNECTION;
# Twilio 30886). A business's own branches are AGENTS_FRANCHISES, skipped above.
_CLIENT_BIZ = (
    r"(\w+ )?(businesses|companies|merchants|practices|offices|salons|clinics|restaurants|"
    r"shops|stores|dealers(hips)?|landlords|property managers|brands|gyms|studios|spas|"
    r"contractors|agencies|schools|churches|pizzerias|wineries|breweries|cafes|bars|"
    r"retailers|venues|realtors|dentists|doctors|physicians|lawyers|law firms|franchisees)"
)
_CLIENTELE_RE = re.compile(
    r"(?i)\b(the ([\w-]+ ){0,4}"
    + _CLIENT_BIZ
    + r" (that )?we (represent|serve|manage|support|work with|"
    r"partner with|sign up|onboard|market for|manage marketing for|handle)|"
    r"(every|each|any|all) (\w+ )?(salon|clinic|practice|office|restaurant|shop|store|"
    r"business|dealer(ship)?|gym|studio|spa|merchant|venue|company|brand|landlord|school)s? "
    r"(that|who) (signs? up|subscribes?|joins?|registers?|enrolls?) (with|to|for|on) (us|our)|"
    r"(lets|allows|enables|helps) " + _CLIENT_BIZ + r" (to )?(text|message|remind|send|reach|"
    r"notify|contact) (\w+ ){0,2}(their|its) (own )?(customers|clients|patients|tenants|guests|"
    r"members|students|diners|residents|leads)|"
    r"our (member|client|partner|subscribing|customer) " + _CLIENT_BIZ + r" (use|send|text|"
    r"remind|reach|message)|"
    # any trade, named by what makes it a client: the texts go "on behalf of" or "for" those
    # that subscribe to or use the brand ("contractors who use our app get job alerts" are the
    # recipients themselves, not clients)
    r"(on behalf of|for) (the |all |every |any |each )?([\w-]+ ){0,3}?"
    r"(?!(customers|clients|members|patients|users|subscribers|students|guests|residents|"
    r"people|families|parents|shoppers|buyers|riders|drivers|fans|employees|staff|tenants|"
    r"homeowners|owners|donors|players|travelers|visitors|diners|readers|consumers|"
    r"individuals|seniors|veterans|volunteers|applicants|borrowers)\b)[\w-]+s (that|who) "
    r"(subscribe to|use|sign up (for|with)|pay for|rely on) (our|us)\b|"
    r"(who|that) (hire|pay|retain|contract with|engage) us\b|"
    r"(offers?|provides?|sells?|gives?|brings?) " + _CLIENT_BIZ + r" (an? |its |our )?(\w+ )?"
    r"(sms|text(ing)?|messaging|text message)\b|"
    r"(is |are )?used by [\w ,&-]{0,60}\bto (text|send|remind|message|notify|reach|contact)\b"
    r"[^.]{0,40}\btheir (own )?(customers|clients|patients|students|tenants|guests|members|"
    r"families|parents|leads|contacts)|"
    r"(manages?|runs?|operates?|handles?|powers?) (the )?(sms|text(ing)?|messaging|loyalty|"
    r"marketing) (\w+ )?(clubs?|programs?|campaigns?|lists?) (of|for) (\d+\+? |dozens of |"
    r"many |several |hundreds of )(local |independent |small )?[\w-]+s\b)\b"
)

# A sample that speaks for another business through a placeholder in the sender's place.
_BUSINESS_SLOT = (
    r"\{\s*(\w+[_ ])?(business|venue|winery|brewery|merchant|restaurant|client|company|agency|"
    r"provider|facility|clinic|hospital|school|district|department|church|team|league|property|"
    r"location|store|employer|"
    r"promoter|organi[sz]er|brand|salon|practice|dealer(ship)?|seller|vendor|host|partner|org|"
    r"organi[sz]ation|shop|retailer|advertiser|sponsor)([_ ]?name)?\s*\}"
)
# Only the sender's position counts (a header "{winery} via Brand:", "Brand for {winery}:", "on
# behalf of {client}"): "your order from {restaurant} is on the way" or "{host} says check-in is
# at 3" is a marketplace's own notice about the subscriber's booking; whether such a platform
# sends for its businesses is for the description to say.
_SPEAKS_FOR_SLOT_RE = re.compile(
    r"(?i)(^\W*" + _BUSINESS_SLOT + r"\s*(via|through|x|presented by|:)|"
    # "{agency_name} EMS Billing:", "{agency_name} Fire & EMS:": the slot heads the sender tag
    r"^\W*" + _BUSINESS_SLOT + r"(\s+[\w&'.-]+){1,3}\s*:|"
    # any placeholder that the brand only carries: "{property_name} via StayDesk:"
    r"^\W*\{[^}]{1,30}\}\s+(via|through|powered by|presented by)\b|"
    r"^[^:]{0,40}\b(for|x|\+|&|on behalf of) " + _BUSINESS_SLOT + r"\s*:|"
    r"\bon behalf of " + _BUSINESS_SLOT + r")"
)


# A sample's sender header ("Rosa's Taqueria: Taco Tuesday is back") that names a business
# other than the brand: a possessive or a trade in the name, so a department ("Financial Aid:")
# or a word ("Reminder:") is not one.
_HEADER_RE = re.compile(r"^\W{0,3}([A-Z0-9][\w'’&.-]*(?: [\w'’&.-]+){0,4}?)\s*:\s")
_BUSINESS_NAME_RE = re.compile(
    r"(?i)(\w['’]s\b|\b(salon|studio|boutique|caf[eé]|grill|taqueria|pizzeria|bakery|restaurant|"
    r"bistro|diner|kitchen|bar|pub|spa|gym|fitness|dental|dentistry|clinic|shop|store|market|"
    r"auto|motors|realty|plumbing|roofing|hvac|barbershop|barbers|florist|jewel\w*|pharmacy|"
    r"vet|veterinary|tacos|burgers?|pizza|coffee|brewing|winery|yoga|nails|lashes|tattoo|"
    r"cleaners|landscaping|law|insurance|hardware|supply|outfitters|goods|bookstore|books|"
    r"deli|bagels?|donuts?|creamery|cantina|taproom|garage|tire|repair|flowers|pets?|"
    r"grooming|academy|school|daycare|cinema|theat(er|re)|hotel|inn|motel|mart|"
    # a public body is a sender of its own too ("Town of Maryville:", "Elk Creek Water
    # District:"): a platform signing its texts with each one sends for them
    r"(city|town|village|county|borough|township|parish) of|county|district|township|"
    r"borough|parish|authority|dance|ballet|music|karate|company|apartments|flats|lofts|villas|"
    r"residences|commons|property|properties|group|"
    # a chapter named in Greek letters ("Kappa Lambda Chi:")
    r"alpha|beta|gamma|delta|epsilon|zeta|theta|iota|kappa|lambda|omicron|sigma|upsilon|omega)\b|"
    r"\bco\.(?!\w))"
)


def _other_business_header(text: str, brand) -> str | None:
    match = _HEADER_RE.match(text)
    if not match:
        return None
    header = match.group(1)
    if names_brand(header, brand):
        return None
    # "(sent via ShiftBell)": the brand says it only carries another business's message.
    via = re.search(r"(?i)\b(sent )?(via|through|powered by)\s+(\S+)", text)
    if _BUSINESS_NAME_RE.search(header) or (via and names_brand(via.group(3), brand)):
        return header
    return None


def brand_sends_for_its_clients(c: CampaignContent):
    """B6's campaign side: the texts say the registered brand sends for other businesses."""
    if c.usecase == "AGENTS_FRANCHISES":
        return  # one brand's own agents or branches, each texting its clients: allowed
    # The brand's own name reads as "us": "the hosts that subscribe to StayDesk".
    names = [n for n in (c.brand.display_name, c.brand.company_name) if len(n) > 2]
    for name, text in (("description", c.description), ("messageFlow", c.message_flow)):
        for brand_name in names:
            text = re.sub(rf"(?i)\b{re.escape(brand_name)}\b", "us", text)
        found = _affirmed(_PROGRAMS_FOR_OTHERS_RE, text) or _affirmed(_CLIENTELE_RE, text)
        if found:
            yield Hit(
                f"{name} says the brand runs the texts for other businesses (“{found}”): each "
                "business whose name the recipients see registers its own brand and campaign "
                "(AWS BRAND_INVALID_BUSINESS_CONNECTION).",
                name,
            )
            return
    headers = {
        header.lower()
        for _, text in c.filled_samples
        if (header := _other_business_header(text, c.brand))
    }
    if len(headers) >= 2:
        yield Hit(
            "The samples are signed by different businesses (“"
            + "”, “".join(sorted(headers)[:2])
            + "”) rather than the brand: each business recipients hear from registers its own "
            "brand and campaign.",
            "sample1",
        )
        return
    slots = [name for name, text in c.filled_samples if _SPEAKS_FOR_SLOT_RE.search(text)]
    # A service to businesses that texts the businesses themselves ("texts the subscribing
    # business owner or their on-call staff", "all messages are sent as Anchor") puts the
    # business in the header as the addressee: "Anchor msg for {business_name}: …".
    addressed = _affirmed(_TEXTS_THE_BUSINESSES_RE, c.description)
    if slots and len(slots) * 2 >= len(c.filled_samples) and not addressed:
        yield Hit(
            "The samples speak for other businesses through a placeholder (“{venue}”, "
            "“{winery} via …”): the business recipients hear from must be the registered brand.",
            slots[0],
        )
        return
    for name, text in (("description", c.description), ("messageFlow", c.message_flow)):
        found = _affirmed(
            _SENDS_FOR_OTHERS_RE,
            text,
            unless=lambda t, m: _CALLS_ANSWERED_BEFORE_RE.search(t, 0, m.start()),
        )
        their = _affirmed(
            _TO_THEIR_CUSTOMERS_RE,
            text,
            unless=lambda t, m: _OTHER_CHANNEL_AFTER_RE.match(t, m.end()),
        )
        if not found and their and _PLATFORM_OR_AGENCY_RE.search(text):
            found = their
        if found:
            yield Hit(
                f"{name} says the messages are sent for other businesses (“{found}”): each "
                "business whose name the recipients see registers its own brand and campaign.",
                name,
            )
            return


@checks("B7")
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


@checks("B8")
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


@checks("B9")
def brand_fields_within_their_maximum_lengths(b: BrandContent):
    for attr, limit in BRAND_MAX_LENGTHS.items():
        value = getattr(b, attr)
        if len(value) > limit:
            yield Hit(
                f"{_camel(attr)} has {len(value)} characters; the maximum is {limit}.", _camel(attr)
            )
    if not re.fullmatch(r"[A-Z]{2}", b.country):
        yield Hit("country must be a 2-letter code (US).", "country")


@checks("B10")
def brand_verified_before_campaigns(c: CampaignContent):
    status = c.brand.identity_status
    if status and status not in ("VERIFIED", "VETTED_VERIFIED", "SELF_DECLARED"):
        yield Hit(f"The brand's identity is {status}; campaigns need a verified brand.")


@checks("B11")
def at_most_100_campaigns_per_brand(c: CampaignContent):
    count = c.brand.existing_campaign_count
    if count is not None and count >= 100:
        yield Hit(f"The brand already has {count} campaigns, the maximum.", severity=Severity.ERROR)
    elif count is not None and count >= 90:
        yield Hit(f"The brand has {count} of its 100 campaigns.")
