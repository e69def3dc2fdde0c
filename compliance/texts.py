"""Compliance texts proposed from the brand's and campaign's answers.

Pure: plain values in, plain values out. From the brand name, website, use case, message
frequency, privacy and terms links and the help contact, `propose` writes:

- the opt-in disclosure shown next to an unchecked consent box (brand, kinds of messages,
  frequency, "Msg & data rates may apply", HELP, STOP, privacy and terms links);
- the campaign description and the message flow that quotes the disclosure;
- the opt-in, HELP and STOP replies (20–320 characters) and the keyword lists;
- 2–5 sample messages for the use case (one per sub-use-case for MIXED);
- the embeddedLink / embeddedPhone flags the samples need.

Each proposal passes every rule of compliance.checks.check_campaign without an error (a test
runs them for every standard use case). The user inserts them with one click and edits them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import phonenumbers

# The checks engine's own link and phone detection, so the flags agree with rule S7.
from compliance.checks import has_link, has_phone


@dataclass(frozen=True)
class UseCaseText:
    kinds: str  # what the messages are, for the disclosure and description
    label: str  # short, for the opt-in reply: "you're subscribed to {label}"
    recipients: str  # who receives them (plural noun)
    frequency: str  # default message frequency
    samples: tuple[str, ...]  # {brand}, {site}: see _fill


_VARIES = "Msg frequency varies"

USE_CASES: dict[str, UseCaseText] = {
    "2FA": UseCaseText(
        "one-time passcodes for sign-in and account verification",
        "verification codes",
        "users",
        _VARIES,
        (
            "{brand}: your verification code is 482913. It expires in 10 minutes; never share "
            "it. Reply STOP to opt out.",
            "{brand}: use 730158 to confirm the new device sign-in. If this wasn't you, reset "
            "your password.",
            "{brand}: [code] is your account recovery code. Reply HELP for help, STOP to end.",
        ),
    ),
    "ACCOUNT_NOTIFICATION": UseCaseText(
        "account notifications such as payment confirmations, billing reminders and account "
        "changes",
        "account notifications",
        "customers",
        _VARIES,
        (
            "{brand}: we received your payment of $[amount] on [date]. Thank you! Reply STOP "
            "to opt out.",
            "{brand}: your invoice for [month] is ready and due on [date]. Reply HELP for help, "
            "STOP to end.",
            "{brand}: the email address on your account was changed on [date]. If this wasn't "
            "you, contact us right away.",
        ),
    ),
    "CUSTOMER_CARE": UseCaseText(
        "customer support replies about questions and open support requests",
        "support messages",
        "customers",
        _VARIES,
        (
            "{brand}: thanks for contacting us, [first name]. An agent will answer request "
            "#[ticket] within one business day. Reply STOP to opt out.",
            "{brand}: your support request #[ticket] is resolved. Text us back if anything is "
            "still unclear. Reply STOP to end.",
            "{brand}: hi [first name], we have an update on your question about [topic]. "
            "Reply here to continue the conversation.",
        ),
    ),
    "DELIVERY_NOTIFICATION": UseCaseText(
        "order and delivery updates",
        "delivery updates",
        "customers",
        _VARIES,
        (
            "{brand}: your order #[order number] has shipped and should arrive on [date]. "
            "Reply STOP to opt out.",
            "{brand}: your order #[order number] is out for delivery today between [time] and "
            "[time].",
            "{brand}: your order #[order number] was delivered. Thank you for your order! "
            "Reply STOP to end.",
        ),
    ),
    "FRAUD_ALERT": UseCaseText(
        "fraud alerts about suspicious activity on customer accounts",
        "fraud alerts",
        "customers",
        _VARIES,
        (
            "{brand}: a charge of $[amount] at [merchant] was made on your card ending [last "
            "4]. Was this you? Reply YES or NO. Reply STOP to opt out.",
            "{brand}: we blocked a suspicious sign-in to your account from [city]. Please "
            "review your recent account activity.",
            "{brand}: your card ending [last 4] is locked after unusual activity. Contact us "
            "to unlock it. Reply STOP to end.",
        ),
    ),
    "HIGHER_EDUCATION": UseCaseText(
        "campus updates such as registration deadlines, class changes and campus alerts",
        "campus updates",
        "students",
        _VARIES,
        (
            "{brand}: registration for [term] classes opens on [date]. Plan your schedule in "
            "the student portal. Reply STOP to opt out.",
            "{brand}: your class [course] on [date] moves to room [room].",
            "{brand}: reminder, the financial aid deadline is [date]. Reply HELP for help, "
            "STOP to end.",
        ),
    ),
    "LOW_VOLUME": UseCaseText(
        "occasional account updates and appointment reminders",
        "account updates",
        "customers",
        "Up to 4 msgs/month",
        (
            "{brand}: reminder of your appointment on [date] at [time]. Reply STOP to opt out.",
            "{brand}: your account details were updated on [date]. Contact us if this wasn't "
            "you. Reply STOP to end.",
            "{brand}: your order #[order number] is ready for pickup. See you soon!",
        ),
    ),
    "MARKETING": UseCaseText(
        "promotions, offers and news",
        "offers and news",
        "customers",
        "Up to 4 msgs/month",
        (
            "{brand}: 20% off everything this weekend only! Show this text at checkout. Reply "
            "STOP to opt out.",
            "{brand}: new arrivals are in, [first name]! See what's new at {site}. Reply STOP "
            "to end.",
            "{brand}: members get early access to our seasonal sale on [date]. Reply STOP to "
            "opt out.",
        ),
    ),
    "POLLING_VOTING": UseCaseText(
        "polls and surveys about our service",
        "polls and surveys",
        "customers",
        "Up to 2 msgs/month",
        (
            "{brand}: how did we do today? Reply with a number from 1 (poor) to 5 (great). "
            "Reply STOP to opt out.",
            "{brand}: quick poll, which class time suits you best? Reply A for mornings or B "
            "for evenings.",
            "{brand}: thanks for voting! The results of our [topic] poll come out on [date]. "
            "Reply STOP to end.",
        ),
    ),
    "PUBLIC_SERVICE_ANNOUNCEMENT": UseCaseText(
        "public service announcements such as closures, service changes and safety notices",
        "public service announcements",
        "residents",
        _VARIES,
        (
            "{brand}: [street] is closed for repairs on [date] from 8am to 5pm. Please use "
            "[detour]. Reply STOP to opt out.",
            "{brand}: a boil water notice is in effect for [area] until further notice.",
            "{brand}: community cleanup day is [date]. Volunteers meet at [location] at 9am. "
            "Reply STOP to end.",
        ),
    ),
    "SECURITY_ALERT": UseCaseText(
        "security alerts about sign-ins, password changes and account access",
        "security alerts",
        "users",
        _VARIES,
        (
            "{brand}: new sign-in to your account from [device] on [date]. If this wasn't "
            "you, reset your password now. Reply STOP to opt out.",
            "{brand}: your password was changed on [date]. If you did not do this, contact us "
            "right away.",
            "{brand}: two-step verification was turned off for your account on [date]. Reply "
            "STOP to end.",
        ),
    ),
    "SOLE_PROPRIETOR": UseCaseText(
        "appointment confirmations, schedule changes and service updates",
        "appointment updates",
        "clients",
        "Up to 8 msgs/month",
        (
            "{brand}: your appointment on [date] at [time] is confirmed. See you then! Reply "
            "STOP to opt out.",
            "{brand}: I'm running 15 minutes late for our [time] appointment today, sorry!",
            "{brand}: reminder, no appointments next Monday for the holiday. Reply STOP to end.",
        ),
    ),
}
# MIXED borrows one sample from each sub-use-case; these stand in when none are chosen.
DEFAULT_MIXED = ("ACCOUNT_NOTIFICATION", "CUSTOMER_CARE")
MIXED = UseCaseText("", "", "customers", _VARIES, ())
# Special use cases (CHARITY, POLITICAL …) get general notices to adapt.
GENERAL = USE_CASES["ACCOUNT_NOTIFICATION"]

OPTOUT_KEYWORDS = "STOP,END,CANCEL,UNSUBSCRIBE,QUIT"
HELP_KEYWORDS = "HELP,INFO"
OPTIN_KEYWORDS = "START"


@dataclass(frozen=True)
class Answers:
    """What the user told the brand wizard and the campaign builder."""

    brand_name: str
    usecase: str
    website: str = ""
    sub_usecases: tuple[str, ...] = ()
    frequency: str = ""  # e.g. "Up to 4 msgs/month"; the use case's default when empty
    privacy_url: str = ""
    terms_url: str = ""
    help_email: str = ""
    help_phone: str = ""  # E.164 or national
    opt_in_url: str = ""  # the page with the consent form (the hosted opt-in page, or the site)


@dataclass(frozen=True)
class Proposals:
    """Texts for the campaignBuilder fields (snake_case here, as on Campaign)."""

    disclosure: str
    description: str
    message_flow: str
    optin_keywords: str
    optin_message: str
    optout_keywords: str
    optout_message: str
    help_keywords: str
    help_message: str
    samples: tuple[str, ...]
    embedded_link: bool
    embedded_phone: bool
    privacy_policy_link: str = ""
    terms_and_conditions_link: str = ""
    notes: tuple[str, ...] = field(default=())  # what the user should still adapt

    def fields(self) -> list[tuple[str, str, str]]:
        """(Campaign field, label, text) of every text the builder can insert."""
        named = [
            ("description", "Campaign description", self.description),
            ("message_flow", "Message flow (how subscribers opt in)", self.message_flow),
            *(
                (f"sample{i}", f"Sample message {i}", text)
                for i, text in enumerate(self.samples, 1)
            ),
            ("optin_message", "Opt-in reply", self.optin_message),
            ("help_message", "HELP reply", self.help_message),
            ("optout_message", "STOP reply", self.optout_message),
            ("optin_keywords", "Opt-in keywords", self.optin_keywords),
            ("help_keywords", "Help keywords", self.help_keywords),
            ("optout_keywords", "Opt-out keywords", self.optout_keywords),
        ]
        return [f for f in named if f[2]]

    def as_wire(self, answers: Answers) -> dict:
        """A campaignBuilder body (Telnyx's camelCase names) with these texts."""
        wire = {
            "usecase": answers.usecase.upper(),
            "subUsecases": list(_sub_usecases(answers)),
            "description": self.description,
            "messageFlow": self.message_flow,
            "optinKeywords": self.optin_keywords,
            "optinMessage": self.optin_message,
            "optoutKeywords": self.optout_keywords,
            "optoutMessage": self.optout_message,
            "helpKeywords": self.help_keywords,
            "helpMessage": self.help_message,
            "embeddedLink": self.embedded_link,
            "embeddedPhone": self.embedded_phone,
            "subscriberOptin": True,
            "subscriberOptout": True,
            "subscriberHelp": True,
            "termsAndConditions": True,
            "privacyPolicyLink": self.privacy_policy_link,
            "termsAndConditionsLink": self.terms_and_conditions_link,
        }
        wire.update({f"sample{i}": text for i, text in enumerate(self.samples, 1)})
        return wire


def _sub_usecases(answers: Answers) -> tuple[str, ...]:
    if answers.usecase.upper() != "MIXED":
        return tuple(s.upper() for s in answers.sub_usecases)
    chosen = tuple(s.upper() for s in answers.sub_usecases if s.upper() in USE_CASES)
    return chosen or DEFAULT_MIXED


def use_case_text(usecase: str) -> UseCaseText:
    return USE_CASES.get(usecase.upper(), GENERAL)


def _site(answers: Answers) -> str:
    """The website without its scheme, as people type it (sweetcrumbs.com)."""
    url = answers.website.strip()
    if not url:
        return ""
    parts = urlsplit(url if "://" in url else f"https://{url}")
    host = (parts.hostname or "").removeprefix("www.")
    return host + (parts.path.rstrip("/") if parts.path not in ("", "/") else "")


def _phone(number: str) -> str:
    """(512) 555-0142 for +15125550142; other numbers as given."""
    try:
        parsed = phonenumbers.parse(number, "US")
    except phonenumbers.NumberParseException:
        return number.strip()
    if phonenumbers.is_valid_number(parsed) and parsed.country_code == 1:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _kinds(answers: Answers) -> tuple[str, str, str]:
    """(kinds, label, recipients) for the use case; MIXED joins its sub-use-cases."""
    if answers.usecase.upper() != "MIXED":
        text = use_case_text(answers.usecase)
        return text.kinds, text.label, text.recipients
    labels = [USE_CASES[s].label for s in _sub_usecases(answers)]
    joined = ", ".join(labels[:-1]) + f" and {labels[-1]}" if len(labels) > 1 else labels[0]
    return joined, joined, "customers"


def program_of(answers: Answers) -> str:
    """The kinds of messages the program sends (for the SMS terms)."""
    return _kinds(answers)[0]


def frequency_of(answers: Answers) -> str:
    if answers.frequency.strip():
        return answers.frequency.strip().rstrip(".")
    if answers.usecase.upper() == "MIXED":
        return "Up to 4 msgs/month" if "MARKETING" in _sub_usecases(answers) else _VARIES
    return use_case_text(answers.usecase).frequency


def _links_sentence(answers: Answers) -> str:
    links = []
    if answers.privacy_url:
        links.append(f"Privacy: {answers.privacy_url}")
    if answers.terms_url:
        links.append(f"Terms: {answers.terms_url}")
    if len(links) == 2:
        return " ".join(links)
    site = _site(answers)
    where = f"at {site}" if site else "on request"
    if not links:
        return f"Our privacy policy and terms are available {where}."
    missing = "terms" if answers.privacy_url else "privacy policy"
    return f"{links[0]} (our {missing} {'is' if missing != 'terms' else 'are'} available {where})."


CONFIRM_REPLY = "YES"


def confirmation_keywords(optin_keywords: str) -> tuple[str, ...]:
    """What confirms a hosted opt-in by reply: YES, or the program's opt-in keywords."""
    words = [w.strip().upper() for w in (optin_keywords or OPTIN_KEYWORDS).split(",")]
    return tuple(dict.fromkeys([CONFIRM_REPLY, *filter(None, words)]))


def confirmation_request(answers: Answers) -> str:
    """The text the program's number sends after the hosted opt-in form: the consent counts
    only once the subscriber replies from that phone (double opt-in)."""
    kinds, _, _ = _kinds(answers)
    return (
        f"{answers.brand_name}: reply {CONFIRM_REPLY} to confirm you want {kinds} by text. "
        f"{frequency_of(answers)}. Msg & data rates may apply. Reply HELP for help, STOP to "
        "opt out. No reply, no messages."
    )


def disclosure(answers: Answers) -> str:
    """The consent text next to the unchecked box (the call to action carriers read)."""
    kinds, _, _ = _kinds(answers)
    return (
        f"By checking this box, I agree to receive {kinds} by text message from "
        f"{answers.brand_name} at the number provided. {frequency_of(answers)}. Msg & data "
        "rates may apply. Reply HELP for help, STOP to opt out. Consent is not a condition of "
        f"purchase. {_links_sentence(answers)}"
    )


def _message_flow(answers: Answers, consent_text: str) -> str:
    _, _, recipients = _kinds(answers)
    url = answers.opt_in_url or answers.website
    where = (
        f"{recipients.capitalize()} opt in on our web form at {url}: they enter their mobile "
        "number and tick an unchecked consent box"
        if url
        else f"{recipients.capitalize()} opt in on a written sign-up form at our location: "
        "they write their mobile number and tick an unchecked consent box"
    )
    return (
        f"{where} next to this text: “{consent_text}” They can also text {OPTIN_KEYWORDS} to "
        f"our number and receive a confirmation. Opting in is never required to buy from "
        f"{answers.brand_name}, and each consent is recorded with its date and time."
    )


def _help_message(answers: Answers) -> str:
    contacts = []
    if answers.help_phone:
        contacts.append(f"call {_phone(answers.help_phone)}")
    if answers.help_email:
        contacts.append(f"email {answers.help_email}")
    if not contacts:
        site = _site(answers)
        contacts.append(f"visit {site}" if site else "call [support phone]")
    return f"{answers.brand_name}: for help, {' or '.join(contacts)}. Reply STOP to opt out."


def _fill(template: str, answers: Answers) -> str:
    site = _site(answers)
    if "{site}" in template and not site:
        template = template.replace(" See what's new at {site}.", " Come see what's new.")
    return template.replace("{brand}", answers.brand_name).replace("{site}", site)


def _samples(answers: Answers) -> tuple[str, ...]:
    if answers.usecase.upper() != "MIXED":
        return tuple(_fill(s, answers) for s in use_case_text(answers.usecase).samples)
    subs = _sub_usecases(answers)[:5]
    picked = [USE_CASES[s].samples[i % 2] for i, s in enumerate(subs)]
    if len(picked) < 3:  # three samples are advised
        picked.append(USE_CASES[subs[0]].samples[2])
    return tuple(_fill(s, answers) for s in picked)


def propose(answers: Answers) -> Proposals:
    """Every text the campaign builder can insert, written for these answers."""
    kinds, label, recipients = _kinds(answers)
    frequency = frequency_of(answers)
    consent_text = disclosure(answers)
    samples = _samples(answers)
    where = "on our website" if (answers.opt_in_url or answers.website) else "in person"
    notes = []
    if answers.usecase.upper() not in USE_CASES and answers.usecase.upper() != "MIXED":
        notes.append(
            f"There are no tailored samples for {answers.usecase}: adapt these general "
            "notices to what you really send."
        )
    if answers.usecase.upper() in ("MARKETING", "MIXED") and not answers.privacy_url:
        notes.append(f"{answers.usecase.upper()} campaigns need a privacy policy link.")
    if not (answers.help_email or answers.help_phone):
        notes.append("Add a support phone number or email to the HELP reply.")
    return Proposals(
        disclosure=consent_text,
        description=(
            f"{answers.brand_name} sends {kinds} to {recipients} who opted in {where}. "
            f"Messages go only to {recipients} who gave their consent, and each message names "
            f"{answers.brand_name} and says how to opt out."
        ),
        message_flow=_message_flow(answers, consent_text),
        optin_keywords=OPTIN_KEYWORDS,
        optin_message=(
            f"{answers.brand_name}: you're subscribed to {label}. {frequency}. Msg & data "
            "rates may apply. Reply HELP for help, STOP to opt out."
        ),
        optout_keywords=OPTOUT_KEYWORDS,
        optout_message=(
            f"{answers.brand_name}: you are unsubscribed and will receive no more messages. "
            f"Reply {OPTIN_KEYWORDS} to subscribe again."
        ),
        help_keywords=HELP_KEYWORDS,
        help_message=_help_message(answers),
        samples=samples,
        embedded_link=any(has_link(s) for s in samples),
        embedded_phone=any(has_phone(s) for s in samples),
        privacy_policy_link=answers.privacy_url,
        terms_and_conditions_link=answers.terms_url,
        notes=tuple(notes),
    )
