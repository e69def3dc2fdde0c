"""compliance.checks: every rule passes realistic compliant content and catches the failures.

Each rule has a table of at least three passing and three failing variations of realistic
campaigns (a bakery's marketing, a clinic's appointment reminders, a 2FA app, a dog walker
registered as a sole proprietor) or brands. A passing case has no ERROR or WARNING finding of
that rule; a failing case has at least one finding of the rule at the expected severity.
"""

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.checks import (
    RULES,
    BrandContent,
    BrandContext,
    CampaignContent,
    Finding,
    Severity,
    blocking,
    check_brand,
    check_campaign,
    findings_by_field,
    match_rejection,
    rule,
)

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
REPO = Path(__file__).resolve().parents[2]

# --- Realistic compliant campaigns ----------------------------------------------------------

BAKERY_BRAND = dict(
    display_name="Sweet Crumbs Bakery",
    company_name="Sweet Crumbs Bakery LLC",
    website="https://sweetcrumbs.com",
    entity_type="PRIVATE_PROFIT",
    vertical="RETAIL",
    email="hello@sweetcrumbs.com",
    phone="+15125550142",
    identity_status="VERIFIED",
)
BAKERY = {
    "usecase": "MARKETING",
    "description": "Sweet Crumbs Bakery sends weekly promotions, new menu items and event "
    "invitations to customers who opted in on our website or in store.",
    "messageFlow": "Customers opt in on our website https://sweetcrumbs.com/sms by entering "
    "their phone number and ticking an unchecked box: 'Yes, send me Sweet Crumbs Bakery offers "
    "by text. Up to 4 msgs/month. Msg & data rates may apply. Reply HELP for help, STOP to opt "
    "out. Privacy: https://sweetcrumbs.com/privacy Terms: https://sweetcrumbs.com/terms'",
    "sample1": "Sweet Crumbs Bakery: 20% off all croissants this weekend only! Show this text "
    "in store. Reply STOP to opt out.",
    "sample2": "Sweet Crumbs Bakery: our pumpkin pies are back! Order yours at "
    "https://sweetcrumbs.com/pies. Reply STOP to end.",
    "sample3": "Hi [first name], Sweet Crumbs Bakery here: join us Saturday for free coffee "
    "tasting from 9am. Reply STOP to opt out.",
    "optinKeywords": "START",
    "optinMessage": "Sweet Crumbs Bakery: you're subscribed to offers. Up to 4 msgs/month. "
    "Msg & data rates may apply. Reply HELP for help, STOP to opt out.",
    "optoutKeywords": "STOP,END,CANCEL,UNSUBSCRIBE,QUIT",
    "optoutMessage": "Sweet Crumbs Bakery: you have been unsubscribed and will no longer "
    "receive messages.",
    "helpKeywords": "HELP,INFO",
    "helpMessage": "Sweet Crumbs Bakery: for help call (512) 555-0142 or email "
    "hello@sweetcrumbs.com. Reply STOP to opt out.",
    "embeddedLink": True,
    "embeddedPhone": False,
    "subscriberOptin": True,
    "subscriberOptout": True,
    "subscriberHelp": True,
    "privacyPolicyLink": "https://sweetcrumbs.com/privacy",
    "termsAndConditionsLink": "https://sweetcrumbs.com/terms",
    "termsAndConditions": True,
}

CLINIC_BRAND = dict(
    display_name="Riverbend Family Clinic",
    company_name="Riverbend Family Clinic PLLC",
    website="https://riverbendclinic.com",
    entity_type="PRIVATE_PROFIT",
    vertical="HEALTHCARE",
    email="frontdesk@riverbendclinic.com",
    phone="+16175550123",
)
CLINIC = {
    "usecase": "ACCOUNT_NOTIFICATION",
    "description": "Riverbend Family Clinic sends appointment reminders, confirmations and "
    "lab-result-ready notices to patients who consented at the front desk or on our portal.",
    "messageFlow": "Patients opt in on the intake form at the front desk or online at "
    'https://riverbendclinic.com/portal/sms, where an unchecked box reads: "Text me Riverbend '
    "Family Clinic appointment reminders. Msg frequency varies. Msg & data rates may apply. "
    'Reply HELP for help, STOP to cancel." Privacy: https://riverbendclinic.com/privacy '
    "Terms: https://riverbendclinic.com/sms-terms",
    "sample1": "Riverbend Family Clinic: reminder of your appointment with Dr. [doctor name] on "
    "[date] at [time]. Call (617) 555-0123 to reschedule. Reply STOP to opt out.",
    "sample2": "Riverbend Family Clinic: your lab results are ready. Log in to the patient "
    "portal at https://riverbendclinic.com/portal to view them.",
    "sample3": "Riverbend Family Clinic: your appointment on [date] is confirmed. Please arrive "
    "10 minutes early with your insurance card.",
    "optoutKeywords": "STOP,CANCEL",
    "optoutMessage": "Riverbend Family Clinic: you are unsubscribed and will receive no more "
    "messages. Reply START to rejoin.",
    "helpKeywords": "HELP",
    "helpMessage": "Riverbend Family Clinic: for help call (617) 555-0123 or email "
    "frontdesk@riverbendclinic.com. Reply STOP to cancel.",
    "embeddedLink": True,
    "embeddedPhone": True,
    "subscriberOptin": True,
    "subscriberOptout": True,
    "subscriberHelp": True,
    "privacyPolicyLink": "https://riverbendclinic.com/privacy",
    "termsAndConditionsLink": "https://riverbendclinic.com/sms-terms",
}

TWOFA_BRAND = dict(
    display_name="Lockbox Security",
    company_name="Lockbox Security Inc.",
    website="https://lockbox.io",
    entity_type="PRIVATE_PROFIT",
    vertical="TECHNOLOGY",
    email="support@lockbox.io",
    phone="+14155550188",
)
TWOFA = {
    "usecase": "2FA",
    "description": "Lockbox Security sends one-time passcodes to users of the Lockbox app who "
    "request a login or confirm a new device.",
    "messageFlow": "Users enter their mobile number in the Lockbox app or at "
    "https://lockbox.io/signup and tick an unchecked box to receive one-time login codes from "
    "Lockbox Security. Msg frequency varies. Msg & data rates may apply. Reply HELP for help, "
    "STOP to opt out. Privacy https://lockbox.io/privacy, terms https://lockbox.io/terms.",
    "sample1": "Your Lockbox Security code is 482913. It expires in 10 minutes. Never share "
    "it. Reply STOP to opt out.",
    "sample2": "Lockbox: use 7301 to confirm your new device sign-in. If this wasn't you, "
    "reset your password in the app.",
    "sample3": "Lockbox Security: [code] is your verification code for account recovery.",
    "optoutKeywords": "STOP",
    "optoutMessage": "Lockbox Security: you have been unsubscribed and will not receive any "
    "more codes.",
    "helpKeywords": "HELP",
    "helpMessage": "Lockbox Security: for help email support@lockbox.io or visit "
    "https://lockbox.io/help. Reply STOP to opt out.",
    "embeddedLink": False,
    "embeddedPhone": False,
    "subscriberOptin": True,
    "subscriberOptout": True,
    "subscriberHelp": True,
    "privacyPolicyLink": "https://lockbox.io/privacy",
    "termsAndConditionsLink": "https://lockbox.io/terms",
}

WALKER_BRAND = dict(
    display_name="Paws by Jane",
    entity_type="SOLE_PROPRIETOR",
    vertical="PROFESSIONAL",
    email="jane.doe@gmail.com",
    phone="+15035550177",
    existing_campaign_count=0,
    otp_verified=True,
)
WALKER = {
    "usecase": "SOLE_PROPRIETOR",
    "description": "Paws by Jane, a dog walker, texts her clients walk confirmations, "
    "schedule changes and photos of their dogs after each walk.",
    "messageFlow": "Clients opt in on the paper service agreement they sign at the first "
    'meeting, which says: "I agree to receive texts from Paws by Jane about walks. About 10 '
    'msgs/month. Msg & data rates may apply. Reply HELP for help, STOP to opt out." Privacy '
    "policy and terms are printed on the agreement.",
    "sample1": "Paws by Jane: Biscuit had a great walk today, 45 minutes around the park! "
    "Reply STOP to opt out.",
    "sample2": "Paws by Jane: I'm running 15 minutes late for [dog name]'s walk today, sorry!",
    "sample3": "Paws by Jane: reminder, no walks next Monday for the holiday.",
    "optoutKeywords": "STOP",
    "optoutMessage": "Paws by Jane: you have opted out and will receive no more messages.",
    "helpKeywords": "HELP",
    "helpMessage": "Paws by Jane: questions? Call or text (503) 555-0177.",
    "embeddedLink": False,
    "embeddedPhone": False,
    "subscriberOptin": True,
    "subscriberOptout": True,
    "subscriberHelp": True,
}

BASES = {
    "bakery": (BAKERY, BAKERY_BRAND),
    "clinic": (CLINIC, CLINIC_BRAND),
    "2fa": (TWOFA, TWOFA_BRAND),
    "walker": (WALKER, WALKER_BRAND),
}


def campaign(base="bakery", brand=None, **wire) -> CampaignContent:
    data, brand_data = BASES[base]
    context = BrandContext(**{**brand_data, **(brand or {})})
    return CampaignContent.from_wire({**data, **wire}, brand=context)


def case(name, base="bakery", brand=None, **wire):
    return pytest.param(base, brand, wire, id=name)


def fails(name, severity, base="bakery", brand=None, field=None, **wire):
    return pytest.param(base, brand, wire, severity, field, id=name)


def of_rule(findings: list[Finding], rule_id: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule_id]


def noticeable(findings: list[Finding], rule_id: str) -> list[Finding]:
    return [f for f in of_rule(findings, rule_id) if f.severity is not INFO]


# --- Compliant campaigns pass ---------------------------------------------------------------


@pytest.mark.parametrize("base", sorted(BASES))
def test_a_compliant_campaign_has_no_findings(base):
    findings = check_campaign(campaign(base))
    assert [(f.rule, f.message) for f in findings] == []


def test_a_compliant_mixed_campaign_has_no_errors():
    content = campaign(
        usecase="MIXED",
        subUsecases=["MARKETING", "ACCOUNT_NOTIFICATION"],
        sample3="Sweet Crumbs Bakery: your order #[order number] is ready for pickup at our "
        "Main Street shop.",
    )
    assert blocking(check_campaign(content)) == []


# --- Campaign rules: pass and fail tables ---------------------------------------------------

LONG = "Sweet Crumbs Bakery: fresh sourdough, rye and brioche every morning. " * 20

CAMPAIGN_PASSES = {
    "S1": [
        case("two samples only inform", sample3=""),
        case(
            "five samples",
            sample4="Sweet Crumbs Bakery: new cinnamon rolls today, 2 for $5! Reply STOP to "
            "opt out.",
            sample5="Sweet Crumbs Bakery: we're closed Monday for the holiday; see you Tuesday!",
        ),
        case("twenty characters exactly", sample3="Sweet Crumbs: 2 for 1"),
    ],
    "S2": [
        case(
            "the initials the business goes by",
            brand={
                "display_name": "Great Lakes FCU",
                "company_name": "Great Lakes Federal Credit Union",
            },
            sample1="GLFCU: your replacement card was mailed today. Reply STOP to opt out.",
            sample2="GLFCU member service: we got your address change. Reply STOP to opt out.",
            sample3="",
        ),
        case(
            "domain only",
            sample1="Croissants 20% off at sweetcrumbs.com this week! Reply STOP to opt out.",
            sample2="",
            sample3="",
        ),
        case(
            "squashed name",
            sample2="SweetCrumbs: pumpkin pies are back! Order at https://sweetcrumbs.com/pies.",
        ),
        case(
            "legal name",
            base="clinic",
            sample2="Riverbend Family Clinic PLLC: your lab "
            "results are ready at https://riverbendclinic.com/portal.",
        ),
    ],
    "S3": [
        case("uppercase keyword", sample1="Sweet Crumbs Bakery: 20% off today. Txt END to quit."),
        case(
            "lower-case phrase",
            sample1="Sweet Crumbs Bakery: 20% off today, reply stop to unsubscribe.",
        ),
        case(
            "opt out phrase",
            sample1="Sweet Crumbs Bakery: 20% off today. To opt out, reply CANCEL.",
        ),
    ],
    "S4": [
        case("keyword alone", sample1="Sweet Crumbs Bakery: 20% off! Reply STOP to end."),
        case("stopall", sample1="Sweet Crumbs Bakery: 20% off! Reply STOPALL to leave all lists."),
        case(
            "shouted words containing END",
            sample1="Sweet Crumbs Bakery: WEEKEND SALE ENDS SUNDAY! Reply STOP to opt out.",
        ),
    ],
    "S5": [
        case(
            "bracketed variable",
            sample1="Hi [first name], Sweet Crumbs Bakery: your 20% off "
            "coupon is inside. Reply STOP to opt out.",
        ),
        case(
            "the word test in context",
            base="clinic",
            sample2="Riverbend Family Clinic: your "
            "COVID test results are ready at https://riverbendclinic.com/portal.",
        ),
        case("four words", base="2fa", sample3="Lockbox code: 552190 expires."),
    ],
    "S6": [
        case("own domain", sample2="Sweet Crumbs Bakery: pies at https://sweetcrumbs.com/pies"),
        case("branded short domain", sample2="Sweet Crumbs Bakery: pies at go.sweetcrumbs.com/p1"),
        case(
            "word bit",
            sample2="Sweet Crumbs Bakery: a bit of sunshine: pies are back at "
            "https://sweetcrumbs.com.",
        ),
    ],
    "S7": [
        case("link and flag"),
        case("phone and flag", base="clinic"),
        case("neither", base="2fa"),
        case(
            "link placeholder",
            sample2="Sweet Crumbs Bakery: order pies at [link]. Reply STOP to end.",
        ),
    ],
    "S8": [
        case("marketing with an offer"),
        case("2fa with a code", base="2fa"),
        case("notification without promotion", base="clinic"),
        case(
            "mixed with a sample per sub-use-case",
            usecase="MIXED",
            subUsecases="MARKETING,ACCOUNT_NOTIFICATION",
        ),
    ],
    "S9": [
        case("bakery"),
        case(
            "negated mention",
            description="Sweet Crumbs Bakery sends weekly promotions to "
            "customers who opted in. We never sell CBD products.",
        ),
        case(
            "pharmacy",
            base="clinic",
            sample3="Riverbend Family Clinic: your prescription refill is ready at the front desk.",
        ),
        case(
            "a school's casino night fundraiser",
            description="Sweet Crumbs Bakery sends weekly promotions to customers who opted in, "
            "and invitations to the casino night fundraiser we cater for Lincoln Elementary.",
        ),
        case(
            "payday from an employer's payroll",
            base="clinic",
            sample3="Riverbend Family Clinic payroll: payday is Friday; your pay stub is in the "
            "staff portal.",
        ),
        case(
            "payday and a 401(k) loan in a payroll notice",
            base="clinic",
            sample3="Riverbend Family Clinic payroll: payday moves to Thursday this week; your "
            "401(k) loan repayment is deducted as usual.",
        ),
        case(
            "debt in a bank's account notification",
            base="clinic",
            sample3="Riverbend Family Clinic: your account balance of $120 is now past due. "
            "Pay at https://riverbendclinic.com/pay or call us about a payment plan.",
        ),
        case(
            "hemp fabric and short-term rentals",
            sample3="Sweet Crumbs Bakery: our hemp tote bags are back, and we now cater "
            "short-term rentals downtown. Reply STOP to opt out.",
        ),
    ],
    "S10": [
        case("bakery"),
        case(
            "never shared with affiliates",
            description="Sweet Crumbs Bakery sends weekly "
            "promotions to customers. Numbers are never shared with affiliates.",
        ),
        case(
            "partners in another sense",
            base="clinic",
            sample3="Riverbend Family Clinic: we "
            "now partner with Mercy Hospital for lab work. Details at your next visit.",
        ),
    ],
    "S11": [
        case("different samples"),
        case("clinic samples", base="clinic"),
        case("similar but distinct", base="2fa"),
    ],
    "S12": [
        case("english"),
        case(
            "spanish with english translation",
            sample3="Sweet Crumbs Bakery: pan dulce 20% "
            "off today! / ¡Hoy pan dulce con 20% de descuento en la tienda! Reply STOP to opt "
            "out.",
        ),
        case(
            "accented english",
            sample3="Sweet Crumbs Bakery: our café is open late on Friday "
            "with crème brûlée specials. Reply STOP to opt out.",
        ),
    ],
    "D1": [
        case("forty characters", description="Sweet Crumbs Bakery texts offers to fans."),
        case(
            "4096 characters",
            description=("Sweet Crumbs Bakery texts offers to customers. " * 100)[:4096],
        ),
        case("clinic", base="clinic"),
    ],
    "D2": [
        case("bakery"),
        case("clinic", base="clinic"),
        case("walker", base="walker"),
        case(
            "various updates beside concrete reminders",
            base="clinic",
            description="Riverbend Family Clinic sends patients who opted in appointment "
            "reminders, lab-result notices and various office updates.",
        ),
        case(
            "occasional donation appeals",
            description="Sweet Crumbs Bakery texts customers who opted in weekly offers and "
            "occasional donation appeals for the Lincoln food bank.",
        ),
    ],
    "D3": [
        case("bakery"),
        case(
            "own legal name",
            description="Sweet Crumbs Bakery LLC sends weekly promotions to "
            "customers who opted in.",
        ),
        case("no company named", base="2fa"),
    ],
    "D4": [
        case("bakery"),
        case(
            "personalized offers",
            description="Sweet Crumbs Bakery sends personalized offers "
            "to customers who opted in on our website.",
        ),
        case("family clinic", base="clinic"),
    ],
    "M1": [
        case("forty characters", messageFlow="Customers text JOIN to (512) 555-0142 to opt in"),
        case(
            "2048 characters",
            messageFlow=(BAKERY["messageFlow"] + " ") * 5
            + "x" * (2048 - 5 * (len(BAKERY["messageFlow"]) + 1)),
        ),
        case("clinic", base="clinic"),
    ],
    "M2": [
        case("website with link"),
        case(
            "keyword",
            messageFlow="Customers text SWEET to (512) 555-0142 and get a "
            "confirmation with the terms.",
        ),
        case(
            "verbal with script",
            base="walker",
            messageFlow="Clients opt in verbally at the "
            'first meeting; Jane asks: "May I text you about walks? Reply STOP anytime."',
        ),
        case("paper form", base="walker"),
    ],
    "M3": [
        case(
            "an IVR opt-in disclosing in its confirmation text",
            messageFlow="Customers opt in by pressing 1 in our phone menu after the prompt "
            "'Press 1 to get Sweet Crumbs Bakery order texts. Message and data rates may apply.' "
            "Privacy: https://sweetcrumbs.com/privacy Terms: https://sweetcrumbs.com/terms",
        ),
        case("bakery"),
        case("clinic", base="clinic"),
        case("2fa", base="2fa"),
        case(
            "a portal setting whose confirmation text gives the frequency",
            base="clinic",
            messageFlow="Patients turn on 'Text me Riverbend Family Clinic reminders' in the "
            "patient portal at https://riverbendclinic.com/portal; the setting reads 'Msg & data "
            "rates may apply. Reply HELP for help, STOP to cancel.' Privacy: "
            "https://riverbendclinic.com/privacy",
            optinMessage="Riverbend Family Clinic: reminders are on. Msg frequency varies. Msg & "
            "data rates may apply. Reply HELP for help, STOP to cancel.",
        ),
        case(
            "codes sent only when requested",
            base="2fa",
            messageFlow="Users turn on 'Text me a code' at https://lockbox.io/settings; the screen "
            "says Lockbox Security codes are sent only when you sign in, msg & data rates may "
            "apply, reply HELP for help or STOP to cancel. Privacy https://lockbox.io/privacy.",
        ),
        case(
            "a count per month without the word messages",
            messageFlow="Customers tick an unchecked box at https://sweetcrumbs.com/sms: 'Sweet "
            "Crumbs Bakery offers by text, about 2 per month. Msg & data rates may apply. Reply "
            "HELP for help, STOP to opt out.'",
        ),
        case("policies printed on a paper agreement", base="walker"),
        case(
            "one reminder per appointment and message and data rates in other words",
            base="clinic",
            messageFlow="Patients tick an unchecked box on the intake form at "
            "https://riverbendclinic.com/intake: 'Text me Riverbend Family Clinic reminders, one "
            "reminder per appointment. Standard message and data rates may apply. Reply HELP for "
            "help, STOP to cancel.' Privacy: https://riverbendclinic.com/privacy",
        ),
    ],
    "M4": [
        case("unchecked box"),
        case("not pre-checked", messageFlow=BAKERY["messageFlow"] + " The box is not pre-checked."),
        case(
            "never shared",
            messageFlow=BAKERY["messageFlow"] + " Opt-in data is never shared with third parties.",
        ),
    ],
    "M5": [
        case("https link"),
        case("no link", base="walker"),
        case(
            "bare domain",
            messageFlow="Customers opt in on our website at "
            "sweetcrumbs.com/sms by ticking an unchecked box.",
        ),
    ],
    "M6": [
        case("no keywords, no message", base="clinic"),
        case("complete message"),
        case(
            "other wording",
            optinMessage="Welcome to Sweet Crumbs Bakery texts! Msg "
            "frequency varies. Message and data rates may apply. Text HELP for help, STOP to "
            "quit.",
        ),
    ],
    "M7": [
        case("bakery"),
        case(
            "domain named",
            messageFlow="Customers opt in at https://sweetcrumbs.com/sms by "
            "ticking an unchecked box.",
        ),
        case("clinic", base="clinic"),
    ],
    "K1": [
        case(
            "unsubscribed says no more texts come",
            optoutMessage="Sweet Crumbs Bakery: you're unsubscribed from order texts.",
        ),
        case(
            "texts turned off says it too",
            optoutMessage="Sweet Crumbs Bakery: text notices turned off. Thanks for ordering.",
        ),
        case(
            "a Spanish opt-out confirmation",
            optoutMessage="Sweet Crumbs Bakery: cancelaste tu suscripción. No recibirás más "
            "mensajes.",
        ),
        case("bakery"),
        case(
            "help with url only",
            base="2fa",
            helpMessage="Lockbox Security support: visit https://lockbox.io/help for help.",
        ),
        case(
            "other opt-out wording",
            base="2fa",
            optoutMessage="You have opted out of Lockbox "
            "Security alerts. No further messages will be sent.",
        ),
    ],
    "K2": [
        case("full list"),
        case("lower case", optoutKeywords="stop,quit", helpKeywords="help"),
        case("stop only", base="2fa"),
    ],
    "K3": [
        case("all true"),
        case(
            "strings from a form", subscriberOptin="true", subscriberOptout="on", subscriberHelp="1"
        ),
        case("clinic", base="clinic"),
    ],
    "K4": [
        case("bakery"),
        case(
            "phone with outside email",
            helpMessage="Sweet Crumbs Bakery: call (512) "
            "555-0142 or write to sweetcrumbs@gmail.com.",
        ),
        case(
            "subdomain",
            helpMessage="Sweet Crumbs Bakery: help at https://help.sweetcrumbs.com "
            "or reply STOP to opt out.",
        ),
    ],
    "U1": [
        case(
            "a library loan is not lending",
            sample2="Sweet Crumbs Bakery: the cookbook you asked for through interlibrary loan "
            "is ready. Reply STOP to opt out.",
        ),
        case(
            "a loan payment reminder services an account",
            description="Sweet Crumbs Bakery texts customers who opted in about orders; "
            "franchise owners also get their equipment loan payment reminders.",
        ),
        case("bakery"),
        case(
            "declared lending",
            base="clinic",
            directLending=True,
            sample3="Riverbend Family "
            "Clinic: your medical loan payment of $[amount] is due [date].",
        ),
        case(
            "negated",
            description="Sweet Crumbs Bakery sends weekly promotions to customers "
            "who opted in; no loans or credit are offered.",
        ),
    ],
    "U2": [
        case("bakery"),
        case(
            "declared with an ID check",
            ageGated=True,
            messageFlow=BAKERY["messageFlow"] + " Staff scan a photo ID before signing anyone up.",
        ),
        case(
            "root beer and glue guns",
            sample3="Sweet Crumbs Bakery: root beer floats and a glue gun craft class for kids "
            "Saturday, 20% off! Reply STOP to opt out.",
        ),
        case(
            "declared with date of birth",
            ageGated=True,
            sample3="Sweet Crumbs Bakery: wine "
            "pairing night Friday, 20% off! Reply STOP to opt out.",
            messageFlow=BAKERY["messageFlow"]
            + " The form asks for a full date of birth; under-21s are "
            "refused.",
        ),
        case(
            "negated",
            description="Sweet Crumbs Bakery sends weekly promotions to customers; "
            "we never serve alcohol.",
        ),
    ],
    "U3": [
        case("bakery"),
        case(
            "low volume test",
            usecase="LOW_VOLUME",
            description="Sweet Crumbs Bakery is running a pilot of order updates to customers.",
        ),
        case(
            "lab tests",
            base="clinic",
            description="Riverbend Family Clinic sends lab test "
            "results notices and reminders to patients who opted in.",
        ),
    ],
    "U4": [
        case("qualified", brand={"qualified_usecases": ("MARKETING", "MIXED")}),
        case("unknown qualification"),
        case("2fa qualified", base="2fa", brand={"qualified_usecases": "2FA,MARKETING"}),
        case(
            "a 501(c)(3) under CHARITY",
            base="clinic",
            usecase="CHARITY",
            brand={"entity_type": "NON_PROFIT", "vertical": "NGO"},
        ),
        case(
            "a committee under POLITICAL",
            usecase="POLITICAL",
            campaignVerifyToken="cv-2026-0001",
            brand={"entity_type": "NON_PROFIT", "vertical": "POLITICAL"},
        ),
        case(
            "a business raising money for a charity under MARKETING",
            sample3="Sweet Crumbs Bakery: every cookie sold Saturday funds the Lincoln food "
            "bank, a registered charity. Reply STOP to opt out.",
        ),
    ],
    "S13": [
        case("no links"),
        case(
            "a link on the brand's own domain",
            embeddedLink=True,
            sample3="Sweet Crumbs Bakery: order online at https://sweetcrumbs.com/order. Reply "
            "STOP to opt out.",
        ),
        case(
            "an e-mail address is not a link",
            sample3="Sweet Crumbs Bakery: questions? Write to hello@partnerbakes.com. Reply STOP "
            "to opt out.",
        ),
    ],
    "U6": [
        case(
            "a vote on a pie is not politics",
            sample2="Sweet Crumbs Bakery: vote for December's pie! Reply A for pecan, B for "
            "apple. Reply STOP to opt out.",
        ),
        case(
            "job candidates are not politics",
            description="Sweet Crumbs Bakery texts job candidates interview times and "
            "reminders after they apply on our website.",
        ),
        case("no political content"),
        case(
            "political with its Campaign Verify token",
            usecase="POLITICAL",
            campaignVerifyToken="cv-2026-0001",
        ),
        case(
            "a ballot of cakes is not an election",
            sample3="Sweet Crumbs Bakery: which pie should we bake next? Reply 1 for apple, 2 for "
            "pecan. Reply STOP to opt out.",
        ),
    ],
    "U5": [
        case("mixed with two", usecase="MIXED", subUsecases=["MARKETING", "CUSTOMER_CARE"]),
        case(
            "mixed with five",
            usecase="MIXED",
            subUsecases=[
                "MARKETING",
                "CUSTOMER_CARE",
                "ACCOUNT_NOTIFICATION",
                "DELIVERY_NOTIFICATION",
                "2FA",
            ],
        ),
        case("marketing without", usecase="MARKETING"),
    ],
    "P1": [
        case("sole proprietor first campaign", base="walker"),
        case("standard brand marketing"),
        case("count unknown", base="walker", brand={"existing_campaign_count": None}),
    ],
    "P3": [
        case("otp verified", base="walker"),
        case("otp unknown", base="walker", brand={"otp_verified": None}),
        case("standard brand", brand={"otp_verified": False}),
    ],
    "B6": [
        case("the business sends its own messages"),
        case(
            "a SaaS alerting the admins of its customers' workspaces",
            base="2fa",
            description="Lockbox Security sends one-time passcodes and new-device alerts to the "
            "admins of its customers' workspaces who turn them on in the Lockbox app.",
        ),
        case(
            "agents of one brand texting their own clients",
            usecase="AGENTS_FRANCHISES",
            description="Sweet Crumbs Bakery's franchise locations each text their own "
            "customers who opted in weekly offers from that location.",
        ),
        case(
            "a hospital app's reminders for its own clinics",
            base="clinic",
            description="Riverbend Family Clinic sends appointment reminders for our clinics to "
            "patients who turn them on in our patient app.",
        ),
        case(
            "a health system texting the patients of its own clinics",
            base="clinic",
            description="Riverbend Family Clinic texts patients of our clinics appointment "
            "reminders and lab-result notices.",
        ),
        case(
            "a promise never to resell numbers",
            messageFlow=BAKERY["messageFlow"] + " We never resell or share numbers.",
        ),
    ],
    "B7": [
        case("same phone and email", base="clinic"),
        case("no contact in samples", base="2fa"),
        case(
            "same email domain",
            helpMessage="Sweet Crumbs Bakery: email orders@sweetcrumbs.com for help.",
        ),
    ],
    "B10": [
        case("verified"),
        case("vetted", brand={"identity_status": "VETTED_VERIFIED"}),
        case("self declared", brand={"identity_status": "SELF_DECLARED"}),
    ],
    "B11": [
        case("no campaigns", brand={"existing_campaign_count": 0}),
        case("fifty", brand={"existing_campaign_count": 50}),
        case("count unknown"),
    ],
}

CAMPAIGN_FAILS = {
    "S1": [
        fails("one sample", E, sample2="", sample3=""),
        fails("nineteen characters", E, field="sample2", sample2="Sweet Crumbs: 2 for"),
        fails("above 1024", E, field="sample3", sample3=LONG[:1025]),
        fails("above 255 warns", W, field="sample3", sample3=LONG[:300]),
        fails("gap between samples", W, sample2=""),
    ],
    "S2": [
        fails(
            "no sample names the brand",
            E,
            sample1="20% off all croissants this weekend! Reply STOP to opt out.",
            sample2="Our pumpkin pies are back, order yours at the counter today.",
            sample3="Hi [first name], free coffee tasting Saturday!",
        ),
        fails(
            "one sample lacks it",
            W,
            field="sample3",
            sample3="Hi [first name], free coffee tasting Saturday from 9am!",
        ),
        fails(
            "2fa codes without brand",
            E,
            base="2fa",
            sample1="Your code is 482913. Reply STOP to opt out.",
            sample2="Use 7301 to confirm your new device.",
            sample3="[code] is your verification code.",
        ),
    ],
    "S3": [
        fails(
            "unsubscribe by link only",
            E,
            base="2fa",
            sample1="Your Lockbox Security code is 482913. To unsubscribe, open the app settings.",
        ),
        fails(
            "no opt-out",
            E,
            sample1="Sweet Crumbs Bakery: 20% off all croissants this weekend only!",
            sample2="Sweet Crumbs Bakery: pies are back at https://sweetcrumbs.com/pies",
            sample3="Sweet Crumbs Bakery: free coffee Saturday.",
        ),
        fails(
            "stop by our store",
            E,
            base="clinic",
            sample1="Riverbend Family Clinic: stop by "
            "our front desk to update your insurance, or call (617) 555-0123.",
        ),
        fails(
            "glued keyword only",
            E,
            base="2fa",
            sample1="Your Lockbox Security code is 482913. Text STOP2END.",
        ),
        fails(
            "capitalised Stop",
            E,
            base="walker",
            sample1="Paws by Jane: Stop in to meet our new walker, Sam, this Saturday.",
        ),
    ],
    "S4": [
        fails(
            "STOP2END", E, field="sample1", sample1="Sweet Crumbs Bakery: 20% off! Text STOP2END."
        ),
        fails(
            "STOPEND",
            E,
            field="sample2",
            sample2="Sweet Crumbs Bakery: pies are back! Reply STOPEND to quit.",
        ),
        fails(
            "opt-in message",
            E,
            field="optinMessage",
            optinMessage="Sweet Crumbs Bakery: "
            "subscribed! 4 msgs/month. Msg & data rates may apply. HELP for help, 2STOP.",
        ),
    ],
    "S5": [
        fails(
            "mustache variable",
            W,
            field="sample3",
            sample3="Hi {{first_name}}, Sweet Crumbs Bakery: free coffee Saturday!",
        ),
        fails(
            "insert placeholder",
            W,
            field="sample1",
            sample1="Sweet Crumbs Bakery: [Insert offer here]. Reply STOP to opt out.",
        ),
        fails(
            "test message",
            E,
            field="sample2",
            sample2="Test message from Sweet Crumbs Bakery, please ignore.",
        ),
        fails("lorem ipsum", E, base="2fa", sample2="Lorem ipsum dolor sit amet, Lockbox."),
        fails("three words", W, field="sample3", sample3="SweetCrumbsBakery: huge sale!"),
        fails(
            "nothing beyond the sender and the opt-out",
            E,
            field="sample2",
            sample2="Sweet Crumbs Bakery: appointment reminder. Reply STOP to opt out.",
        ),
    ],
    "S6": [
        fails(
            "bit.ly",
            E,
            field="sample2",
            sample2="Sweet Crumbs Bakery: pies are back! https://bit.ly/3xYzPie",
        ),
        fails(
            "tinyurl without scheme",
            E,
            field="sample2",
            sample2="Sweet Crumbs Bakery: pies at tinyurl.com/sweetpies",
        ),
        fails(
            "upper-case t.co",
            E,
            field="sample2",
            sample2="Sweet Crumbs Bakery: pies at T.CO/abc123",
        ),
        fails(
            "embedded link sample",
            E,
            field="embeddedLinkSample",
            embeddedLinkSample="https://rb.gy/x1y2",
        ),
    ],
    "S7": [
        fails("link without flag", E, field="embeddedLink", embeddedLink=False),
        fails("flag without link", E, field="embeddedLink", base="2fa", embeddedLink=True),
        fails("phone without flag", E, field="embeddedPhone", base="clinic", embeddedPhone=False),
        fails("flag without phone", E, field="embeddedPhone", embeddedPhone=True),
    ],
    "S8": [
        fails(
            "marketing without an offer",
            W,
            sample1="Sweet Crumbs Bakery: we open at 7am tomorrow. Reply STOP to opt out.",
            sample2="Sweet Crumbs Bakery: thanks for visiting us today!",
            sample3="Sweet Crumbs Bakery: our new location opens in May.",
        ),
        fails(
            "2fa without a code",
            W,
            base="2fa",
            sample1="Lockbox Security: a new device signed in. Reply STOP to opt out.",
            sample2="Lockbox: your password was changed.",
            sample3="Lockbox Security: your account is locked.",
        ),
        fails(
            "promotion in a notification",
            E,
            base="clinic",
            field="sample3",
            sample3="Riverbend Family Clinic: 20% off teeth whitening this month only!",
        ),
        fails(
            "mixed with too few samples",
            W,
            usecase="MIXED",
            subUsecases=[
                "MARKETING",
                "ACCOUNT_NOTIFICATION",
                "CUSTOMER_CARE",
                "DELIVERY_NOTIFICATION",
            ],
        ),
    ],
    "S9": [
        fails(
            "credit restoration",
            E,
            sample2="Sweet Crumbs Bakery: 3 negative items were removed from your credit report! "
            "Reply STOP to opt out.",
        ),
        fails(
            "cbd",
            E,
            field="sample3",
            sample3="Sweet Crumbs Bakery: new CBD cookies are in! Reply STOP to opt out.",
        ),
        fails(
            "online casino",
            E,
            field="description",
            description="Sweet Crumbs Bakery sends "
            "bonus codes for our partner online casino to customers who opted in.",
        ),
        fails(
            "a sweepstakes casino under a notification use case",
            E,
            base="clinic",
            field="sample3",
            sample3="Riverbend Family Clinic: your Gold Coins are ready! Play sweepstakes "
            "casino games at https://riverbendclinic.com/play, 21+ only.",
        ),
        fails(
            "social casino and free spins",
            E,
            field="sample3",
            sample3="Sweet Crumbs Bakery: 50 free spins waiting in our social casino app! "
            "Reply STOP to opt out.",
        ),
        fails(
            "payday advance under account notifications",
            E,
            base="clinic",
            field="sample3",
            sample3="Riverbend Family Clinic: short on cash? A payday advance of up to $500 is "
            "ready for you today.",
        ),
        fails(
            "short-term loans",
            E,
            field="description",
            description="Sweet Crumbs Bakery sends customers who opted in offers on "
            "short-term loans and title loans.",
        ),
        fails(
            "debt consolidation",
            E,
            base="clinic",
            field="sample3",
            sample3="Riverbend Family Clinic: consolidate your medical bills and credit cards "
            "into one payment with our debt consolidation program.",
        ),
        fails(
            "debt forgiveness",
            E,
            field="sample3",
            sample3="Sweet Crumbs Bakery: you may qualify for debt forgiveness! Reply STOP to "
            "opt out.",
        ),
        fails(
            "credit repair in other words",
            E,
            field="sample3",
            sample3="Sweet Crumbs Bakery: we can repair your credit and remove late payments "
            "in 30 days. Reply STOP to opt out.",
        ),
        fails(
            "hemp extract",
            E,
            field="sample3",
            sample3="Sweet Crumbs Bakery: try our new hemp extract gummies. Reply STOP to opt out.",
        ),
        fails(
            "firearms for sale, even age gated",
            E,
            field="sample3",
            ageGated=True,
            sample3="Sweet Crumbs Bakery: new handguns in stock at our counter this week. Reply "
            "STOP to opt out.",
        ),
        fails(
            "e-juice",
            E,
            field="sample3",
            sample3="Sweet Crumbs Bakery: 2-for-1 e-juice bottles today. Reply STOP to opt out.",
        ),
        fails(
            "a brand whose vertical is gambling, with harmless-looking notices",
            E,
            base="clinic",
            brand={"vertical": "GAMBLING"},
        ),
        fails(
            "a payday lender's payment notice",
            E,
            base="clinic",
            field="sample3",
            sample3="Riverbend Family Clinic: your payday loan payment of $240 is due Friday.",
        ),
        fails(
            "cash before the next paycheck",
            E,
            field="sample3",
            sample3="Sweet Crumbs Bakery: get $300 before your next paycheck, approved in "
            "minutes. Reply STOP to opt out.",
        ),
        fails(
            "payday beside a loan word",
            E,
            field="sample3",
            sample3="Sweet Crumbs Bakery: need cash before payday, borrow up to $500 today. "
            "Reply STOP to opt out.",
        ),
        fails(
            "skill games",
            E,
            field="sample3",
            sample3="Sweet Crumbs Bakery: win cash on the skill games in our back room. Reply "
            "STOP to opt out.",
        ),
        fails(
            "payday loans",
            E,
            base="clinic",
            field="sample3",
            sample3="Riverbend Family "
            "Clinic: can't pay your bill? Get payday loans at our partner.",
        ),
        fails(
            "crypto",
            E,
            base="2fa",
            field="sample2",
            sample2="Lockbox: your crypto wallet code is 7301.",
        ),
    ],
    "S10": [
        fails(
            "homeowners matched with installers",
            E,
            field="description",
            description="Sweet Crumbs Bakery Advisors matches qualified homeowners with a local "
            "installer who completes the sale.",
        ),
        fails(
            "partner offers",
            E,
            sample3="Sweet Crumbs Bakery: exclusive partner offers inside! Reply STOP to opt out.",
        ),
        fails(
            "lead generation",
            E,
            field="description",
            description="Sweet Crumbs Bakery "
            "runs lead generation for local cafés and texts the leads offers.",
        ),
        fails(
            "affiliate",
            W,
            field="description",
            base="2fa",
            description="Lockbox Security "
            "sends codes and affiliate marketing offers to users of the app.",
        ),
    ],
    "S11": [
        fails("identical samples", E, field="sample2", sample2=BAKERY["sample1"]),
        fails(
            "one word changed",
            E,
            field="sample2",
            sample2=BAKERY["sample1"].replace("croissants", "croissant"),
        ),
        fails(
            "flow repeats description", W, field="messageFlow", messageFlow=BAKERY["description"]
        ),
        fails(
            "help repeats opt-out",
            W,
            base="2fa",
            field="helpMessage",
            helpMessage=TWOFA["optoutMessage"],
        ),
    ],
    "S12": [
        fails(
            "spanish sample",
            W,
            field="sample3",
            sample3="Sweet Crumbs Bakery: ¡hoy tenemos "
            "pan dulce con descuento para usted en la tienda! Responda STOP para cancelar.",
        ),
        fails(
            "chinese sample",
            W,
            field="sample3",
            sample3="Sweet Crumbs Bakery：本周末所有羊角面包八折优惠！回复STOP退订。",
        ),
        fails(
            "french description",
            W,
            field="description",
            description="Sweet Crumbs Bakery "
            "envoie des offres et des nouvelles à ses clients pour les remercier de votre "
            "fidélité et est fière de vous servir.",
        ),
    ],
    "D1": [
        fails("empty", E, description=""),
        fails("39 characters", E, description="Sweet Crumbs Bakery texts its customers"),
        fails(
            "4097 characters", E, description=("Sweet Crumbs Bakery texts offers. " * 200)[:4097]
        ),
    ],
    "D2": [
        fails(
            "no brand",
            W,
            description="We send weekly promotions and event invitations to "
            "customers who opted in.",
        ),
        fails(
            "no recipient",
            W,
            description="Sweet Crumbs Bakery sends weekly promotions and "
            "event invitations by text.",
        ),
        fails(
            "no purpose",
            W,
            base="clinic",
            description="Riverbend Family Clinic texts "
            "patients who gave us their number at the front desk.",
        ),
        fails(
            "a holding company's various communications",
            E,
            description="Sweet Crumbs Bakery LLC, a holding company, sends various "
            "communications to customers and stakeholders who opted in.",
        ),
        fails(
            "general updates and information",
            E,
            base="clinic",
            description="Riverbend Family Clinic sends general updates and information to its "
            "patients.",
        ),
        fails(
            "messages about our products and services",
            E,
            description="Sweet Crumbs Bakery LLC sends customers who opted in messages about "
            "our products and services.",
        ),
        fails(
            "texts about our companies as needed",
            E,
            description="Sweet Crumbs Holdings LLC texts people information related to our "
            "companies as needed.",
            brand={"company_name": "Sweet Crumbs Holdings LLC"},
        ),
        fails(
            "corporate correspondence",
            E,
            base="2fa",
            description="Lockbox Security sends users of the Lockbox app correspondence from "
            "the company as needed.",
        ),
    ],
    "D3": [
        fails(
            "agency",
            W,
            description="Acme Marketing LLC sends weekly promotions for Sweet "
            "Crumbs Bakery to customers who opted in.",
        ),
        fails(
            "other brand",
            W,
            base="clinic",
            description="Riverbend Family Clinic and "
            "Northside Dental Inc. send appointment reminders to patients.",
        ),
        fails(
            "flow names a platform",
            W,
            field="messageFlow",
            base="2fa",
            messageFlow=TWOFA["messageFlow"] + " Messages are sent by Textblast Corp.",
        ),
    ],
    "D4": [
        fails(
            "friends and family",
            W,
            description="Sweet Crumbs Bakery owner texting friends "
            "and family about weekend plans and promotions.",
        ),
        fails(
            "personal use",
            W,
            base="walker",
            description="Paws by Jane uses this number for "
            "personal texting with clients and for walk reminders.",
        ),
        fails(
            "peer to peer",
            W,
            base="2fa",
            description="Lockbox Security offers peer-to-peer "
            "chat between users and sends login codes to users.",
        ),
    ],
    "M1": [
        fails("empty", E, messageFlow=""),
        fails("39 characters", E, messageFlow="Customers opt in at sweetcrumbs.com/sms"),
        fails("2049 characters", E, messageFlow="x" * 2049),
    ],
    "M2": [
        fails(
            "no method",
            E,
            messageFlow="We send our loyal customers messages about our new pastries every week.",
        ),
        fails(
            "opting in is not a method",
            E,
            messageFlow="Customers opt in and sign up to receive our texts about new pastries.",
        ),
        fails(
            "website without link",
            E,
            messageFlow="Customers opt in on our website by ticking an unchecked box at checkout.",
        ),
        fails(
            "verbal without script",
            E,
            base="walker",
            messageFlow="Clients agree verbally "
            "at the first meeting to receive messages about their walks.",
        ),
    ],
    "M3": [
        fails(
            "a web call to action showing only STOP",
            E,
            messageFlow="Customers sign up at https://sweetcrumbs.com/texts: an unchecked box "
            "reads 'By checking this box you agree to receive texts from Sweet Crumbs Bakery. "
            "Reply STOP to cancel.' Privacy: https://sweetcrumbs.com/privacy Terms: "
            "https://sweetcrumbs.com/terms",
        ),
        fails(
            "marketing without privacy policy", E, field="privacyPolicyLink", privacyPolicyLink=""
        ),
        fails(
            "privacy link not a url",
            E,
            field="privacyPolicyLink",
            privacyPolicyLink="see our website",
        ),
        fails(
            "a portal disclosure without rates or frequency",
            E,
            base="clinic",
            messageFlow="Patients opt in online "
            "at https://riverbendclinic.com/portal/sms by ticking an unchecked box to get "
            "Riverbend Family Clinic reminders. Reply HELP for help, STOP to cancel.",
        ),
        fails(
            "no rates where people opt in, even with a complete confirmation",
            E,
            messageFlow="Customers tick an unchecked box at https://sweetcrumbs.com/sms: 'Sweet "
            "Crumbs Bakery offers by text, up to 4 msgs/month. Reply HELP for help, STOP to opt "
            "out.' Privacy: https://sweetcrumbs.com/privacy",
        ),
        fails(
            "no frequency where people opt in nor in the confirmation",
            E,
            messageFlow="Customers tick an unchecked box at https://sweetcrumbs.com/sms: 'Sweet "
            "Crumbs Bakery offers by text. Msg & data rates may apply. Reply HELP for help, "
            "STOP to opt out.' Privacy: https://sweetcrumbs.com/privacy",
            optinMessage="Sweet Crumbs Bakery: you're subscribed to offers. Msg & data rates "
            "may apply. Reply HELP for help, STOP to opt out.",
        ),
        fails(
            "no privacy policy and no terms anywhere",
            E,
            base="clinic",
            privacyPolicyLink="",
            termsAndConditionsLink="",
            messageFlow="Patients tick an unchecked box on the intake form at "
            "https://riverbendclinic.com/intake: 'Text me Riverbend Family Clinic appointment "
            "reminders. Msg frequency varies. Msg & data rates may apply. Reply HELP for help, "
            "STOP to cancel.'",
        ),
        fails(
            "only HELP missing is risky",
            W,
            messageFlow="Customers tick an unchecked box at https://sweetcrumbs.com/sms: 'Sweet "
            "Crumbs Bakery offers by text, up to 4 msgs/month. Msg & data rates may apply. Reply "
            "STOP to opt out.' Privacy: https://sweetcrumbs.com/privacy",
            optinKeywords="",
            optinMessage="",
        ),
        fails(
            "no help or stop",
            W,
            base="2fa",
            messageFlow="Users enter their number at "
            "https://lockbox.io/signup to receive Lockbox Security codes. Msg frequency "
            "varies. Msg & data rates may apply.",
        ),
    ],
    "M4": [
        fails(
            "consent is a condition of the order",
            E,
            field="messageFlow",
            messageFlow="At checkout customers must accept: 'By placing your order you agree to "
            "receive recurring texts from Sweet Crumbs Bakery. Up to 4 msgs/month. Msg & data "
            "rates may apply. Reply HELP for help, STOP to opt out.' The order cannot be "
            "submitted without accepting.",
        ),
        fails(
            "consent buried in the terms of service",
            E,
            field="messageFlow",
            messageFlow="By creating an account at sweetcrumbs.com users accept our Terms of "
            "Service (sweetcrumbs.com/terms), section 14 of which includes consent to receive "
            "text messages. Msg & data rates may apply. Reply STOP to opt out.",
        ),
        fails(
            "a number given at checkout taken as consent",
            E,
            field="messageFlow",
            messageFlow="Customers provide their mobile number at the register or at online "
            "checkout (sweetcrumbs.com) when they buy, and are then added to our text list. Msg "
            "& data rates may apply. Reply STOP to opt out.",
        ),
        fails(
            "numbers shared with affiliated brands",
            E,
            field="description",
            description="Sweet Crumbs Bakery texts members weekly deals. Opted-in numbers may "
            "also be shared with our affiliated brands and sponsors.",
        ),
        fails(
            "pre-checked box",
            E,
            messageFlow=BAKERY["messageFlow"] + " The box is pre-checked for convenience.",
        ),
        fails(
            "by signing up",
            E,
            base="2fa",
            messageFlow=TWOFA["messageFlow"] + " By signing "
            "up you agree to receive marketing texts.",
        ),
        fails(
            "shared with partners",
            E,
            base="clinic",
            messageFlow=CLINIC["messageFlow"] + " Numbers may be shared with partners.",
        ),
    ],
    "M5": [
        fails(
            "http link",
            W,
            messageFlow=BAKERY["messageFlow"].replace(
                "https://sweetcrumbs.com/sms", "http://sweetcrumbs.com/sms"
            ),
        ),
        fails(
            "http portal",
            W,
            base="clinic",
            messageFlow=CLINIC["messageFlow"].replace("https://", "http://"),
        ),
        fails(
            "http signup",
            W,
            base="2fa",
            messageFlow=TWOFA["messageFlow"].replace(
                "https://lockbox.io/signup", "http://lockbox.io/signup"
            ),
        ),
    ],
    "M6": [
        fails("keywords without message", E, optinMessage=""),
        fails(
            "no stop",
            E,
            optinMessage="Sweet Crumbs Bakery: you're subscribed! Up to 4 "
            "msgs/month. Msg & data rates may apply. Reply HELP for help.",
        ),
        fails(
            "no rates or frequency",
            E,
            optinMessage="Sweet Crumbs Bakery: welcome! Reply HELP for help, STOP to opt out.",
        ),
        fails("too short", E, optinMessage="Welcome! STOP"),
    ],
    "M7": [
        fails(
            "bakery flow without brand",
            W,
            messageFlow="Customers opt in on our website at "
            "https://example-shop.com/sms by ticking an unchecked box.",
        ),
        fails(
            "clinic flow without brand",
            W,
            base="clinic",
            messageFlow="Patients opt in on "
            'the intake form at the front desk, which reads "Text me reminders."',
        ),
        fails(
            "2fa flow without brand",
            W,
            base="2fa",
            messageFlow="Users enter their mobile "
            "number in the app and tick an unchecked box to get login codes.",
        ),
    ],
    "K1": [
        fails("no help message", E, field="helpMessage", helpMessage=""),
        fails(
            "help without contact",
            E,
            field="helpMessage",
            helpMessage="Sweet Crumbs Bakery: we are here to help! Reply STOP to opt out.",
        ),
        fails(
            "opt-out not confirmed",
            E,
            field="optoutMessage",
            optoutMessage="Sweet Crumbs Bakery: thanks for being a customer!",
        ),
        fails(
            "a cancelled order is no opt-out confirmation",
            E,
            field="optoutMessage",
            optoutMessage="Sweet Crumbs Bakery: your order was cancelled. Call us to rebook.",
        ),
        fails("opt-out too long", E, field="optoutMessage", optoutMessage="x" * 321),
        fails(
            "opt-out without brand",
            E,
            base="2fa",
            field="optoutMessage",
            optoutMessage="You have been unsubscribed and will not receive any more codes.",
        ),
    ],
    "K2": [
        fails("no STOP", E, field="optoutKeywords", optoutKeywords="END,QUIT"),
        fails("spaces", E, field="optoutKeywords", optoutKeywords="STOP, END"),
        fails("no HELP", E, field="helpKeywords", base="clinic", helpKeywords="INFO"),
        fails("semicolons", E, field="optinKeywords", optinKeywords="START;JOIN"),
    ],
    "K3": [
        fails("optin false", E, field="subscriberOptin", subscriberOptin=False),
        fails("optout missing", E, field="subscriberOptout", subscriberOptout=None),
        fails("help false string", E, field="subscriberHelp", subscriberHelp="false"),
    ],
    "K4": [
        fails("no brand", W, helpMessage="For help call (512) 555-0142 or reply STOP to opt out."),
        fails(
            "free email",
            W,
            base="2fa",
            helpMessage="Lockbox Security: for help email lockboxhelp@gmail.com.",
        ),
        fails(
            "other domain url",
            W,
            base="clinic",
            helpMessage="Riverbend Family Clinic: help at https://clinicsoftware.example.com/help.",
        ),
    ],
    "U1": [
        fails(
            "a credit application offered",
            E,
            sample2="Sweet Crumbs Bakery: apply for store credit today and pay over 12 months! "
            "Reply STOP to opt out.",
        ),
        fails(
            "mortgage",
            E,
            base="clinic",
            sample3="Riverbend Family Clinic: ask about our mortgage partners at your next visit.",
        ),
        fails(
            "personal loans",
            E,
            description="Sweet Crumbs Bakery sends offers and personal "
            "loans to customers who opted in.",
        ),
        fails(
            "refinance", E, base="2fa", sample2="Lockbox: use 7301 to refinance your account today."
        ),
    ],
    "U2": [
        fails(
            "wine without flag",
            E,
            sample3="Sweet Crumbs Bakery: wine pairing night Friday, "
            "20% off! Reply STOP to opt out.",
        ),
        fails("flag without dob", E, field="messageFlow", ageGated=True),
        fails(
            "a yes/no 21+ click is not an age gate",
            E,
            field="messageFlow",
            ageGated=True,
            messageFlow=BAKERY["messageFlow"]
            + " Before the form, a pop-up asks 'Are you 21 or older?' with Yes and No buttons.",
        ),
        fails(
            "vape",
            E,
            base="walker",
            sample3="Paws by Jane: vape pens 2 for $20 at my friend's shop.",
        ),
    ],
    "U3": [
        fails(
            "test campaign",
            W,
            description="Sweet Crumbs Bakery sends a test campaign of "
            "offers to customers who opted in.",
        ),
        fails(
            "demo",
            W,
            base="2fa",
            description="Lockbox Security demo: codes to users who try the app.",
        ),
        fails(
            "pilot",
            W,
            base="clinic",
            description="Riverbend Family Clinic pilot of "
            "appointment reminders for a small number of patients.",
        ),
    ],
    "U4": [
        fails("not qualified", E, brand={"qualified_usecases": ("ACCOUNT_NOTIFICATION",)}),
        fails("no use case", E, usecase=""),
        fails("2fa not qualified", E, base="2fa", brand={"qualified_usecases": ("MARKETING",)}),
        fails(
            "a for-profit care home under CHARITY",
            E,
            field="usecase",
            base="clinic",
            usecase="CHARITY",
            brand={"entity_type": "PRIVATE_PROFIT", "vertical": "HEALTHCARE"},
        ),
        fails(
            "a public company under CHARITY",
            E,
            usecase="CHARITY",
            brand={"entity_type": "PUBLIC_PROFIT", "vertical": "RETAIL"},
        ),
        fails(
            "a government office under POLITICAL",
            E,
            usecase="POLITICAL",
            campaignVerifyToken="cv-2026-0001",
            brand={"entity_type": "GOVERNMENT", "vertical": "GOVERNMENT"},
        ),
        fails(
            "an NGO entered as for-profit: fix the entity type",
            W,
            usecase="CHARITY",
            brand={"entity_type": "PRIVATE_PROFIT", "vertical": "NGO"},
        ),
    ],
    "S13": [
        fails(
            "a link to another domain",
            E,
            field="sample3",
            embeddedLink=True,
            sample3="Sweet Crumbs Bakery: claim your coupon at https://coupons-partner.net/sc. "
            "Reply STOP to opt out.",
        ),
        fails(
            "an account threat",
            E,
            field="sample3",
            sample3="Sweet Crumbs Bakery: your account has been locked, verify your identity "
            "today. Reply STOP to opt out.",
        ),
        fails(
            "a prize notice",
            E,
            field="sample3",
            sample3="Sweet Crumbs Bakery: congratulations! You have won a year of free bread, "
            "claim now. Reply STOP to opt out.",
        ),
    ],
    "U6": [
        fails(
            "election content in a marketing campaign",
            E,
            sample3="Sweet Crumbs Bakery: vote for Jane Doe for city council on Tuesday! Reply "
            "STOP to opt out.",
        ),
        fails("political without a token", E, usecase="POLITICAL"),
        fails(
            "a ballot measure in the description",
            E,
            description="Sweet Crumbs Bakery texts customers to support Measure B and our "
            "weekly specials.",
        ),
    ],
    "U5": [
        fails("mixed with one", E, usecase="MIXED", subUsecases=["MARKETING"]),
        fails(
            "mixed with six",
            E,
            usecase="MIXED",
            subUsecases=[
                "MARKETING",
                "CUSTOMER_CARE",
                "ACCOUNT_NOTIFICATION",
                "DELIVERY_NOTIFICATION",
                "2FA",
                "FRAUD_ALERT",
            ],
        ),
        fails("duplicates", E, usecase="MIXED", subUsecases=["MARKETING", "MARKETING"]),
        fails(
            "qualify minimum",
            E,
            usecase="LOW_VOLUME",
            subUsecases=["MARKETING"],
            brand={"min_sub_usecases": 2},
        ),
    ],
    "P1": [
        fails("sole proprietor marketing", E, base="walker", usecase="MARKETING"),
        fails("standard brand uses SOLE_PROPRIETOR", E, usecase="SOLE_PROPRIETOR"),
        fails("second campaign", E, base="walker", brand={"existing_campaign_count": 1}),
        fails("number pool", E, base="walker", field="numberPool", numberPool=True),
    ],
    "P3": [
        fails("otp not verified", E, base="walker", brand={"otp_verified": False}),
        fails(
            "otp not verified marketing",
            E,
            base="walker",
            usecase="MARKETING",
            brand={"otp_verified": False},
        ),
        fails(
            "otp not verified, second",
            E,
            base="walker",
            brand={"otp_verified": False, "existing_campaign_count": 1},
        ),
    ],
    "B6": [
        fails(
            "a scheduling platform sending its customers' reminders",
            E,
            field="description",
            base="clinic",
            description="Riverbend Family Clinic Software is a scheduling platform. This campaign "
            "sends appointment reminders on behalf of the clinics and salons using our platform.",
        ),
        fails(
            "an agency texting for its clients to their customers",
            E,
            field="description",
            description="Sweet Crumbs Bakery is a marketing agency: we send weekly promotions "
            "for our restaurant and gym clients to their customers.",
        ),
        fails(
            "businesses that use our app",
            E,
            field="messageFlow",
            base="2fa",
            messageFlow="Businesses that use our Lockbox app collect opt-ins from their own "
            "users; Lockbox Security sends the codes. Msg & data rates may apply. Reply HELP for "
            "help, STOP to opt out.",
        ),
        fails(
            "appointments booked with businesses through our app",
            E,
            base="clinic",
            description="Riverbend Family Clinic texts people reminders of appointments booked "
            "with local salons and clinics through our app.",
        ),
        fails(
            "our customers' reminders to their clients",
            E,
            description="Sweet Crumbs Bakery texts for its customers, independent bakeries: "
            "they send order reminders to their customers with our scheduling tools.",
        ),
        fails(
            "clients of the salons on a scheduling platform",
            E,
            base="clinic",
            description="Riverbend Family Clinic runs an online scheduling platform and texts "
            "clients of independent salons and spas their booking reminders.",
        ),
        fails(
            "a scheduling app texting reminders for salons and clinics",
            E,
            base="clinic",
            description="Riverbend Family Clinic, a scheduling app, sends appointment reminders "
            "for independent salons, barbershops and clinics to people who book through it.",
        ),
        fails(
            "a white-label texting service",
            E,
            description="Sweet Crumbs Bakery runs a white-label texting service for bakeries "
            "that send weekly promotions to customers who opted in.",
        ),
    ],
    "B7": [
        fails(
            "other phone",
            W,
            field="sample1",
            base="clinic",
            sample1="Riverbend Family "
            "Clinic: call (617) 555-0999 to reschedule. Reply STOP to opt out.",
        ),
        fails(
            "other email",
            W,
            field="helpMessage",
            helpMessage="Sweet Crumbs Bakery: email crumbsowner@gmail.com for help.",
        ),
        fails(
            "other phone in help",
            W,
            field="helpMessage",
            base="2fa",
            helpMessage="Lockbox Security: call (415) 555-0100 for help.",
        ),
    ],
    "B10": [
        fails("unverified", E, brand={"identity_status": "UNVERIFIED"}),
        fails("unverified clinic", E, base="clinic", brand={"identity_status": "UNVERIFIED"}),
        fails("unverified 2fa", E, base="2fa", brand={"identity_status": "UNVERIFIED"}),
    ],
    "B11": [
        fails("at the limit", E, brand={"existing_campaign_count": 100}),
        fails("above the limit", E, base="clinic", brand={"existing_campaign_count": 120}),
        fails("close to the limit", INFO, brand={"existing_campaign_count": 95}),
    ],
}


def _table(tables):
    return [(rule_id, *p.values) for rule_id, cases in tables.items() for p in cases]


def _ids(tables):
    return [f"{rule_id}-{p.id}" for rule_id, cases in tables.items() for p in cases]


@pytest.mark.parametrize(
    ("rule_id", "base", "brand", "wire"), _table(CAMPAIGN_PASSES), ids=_ids(CAMPAIGN_PASSES)
)
def test_campaign_rule_passes(rule_id, base, brand, wire):
    findings = check_campaign(campaign(base, brand, **wire))
    assert noticeable(findings, rule_id) == []


@pytest.mark.parametrize(
    ("rule_id", "base", "brand", "wire", "severity", "field"),
    _table(CAMPAIGN_FAILS),
    ids=_ids(CAMPAIGN_FAILS),
)
def test_campaign_rule_fails(rule_id, base, brand, wire, severity, field):
    found = of_rule(check_campaign(campaign(base, brand, **wire)), rule_id)
    assert any(f.severity is severity for f in found), found
    if field:
        assert field in {f.field for f in found}, found
    assert all(f.fix == rule(rule_id).fix and f.message for f in found)


# --- Brand rules ----------------------------------------------------------------------------

BAKERY_WIRE_BRAND = {
    "entityType": "PRIVATE_PROFIT",
    "displayName": "Sweet Crumbs Bakery",
    "companyName": "Sweet Crumbs Bakery LLC",
    "ein": "12-3456789",
    "email": "hello@sweetcrumbs.com",
    "website": "https://sweetcrumbs.com",
    "phone": "+15125550142",
    "street": "1200 S Congress Ave",
    "city": "Austin",
    "state": "TX",
    "postalCode": "78704",
    "country": "US",
    "vertical": "RETAIL",
}
FOODBANK_WIRE_BRAND = {
    "entityType": "NON_PROFIT",
    "displayName": "Eastside Food Bank",
    "companyName": "Eastside Community Food Bank",
    "ein": "987654321",
    "email": "volunteer@eastsidefood.org",
    "website": "https://www.eastsidefood.org",
    "phone": "+12065550160",
    "street": "400 E Pine St",
    "city": "Seattle",
    "state": "WA",
    "postalCode": "98122-2301",
    "country": "US",
    "vertical": "NGO",
}
PUBLIC_WIRE_BRAND = {
    "entityType": "PUBLIC_PROFIT",
    "displayName": "Summit Outdoor",
    "companyName": "Summit Outdoor Corp.",
    "ein": "45-1234567",
    "email": "ir@summitoutdoor.com",
    "businessContactEmail": "compliance@summitoutdoor.com",
    "website": "https://summitoutdoor.com",
    "phone": "+13035550110",
    "street": "1 Summit Way",
    "city": "Denver",
    "state": "CO",
    "postalCode": "80202",
    "country": "US",
    "vertical": "RETAIL",
    "stockSymbol": "SMIT",
    "stockExchange": "NASDAQ",
}
WALKER_WIRE_BRAND = {
    "entityType": "SOLE_PROPRIETOR",
    "displayName": "Paws by Jane",
    "firstName": "Jane",
    "lastName": "Doe",
    "mobilePhone": "+15035550177",
    "email": "jane.doe@gmail.com",
    "street": "PO Box 42",
    "city": "Portland",
    "state": "OR",
    "postalCode": "97201",
    "country": "US",
    "vertical": "PROFESSIONAL",
}
BRAND_BASES = {
    "bakery": BAKERY_WIRE_BRAND,
    "foodbank": FOODBANK_WIRE_BRAND,
    "public": PUBLIC_WIRE_BRAND,
    "walker": WALKER_WIRE_BRAND,
}


def brand(base="bakery", context=None, **wire) -> BrandContent:
    return BrandContent.from_wire({**BRAND_BASES[base], **wire}, **(context or {}))


@pytest.mark.parametrize("base", sorted(BRAND_BASES))
def test_a_compliant_brand_has_no_errors_or_warnings(base):
    findings = check_brand(brand(base))
    assert [(f.rule, f.message) for f in findings if f.severity is not INFO] == []


BRAND_PASSES = {
    "B1": [
        case("dashed", "bakery"),
        case("undashed", "foodbank"),
        case("sole proprietor has none", "walker"),
    ],
    "B2": [case("llc", "bakery"), case("corp", "public"), case("non-profit", "foodbank")],
    "B3": [
        case("bakery", "bakery"),
        case("zip+4", "foodbank"),
        case("sole proprietor po box", "walker"),
    ],
    "B4": [
        case("own domain", "bakery"),
        case("www website", "foodbank"),
        case("sole proprietor gmail", "walker"),
    ],
    "B5": [
        case("unused", "bakery", {"eins_of_other_brands": ("98-7654321",)}),
        case("no others", "foodbank"),
        case("sole proprietor", "walker", {"eins_of_other_brands": ("12-3456789",)}),
    ],
    "B6": [
        case("bakery", "bakery"),
        case("name containing platform word", "bakery", None, displayName="Telnyx Street Bakery"),
        case("public", "public"),
    ],
    "B8": [
        case("public with stock", "public"),
        case("private", "bakery"),
        case("non-profit", "foodbank"),
    ],
    "B9": [
        case("bakery", "bakery"),
        case("100-character name", "bakery", None, companyName="B" * 96 + " LLC"),
        case("walker", "walker"),
    ],
    "P2": [
        case("first brand", "walker", {"sole_proprietor_brands_on_mobile": 0}),
        case("third brand", "walker", {"sole_proprietor_brands_on_mobile": 2}),
        case("unknown", "walker"),
    ],
    "P3": [
        case("us mobile", "walker"),
        case("canadian mobile", "walker", None, mobilePhone="+16135550123"),
        case("standard brand", "bakery"),
    ],
    "P4": [
        case("no ein", "walker"),
        case("standard brand with ein", "bakery"),
        case("empty ein", "walker", None, ein=""),
    ],
    "P5": [
        case("with pin", "walker", None, pinSms="Your Paws by Jane PIN is @OTP_PIN@"),
        case("not sending", "walker"),
        case("pin first", "walker", None, pinSms="@OTP_PIN@ is your verification PIN"),
    ],
}

BRAND_FAILS = {
    "B1": [
        fails("eight digits", E, "bakery", ein="12-345678"),
        fails("letters", E, "foodbank", ein="EIN-123456789"),
        fails("missing", E, "public", ein=""),
    ],
    "B2": [
        fails("no suffix", W, "bakery", companyName="Sweet Crumbs"),
        fails("public without suffix", W, "public", companyName="Summit Outdoor"),
        fails("missing", E, "foodbank", companyName=""),
    ],
    "B3": [
        fails("po box business", W, "bakery", field="street", street="PO Box 1200"),
        fails("state name", W, "foodbank", field="state", state="Washington"),
        fails("zip", W, "public", field="postalCode", postalCode="802"),
    ],
    "B4": [
        fails("gmail business", E, "bakery", email="sweetcrumbs@gmail.com"),
        fails("other domain", W, "foodbank", email="director@foodbankmail.org"),
        fails("not an email", E, "public", email="ir at summitoutdoor.com"),
        fails("missing", E, "walker", email=""),
    ],
    "B5": [
        fails("dashed duplicate", W, "bakery", {"eins_of_other_brands": ("12-3456789",)}),
        fails("undashed duplicate", W, "bakery", {"eins_of_other_brands": ["123456789"]}),
        fails(
            "non-profit duplicate",
            W,
            "foodbank",
            {"eins_of_other_brands": ("98-7654321", "11-1111111")},
        ),
    ],
    "B6": [
        fails("platform name", E, "bakery", companyName="Tendlc LLC"),
        fails("telnyx display name", E, "bakery", field="displayName", displayName="Telnyx"),
        fails(
            "own platform",
            E,
            "bakery",
            {"platform_names": ("Crumbly SaaS",)},
            companyName="Crumbly SaaS Inc.",
        ),
    ],
    "B8": [
        fails("no symbol", E, "public", field="stockSymbol", stockSymbol=""),
        fails("exchange none", E, "public", field="stockExchange", stockExchange="NONE"),
        fails(
            "no contact email", E, "public", field="businessContactEmail", businessContactEmail=""
        ),
        fails("verification email", INFO, "public"),
    ],
    "B9": [
        fails("long name", E, "bakery", field="displayName", displayName="S" * 101),
        fails("long zip", E, "foodbank", field="postalCode", postalCode="98122-23011"),
        fails("country name", E, "public", field="country", country="USA"),
    ],
    "P2": [
        fails("fourth brand", E, "walker", {"sole_proprietor_brands_on_mobile": 3}),
        fails("many brands", E, "walker", {"sole_proprietor_brands_on_mobile": 7}),
        fails(
            "fourth brand other mobile",
            E,
            "walker",
            {"sole_proprietor_brands_on_mobile": 3},
            mobilePhone="+12025550123",
        ),
    ],
    "P3": [
        fails("uk mobile", E, "walker", mobilePhone="+447911123456"),
        fails("not e164", E, "walker", mobilePhone="call me"),
        fails("missing", E, "walker", mobilePhone=""),
    ],
    "P4": [
        fails("ein", W, "walker", ein="12-3456789"),
        fails("undashed ein", W, "walker", ein="123456789"),
        fails(
            "ein with context",
            W,
            "walker",
            {"sole_proprietor_brands_on_mobile": 1},
            ein="98-7654321",
        ),
    ],
    "P5": [
        fails("no pin", E, "walker", pinSms="Your Paws by Jane verification PIN is below."),
        fails("lower case", E, "walker", pinSms="Your PIN is @otp_pin@"),
        fails("empty", E, "walker", pinSms=""),
    ],
}


@pytest.mark.parametrize(
    ("rule_id", "base", "context", "wire"), _table(BRAND_PASSES), ids=_ids(BRAND_PASSES)
)
def test_brand_rule_passes(rule_id, base, context, wire):
    assert noticeable(check_brand(brand(base, context, **wire)), rule_id) == []


@pytest.mark.parametrize(
    ("rule_id", "base", "context", "wire", "severity", "field"),
    _table(BRAND_FAILS),
    ids=_ids(BRAND_FAILS),
)
def test_brand_rule_fails(rule_id, base, context, wire, severity, field):
    found = of_rule(check_brand(brand(base, context, **wire)), rule_id)
    assert any(f.severity is severity for f in found), found
    if field:
        assert field in {f.field for f in found}, found


def test_every_checked_rule_has_three_passing_and_three_failing_cases():
    passes = {**CAMPAIGN_PASSES, **BRAND_PASSES}
    failures = {**CAMPAIGN_FAILS, **BRAND_FAILS}
    for r in RULES:
        if not r.checked:
            continue
        assert len(passes.get(r.id, [])) >= 3, r.id
        assert len(failures.get(r.id, [])) >= 3, r.id


# --- Registry, API and rejection matching ---------------------------------------------------


def test_registry_covers_every_rule_of_rules_md_except_website_checks():
    source = Path("/work/shared/compliance/RULES.md")
    if not source.exists():
        pytest.skip("the shared RULES.md is not on this machine")
    ids = set(re.findall(r"^- ([A-Z]\d+) [EWI]", source.read_text(), re.M))
    assert len(ids) > 50
    # The registry extends the shared list from public sources (S13, U6), never drops a rule.
    assert {i for i in ids if not i.startswith("W")} <= {r.id for r in RULES}


def test_registry_rules_are_unique_and_complete():
    assert len({r.id for r in RULES}) == len(RULES)
    for r in RULES:
        assert r.title and r.fix and r.sources and r.field
        assert rule(r.id.lower()) is r
    guidance = {r.id for r in RULES if not r.checked}
    assert guidance == {"R1", "R2", "R3", "R4"}


# Request fields of CampaignBuilderSubmitParams, BrandCreateParams/BrandUpdateParams,
# BrandTriggerSMSOtpParams and CampaignSubmitAppealParams in shared/telnyx/FIELDS.md.
_WIRE_NAMES = """
brandId description usecase ageGated autoRenewal directLending embeddedLink embeddedLinkSample
embeddedPhone helpKeywords helpMessage messageFlow mnoIds numberPool optinKeywords optinMessage
optoutKeywords optoutMessage privacyPolicyLink referenceId resellerId sample1 sample2 sample3
sample4 sample5 subscriberHelp subscriberOptin subscriberOptout subUsecases tag termsAndConditions
termsAndConditionsLink country displayName email entityType vertical altBusinessId
altBusinessIdType businessContactEmail city companyName ein firstName lastName mobilePhone phone
postalCode state stockExchange stockSymbol street website pinSms appeal_reason
"""
WIRE_FIELDS = set(_WIRE_NAMES.split())


def test_every_rule_and_finding_names_a_telnyx_wire_field():
    assert {r.field for r in RULES} <= WIRE_FIELDS
    found = set()
    for _, base, brand_ctx, wire, *_ in _table(CAMPAIGN_FAILS):
        found |= {f.field for f in check_campaign(campaign(base, brand_ctx, **wire))}
    for _, base, context, wire, *_ in _table(BRAND_FAILS):
        found |= {f.field for f in check_brand(brand(base, context, **wire))}
    assert found - WIRE_FIELDS == set()
    assert {"sample1", "sample2", "sample3", "embeddedLink", "ein", "optoutKeywords"} <= found


def test_per_sample_findings_use_the_sample_wire_field():
    content = campaign(sample2="Hi [first name], free coffee tasting Saturday from 9am!")
    by_field = findings_by_field(check_campaign(content))
    assert [f.rule for f in by_field["sample2"]] == ["S2"]
    assert "Sample 2" in by_field["sample2"][0].message


def test_blocking_keeps_errors_only_and_findings_come_errors_first():
    findings = check_campaign(campaign(sample3="Hi, free coffee Saturday!", embeddedLink=False))
    severities = [f.severity for f in findings]
    assert severities == sorted(severities, key=[E, W, INFO].index)
    assert {f.rule for f in blocking(findings)} == {"S7"}
    assert all(f.blocking for f in blocking(findings))


def test_from_wire_reads_camel_case_keys_and_form_strings():
    content = CampaignContent.from_wire(
        {
            "usecase": "mixed",
            "subUsecases": "MARKETING, CUSTOMER_CARE",
            "sample2": "Hello",
            "embeddedLink": "on",
            "ageGated": "false",
            "messageFlow": "  x  ",
        },
        brand={"displayName": "Sweet Crumbs Bakery", "entityType": "PRIVATE_PROFIT"},
    )
    assert content.usecase == "MIXED"
    assert content.sub_usecases == ("MARKETING", "CUSTOMER_CARE")
    assert content.samples == ("", "Hello", "", "", "")
    assert content.embedded_link is True and content.age_gated is False
    assert content.message_flow == "x"
    assert content.brand.display_name == "Sweet Crumbs Bakery"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sample messages missing opt-out language", "S3"),
        ("Campaign rejected: URL shortener used in sample message", "S6"),
        ("brand name not in sample", "S2"),
        ("Embedded link flag does not match samples (30889)", "S7"),
        ("Opt-in workflow missing: unable to verify opt-in process", "M2"),
        ("Undeclared direct lending", "U1"),
        ("Prohibited content (SHAFT)", "S9"),
        ("Privacy policy link missing message frequency", "M3"),
        ("Content is not in English", "S12"),
        ("Brand email uses a public domain (free email)", "B4"),
    ],
)
def test_match_rejection_maps_reasons_to_rules(text, expected):
    assert expected in [r.id for r in match_rejection(text)]


def test_match_rejection_puts_the_best_match_first_and_ignores_noise():
    assert match_rejection("Sample messages missing opt-out language")[0].id == "S3"
    assert match_rejection("") == []
    assert match_rejection("everything looks fine") == []


# --- Never raises -----------------------------------------------------------------------------

WIRE_TEXT_KEYS = [
    "description",
    "messageFlow",
    "sample1",
    "sample2",
    "sample3",
    "sample4",
    "sample5",
    "optinKeywords",
    "optinMessage",
    "optoutKeywords",
    "optoutMessage",
    "helpKeywords",
    "helpMessage",
    "embeddedLinkSample",
    "privacyPolicyLink",
    "termsAndConditionsLink",
    "usecase",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(st.sampled_from(WIRE_TEXT_KEYS), st.text(max_size=600)),
    st.dictionaries(
        st.sampled_from(
            [
                "embeddedLink",
                "embeddedPhone",
                "ageGated",
                "directLending",
                "numberPool",
                "subscriberOptin",
            ]
        ),
        st.one_of(st.booleans(), st.none(), st.text(max_size=5)),
    ),
    st.fixed_dictionaries(
        {
            "display_name": st.text(max_size=40),
            "website": st.text(max_size=40),
            "entity_type": st.sampled_from(["", "SOLE_PROPRIETOR", "PRIVATE_PROFIT"]),
        }
    ),
)
def test_check_campaign_never_raises_on_arbitrary_text(texts, flags, brand_data):
    findings = check_campaign(
        CampaignContent.from_wire({**texts, **flags}, brand=BrandContext(**brand_data))
    )
    assert all(isinstance(f, Finding) and f.message for f in findings)


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "entityType",
                "displayName",
                "companyName",
                "ein",
                "email",
                "website",
                "street",
                "state",
                "postalCode",
                "country",
                "mobilePhone",
                "pinSms",
                "stockSymbol",
            ]
        ),
        st.text(max_size=120),
    )
)
def test_check_brand_never_raises_on_arbitrary_text(data):
    assert all(isinstance(f, Finding) for f in check_brand(BrandContent.from_wire(data)))


# --- Issue 17: classes of wrong verdicts on blind4, in our own words -------------------------
# Each class has cases a careful reviewer approves (False: the rule must not block) and cases
# it refuses (True: the rule blocks), near misses included.

_GOV = {"entity_type": "GOVERNMENT", "vertical": "GOVERNMENT"}
CLASS_CASES = [
    # K1: the short opt-out confirmations real businesses send.
    (
        "K1",
        "bakery",
        None,
        {"optoutMessage": "Sweet Crumbs Bakery: promo texts off for this number."},
        False,
    ),
    (
        "K1",
        "bakery",
        None,
        {"optoutMessage": "Sweet Crumbs Bakery: SMS reminders are now off. Text START to rejoin."},
        False,
    ),
    (
        "K1",
        "clinic",
        None,
        {
            "optoutMessage": (
                "Riverbend Family Clinic: appointment alerts off. You can still call us."
            )
        },
        False,
    ),
    (
        "K1",
        "bakery",
        None,
        {"optoutMessage": "Sweet Crumbs Bakery: thanks, we got your message today."},
        True,
    ),
    (
        "K1",
        "bakery",
        None,
        {"optoutMessage": "Sweet Crumbs Bakery: the ovens are off on Mondays."},
        True,
    ),
    (
        "K1",
        "bakery",
        None,
        {"optoutMessage": "Promo texts off for this number. Reply START to rejoin."},
        True,
    ),
    # S7: a link on the brand's own domain, or any host with a path, whatever the TLD.
    (
        "S7",
        "bakery",
        {"website": "https://sweetcrumbs.bakery"},
        {
            "sample2": (
                "Sweet Crumbs Bakery: pies are back! Order at sweetcrumbs.bakery today. Reply "
                "STOP to end."
            )
        },
        False,
    ),
    (
        "S7",
        "bakery",
        None,
        {
            "sample2": (
                "Sweet Crumbs Bakery: see the new menu at crumbs.kitchen/menu. Reply STOP to end."
            )
        },
        False,
    ),
    (
        "S7",
        "bakery",
        None,
        {
            "embeddedLink": False,
            "sample2": (
                "Sweet Crumbs Bakery: see the new menu at crumbs.kitchen/menu. Reply STOP to end."
            ),
        },
        True,
    ),
    (
        "S7",
        "bakery",
        None,
        {"sample2": "Sweet Crumbs Bakery: pies are back in store Friday. Reply STOP to end."},
        True,
    ),
    # S8: a merchant's printed name in a card alert is not a promotion; an upsell in a code is.
    (
        "S8",
        "clinic",
        None,
        {
            "sample3": (
                "Riverbend Family Clinic: your card was charged $40 at SUPER DEALS PHARMACY #22. "
                "Questions? Call us."
            )
        },
        False,
    ),
    (
        "S8",
        "2fa",
        None,
        {"sample2": "Lockbox: code 7301. If this wasn't you, upgrade to the latest app version."},
        False,
    ),
    (
        "S8",
        "2fa",
        None,
        {"sample2": "Lockbox: code 7301. Upgrade to Lockbox Premium now and get 2 months free!"},
        True,
    ),
    (
        "S8",
        "clinic",
        None,
        {"sample3": "Riverbend Family Clinic: big sale on vitamins at our front desk this week!"},
        True,
    ),
    (
        "S8",
        "clinic",
        None,
        {
            "sample3": (
                "Riverbend Family Clinic: your visit is booked. Try 3 months free of our "
                "wellness plan."
            )
        },
        True,
    ),
    # U2: a venue named as a place needs no age gate; wine for sale does.
    (
        "U2",
        "walker",
        None,
        {"sample2": "Paws by Jane: group walk meets at the winery lot on Elm St at 3pm."},
        False,
    ),
    (
        "U2",
        "walker",
        None,
        {"sample2": "Paws by Jane: after the walk, wine tasting on the patio, bottles $12."},
        True,
    ),
    (
        "U2",
        "walker",
        None,
        {"sample2": "Paws by Jane: meet me at the brewery for $5 pints after the walk!"},
        True,
    ),
    # U6: an election office's voting logistics are not political; advocacy still is.
    (
        "U6",
        "clinic",
        _GOV,
        {
            "description": (
                "Riverbend County Elections texts registered voters nonpartisan reminders: "
                "ballot mailing dates, drop-box hours and ballot-received notices."
            ),
            "sample3": (
                "Riverbend County Elections: your ballot was received. Drop boxes close 8pm on "
                "election day."
            ),
        },
        False,
    ),
    (
        "U6",
        "clinic",
        _GOV,
        {"sample3": "Riverbend County: vote YES on the library ballot measure Nov 5!"},
        True,
    ),
    (
        "U6",
        "clinic",
        {"vertical": "POLITICAL", "entity_type": "NON_PROFIT"},
        {
            "sample3": (
                "Riverbend Family Clinic: ballots mail Oct 10, make your voice heard at the "
                "election."
            )
        },
        True,
    ),
    # M4: licensed or imported lists, sharing with affiliated partners, voice-only marketing
    # consent.
    (
        "M4",
        "bakery",
        None,
        {
            "messageFlow": BAKERY["messageFlow"]
            + " We also load numbers from a licensed consumer database."
        },
        True,
    ),
    (
        "M4",
        "bakery",
        None,
        {"messageFlow": BAKERY["messageFlow"] + " Contacts are imported from our partners' lists."},
        True,
    ),
    (
        "M4",
        "bakery",
        None,
        {
            "messageFlow": BAKERY["messageFlow"]
            + (
                " Our privacy policy lets us share customer details, such as names, emails and "
                "mobile numbers, with affiliated travel partners."
            )
        },
        True,
    ),
    (
        "M4",
        "bakery",
        None,
        {
            "messageFlow": BAKERY["messageFlow"]
            + (
                " We never share names, emails, mobile numbers or opt-in data with affiliated "
                "partners or third parties."
            )
        },
        False,
    ),
    (
        "M4",
        "bakery",
        None,
        {
            "messageFlow": (
                "Cashiers ask shoppers at the register whether they would like Sweet Crumbs "
                "Bakery offers by text and add the number when they say yes. Texts say 'Up to 4 "
                "msgs/month. Msg & data rates may apply. Reply HELP for help, STOP to cancel.' "
                "Privacy: https://sweetcrumbs.com/privacy"
            )
        },
        True,
    ),
    (
        "M4",
        "bakery",
        None,
        {
            "messageFlow": (
                "Cashiers ask shoppers at the register if they would like Sweet Crumbs Bakery "
                "offers by text; those who agree type their number on the counter tablet and "
                "tick an unchecked box: 'Up to 4 msgs/month. Msg & data rates may apply. Reply "
                "HELP for help, STOP to cancel.' Privacy: https://sweetcrumbs.com/privacy"
            )
        },
        False,
    ),
    # S9: paid-entry pools, debt settlement, credit repair and firearm sales worded as routine.
    (
        "S9",
        "bakery",
        None,
        {"sample3": "Sweet Crumbs Bakery: bracket pool is open, $10 buy-in, winner takes the pot!"},
        True,
    ),
    (
        "S9",
        "bakery",
        None,
        {
            "sample3": (
                "Sweet Crumbs Bakery: free bracket challenge, no purchase needed; the winner "
                "gets a pie."
            )
        },
        False,
    ),
    (
        "S9",
        "clinic",
        None,
        {
            "sample3": (
                "Riverbend: we negotiated your store card balance down 35%. Approve the offer in "
                "your portal."
            )
        },
        True,
    ),
    (
        "S9",
        "clinic",
        None,
        {"sample3": "Riverbend: 3 late payments were removed from your Equifax report this month!"},
        True,
    ),
    (
        "S9",
        "clinic",
        None,
        {"sample3": "Riverbend: we've mailed your next disputes to the credit bureaus."},
        True,
    ),
    (
        "S9",
        "clinic",
        None,
        {
            "sample3": (
                "Riverbend Family Clinic: your dispute of the $40 charge was resolved in your "
                "favour."
            )
        },
        False,
    ),
    (
        "S9",
        "bakery",
        None,
        {
            "sample3": (
                "Sweet Crumbs Bakery: new rifle arrivals this week and 500 rds of 9mm at $199."
            )
        },
        True,
    ),
    (
        "S9",
        "bakery",
        None,
        {"sample3": "Sweet Crumbs Bakery: our pie-eating contest winner takes home a free cake."},
        False,
    ),
    # S10: a quote marketplace passing people on to the businesses that quote.
    (
        "S10",
        "bakery",
        None,
        {
            "sample3": (
                "Sweet Crumbs Bakery: get quotes from local roofing contractors today. Reply "
                "STOP to end."
            )
        },
        True,
    ),
    (
        "S10",
        "bakery",
        None,
        {
            "sample3": (
                "Sweet Crumbs Bakery: 3 caterers want your event! Reply YES to share your number "
                "with them."
            )
        },
        True,
    ),
    (
        "S10",
        "bakery",
        None,
        {
            "sample3": (
                "Sweet Crumbs Bakery: your wedding cake quote is ready at sweetcrumbs.com/quote."
            )
        },
        False,
    ),
]


# The next writer's paraphrases of the same classes.
_PARAPHRASES = [
    ("K1", "bakery", "optoutMessage", "Sweet Crumbs Bakery: you're off our text list.", False),
    (
        "K1",
        "bakery",
        "optoutMessage",
        ("Sweet Crumbs Bakery: we've stopped texting this number."),
        False,
    ),
    (
        "K1",
        "bakery",
        "optoutMessage",
        ("Sweet Crumbs Bakery: you won't hear from us by text again."),
        False,
    ),
    ("K1", "bakery", "optoutMessage", "Sweet Crumbs Bakery: deal alerts are disabled.", False),
    (
        "K1",
        "bakery",
        "optoutMessage",
        ("Sweet Crumbs Bakery: opt-out confirmed. Text START to rejoin."),
        False,
    ),
    ("K1", "bakery", "optoutMessage", "Sweet Crumbs Bakery: your order has been cancelled.", True),
    (
        "M4",
        "bakery",
        "messageFlow",
        (
            "Staff ask callers during phone orders if they would like Sweet Crumbs Bakery "
            "offers by text. Up to 4 msgs/month. Msg & data rates may apply. HELP for help, "
            "STOP to cancel. Privacy https://sweetcrumbs.com/privacy"
        ),
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        BAKERY[("messageFlow")] + " Some numbers come from a data partner.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        BAKERY[("messageFlow")]
        + " We may disclose subscriber phone numbers to our affiliates for their marketing.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        BAKERY[("messageFlow")]
        + " We never disclose or sell your number to third parties or affiliates.",
        False,
    ),
    (
        "S9",
        "clinic",
        "sample3",
        ("Riverbend: we reached a settlement with your creditor for 45% of the balance."),
        True,
    ),
    (
        "S9",
        "clinic",
        "sample3",
        ("Riverbend: we challenged 3 inaccurate items with Equifax on your behalf."),
        True,
    ),
    (
        "S9",
        "clinic",
        "sample3",
        ("Riverbend: survivor pool is open, $25 entry, cash to the last one standing."),
        True,
    ),
    ("S9", "clinic", "sample3", "Riverbend: 20% off all handguns this weekend.", True),
    (
        "S9",
        "bakery",
        "sample3",
        ("Sweet Crumbs Bakery: golf scramble Sat, $50 entry, cash prizes for the top 3 teams!"),
        False,
    ),
    (
        "S9",
        "clinic",
        "sample3",
        ("Riverbend Family Clinic: your insurance claim was settled; your balance is $0."),
        False,
    ),
    (
        "S9",
        "clinic",
        "sample3",
        ("Riverbend Family Clinic: we sent your billing dispute to your insurer."),
        False,
    ),
    (
        "S10",
        "bakery",
        "sample3",
        ("Sweet Crumbs Bakery: we'll send your request to 4 local contractors who will call you."),
        True,
    ),
    (
        "S10",
        "bakery",
        "sample3",
        ("Sweet Crumbs Bakery: compare rates from top insurers in one place."),
        True,
    ),
    (
        "S10",
        "bakery",
        "sample3",
        ("Sweet Crumbs Bakery: ask for a custom cake quote at sweetcrumbs.com/quote."),
        False,
    ),
    ("S8", "2fa", "sample2", "Lockbox: 7301 is your code. Refer a friend and earn $10!", True),
    (
        "U2",
        "walker",
        "sample2",
        ("Paws by Jane: I'll meet Biscuit outside the Hoppy Brewery on 5th St at noon."),
        False,
    ),
    (
        "U6",
        "clinic",
        "sample3",
        (
            "Riverbend Family Clinic: our lobby is a polling place on election day; park in "
            "the back lot."
        ),
        False,
    ),
    (
        "U6",
        "clinic",
        "sample3",
        ("Riverbend Family Clinic: vote YES on Measure 4 for a new hospital wing!"),
        True,
    ),
    (
        "U6",
        "clinic",
        "sample3",
        ("Riverbend Family Clinic: Dr. Lee for County Commissioner, polls open 7am."),
        True,
    ),
    ("K1", "bakery", "optoutMessage", "Sweet Crumbs Bakery: you are no longer subscribed.", False),
    ("K1", "bakery", "optoutMessage", "Sweet Crumbs Bakery: unsubscribe successful.", False),
    ("K1", "bakery", "optoutMessage", "Sweet Crumbs Bakery: ya no recibirás mensajes.", False),
    (
        "K1",
        "bakery",
        "optoutMessage",
        "Sweet Crumbs Bakery: texts to this number are stopped.",
        False,
    ),
    ("K1", "bakery", "optoutMessage", "Sweet Crumbs Bakery: texting paused for now.", True),
    (
        "S8",
        "clinic",
        "sample3",
        "Riverbend Family Clinic: your offer on 12 Elm St was accepted!",
        False,
    ),
    (
        "S8",
        "clinic",
        "sample3",
        "Riverbend Family Clinic: your job offer letter is ready to sign.",
        False,
    ),
    ("S8", "clinic", "sample3", "Riverbend Family Clinic: your offer ends Friday, book now!", True),
    (
        "M4",
        "bakery",
        "messageFlow",
        BAKERY[("messageFlow")] + " Some contacts come from a co-registration sweepstakes.",
        True,
    ),
    (
        "S8",
        "2fa",
        "sample2",
        ("Lockbox: your code is 4821. Shop our new summer collection at lockbox.io/shop"),
        True,
    ),
    (
        "S9",
        "bakery",
        "sample3",
        ("Sweet Crumbs Bakery: big game squares, $10 a square, winner takes half the pot!"),
        True,
    ),
    ("S9", "bakery", "sample3", "Sweet Crumbs Bakery: Glock 19 Gen 5 just arrived, $499.", True),
    (
        "S9",
        "clinic",
        "sample3",
        ("Riverbend: your program has saved you $4,200 on enrolled debt so far."),
        True,
    ),
    (
        "S9",
        "clinic",
        "sample3",
        ("Riverbend: we're working to get those late payments off your credit report."),
        True,
    ),
    (
        "S9",
        "bakery",
        "sample3",
        ("Sweet Crumbs Bakery: trivia night Thursday, teams of 4, prizes for the top 3."),
        False,
    ),
]
CLASS_CASES += [
    (
        "K1",
        "bakery",
        {"website": "https://sweetcrumbs.bakery"},
        {"helpMessage": "Sweet Crumbs Bakery: help at sweetcrumbs.bakery. Reply STOP to cancel."},
        False,
    ),
    (
        "K1",
        "bakery",
        {"website": "https://sweetcrumbs.bakery"},
        {"helpMessage": "Sweet Crumbs Bakery: we are here to help. Reply STOP to cancel."},
        True,
    ),
]
CLASS_CASES += [(r, b, None, {f: t}, blocks) for r, b, f, t, blocks in _PARAPHRASES]


@pytest.mark.parametrize(
    ("rule_id", "base", "brand", "wire", "blocks"),
    CLASS_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(CLASS_CASES)],
)
def test_issue17_classes_judged_like_a_reviewer(rule_id, base, brand, wire, blocks):
    findings = check_campaign(campaign(base, brand, **wire))
    blocked = [f for f in blocking(findings) if f.rule == rule_id]
    assert bool(blocked) is blocks, [(f.rule, f.message) for f in findings]


# --- blind7's classes (issue 17): wording the earlier word lists did not know ----------------
# Each class in the tuner's own words, with near misses that must pass, written before the
# blind7 rows were re-run. (rule, base, wire, blocks)
_B7_FLOW_21 = (
    "An age gate asks for {gate} before the form; then customers tick an unchecked box: 'Yes, "
    "send me Sweet Crumbs Bakery offers. Up to 4 msgs/month. Msg & data rates may apply. Reply "
    "HELP for help, STOP to opt out. Privacy: https://sweetcrumbs.com/privacy'"
)
_B7_WINE = {
    "description": "Sweet Crumbs Bakery texts 21+ customers wine pairing nights and pastries.",
    "ageGated": True,
}
_B7_OPTIN_2FA = (
    "Lockbox Security: you're set for login codes. {freq}. Msg & data rates may apply. Reply "
    "HELP for help, STOP to cancel."
)
_B7_BUNDLED = (
    "{consent} Up to 4 msgs/month. Msg & data rates may apply. Reply HELP for help, STOP to "
    "cancel. Privacy: https://sweetcrumbs.com/privacy"
)
_B7_SPOKEN = {
    "description": "Jane walks dogs and texts clients walk times and her holiday specials.",
    "messageFlow": "Jane asks clients at the door if she can text them and they say OK; she "
    "adds the number to her phone. She reads aloud: 'Paws by Jane: walk texts and specials. "
    "About 4 msgs/month. Msg & data rates may apply. Reply HELP for help, STOP to cancel.'",
    "sample2": "Paws by Jane: 20% off holiday walks booked this week! Reply STOP to opt out.",
}
BLIND7_CASES = [
    # M6/M3: an event-driven program says when messages come; that is its frequency.
    *[
        ("M6", "2fa", {"optinMessage": _B7_OPTIN_2FA.format(freq=f)}, False)
        for f in (
            "Msgs sent when you sign in",
            "Msgs only on account events",
            "Msgs only when activity is flagged",
            "Texts go out only when a new device signs in",
            "Codes are delivered each time you log in",
            "few msgs/mo",
        )
    ],
    ("M6", "2fa", {"optinMessage": _B7_OPTIN_2FA.format(freq="Thanks")}, True),
    # S8: a Spanish segment is read in Spanish; a purchase asked about is not an offer.
    *[
        ("S8", "clinic", {"sample3": s}, False)
        for s in (
            "Riverbend Family Clinic: su cita es a las 3pm; el shuttle sale a las 2:30.",
            "Riverbend Family Clinic: el autobús sale de la clínica a las 9am.",
            "Riverbend Family Clinic: did you buy a $45 copay card online? Reply YES or NO.",
            "Riverbend Family Clinic: we saw that you bought 2 items at our pharmacy. Not you? "
            "Call (617) 555-0123.",
        )
    ],
    *[
        ("S8", "clinic", {"sample3": s}, True)
        for s in (
            "Riverbend Family Clinic: buy one flu shot, get one 50% off!",
            "Riverbend Family Clinic: 20% de descuento en lentes esta semana.",
            "Riverbend Family Clinic: big sale on eyewear this week.",
        )
    ],
    # M4: numbers the recipient never gave this brand, however routine it sounds.
    *[
        ("M4", "bakery", {"description": BAKERY["description"] + " " + d}, True)
        for d in (
            "We also reach new customers from the public state licensing registry.",
            "Numbers are pulled from public records and county filings.",
            "Our list is compiled from people's public profiles on social sites.",
            "We scraped business numbers from online directories.",
            "We licensed 20,000 numbers from a data provider.",
            "Our list is built from shoppers' profiles on job boards.",
        )
    ],
    *[
        ("M4", "bakery", {"description": BAKERY["description"] + " " + d}, False)
        for d in (
            "Customers who bought tickets to our baking classes get reminders.",
            "Members who purchased a membership get renewal reminders.",
            "Our list is built from customers who text JOIN.",
            "Pickup slips show your purchase order numbers.",
            "We host a public library reading hour.",
        )
    ],
    # M4: consent that comes with the account or the terms.
    *[
        ("M4", "bakery", {"messageFlow": _B7_BUNDLED.format(consent=s)}, True)
        for s in (
            "By creating an account and accepting the Terms of Service, customers agree to "
            "receive order and promotional texts.",
            "By downloading the app and accepting our terms, users consent to receive "
            "promotional text messages.",
            "By registering for an account, shoppers agree to get SMS offers from Sweet Crumbs "
            "Bakery.",
            "Texts are a condition of using the service.",
            "Consent to texts is required to use the app.",
        )
    ],
    *[
        ("M4", "bakery", {"messageFlow": _B7_BUNDLED.format(consent=s)}, False)
        for s in (
            "Customers tick an unchecked box on https://sweetcrumbs.com/sms: by checking this "
            "box you agree to receive Sweet Crumbs Bakery texts.",
            "By texting JOIN to 55123 you agree to receive Sweet Crumbs Bakery offers.",
            "Consent to texts is not required to use the app; customers tick a separate box.",
        )
    ],
    # M4: promotions under any use case need written consent, not a spoken OK.
    ("M4", "walker", _B7_SPOKEN, True),
    (
        "M4",
        "walker",
        {
            **_B7_SPOKEN,
            "messageFlow": _B7_SPOKEN["messageFlow"].replace(
                "and they say OK", "and they agree verbally"
            ),
        },
        True,
    ),
    ("M4", "walker", {k: v for k, v in _B7_SPOKEN.items() if k == "messageFlow"}, False),
    (
        "M4",
        "walker",
        {
            **_B7_SPOKEN,
            "messageFlow": _B7_SPOKEN["messageFlow"].replace(
                "she adds the number to her phone",
                "she texts a confirmation they must answer YES to",
            ),
        },
        False,
    ),
    (
        "M4",
        "walker",
        {
            "description": "Jane offers dog walking and texts clients walk times and schedule "
            "changes.",
            "messageFlow": _B7_SPOKEN["messageFlow"],
        },
        False,
    ),
    # M2: texting a word to the number is a keyword opt-in.
    *[
        (
            "M2",
            "clinic",
            {
                "messageFlow": f + " Msg frequency varies. Msg & data rates may "
                "apply. Reply HELP for help, STOP to cancel."
            },
            False,
        )
        for f in (
            "Patients text the clinic's name to (617) 555-0123 as shown on lobby posters.",
            "Patients send the word from the lobby poster to 55123.",
            "Patients message their doctor's last name to our number (617) 555-0123.",
        )
    ],
    (
        "M2",
        "clinic",
        {
            "messageFlow": "Patients see posters in the lobby about texts. Msg "
            "frequency varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel."
        },
        True,
    ),
    # U2: a date of birth asked in parts is a date of birth.
    *[
        ("U2", "bakery", {**_B7_WINE, "messageFlow": _B7_FLOW_21.format(gate=g)}, False)
        for g in (
            "month, day and year of birth (21+)",
            "month/day/year of birth",
            "the birth year, month and day",
            "a full date of birth",
        )
    ],
    (
        "U2",
        "bakery",
        {**_B7_WINE, "messageFlow": _B7_FLOW_21.format(gate="a yes/no 21+ click")},
        True,
    ),
    # D2: "<brand> texts <people> <what>" says who and why whatever the nouns.
    *[
        ("D2", "walker", {"description": d}, False)
        for d in (
            "Paws by Jane runs a dog-walk van and texts followers where the van parks each day.",
            "Paws by Jane texts anglers when the tide is right for a walk on the beach.",
            "Paws by Jane messages pickers about which dog park is open today.",
        )
    ],
    ("D2", "walker", {"description": "Paws by Jane texts stuff and things to help out."}, True),
    # B6: an agency or platform sending for the businesses recipients hear from.
    *[
        ("B6", "bakery", w, True)
        for w in (
            {
                "description": "Sweet Crumbs Bakery runs SMS programs for 30 client cafes, "
                "sending their offers to each cafe's subscribers."
            },
            {
                "description": "Sweet Crumbs Bakery is a platform; cafes on it use our number to "
                "text their regulars offers."
            },
            {
                "description": "Sweet Crumbs Bakery manages text marketing campaigns for dozens of "
                "local restaurants."
            },
            {
                "sample1": "{business} via Sweet Crumbs: 20% off today. Reply STOP to opt out.",
                "sample2": "Sweet Crumbs for {merchant_name}: new menu out. STOP to end.",
                "sample3": "",
            },
            {
                "sample1": "Sweet Crumbs on behalf of {client}: doors 7pm. Reply STOP to opt out.",
                "sample2": "{venue}: lot B is closed. STOP to end.",
                "sample3": "",
            },
        )
    ],
    (
        "B6",
        "bakery",
        {
            "sample1": "Sweet Crumbs: reminder from {venue} - doors 7pm. Reply STOP to opt out.",
            "sample2": "Sweet Crumbs: {host} says check-in is at 3pm. STOP to end.",
            "sample3": "",
        },
        False,
    ),
    *[
        ("B6", "bakery", w, False)
        for w in (
            {
                "sample1": "Sweet Crumbs Bakery: your order is ready at {store}. Reply STOP to "
                "opt out."
            },
            {"sample1": "Sweet Crumbs Bakery: {name} sent you a gift card! Reply STOP to opt out."},
            {
                "description": "Sweet Crumbs Bakery manages loyalty programs for our own stores "
                "and texts customers weekly promotions."
            },
        )
    ],
    # S9: tobacco promoted on 10DLC, paid entries to a prize, a balance negotiated down.
    *[
        ("S9", "bakery", {"sample3": s}, True)
        for s in (
            "Sweet Crumbs Bakery: new cigar arrivals this week, 10% off. Reply STOP to opt out.",
            "Sweet Crumbs Bakery: hookah lounge night Friday! STOP to end.",
            "Sweet Crumbs Bakery: pipe tobacco blends 2 for $20. STOP to end.",
            "Sweet Crumbs Bakery: snus and nicotine pouches restocked. STOP to end.",
            "Sweet Crumbs Bakery: text WIN for a shot at $1,000! Each entry $2, billed to "
            "your carrier.",
            "Sweet Crumbs Bakery: $5 per play, top prize $500. Reply STOP to opt out.",
            "Sweet Crumbs Bakery: buy more chances to win the $10,000 jackpot!",
            "Sweet Crumbs Bakery: entries cost $5, the winner drawn Friday takes a $500 cake "
            "voucher.",
        )
    ],
    *[
        ("S9", "bakery", {"sample3": s}, False)
        for s in (
            "Sweet Crumbs Bakery: our patio is now smoke-free! 20% off lattes today.",
            "Sweet Crumbs Bakery: free entry, no purchase necessary: win a $500 cake voucher!",
            "Sweet Crumbs Bakery: concert tickets on sale, $25 each. Reply STOP to opt out.",
            "Sweet Crumbs Bakery: bourbon-glazed bread pudding is back! Reply STOP to opt out.",
        )
    ],
    *[
        ("S9", "clinic", {"sample3": s}, True)
        for s in (
            "Riverbend Family Clinic: we negotiated your Citi card from $5,100 to $2,300.",
            "Riverbend Family Clinic: we settled your Chase account from $9,000 to $4,000.",
            "Riverbend Family Clinic: we negotiated your medical bills from $3,200 down to $1,100.",
        )
    ],
    *[
        ("S9", "clinic", {"sample3": s}, False)
        for s in (
            "Riverbend Family Clinic: your copay went from $40 to $25 with the new plan.",
            "Riverbend Family Clinic: your insurance claim was settled for $2,000.",
            "Riverbend Family Clinic: our quit-tobacco class starts Monday at 6pm.",
        )
    ],
    # S10: a request passed on to a network whose members reach out.
    *[
        ("S10", "bakery", {"description": d}, True)
        for d in (
            "Sweet Crumbs Bakery helps couples get cake quotes; requests are sent to our baker "
            "network, whose members text quotes directly.",
            "Sweet Crumbs Bakery: your details are shared with participating bakers who will "
            "text you.",
            "Sweet Crumbs Bakery tells customers 4 bakers have quotes for their wedding cake.",
        )
    ],
    (
        "S10",
        "bakery",
        {"description": BAKERY["description"] + " Requests are sent to our support team."},
        False,
    ),
    # S1: a sample that is a note, not a message.
    *[
        ("S1", "bakery", {"sample2": s, "sample3": ""}, True)
        for s in (
            "Same as above for other customers.",
            "See sample 1, sent to other customers too.",
            "Similar to the first message, for other stores.",
            "TBD - second message to be written.",
            "(message text goes here for the second program)",
        )
    ],
    (
        "S1",
        "bakery",
        {
            "sample2": "Same-day pickup: your Sweet Crumbs Bakery order is ready. "
            "Reply STOP to opt out.",
            "sample3": "",
        },
        False,
    ),
]


_B7_MORE = BAKERY["description"] + " "
_B7_CTA = (
    " Up to 4 msgs/month. Msg & data rates may apply. HELP for help, STOP to cancel. "
    "Privacy https://sweetcrumbs.com/privacy"
)
_B7_CLINIC_OPTIN = (
    "Riverbend Family Clinic: you are enrolled in appointment texts. {freq}. Msg & data rates "
    "may apply. Reply HELP for help, STOP to cancel."
)
# A second round in other words, written after the first round passed (still never from a
# blind row's phrase).
BLIND7_CASES += [
    *[
        ("M4", "bakery", {"description": _B7_MORE + d}, True)
        for d in (
            "We add numbers from the state contractor license lookup.",
            "We text people listed in county property records.",
            "Numbers were gathered from Google Maps listings.",
            "We use a list we acquired from another bakery.",
        )
    ],
    *[
        ("M4", "bakery", {"messageFlow": f + _B7_CTA}, True)
        for f in (
            "Signing up for a Sweet Crumbs account includes consent to marketing texts under "
            "our Terms of Service.",
            "When customers accept the Terms of Use at sign-up they also agree to promotional "
            "texts from Sweet Crumbs Bakery.",
        )
    ],
    (
        "S9",
        "bakery",
        {
            "sample3": "Sweet Crumbs Bakery: $1 a ticket, 50/50 drawing Friday - "
            "winner takes half the pot!"
        },
        True,
    ),
    (
        "S9",
        "clinic",
        {
            "sample3": "Riverbend Family Clinic: your creditor accepted our offer of "
            "$1,200 on the $4,000 balance."
        },
        True,
    ),
    (
        "S10",
        "bakery",
        {
            "description": "Sweet Crumbs Bakery collects cake requests and forwards "
            "them to bakeries in our network, who text the customer a quote."
        },
        True,
    ),
    (
        "B6",
        "bakery",
        {
            "description": "Sweet Crumbs Bakery is an agency that sends promotional "
            "texts for independent cafes under each cafe's name."
        },
        True,
    ),
    (
        "S1",
        "bakery",
        {"sample2": "Sweet Crumbs Bakery: (same message, different customer name)", "sample3": ""},
        True,
    ),
    *[
        ("M6", "clinic", {"optinMessage": _B7_CLINIC_OPTIN.format(freq=f)}, False)
        for f in ("Messages arrive before each visit", "You get a reminder before each visit")
    ],
    (
        "M6",
        "2fa",
        {"optinMessage": _B7_OPTIN_2FA.format(freq="You get a code whenever you sign in")},
        False,
    ),
    (
        "S8",
        "clinic",
        {
            "sample3": "Riverbend Family Clinic: la clínica sale de vacaciones; "
            "cerramos el lunes. / We are closed Monday."
        },
        False,
    ),
    (
        "M4",
        "clinic",
        {
            "description": CLINIC["description"] + " Patients who bought a wellness "
            "plan get renewal notices."
        },
        False,
    ),
    (
        "S9",
        "bakery",
        {
            "sample3": "Sweet Crumbs Bakery: enter our free cake-decorating contest, "
            "winner gets $100! No purchase necessary."
        },
        False,
    ),
    (
        "B6",
        "bakery",
        {
            "sample1": "Sweet Crumbs Bakery: thanks for ordering from {location}! 20% "
            "off next visit. Reply STOP to opt out."
        },
        False,
    ),
    (
        "M4",
        "clinic",
        {
            "description": CLINIC["description"] + " Patients can request their "
            "records from the front desk."
        },
        False,
    ),
    (
        "B6",
        "bakery",
        {
            "sample1": "Sweet Crumbs Bakery: your order from {restaurant} is on the "
            "way. Reply STOP to opt out.",
            "sample2": "Sweet Crumbs Bakery: payment from {merchant} received. STOP to end.",
        },
        False,
    ),
    *[
        ("M4", "clinic", {"description": CLINIC["description"] + " " + d}, False)
        for d in (
            "Residents who sign up on the county records portal get alerts.",
            "Owners who register in the state boat registry get renewal texts.",
            "We post jobs on job boards; candidates who apply tick a separate box for texts.",
            "Painting updates cover paint scraping and priming.",
        )
    ],
    *[
        ("B6", "bakery", {"description": d}, False)
        for d in (
            "Sweet Crumbs Bakery runs a loyalty program for customers and texts them weekly "
            "promotions.",
            "Sweet Crumbs Bakery manages text campaigns for its shops and texts customers offers.",
        )
    ],
    (
        "S1",
        "bakery",
        {
            "sample2": "Same time next week? Sweet Crumbs Bakery has your order "
            "ready. Reply STOP to opt out.",
            "sample3": "",
        },
        False,
    ),
    (
        "M4",
        "bakery",
        {
            "messageFlow": _B7_BUNDLED.format(
                consent="By using the app's SMS "
                "settings and checking the box, you agree to receive Sweet Crumbs Bakery texts."
            )
        },
        False,
    ),
    (
        "M4",
        "bakery",
        {
            "messageFlow": _B7_BUNDLED.format(
                consent="Enrollment in text alerts "
                "means consent to receive Sweet Crumbs Bakery texts; customers tick a box."
            )
        },
        False,
    ),
    (
        "S9",
        "bakery",
        {
            "sample3": "Sweet Crumbs Bakery: nicotine gum and patches 20% off at our "
            "pharmacy counter. Reply STOP to opt out."
        },
        False,
    ),
    (
        "S8",
        "clinic",
        {
            "sample3": "Riverbend Family Clinic: your card was used to buy $200 in "
            "gift cards. Not you? Call (617) 555-0123."
        },
        False,
    ),
    ("M6", "clinic", {"optinMessage": _B7_CLINIC_OPTIN.format(freq="Msgs sent as needed")}, False),
    (
        "M4",
        "bakery",
        {
            "description": "Sweet Crumbs Bakery helps couples get cake quotes; "
            "requests are sent to our baker network, whose members text quotes."
        },
        True,
    ),
    (
        "M4",
        "bakery",
        {"description": BAKERY["description"] + " Requests are sent to our support team."},
        False,
    ),
    (
        "S8",
        "clinic",
        {
            "sample3": "Riverbend Family Clinic: we blocked a charge to buy gift "
            "cards. Call (617) 555-0123."
        },
        False,
    ),
    (
        "M2",
        "clinic",
        {
            "messageFlow": "Patients choose which alerts they want at "
            "https://riverbendclinic.com/alerts. Msg frequency varies. Msg & data rates may apply. "
            "Reply HELP for help, STOP to cancel."
        },
        False,
    ),
    # Near misses: a skill contest with an entry fee, a clinic's own providers.
    (
        "S9",
        "bakery",
        {
            "sample3": "Sweet Crumbs Bakery: 5K fun run, entry fee $25, prizes for "
            "the top three finishers!"
        },
        False,
    ),
    (
        "S10",
        "clinic",
        {
            "description": CLINIC["description"] + " Appointment requests are sent "
            "to our providers, who confirm by text."
        },
        False,
    ),
    (
        "S10",
        "bakery",
        {
            "description": "Sweet Crumbs Bakery: cake requests are forwarded to "
            "local bakers, who text customers their prices."
        },
        True,
    ),
]


@pytest.mark.parametrize(
    ("rule_id", "base", "wire", "blocks"),
    BLIND7_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(BLIND7_CASES)],
)
def test_blind7_classes_judged_like_a_reviewer(rule_id, base, wire, blocks):
    if rule_id == "B6":
        from compliance.checks.brand import brand_sends_for_its_clients

        hits = list(brand_sends_for_its_clients(campaign(base, None, **wire)))
        assert bool(hits) is blocks, hits
        return
    findings = check_campaign(campaign(base, None, **wire))
    blocked = [f for f in blocking(findings) if f.rule == rule_id]
    assert bool(blocked) is blocks, [(f.rule, f.message) for f in findings]


# blind5's classes (issue 17), in our own wording: negations written as contractions, Spanish
# opt-out confirmations in the formal "usted" form, consent collected by a signature or in an
# online-banking setting, a box ticked for the subscriber, credit offered by a seller, adult
# entertainment. Each with the near miss that must not change.
_FLOW = (
    "'Yes, text me Sweet Crumbs Bakery offers. Up to 4 msgs/month. Msg & data rates may apply. "
    "Reply HELP for help, STOP to opt out. Privacy: https://sweetcrumbs.com/privacy Terms: "
    "https://sweetcrumbs.com/terms'"
)
BLIND5_CLASS_CASES = [
    (
        "M6",
        "clinic",
        "optinMessage",
        "Riverbend Family Clinic: you're set for fraud alerts. Only "
        "when activity needs review. Msg & data rates may apply. Reply HELP for help, STOP to "
        "cancel.",
        False,
    ),
    (
        "M6",
        "clinic",
        "optinMessage",
        "Riverbend Family Clinic: alerts are triggered by account "
        "activity. Msg & data rates may apply. Reply HELP for help, STOP to cancel.",
        False,
    ),
    (
        "M6",
        "clinic",
        "optinMessage",
        "Riverbend Family Clinic: you're set for alerts. Msg & data "
        "rates may apply. Reply HELP for help, STOP to cancel.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"Checkout on our site says 'By placing an order you agree "
        f"to receive promotional texts from Sweet Crumbs Bakery.' {_FLOW}",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"By signing up for an account, customers consent to marketing text messages. {_FLOW}",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "Booking by signing up requires accepting our terms; texts are a separate unchecked "
        f"box: {_FLOW}",
        False,
    ),
    (
        "S9",
        "clinic",
        "sample3",
        "Riverbend Family Clinic: good news, your Visa card settled for "
        "38% of the balance. Reply STOP to opt out.",
        True,
    ),
    (
        "S9",
        "clinic",
        "description",
        "Riverbend Family Clinic texts enrolled clients about "
        "settlements reached with their creditors and program deposits.",
        True,
    ),
    (
        "S9",
        "clinic",
        "sample3",
        "Riverbend Family Clinic: your insurance claim was settled; the "
        "check is in the mail. Reply STOP to opt out.",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"Customers tick a box at the register: {_FLOW}. We don't "
        "share your number with other bakeries or third parties.",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"Customers tick a box at the register: {_FLOW}. We can't "
        "and won’t sell or give your number to partners.",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"Customers tick a box at the register: {_FLOW}. We share "
        "your number with our partner cafés.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"At the register the tablet shows the offers box already ticked: {_FLOW}",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"On the order form the text box comes pre-ticked: {_FLOW}",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"On the order form the box is not already checked: {_FLOW}",
        False,
    ),
    (
        "K1",
        "bakery",
        "optoutMessage",
        "Sweet Crumbs Bakery: ya no recibirá mensajes de texto. Responda START para volver.",
        False,
    ),
    (
        "K1",
        "bakery",
        "optoutMessage",
        "Sweet Crumbs Bakery: usted ya no está suscrito a nuestras ofertas.",
        False,
    ),
    ("K1", "bakery", "optoutMessage", "Sweet Crumbs Bakery: ya no le enviaremos ofertas.", False),
    ("K1", "bakery", "optoutMessage", "Sweet Crumbs Bakery: gracias por su mensaje.", True),
    (
        "M2",
        "clinic",
        "messageFlow",
        "Patients sign the new-patient packet, which has its own "
        "optional text section with a separate signature line: 'Text me Riverbend Family Clinic "
        "reminders. Msg frequency varies. Msg & data rates may apply. Reply HELP for help, STOP "
        "to cancel.' Privacy: https://riverbendclinic.com/privacy",
        False,
    ),
    (
        "M2",
        "clinic",
        "messageFlow",
        "Patients turn on texts in online banking style account "
        "settings under Notifications (off by default): 'Text me Riverbend Family Clinic "
        "reminders. Msg frequency varies. Msg & data rates may apply. Reply HELP for help, STOP "
        "to cancel.'",
        False,
    ),
    (
        "M2",
        "clinic",
        "messageFlow",
        "Patients get texts from Riverbend Family Clinic. Msg "
        "frequency varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel.",
        True,
    ),
    (
        "U1",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: 2.9% APR for 36 months on our catering ovens. Reply STOP to opt out.",
        True,
    ),
    (
        "U1",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: bad credit? We can still get you approved "
        "for a wedding cake plan. Reply STOP to opt out.",
        True,
    ),
    (
        "U1",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: apply today at sweetcrumbs.com/financing "
        "for our equipment financing. Reply STOP to opt out.",
        True,
    ),
    (
        "U1",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: your catering order was approved by our chef. Reply STOP to opt out.",
        False,
    ),
    (
        "S9",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: exotic dancers and a VIP lap dance "
        "package this Friday. Reply STOP to opt out.",
        True,
    ),
    (
        "S9",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: our adult toys aisle is 30% off. Reply STOP to opt out.",
        True,
    ),
    (
        "S9",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: adult education baking class Tuesday, "
        "all levels welcome. Reply STOP to opt out.",
        False,
    ),
]


# blind6's classes (issue 17), in our own wording, each with its near miss: a trade order
# ("order to buy"), a card locked after the customer's own answer with nothing to click, a
# date-of-birth gate written with hyphens, a tax form named after a loan, a product pitched
# after an alert, lists rented in the present tense or taken from the voter file, marketing
# consent inside terms one must accept, MLM recruiting, raffle tickets sold, adult products.
BLIND6_CLASS_CASES = [
    (
        "S8",
        "clinic",
        "sample3",
        "Riverbend Family Clinic: your request to buy 2 extra copies of your records is complete.",
        False,
    ),
    (
        "S8",
        "clinic",
        "sample3",
        "Riverbend Family Clinic: visit confirmed. Did you know our "
        "Premier card earns 3% cash back? Apply in the portal.",
        True,
    ),
    (
        "S13",
        "clinic",
        "sample3",
        "Riverbend Family Clinic: thanks, we declined it and your card "
        "is locked. Call the number on the back of your card.",
        False,
    ),
    (
        "S13",
        "clinic",
        "sample3",
        "Riverbend Family Clinic: your account is locked. Unlock it at "
        "https://riverbendclinic.com/unlock now.",
        True,
    ),
    (
        "U1",
        "clinic",
        "sample3",
        "Riverbend Family Clinic: please bring your 1098 mortgage "
        "interest form to your billing appointment.",
        False,
    ),
    (
        "U1",
        "clinic",
        "sample3",
        "Riverbend Family Clinic: new! Medical loans for any procedure, apply today.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"Besides our own subscribers, we text a contact list we rent "
        f"each spring from a list broker. {_FLOW}",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"We also text residents from the county voter file. {_FLOW}",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"To open an account customers must accept our terms, which "
        f"include 'I agree to receive promotional texts'. {_FLOW}",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"To open an account customers must accept our terms; texts "
        f"are a separate unchecked box: {_FLOW}",
        False,
    ),
    (
        "S9",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: love our cookies? Join my team, grab the "
        "$79 starter kit and earn from home. Reply STOP to opt out.",
        True,
    ),
    (
        "S9",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: our sourdough starter kit is back, $12 "
        "at the counter. Reply STOP to opt out.",
        False,
    ),
    (
        "S9",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: $5 buys a raffle ticket for a year of "
        "free bread, drawing Sunday. Reply STOP to opt out.",
        True,
    ),
    (
        "S9",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: free raffle at the open house, no "
        "purchase needed. Reply STOP to opt out.",
        False,
    ),
    (
        "S9",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: the after-dark toy collection is in, 18+ "
        "only. Reply STOP to opt out.",
        True,
    ),
    (
        "S9",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: new gingerbread toy collection for kids "
        "this December. Reply STOP to opt out.",
        False,
    ),
]


# blind8's false blocks (issue 17), in our own wording: replies and confirmations worded by
# hand ("no more order texts", "we've turned off texts", "2-4 per visit"), a link on the
# brand's own unusual TLD without a scheme, a loan-signing notary, a pie named after a
# spirit, a wireless reseller texting its own subscribers.
BLIND8_CLASS_CASES = [
    (
        "K1",
        "bakery",
        "optoutMessage",
        "Sweet Crumbs Bakery: no more order texts will be sent here.",
        False,
    ),
    (
        "K1",
        "bakery",
        "optoutMessage",
        "Sweet Crumbs Bakery: we've turned off texts to this number.",
        False,
    ),
    (
        "K1",
        "bakery",
        "optoutMessage",
        "Sweet Crumbs Bakery: no more tastings or polls will be texted to you.",
        False,
    ),
    ("K1", "bakery", "optoutMessage", "Sweet Crumbs Bakery: thanks, see you soon!", True),
    (
        "M6",
        "bakery",
        "optinMessage",
        "Sweet Crumbs Bakery: you're in, usually 2-4 per visit. Msg "
        "& data rates may apply. Reply HELP for help, STOP to opt out.",
        False,
    ),
    (
        "M6",
        "bakery",
        "optinMessage",
        "Sweet Crumbs Bakery: listo, 1-2 mensajes por pedido. "
        "Pueden aplicar tarifas. AYUDA para ayuda, ALTO para cancelar.",
        False,
    ),
    (
        "M6",
        "bakery",
        "optinMessage",
        "Sweet Crumbs Bakery: you're in for our texts! "
        "Msg & data rates may apply. Reply HELP for help, STOP to opt out.",
        True,
    ),
    (
        "M2",
        "bakery",
        "messageFlow",
        "Customers opt in on the order form online at "
        f"sweetcrumbs.bakery/order with an unchecked box: {_FLOW}",
        False,
    ),
    (
        "U1",
        "clinic",
        "description",
        "Riverbend Family Clinic's notary desk, a loan-signing agent, "
        "texts clients who booked appointment confirmations and what ID to bring.",
        False,
    ),
    (
        "U2",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: pie pre-orders open Monday. Bourbon pecan "
        "sells out fast! Reply STOP to opt out.",
        False,
    ),
    (
        "U2",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: bourbon flights at the bar Friday. Reply STOP to opt out.",
        True,
    ),
]
# blind8's misses, in our own wording, each with a near miss.
BLIND8_CLASS_CASES += [
    (
        "U2",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: game day! $7 domestic pitchers and $2 well "
        "shots after 8. Reply STOP to opt out.",
        True,
    ),
    (
        "U2",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: coffee drink specials all week. Reply STOP to opt out.",
        False,
    ),
    (
        "S9",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: opening day sale, 15% off all hunting ammo "
        "and shotguns from $299. Reply STOP to opt out.",
        True,
    ),
    (
        "S9",
        "clinic",
        "sample3",
        "Riverbend Family Clinic: weight-loss shots, no doctor visit or "
        "prescription needed. Reply STOP to opt out.",
        True,
    ),
    (
        "S9",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: become a partner and earn bonuses on "
        "everyone you bring onto your team. Reply STOP to opt out.",
        True,
    ),
    (
        "S9",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: Powerball is $500M, get your tickets at "
        "the counter. Reply STOP to opt out.",
        True,
    ),
    (
        "S9",
        "clinic",
        "sample3",
        "Riverbend Family Clinic: your balance is $40. This is an attempt "
        "to collect a debt. Reply STOP to opt out.",
        True,
    ),
    (
        "S9",
        "clinic",
        "sample3",
        "Riverbend Family Clinic: your balance of $40 is due Friday. Reply STOP to opt out.",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "By scheduling your free tasting you agree to receive Sweet "
        f"Crumbs Bakery promotional texts. {_FLOW}",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "By scheduling your free tasting you agree to our terms. "
        f"Texts are a separate unchecked box: {_FLOW}",
        False,
    ),
    (
        "U6",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: vote YES on 3 to keep our bakery district "
        "open late. Reply STOP to opt out.",
        True,
    ),
    (
        "U6",
        "bakery",
        "sample3",
        "Sweet Crumbs Bakery: vote for December's pie of the month! Reply STOP to opt out.",
        False,
    ),
]
# blind8's last classes, in our own wording with near misses: a platform sending "under each
# client bakery's name"; a one-line description that never says what the messages are; a
# "contact list" that is the account's own; a spoken yes keyed in by staff (the disclosure read
# aloud names HELP and STOP, which is not a keyword to join); numbers taken from court filings
# or an inmate roster someone reviews; election-day logistics that say no candidate is endorsed.
_SPOKEN_FLOW = (
    "At the counter staff ask 'Want our texts? Up to 4 a month, msg & data rates may apply, "
    "text HELP for help or STOP to stop, terms at sweetcrumbs.com/terms.' "
)
BLIND8_REST_CASES = [
    (
        "B6",
        "bakery",
        "description",
        "Sweet Crumbs Bakery's ordering software sends pickup texts for independent bakeries, "
        "under each client bakery's name.",
        True,
    ),
    (
        "B6",
        "bakery",
        "description",
        "Sweet Crumbs Bakery texts catering customers order updates under the name Sweet Crumbs.",
        False,
    ),
    ("D2", "bakery", "description", "Sweet Crumbs Bakery sends texts to its customers.", True),
    ("D2", "bakery", "description", "Sweet Crumbs Bakery texts customers weekly specials.", False),
    (
        "M4",
        "2fa",
        "description",
        "Lockbox texts one-time codes to its users when they sign in or edit their emergency "
        "contact list.",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"Numbers come from a contact list vendor. {_FLOW}",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        _SPOKEN_FLOW + "If the customer says yes, staff add the number at the register.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        _SPOKEN_FLOW + "Customers who want them text JOIN to 55123 from their own phone.",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"Every morning we check the county court eviction filings and text the tenants listed "
        f"about our moving-day pastries. {_FLOW}",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"Our team goes through the sheriff's daily inmate roster and texts the families. {_FLOW}",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "Customers check the county records portal for their permit and text us to order "
        f"the ribbon-cutting cake. {_FLOW}",
        False,
    ),
    (
        "U6",
        "bakery",
        "description",
        "Sweet Crumbs Bakery texts neighbors its hours on election day, when the shop is a "
        "polling place. No candidates or measures are endorsed.",
        False,
    ),
    (
        "U6",
        "bakery",
        "description",
        "Sweet Crumbs Bakery texts neighbors its hours on election day, when the shop is a "
        "polling place, and which candidates the owners endorse.",
        True,
    ),
]
# A request passed to partner businesses that then call is sharing the number (CTIA 5.2).
BLIND8_REST_CASES += [
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Cake requests are routed to up to three partner bakeries, who call with quotes.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Catering requests are matched with partner caterers nearby.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Cake requests are routed to our own decorators on shift.",
        False,
    ),
]
# One test for the class cases of blind5 onward (rule, base, field, text, blocks); the later
# halves' lists join it at the end of this file.
LATER_BLIND_CLASS_CASES = (
    BLIND5_CLASS_CASES + BLIND6_CLASS_CASES + BLIND8_CLASS_CASES + BLIND8_REST_CASES
)


def test_a_date_of_birth_gate_written_with_hyphens_is_an_age_gate():
    flow = (
        "Sign-up at https://sweetcrumbs.com/wine starts with a date-of-birth entry; visitors "
        f"under 21 are blocked. Verified 21+ visitors tick an unchecked box: {_FLOW}"
    )
    findings = check_campaign(campaign("bakery", None, messageFlow=flow, ageGated=True))
    assert not [f for f in blocking(findings) if f.rule == "U2"], findings


@pytest.mark.parametrize(
    ("description", "flagged"),
    [
        (
            "Crestline Mobile, a prepaid wireless reseller, texts its own subscribers security "
            "alerts when a SIM change is requested on their account.",
            False,
        ),
        ("Textly, an SMS reseller, sends its clients' promotions to their customers.", True),
    ],
)
def test_a_wireless_reseller_texting_its_own_subscribers_is_the_brand(description, flagged):
    from compliance.checks.brand import brand_sends_for_its_clients

    hits = list(brand_sends_for_its_clients(campaign("clinic", None, description=description)))
    assert bool(hits) is flagged, hits


# blind9's classes (2026-12-05), in our own wording with near misses: frequency as a count
# of any kind of message per period, the opt-out keyword in lower case, things lent rather
# than money, a drink's name inside a place name, a hunting season, an organisation's own
# board election, lawyers defending people against collectors, consent bundled into a
# contract, a required box or a directory, owners found by skip tracing, requests passed to
# partners (also in Spanish), an upsell in a code or a notice, a legal lien sale.
BLIND9_CLASS_CASES = [
    (
        "M6",
        "bakery",
        "optinMessage",
        "Sweet Crumbs Bakery: you're on the list! Up to 2 specials/wk. Msg & data rates may "
        "apply. Reply HELP for help, STOP to end.",
        False,
    ),
    (
        "M6",
        "bakery",
        "optinMessage",
        "Sweet Crumbs Bakery: welcome! 4 coupons per month. Msg & data rates may apply. Text "
        "help for help, stop to unsubscribe.",
        False,
    ),
    (
        "M6",
        "bakery",
        "optinMessage",
        "Sweet Crumbs Bakery: ¡Bienvenido! 2-3 msjs por pedido. Pueden aplicar tarifas de "
        "mensajes y datos. AYUDA para ayuda, ALTO para cancelar.",
        False,
    ),
    (
        "M6",
        "bakery",
        "optinMessage",
        "Sweet Crumbs Bakery: Cake Club is $5/month. Msg & data rates may apply. Reply HELP for "
        "help, STOP to end.",
        True,
    ),
    (
        "M6",
        "bakery",
        "optinMessage",
        "Sweet Crumbs Bakery: up to 4 msgs/month, end to end. Msg & data rates may apply. Reply "
        "HELP for help.",
        True,
    ),
    (
        "U1",
        "clinic",
        "description",
        "Riverbend Family Clinic runs a lending closet that lends crutches and knee scooters to "
        "patients at no cost, and texts them return reminders.",
        False,
    ),
    (
        "U1",
        "clinic",
        "sample2",
        "Riverbend Family Clinic residency office: please finish your student loan exit "
        "counseling before June 1.",
        False,
    ),
    (
        "U1",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: need a new oven? Equipment loans approved in 24 hours.",
        True,
    ),
    (
        "U2",
        "bakery",
        "description",
        "Sweet Crumbs Bakery, on Bourbon Street since 1990, texts customers weekly specials and "
        "pickup reminders.",
        False,
    ),
    (
        "U2",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: firearms deer season opens Nov 15. Hunters, wear orange and "
        "carry a charged phone.",
        False,
    ),
    (
        "U2",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: bourbon tasting flights Friday night!",
        True,
    ),
    (
        "U6",
        "bakery",
        "description",
        "Sweet Crumbs Bakery is employee-owned; we text worker-owners reminders to vote in the "
        "board of directors election and the link to their ballot, plus weekly specials.",
        False,
    ),
    (
        "U6",
        "bakery",
        "description",
        "Sweet Crumbs Bakery texts members to vote in the co-op board election and to support "
        "Proposition 5 on the city ballot.",
        True,
    ),
    (
        "S9",
        "clinic",
        "description",
        "Riverbend Family Clinic's medical-legal partnership sends appointment reminders; its "
        "attorneys defend patients facing wage garnishment in court.",
        False,
    ),
    (
        "S9",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery partners: we stop wage garnishment and settle your debts for less.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"Club members join at checkout; the box must be ticked to complete the purchase: {_FLOW}",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"The box must be ticked to receive texts; ordering never depends on it: {_FLOW}",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"By completing your cake club membership you agree to receive promotional texts. {_FLOW}",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"The catering contract says: Customer agrees to receive marketing text messages from "
        f"Sweet Crumbs Bakery. {_FLOW}",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"Signing the wholesale agreement completes enrollment in our texts. {_FLOW}",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Everyone in our loyalty database is also added to the text list each spring.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} People who text JOIN are added to our database for the texts.",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} For wedding leads we use a skip-trace service to find couples' cell numbers.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} If we are booked, we may forward your request and number to one of our "
        "partner bakeries.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} We never forward your number to partners.",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Al inscribirte aceptas que compartamos tu número con empresas aliadas.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Nunca compartimos tu número con terceros.",
        False,
    ),
    (
        "S8",
        "2fa",
        "sample2",
        "Lockbox Security code 551902 confirms opening the CD you applied for (3.50% APY). Not "
        "you? Call us.",
        False,
    ),
    (
        "S8",
        "2fa",
        "sample2",
        "Lockbox Security code: 551902. Our Vault savings account is paying 3.50% APY right now.",
        True,
    ),
    (
        "S8",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: your visit is confirmed for 9am. Ask about our spring "
        "whitening special at the desk!",
        True,
    ),
    (
        "S8",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: belongings left with us over 90 days go to a lien sale on "
        "May 3 per state law; call us to claim them.",
        False,
    ),
]


@pytest.mark.parametrize(
    ("samples", "flagged"),
    [
        (
            {
                "sample1": "Lupe's Cantina: 2-for-1 tacos tonight! Reply STOP to opt out.",
                "sample2": "Northside Nails: 15% off gel sets this week. STOP to end.",
            },
            True,
        ),
        (
            {
                "sample1": "Marlow Deli: your shift starts at 6am. STOP to opt out (sent via "
                "Sweet Crumbs Bakery)",
                "sample2": "Corner Lumber Co: next week's schedule is up. STOP to end (sent via "
                "Sweet Crumbs Bakery)",
            },
            True,
        ),
        (
            {
                "sample1": "Sweet Crumbs Bakery: 2-for-1 croissants today! Reply STOP to opt out.",
                "sample2": "Reminder: Sweet Crumbs Bakery closes early Friday. STOP to end.",
            },
            False,
        ),
    ],
)
def test_samples_signed_by_different_businesses_mean_the_brand_sends_for_others(samples, flagged):
    from compliance.checks.brand import brand_sends_for_its_clients

    hits = list(brand_sends_for_its_clients(campaign("bakery", None, sample3="", **samples)))
    assert bool(hits) is flagged, hits


# blind11's classes (2026-12-05), in our own wording with near misses: storage for a drink and
# a drink word inside a link; places named after a drink; quitting tobacco or vaping; an ID
# checked on delivery is no age gate; a negating pronoun right before the word; an
# association's own board vote; people who booked as recipients; a deposit product's APY and a
# regular price in a notice; numbers passed to the companies the brand represents or made
# available so others can text; consent that comes with a giveaway entry.
BLIND11_CLASS_CASES = [
    (
        "U2",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: our new wine racks and cake stands are in the shop window. See "
        "them at sweetcrumbs.com/wine-racks. Reply STOP to opt out.",
        False,
    ),
    (
        "U2",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: join our Saturday walk down Brandy Alley for the pastry crawl!",
        False,
    ),
    (
        "U2",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: new wine list for our bistro nights, glasses from $9.",
        True,
    ),
    (
        "U2",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: your quit plan starts Monday. Throw out the vape cartridges "
        "tonight and call us if cravings hit.",
        False,
    ),
    (
        "S9",
        "clinic",
        "description",
        "Riverbend Family Clinic texts enrolled patients who want to stop vaping or smoking: "
        "coaching tips and reminders of their quit date.",
        False,
    ),
    (
        "S9",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: new vape flavors in stock, 2 for $30 this week.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"Nothing on the page is pre-checked: {_FLOW}",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"To be sure nobody misses a sale, every number in our customer database is also added "
        f"each month. {_FLOW}",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} The quote form adds: we may provide your number to the wedding venues we work "
        "with so they can send their packages.",
        True,
    ),
    (
        "M4",
        "bakery",
        "description",
        "Sweet Crumbs Bakery texts weekly specials to customers who opted in; their numbers are "
        "also made available to partner cafes so those cafes can text their own deals.",
        True,
    ),
    (
        "M4",
        "bakery",
        "description",
        "Sweet Crumbs Bakery texts weekly specials to customers who opted in; their order details "
        "are sent to our own kitchen.",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"Our cake giveaway form needs a mobile number; by entering you agree to receive recurring "
        f"marketing texts. {_FLOW}",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Each entrant's number is added to the text club when the form is sent.",
        True,
    ),
    (
        "U6",
        "bakery",
        "description",
        "Sweet Crumbs Bakery's worker co-op texts members about shifts and, once a year, the "
        "co-op board election; we never text about candidates for public office or parties. "
        "The city health inspector's visits are announced too.",
        False,
    ),
    (
        "D2",
        "walker",
        "description",
        "Paws by Jane texts people who booked a walk: the meeting time, weather cancellations "
        "and photos afterward.",
        False,
    ),
    (
        "S8",
        "2fa",
        "sample2",
        "Lockbox Security code 551902. New: Lockbox Savings now earns 4.20% APY, turn it on in "
        "the app.",
        True,
    ),
    (
        "S8",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: time for your checkup! Book at riverbendclinic.com/book. Flu "
        "shots are just $15 this month (reg. $30), add it to your visit.",
        True,
    ),
]


@pytest.mark.parametrize(
    ("flow", "gated"),
    [
        (
            "Sign-up asks for full date of birth; under-21s are turned away. " + _FLOW,
            True,
        ),
        (
            "Two boxes: 'I am 21 or older' and the text box. Drivers check ID at the door on "
            "every delivery. " + _FLOW,
            False,
        ),
        (
            "Staff check ID at the counter before adding anyone to the wine list. " + _FLOW,
            True,
        ),
    ],
)
def test_an_id_checked_on_delivery_is_not_an_age_gate_on_the_texts(flow, gated):
    findings = check_campaign(
        campaign(
            "bakery",
            None,
            messageFlow=flow,
            ageGated=True,
            sample2="Sweet Crumbs Bakery: new wine list for bistro night. Reply STOP to opt out.",
        )
    )
    assert (not [f for f in blocking(findings) if f.rule == "U2"]) is gated, findings


def test_a_placeholder_sender_carried_via_the_brand_speaks_for_another_business():
    from compliance.checks.brand import brand_sends_for_its_clients

    content = campaign(
        "bakery",
        None,
        sample1="{shop_name} via Sweet Crumbs Bakery: your order is ready. Reply STOP to opt out.",
        sample2="{shop_name} via Sweet Crumbs Bakery: pickup closes at 6pm today.",
        sample3="",
    )
    assert list(brand_sends_for_its_clients(content))


# blind12's classes (2026-12-05), in our own wording with near misses: a credit application
# named as a separate form; drink names as shades, scents or at a religious service; a golf
# shotgun start; "you bet"; staffing recruiters versus MLM recruiting; the brand's own name as
# a source word; a sliding-fee discount; a tip pitched after a code; a signed document that
# must come first and carries promotional consent; numbers shared with sister companies,
# "lending partners", endorsed candidates or allied groups; licensed data files; partners that
# receive contact details.
BLIND12_CLASS_CASES = [
    (
        "U1",
        "bakery",
        "messageFlow",
        f"The text box is separate from the credit application for catering accounts. {_FLOW}",
        False,
    ),
    (
        "U2",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: new candle scents in the shop: Bourbon Vanilla and Champagne Pear.",
        False,
    ),
    (
        "U2",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: Communion bread and wine for Sunday are ready for the parish.",
        False,
    ),
    (
        "U2",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery charity golf day: shotgun start at 9, lunch by us.",
        False,
    ),
    (
        "U2",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: bourbon and champagne by the glass at our new bar, from $8.",
        True,
    ),
    ("S9", "bakery", "sample2", "Sweet Crumbs Bakery: you bet the pies are back! ", False),
    (
        "S9",
        "clinic",
        "description",
        "Riverbend Family Clinic's recruiters text nurses who applied about shifts and interviews.",
        False,
    ),
    (
        "S9",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: earn a bonus for every baker you recruit to the team!",
        True,
    ),
    (
        "S8",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: your sliding-fee discount renews on 5/1; bring proof of income.",
        False,
    ),
    (
        "S8",
        "2fa",
        "sample2",
        "Lockbox Security code 551902. Tip: turn on Lockbox Vault for family sharing at "
        "lockbox.io/vault",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "Wholesale clients sign our supply agreement, which says 'I agree to receive texts from "
        "Sweet Crumbs Bakery, including promotional offers'. The agreement must be signed before "
        f"the first delivery is scheduled. {_FLOW}",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "The supply agreement must be signed before the first delivery; the promotional texts are "
        f"a separate, optional box: {_FLOW}",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Per our privacy policy, numbers may be shared with Crumbs Group sister bakeries "
        "and our catering and delivery partners so they can contact you.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} By submitting, you also authorize Sweet Crumbs and its wholesale flour partners "
        "to contact you.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} We may share supporters' numbers with endorsed candidates and allied groups so "
        "they can stay in touch.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} We also text restaurant owners from a business data file we license yearly.",
        True,
    ),
    (
        "M4",
        "bakery",
        "description",
        "Sweet Crumbs Bakery texts catering leads; our partner caterers receive the leads' phone "
        "numbers when we match them.",
        True,
    ),
    (
        "M4",
        "bakery",
        "description",
        "Sweet Crumbs Bakery texts customers weekly specials; our partner farms receive our flour "
        "orders by email.",
        False,
    ),
]


def test_the_brands_own_name_is_not_a_list_source():
    brand = {"display_name": "Calder County DMV", "company_name": "Calder County Motor Vehicles"}
    flow = f"Visitors tick an unchecked box at the Calder County DMV kiosk: {_FLOW}"
    findings = check_campaign(campaign("bakery", brand, messageFlow=flow))
    assert not [f for f in blocking(findings) if f.rule == "M4"], findings


@pytest.mark.parametrize(
    ("display_name", "company_name", "text", "named"),
    [
        # a union's initials before its local number
        (
            "Ironbridge Transit Workers Local 614",
            "Ironbridge Transit Workers Union Local 614",
            "ITWU Local 614: you're signed up for union alerts.",
            True,
        ),
        # a city by its place; "City of" alone names nobody
        (
            "City of Port Alder",
            "City of Port Alder",
            "Port Alder Sweep Alert: Zone 4 tomorrow.",
            True,
        ),
        (
            "City of Port Alder",
            "City of Port Alder",
            "City of Springfield: Zone 4 tomorrow.",
            False,
        ),
    ],
)
def test_a_short_form_a_reader_recognises_names_the_brand(display_name, company_name, text, named):
    from compliance.checks.text import names_brand

    brand = BrandContext(display_name=display_name, company_name=company_name)
    assert names_brand(text, brand) is named


def test_an_accented_keyword_is_a_valid_keyword():
    findings = check_campaign(campaign("bakery", None, optinKeywords="GARANTIA,GARANTÍA"))
    assert not [f for f in findings if f.rule == "K2"], findings


# blind10's classes (2026-12-05), in our own wording with near misses: a call to book or shop
# after a code; documents of a refinance closing and the people on a loan; a date of birth
# asked in Spanish and a Spanish description; advice to skip a drink; 501(c)(4) advocacy under
# POLITICAL without a Campaign Verify token; sign-ups passed to promoters and sponsors; a
# roster another party provides; a negation inside a relative clause; licensed owner files.
BLIND10_CLASS_CASES = [
    (
        "S8",
        "2fa",
        "sample2",
        "Lockbox Security code 551902. Winter is here! Book your home security check today at "
        "lockbox.io/check.",
        True,
    ),
    (
        "S8",
        "2fa",
        "sample2",
        "Lockbox Security code 551902 approves the new device. Not you? Call us now.",
        False,
    ),
    (
        "U1",
        "walker",
        "sample2",
        "Paws by Jane: I'll be late for the walk, I'm at a refinance closing; the borrowers on the "
        "loan ran long.",
        False,
    ),
    (
        "U2",
        "bakery",
        "messageFlow",
        "La página pide primero la fecha de nacimiento completa; menores de 21 no continúan. "
        + _FLOW,
        False,
    ),
    (
        "U2",
        "walker",
        "sample2",
        "Paws by Jane: big hike Saturday, so skip the beer Friday night and bring water!",
        False,
    ),
    (
        "U2",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: craft beer for less this weekend, pints from $4 with any pastry.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Sign-ups are passed to our event's sponsoring coffee brands so they can invite "
        "guests to tastings.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} To reach bakers who have not signed up yet, we also load the guild roster "
        "that the trade association provides each month.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} We also text restaurant owners from a licensed business-owner data file.",
        True,
    ),
]


@pytest.mark.parametrize(
    ("description", "needs_token"),
    [
        (
            "River Action Fund, a 501(c)(4) social welfare group, texts supporters action alerts "
            "about water bills in the legislature.",
            False,
        ),
        (
            "Friends of Dana Ruiz, a candidate committee, texts supporters about the campaign "
            "for city council.",
            True,
        ),
    ],
)
def test_only_527_political_organisations_need_a_campaign_verify_token(description, needs_token):
    brand = {"entity_type": "NON_PROFIT", "vertical": "POLITICAL"}
    findings = check_campaign(
        campaign("bakery", brand, usecase="POLITICAL", description=description)
    )
    token = [f for f in findings if f.rule == "U6" and "Campaign Verify" in f.message]
    assert bool(token) is needs_token, findings


# blind13's classes (2026-12-05 evening), in our own wording with near misses: a count "in
# total" as frequency; a named sender's "FINAL NOTICE" without a link; federal student loans;
# harm-reduction test strips and casino workers; a plan sold for a monthly price beside a code;
# consent a condition of checkout ("required box", "cannot be submitted until"); numbers that
# "may be passed" to partners "so they can tell"; leads routed to partner agencies; licence
# lookups and résumé databases; customers' texts that go by e-mail; calls answered on behalf
# of businesses; "each client's" residents; an endorsement for state senate.
BLIND13_CLASS_CASES = [
    (
        "M6",
        "clinic",
        "optinMessage",
        "Riverbend Family Clinic: we'll text you about this referral, 2-5 total until it is "
        "booked. Msg & data rates may apply. Reply HELP for help, STOP to cancel.",
        False,
    ),
    (
        "M6",
        "clinic",
        "optinMessage",
        "Riverbend Family Clinic: your total today was $45. Msg & data rates may apply. Reply "
        "HELP for help, STOP to cancel.",
        True,
    ),
    (
        "S13",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: FINAL NOTICE - your statement is 90 days past due. Call (617) "
        "555-0123 to set up a payment plan.",
        False,
    ),
    (
        "S13",
        "clinic",
        "sample2",
        "FINAL NOTICE: your account balance is past due. Call (617) 555-0123 today.",
        True,
    ),
    (
        "U1",
        "walker",
        "sample2",
        "Paws by Jane: running late, the campus aid office says my Federal Direct Loan pays "
        "out Friday.",
        False,
    ),
    (
        "U1",
        "walker",
        "sample2",
        "Paws by Jane: short on cash for boarding? Personal loans approved in minutes.",
        True,
    ),
    (
        "S9",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: free naloxone kits and fentanyl test strips at the front desk "
        "all week, no questions asked.",
        False,
    ),
    (
        "S9",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: fentanyl patches shipped fast, no doctor visit needed.",
        True,
    ),
    (
        "S9",
        "clinic",
        "description",
        "Riverbend Family Clinic sends appointment reminders to patients, many of them casino "
        "employees on night shifts, who consented at the front desk.",
        False,
    ),
    (
        "S9",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: after your visit, try your luck at our partner casino tonight!",
        True,
    ),
    (
        "S8",
        "2fa",
        "sample2",
        "Lockbox: 551902 is your code. New: Lockbox Vault guards 5 devices for $4/mo.",
        True,
    ),
    (
        "S8",
        "2fa",
        "sample2",
        "Lockbox: 551902 is your code. Try Vault with your first month free in the app.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "Customers order at sweetcrumbs.com/order and tick a required box at checkout: 'Text me "
        "Sweet Crumbs Bakery order updates and offers. Up to 4 msgs/month. Msg & data rates may "
        "apply. Reply HELP for help, STOP to opt out.' Privacy https://sweetcrumbs.com/privacy "
        "Terms https://sweetcrumbs.com/terms",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "Checkout has a required box for the terms of sale and, below it, a separate unchecked "
        "box: 'Text me Sweet Crumbs Bakery offers. Up to 4 msgs/month. Msg & data rates may "
        "apply. Reply HELP for help, STOP to opt out.' Privacy https://sweetcrumbs.com/privacy "
        "Terms https://sweetcrumbs.com/terms",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} The cake order form cannot be submitted until that box is ticked.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Agreeing to these texts is part of the loyalty card agreement.",
        True,
    ),
    (
        "M4",
        "bakery",
        "description",
        "Sweet Crumbs Bakery sends weekly offers to customers who opted in. As a perk, their "
        "numbers may also be passed to our partner cafés so they can tell them about tastings.",
        True,
    ),
    (
        "M4",
        "bakery",
        "description",
        "Sweet Crumbs Bakery sends weekly offers to customers who opted in. Their numbers are "
        "never passed to partner cafés.",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Catering requests are routed within minutes to two partner caterers nearby.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} We also text home bakers found through the state cottage food license "
        "lookups and résumé databases we subscribe to.",
        True,
    ),
    (
        "B6",
        "2fa",
        "description",
        "Lockbox Security sends one-time passcodes to its own users. Lockbox sends nothing for "
        "its customers; receipts to their clients go by email only.",
        False,
    ),
    (
        "B6",
        "2fa",
        "description",
        "Lockbox Security, a platform for small shops, sends order reminders to their clients.",
        True,
    ),
    (
        "B6",
        "2fa",
        "description",
        "Lockbox Security answers calls on behalf of small businesses after hours and texts the "
        "business owner a code to open each call summary.",
        False,
    ),
    (
        "B6",
        "2fa",
        "description",
        "Lockbox Security sends texts on behalf of small businesses to their customers.",
        True,
    ),
    (
        "B6",
        "2fa",
        "description",
        "Lockbox Security is used by 30 towns; we send each client's residents that client's "
        "security alerts.",
        True,
    ),
    (
        "U6",
        "clinic",
        "sample2",
        "Riverbend Family Clinic endorses Sen. Maria Lopez for state senate. Early voting starts "
        "Monday.",
        True,
    ),
    (
        "U6",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: we're closed Monday for the state holiday.",
        False,
    ),
]


def test_a_sole_proprietor_named_by_the_owner_in_a_possessive_brand():
    brand = {"display_name": "Nell's Noodle Cart", "company_name": "Penelope Ortiz"}
    description = (
        "I'm Nell, I run one noodle cart downtown. I text people who joined my list where I "
        "park each day and the weekly special."
    )
    findings = check_campaign(campaign("walker", brand, description=description))
    assert not [f for f in blocking(findings) if f.rule == "D2"], findings


@pytest.mark.parametrize(
    "samples",
    [
        (
            "Town of Millbrook: Main St closed until 4pm. Reply STOP to cancel.",
            "Cedar Fork Water District: boil water notice for Ridge Ln until lifted.",
            "Village of Ashby: leaf pickup moves to Friday this week.",
        ),
        (
            "Tiptoe Ballet: class moves to room 2 tonight. Reply STOP to cancel.",
            "Northside Dance Co.: costumes are in, pick yours up Thursday.",
            "Lockbox Security: your studio code is 551902.",
        ),
        # a placeholder heading each sender tag
        (
            "{agency_name} EMS Billing: code 551902 opens your statement.",
            "{agency_name} Fire & EMS: use 7301 to confirm your payment plan.",
            "{agency_name} EMS Billing: [code] is your verification code.",
        ),
        # chapters named in Greek letters
        (
            "Kappa Rho Chi: your dues code is 551902. Reply STOP to cancel.",
            "Alpha Nu Theta: use 7301 to sign in to the chapter portal.",
            "Lockbox Security: [code] is your verification code.",
        ),
    ],
)
def test_samples_signed_by_different_senders_are_sent_for_them(samples):
    first, second, third = samples
    findings = check_campaign(campaign("2fa", None, sample1=first, sample2=second, sample3=third))
    assert [f for f in blocking(findings) if f.rule == "B6"], findings


def test_a_phone_placeholder_with_an_underscore_is_a_phone_in_the_sample():
    findings = check_campaign(
        campaign(
            "clinic",
            None,
            sample1="Riverbend Family Clinic: visit on [date]. Questions? Call {office_phone}.",
        )
    )
    assert not [f for f in findings if f.rule == "S7"], findings


# blind14's classes (2026-12-05 evening), in our own wording with near misses: consent that
# comes with a receipt's number, a membership paragraph, a required phone field, a statement
# everyone must accept, a lease section or a reservation; a P.S. after a code; a store that is
# the original creditor; accounts "placed with us"; texts signed with member businesses'
# names; an agency whose clients register their own programs.
BLIND14_CLASS_CASES = [
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} When shoppers type a number at checkout for an e-receipt, that number is also "
        "added to our weekly texts.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Numbers typed at checkout for e-receipts are used for the receipt only.",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "Every new member signs the loyalty agreement, whose last paragraph reads: 'By signing "
        "this agreement you agree that Sweet Crumbs Bakery may contact you at the number you "
        "gave us by call or text message, including offers.' " + _FLOW,
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "At checkout: 'By providing your mobile number you agree to receive order updates and "
        "special offers by text.' The mobile number is a required field. " + _FLOW,
        True,
    ),
    (
        "M4",
        "clinic",
        "messageFlow",
        "The registration statement every new patient must accept before the Submit button is "
        "enabled includes: 'I agree that Riverbend Family Clinic may text me about my visits. "
        "Msg frequency varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel.' "
        "Privacy: https://riverbendclinic.com/privacy Terms: https://riverbendclinic.com/sms-terms",
        True,
    ),
    (
        "M4",
        "clinic",
        "messageFlow",
        "Every new patient signs the intake form; texting is a separate, optional box on it: "
        "'I agree to receive Riverbend Family Clinic visit reminders by text. Msg frequency "
        "varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel.' Privacy: "
        "https://riverbendclinic.com/privacy Terms: https://riverbendclinic.com/sms-terms",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Customers who have not ticked the box are enrolled through section 4 of the "
        "catering contract.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "Above the 'Complete reservation' button: 'By completing your reservation, you agree to "
        "receive texts about your table and seasonal offers.' There is no separate checkbox. "
        + _FLOW,
        True,
    ),
    (
        "S8",
        "2fa",
        "sample2",
        "Lockbox: 551902 is your code. P.S. Add a second device and get 1% back this month.",
        True,
    ),
    (
        "S9",
        "clinic",
        "description",
        "Riverbend Family Clinic bills patients directly; we are the original creditor and "
        "remind patients of appointments and their own balances.",
        False,
    ),
    (
        "S9",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: we are now collecting this balance for the original creditor.",
        True,
    ),
    (
        "S9",
        "clinic",
        "description",
        "Riverbend Family Clinic: when a hospital places an overdue account with us, we text "
        "the patient payment reminders.",
        True,
    ),
    (
        "B6",
        "2fa",
        "description",
        "Lockbox Security sends one-time passcodes for salons; each text is signed with the name "
        "of the member salon the client booked with.",
        True,
    ),
    (
        "B6",
        "2fa",
        "description",
        "Lockbox Security sends one-time passcodes to its own users. We never text for our "
        "clients; client programs are registered under each client's own brand.",
        False,
    ),
]


# blind15's classes (2026-12-05 evening), in our own wording with near misses: recovery from
# alcohol; a loan cart of books; a drink in a quoted book title; the couple's own signature
# cocktail; a count of several-word texts a month; a named sender's "before it expires"
# without a link; a limit unlocked and shopping called for this weekend; an alderperson race;
# sellers texting under their shop names; a partner shop that receives the numbers so it can
# text; a loan offered to someone short on cash.
BLIND15_CLASS_CASES = [
    (
        "U2",
        "clinic",
        "description",
        "Riverbend Family Clinic texts adults in its outpatient program for recovery from alcohol "
        "and opioid use: group session reminders and counselor check-ins.",
        False,
    ),
    (
        "U2",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: after your checkup, enjoy 2-for-1 craft beer at our café bar.",
        True,
    ),
    (
        "U1",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: the library's large-print loan cart visits the waiting room "
        "Tuesday.",
        False,
    ),
    (
        "U2",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: the book you asked to borrow, 'Rum and the Caribbean: A "
        "History', is at the front desk.",
        False,
    ),
    (
        "U2",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: 'Whiskey Wednesday' pours start at 6, two for $12!",
        True,
    ),
    (
        "U2",
        "walker",
        "sample2",
        "Paws by Jane: the wedding planner says Biscuit walks down the aisle at 5, right after "
        "your signature cocktail pick is served.",
        False,
    ),
    (
        "M6",
        "bakery",
        "optinMessage",
        "Sweet Crumbs Bakery: you're in! Up to 4 sale & new-menu texts a month. Msg & data "
        "rates may apply. Reply HELP for help, STOP to opt out.",
        False,
    ),
    (
        "S13",
        "2fa",
        "sample2",
        "Lockbox Security: your trial code 551902 is valid for 24 hours. Renew in the app "
        "before it expires.",
        False,
    ),
    (
        "S13",
        "2fa",
        "sample2",
        "Your code 551902 is valid for 24 hours. Renew at lockbox-renew.net before it expires.",
        True,
    ),
    (
        "S8",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: balance paid, thank you! You've unlocked a bigger wellness "
        "credit. Shop our skincare line this weekend at riverbendclinic.com/shop.",
        True,
    ),
    (
        "U6",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: vote Maria Lopez for Ward 2 Alderperson on April 1!",
        True,
    ),
    (
        "B6",
        "2fa",
        "description",
        "Lockbox Security is a marketplace: independent sellers text their own followers under "
        "their shop name with codes and restocks.",
        True,
    ),
    (
        "B6",
        "clinic",
        "description",
        "Riverbend Family Clinic texts patients appointment reminders under their preferred name "
        "from the intake form.",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} When a cake is ordered through one of our partner cafés by the river or "
        "downtown, that café then receives the customer's number so it can text its own specials.",
        True,
    ),
    (
        "S9",
        "walker",
        "sample2",
        "Paws by Jane: short on cash before rent? Walk out with a loan in 20 minutes at my "
        "cousin's shop.",
        True,
    ),
    (
        "S9",
        "walker",
        "sample2",
        "Paws by Jane: short on cash this month? I can skip a walk, no charge.",
        False,
    ),
]


# blind16's classes (2026-12-05 evening), in our own wording with near misses: a giveaway in a
# notice; numbers matched by a data-append service; a number passed to sponsors.
BLIND16_CLASS_CASES = [
    (
        "S8",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: our new sleep lab is ready. Tour it this month and take home a "
        "free pillow!",
        True,
    ),
    (
        "S8",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: your new sleep lab appointment is [date] at the Oak St office.",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Each month we also match new residents to mobile numbers through a data-append "
        "service and send them one welcome offer.",
        True,
    ),
    (
        "M4",
        "bakery",
        "description",
        "Sweet Crumbs Bakery texts weekly offers to customers who opted in; contest entrants have "
        "their mobile number passed to the contest's sponsors for prizes.",
        True,
    ),
    (
        "M4",
        "bakery",
        "description",
        "Sweet Crumbs Bakery texts weekly offers to customers who opted in; no mobile number is "
        "ever passed to the contest's sponsors.",
        False,
    ),
]


# blind17's classes (2026-12-05 evening), in our own wording with near misses: barrel-aged
# foods, alcohol-server training, a spa's happy-hour pricing, a show's title in capitals, air
# rifles, a store that "stopped carrying" firearms, a hyphenated shotgun-start; consent that
# comes with joining a waitlist, a quote button, an initialled contract section or a signed
# waiver; a placeholder heading the sender tag, texts sent in each client's name; a directory
# licensed to partners; requests referred to a network remodeler "who then contacts" them.
BLIND17_CLASS_CASES = [
    (
        "U2",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: bourbon-barrel aged maple syrup is back for pancake Sunday. "
        "Reply STOP to opt out.",
        False,
    ),
    (
        "U2",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: the ServSafe Alcohol server certification class meets in room "
        "2 on [date].",
        False,
    ),
    (
        "U2",
        "walker",
        "sample2",
        "Paws by Jane: happy hour pricing is back, 30 min walks for $15 Mon-Thu 3-5pm.",
        False,
    ),
    (
        "U2",
        "walker",
        "sample2",
        "Paws by Jane: happy hour pricing at the dog-friendly taproom, $4 pints Mon-Thu!",
        True,
    ),
    (
        "U2",
        "walker",
        "sample2",
        "Paws by Jane: the park is busy tonight for Annie Get Your Gun! Curtain at 7, so walks "
        "start at 5.",
        False,
    ),
    (
        "U2",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: Friday Night Bourbon Tasting tickets are on sale now!",
        True,
    ),
    (
        "U2",
        "walker",
        "sample2",
        "Paws by Jane: walks move to 4pm Thursday, I'm at my son's 4-H archery and air rifle "
        "practice.",
        False,
    ),
    (
        "U2",
        "bakery",
        "description",
        "Sweet Crumbs Bakery (we stopped selling firearms when we sold the old hardware store) "
        "sends weekly offers to customers who opted in.",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "Guests join the waitlist on our tablet. 'By joining the waitlist you agree to receive "
        "texts about your table and Sweet Crumbs Bakery news & offers.' " + _FLOW,
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "The catering form reads: 'By clicking Get My Quote, I agree to receive texts from Sweet "
        "Crumbs Bakery about my order and offers.' " + _FLOW,
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "Section 3 of the loyalty contract reads: 'I agree to receive text messages from Sweet "
        "Crumbs Bakery, including offers.' Every family initials Section 3. " + _FLOW,
        True,
    ),
    (
        "M4",
        "walker",
        "messageFlow",
        "Clients sign the waiver before the first walk. 'By signing this waiver and providing "
        "your mobile number, you agree to receive walk updates and promotional text messages "
        "from Paws by Jane. About 10 msgs/month. Msg & data rates may apply. Reply HELP for "
        "help, STOP to opt out.'",
        True,
    ),
    (
        "B6",
        "2fa",
        "sample2",
        "{agency_name} Fire & EMS: use code 551902 to view your transport bill.",
        False,
    ),
    (
        "B6",
        "2fa",
        "description",
        "Lockbox Security bills for 20 fire districts; patients receive codes, sent in that "
        "client's name, to view their bills.",
        True,
    ),
    (
        "M4",
        "bakery",
        "description",
        "Sweet Crumbs Bakery texts weekly offers to club members; the member list, which the "
        "bakery licenses to its café partners, gives members partner deals.",
        True,
    ),
    (
        "M4",
        "bakery",
        "description",
        "Sweet Crumbs Bakery texts weekly offers to club members; we sell our pies to partner "
        "cafés downtown.",
        False,
    ),
    (
        "M4",
        "bakery",
        "description",
        "Sweet Crumbs Bakery texts catering clients; when we are booked we refer the order to a "
        "baker in our network, who then contacts the client by text.",
        True,
    ),
]


# blind18's classes (2026-12-05 evening), in our own wording with near misses: a decimal point
# ends no sentence, and a drink said to have no alcohol keeps its growler; a firearms hunting
# season and a "gun deer opener"; "CBD-free"; "ban gambling ads" and a debate's ballot table;
# free shots from a health department; a count of promos a month in Spanish; an upsell after
# "btw" or for a fee beside a code, "no setup fee" on a notice; a client who "authorizes" texts
# in a letter every client signs; a box that "comes checked"; texts that are "part of" a
# membership; a conditional "when no number is in the file"; balances placed with a
# collector; a drug's intro price or shipping; kegs and an open bar; consumer fireworks;
# chapters named in Greek letters.
BLIND18_CLASS_CASES = [
    (
        "U2",
        "bakery",
        "description",
        "Sweet Crumbs Bakery brews a non-alcoholic ginger tonic (under 0.5% ABV) and texts "
        "customers when their growler refill is ready.",
        False,
    ),
    (
        "U2",
        "walker",
        "sample2",
        "Paws by Jane: regular (firearms) deer season opens Saturday, so our woods walks "
        "move to the park. Also: gun deer opener is in 3 weeks, wear orange.",
        False,
    ),
    (
        "S9",
        "bakery",
        "description",
        "Sweet Crumbs Bakery is a CBD-free, hemp-free shop that texts weekly offers to "
        "customers who opted in.",
        False,
    ),
    (
        "S9",
        "walker",
        "sample2",
        "Paws by Jane: our debate club motion this week: 'This house would ban gambling ads "
        "on TV.'",
        False,
    ),
    (
        "U6",
        "walker",
        "sample2",
        "Paws by Jane: I'm judging the debate tournament Saturday, find me at the ballot table.",
        False,
    ),
    (
        "M6",
        "bakery",
        "optinMessage",
        "Sweet Crumbs Bakery: ¡Listo! Recibirá hasta 3 promos/mes. Pueden aplicar tarifas de "
        "msj y datos. AYUDA para ayuda, PARAR para cancelar.",
        False,
    ),
    (
        "S8",
        "2fa",
        "sample2",
        "Lockbox: your login code is 551902. Btw, tap Vault in the app to protect 5 devices.",
        True,
    ),
    (
        "S8",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: your payment posted. Want telehealth too? Add it with no setup "
        "fee this month.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "Every client signs our catering contract. It reads: 'Client authorizes Sweet Crumbs "
        "Bakery to contact the number provided by text message about orders and offers.' " + _FLOW,
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} To help customers, the box comes checked when the page loads.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} The box is checked by the customer, never by us.",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Text deals are part of the loyalty membership, so members are enrolled in the "
        "weekly texts when they join.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} When no number is on the order we obtain one from a skip-trace provider.",
        True,
    ),
    (
        "S9",
        "clinic",
        "description",
        "Riverbend Family Clinic resolves past-due balances placed with us by hospitals and "
        "texts patients about them.",
        True,
    ),
    (
        "S9",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: testosterone therapy intro month $129, labs included.",
        True,
    ),
    (
        "S9",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: our men's program now ships generic tadalafil to your door.",
        True,
    ),
    (
        "U2",
        "walker",
        "sample2",
        "Paws by Jane: dog-friendly party Friday, kegs in the backyard!",
        True,
    ),
    (
        "S9",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: BOGO on artillery shells and 500g cakes at our fireworks tent!",
        True,
    ),
    (
        "S9",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: we're closed for the town fireworks show on the 4th.",
        False,
    ),
]


@pytest.mark.parametrize(
    ("usecase", "blocks"), [("PUBLIC_SERVICE_ANNOUNCEMENT", False), ("ACCOUNT_NOTIFICATION", True)]
)
def test_free_shots_from_a_health_department_are_a_service_not_a_promotion(usecase, blocks):
    sample = "Riverbend Family Clinic: vacunas gratis contra la gripe el sábado en la biblioteca."
    findings = check_campaign(
        campaign(
            "clinic", None, usecase=usecase, subUsecases=["ACCOUNT_NOTIFICATION"], sample2=sample
        )
    )
    assert bool([f for f in blocking(findings) if f.rule == "S8"]) is blocks, findings


# blind19's classes (2026-12-05 evening), in our own wording with near misses: a drink named to
# say the texts never promote it; someone else's lender, lien releases, loan officers; a
# substance named as what counselling treats; the name without the place in front; an account
# bonus and APY under notifications; a debt management plan; a box ticked in advance behind a
# purpose clause; a brand named only in a link; in-house financing and approvals in 24 hours.
BLIND19_CLASS_CASES = [
    (
        "U2",
        "bakery",
        "description",
        "Sweet Crumbs Bakery texts weekly pastry offers. We also pour wine at the café for "
        "guests 21+, but our texts never mention or promote alcohol.",
        False,
    ),
    (
        "U2",
        "bakery",
        "description",
        "Sweet Crumbs Bakery texts weekly pastry offers and our new craft beer flights at the "
        "café.",
        True,
    ),
    (
        "U1",
        "walker",
        "sample2",
        "Paws by Jane: running late, I'm at the tag office picking up my lien release from my "
        "lender; your loan officer called too.",
        False,
    ),
    (
        "S9",
        "clinic",
        "description",
        "Riverbend Family Clinic texts young adults in its counselling program for alcohol, "
        "cannabis or other substance use: session reminders only.",
        False,
    ),
    (
        "S9",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: cannabis gummies now in stock at our wellness counter!",
        True,
    ),
    (
        "S8",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: open a health savings account by 3/31 and we'll drop in $50, "
        "plus 4.00% APY on your first $1,000.",
        True,
    ),
    (
        "S9",
        "clinic",
        "description",
        "Riverbend Family Clinic texts clients enrolled in its Debt Management Plan about "
        "deposits and creditor payments.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} To make sure no customer misses a pickup, the box is already ticked when the "
        "form opens.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} So guests don't miss their order, the box comes already ticked.",
        True,
    ),
    (
        "U1",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: we finance in-house! Approvals in 24 hrs on wedding cakes.",
        True,
    ),
]


def test_a_brand_named_only_inside_a_link_is_not_named():
    samples = {
        "sample1": "Tonight's class moved to 6:15. Details at sweetcrumbs.com/classes",
        "sample2": "Pie pre-orders close Friday: https://sweetcrumbs.com/pies",
        "sample3": "Reminder: pick up your order by 5pm. Reply STOP to opt out.",
    }
    findings = check_campaign(campaign("bakery", None, **samples))
    assert [f for f in blocking(findings) if f.rule == "S2"], findings


def test_the_name_without_the_place_before_it_names_the_brand():
    from compliance.checks.text import names_brand

    brand = BrandContext(display_name="Westfield Cardinal Boosters", company_name="")
    assert names_brand("Cardinal Boosters: game moved to 6pm.", brand)
    bank = BrandContext(display_name="Lakeside National Bank", company_name="")
    assert not names_brand("National Bank: your card was used.", bank)


# blind20's classes (2026-12-05 evening), in our own wording with near misses: a phone after a
# Chinese character; a junior production's title; a count of several-word plurals a month;
# texts under each creator's project name, clients using the module to send their own
# announcements; consent extended to partner carriers and affiliated agencies, partners that
# "(…) may text you"; people placed at partner centers in a network; contact details licensed
# from a search service; "by becoming a member you agree"; a negation in an earlier clause
# joined by ", and that".
BLIND20_CLASS_CASES = [
    (
        "S7",
        "clinic",
        "sample1",
        "Riverbend Family Clinic 河湾家庭诊所: 您的预约是[date]. "
        "请致电617-555-0123改期. 回复STOP退订",
        False,
    ),
    (
        "U2",
        "walker",
        "sample2",
        "Paws by Jane: Biscuit has a walk-on part in the youth production of Annie Get Your Gun "
        "Jr. this Friday!",
        False,
    ),
    (
        "M6",
        "bakery",
        "optinMessage",
        "Sweet Crumbs Bakery: you're in! About 4 pie and bread announcements/mo. Msg & data "
        "rates may apply. Reply HELP for help, STOP to opt out.",
        False,
    ),
    (
        "B6",
        "2fa",
        "description",
        "Lockbox Security lets project creators text their backers; texts are sent from our "
        "numbers under the creator's project name.",
        True,
    ),
    (
        "B6",
        "2fa",
        "description",
        "Lockbox Security sends codes to its own users. Schools that license Lockbox also use the "
        "texting module under this campaign to send their own safety announcements.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "'I agree to receive texts from Sweet Crumbs Bakery and its partner catering companies "
        "and affiliated agencies. Up to 4 msgs/month. Msg & data rates may apply. Reply HELP for "
        "help, STOP to opt out.' Privacy https://sweetcrumbs.com/privacy",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} By opting in you agree that participating partners (our coffee roaster and "
        "dairy) may text you their offers.",
        True,
    ),
    (
        "S10",
        "clinic",
        "description",
        "Riverbend Family Clinic's helpline texts callers to verify insurance and place them in "
        "an open bed at one of the partner treatment centers in our network.",
        True,
    ),
    (
        "M4",
        "bakery",
        "description",
        "Sweet Crumbs Bakery texts customers who opted in; each season we also reach bakers "
        "whose contact details we license from a culinary school search service.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "The membership card's fine print reads: 'By becoming a member you agree to receive "
        "text messages from Sweet Crumbs Bakery about offers.' " + _FLOW,
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Our privacy notice says order records are never used for marketing, and that "
        "club members' numbers are provided to vendor partners for their own coupons.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Our privacy notice says numbers are never sold, rented, or provided to vendor "
        "partners.",
        False,
    ),
]


# blind21's classes (2026-12-05 evening), in our own wording with near misses: a merchant in
# capitals is no link; the owner listed on the patient's own record; a public list of
# contractors to pick from; a contact sheet another party sends, a list loaded and texted;
# partner "Preferred Agents" who may call or text; a number on a signed order that enrolls;
# pay and rent advances repaid later; pre-settlement funding; a priced add-on and "reply X to
# enroll" on an alert.
BLIND21_CLASS_CASES = [
    (
        "S13",
        "2fa",
        "sample2",
        "Lockbox Security: did you try a $84.17 purchase at BESTBUY.COM today? Reply YES or NO.",
        False,
    ),
    (
        "S13",
        "2fa",
        "sample2",
        "Lockbox Security: confirm your purchase at bestbuy-verify.com/confirm today.",
        True,
    ),
    (
        "M4",
        "clinic",
        "description",
        "Riverbend Family Clinic texts the parent or guardian listed on the patient's intake "
        "record: visit reminders only.",
        False,
    ),
    (
        "M4",
        "clinic",
        "messageFlow",
        f"{_FLOW} The clinic never gives numbers to contractors; patients pick from the public "
        "contractor list on our site.",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Each spring I also add the contact sheet the farmers market association sends "
        "to its vendors.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} After the fair, the organizers hand us the attendee list; we load that list "
        "and text everyone on it.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Submitting the form also lets us pass your number to one of our Preferred "
        "Caterers, who may call or text you.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} A mobile number on a signed catering order enrolls the customer in all our "
        "texts, specials included.",
        True,
    ),
    (
        "U1",
        "walker",
        "sample2",
        "Paws by Jane: short this month? Get a payroll advance of up to $400, repaid from your "
        "next 2 paychecks.",
        True,
    ),
    (
        "S9",
        "clinic",
        "description",
        "Riverbend Family Clinic texts injured patients about pre-settlement funding for their "
        "pending cases.",
        True,
    ),
    (
        "S8",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: your card was not charged twice. Want peace of mind? Add Care "
        "Watch for $8.99/mo. Reply CARE to enroll.",
        True,
    ),
    (
        "S8",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: a refill of your medication is due. Reply REFILL to order it.",
        False,
    ),
]


# blind22's classes (2026-12-05 evening), in our own wording with near misses: a drink swapped
# out of a recipe, a margarita machine, a wine stain; a lecture's quoted title; a loan already
# accepted and a word in a link; a box checked by default behind a purpose clause with no
# comma; a refund advance; texting "part of program participation", reminders acknowledged "as
# part of the agreement", everyone enrolled at intake, a number loaded from a case record.
BLIND22_CLASS_CASES = [
    (
        "U2",
        "walker",
        "sample2",
        "Paws by Jane: I swapped the red wine in your dog-safe stew recipe for extra broth.",
        False,
    ),
    (
        "U2",
        "walker",
        "sample2",
        "Paws by Jane: I rent out a margarita machine for parties, and the wine stain on your "
        "leash came out.",
        False,
    ),
    (
        "U2",
        "walker",
        "sample2",
        "Paws by Jane: the museum's lecture 'Rum Runners of the River' starts at 7; I'll walk "
        "Biscuit at 6.",
        False,
    ),
    (
        "U1",
        "walker",
        "sample2",
        "Paws by Jane: the loan you accepted for the kennel can't disburse yet, see "
        "pawsbyjane.com/loans for steps.",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} To make sure regulars don't miss specials the box comes checked by default.",
        True,
    ),
    (
        "S9",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: need your tax refund sooner? Get a Refund Advance of up to $500.",
        True,
    ),
    (
        "M4",
        "clinic",
        "messageFlow",
        "Texting is part of program participation. Every patient completes the annual packet; "
        "page 3 says Riverbend Family Clinic will send reminders by text. Msg frequency varies. "
        "Msg & data rates may apply. Reply HELP for help, STOP to cancel. Privacy: "
        "https://riverbendclinic.com/privacy",
        True,
    ),
    (
        "M4",
        "clinic",
        "messageFlow",
        "Every new patient is enrolled at intake: staff load the mobile number from the "
        "referral record, and the patient acknowledges text reminders as part of the intake "
        "agreement. Msg frequency varies. Msg & data rates may apply. Reply HELP for help, STOP "
        "to cancel. Privacy: https://riverbendclinic.com/privacy",
        True,
    ),
]


# blind23's classes (2026-12-05 evening), in our own wording with near misses: a prevention
# workshop; the lender of your choice; a wine and cheese reception; a bottle of a drink beside
# foods; numbers uploaded from a voter file, provided to others "for their own outreach"; a
# renter who agrees to promotional texts in a signed agreement; matched partner studios that
# may call or text.
BLIND23_CLASS_CASES = [
    (
        "S9",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: vape and tobacco prevention workshop for teens Thursday at 5.",
        False,
    ),
    (
        "S9",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: new disposable vapes in stock at our front counter!",
        True,
    ),
    (
        "U1",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: buying a home? Get a free cake at closing with the lender of your "
        "choice.",
        False,
    ),
    (
        "U2",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: our bakery tour ends with a wine and cheese reception in the "
        "courtyard.",
        False,
    ),
    (
        "U2",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: holiday boxes pair a bottle of Pinot Noir with dark chocolate "
        "truffles.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} We also upload the mobile numbers in the county voter file before the bake sale.",
        True,
    ),
    (
        "M4",
        "bakery",
        "description",
        "Sweet Crumbs Bakery texts weekly offers; numbers collected here are also provided to "
        "the downtown merchants association for their own outreach.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "Section 4 of the catering agreement reads: 'By signing, renter agrees to receive "
        "reminders and promotional text messages from Sweet Crumbs Bakery.' " + _FLOW,
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} By submitting you also agree that up to 3 matched bakers and partner cafés "
        "near you may call or text you.",
        True,
    ),
]


# blind24's classes (2026-12-05 evening), in our own wording with near misses: "payday-free";
# free or reduced-price school meals; a champagne-coloured dress; a page that must be signed
# before a first appointment; contact data licensed from a provider; "no separate box"; patients
# enrolled through a registration packet.
BLIND24_CLASS_CASES = [
    (
        "S9",
        "2fa",
        "description",
        "Lockbox Security sends sign-in codes. Lockbox is payday-free by design: we don't lend "
        "money or offer cash advances.",
        False,
    ),
    (
        "S8",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: su solicitud de comidas gratis o a precio reducido fue aprobada.",
        False,
    ),
    (
        "U2",
        "bakery",
        "sample2",
        "Sweet Crumbs Bakery: our champagne satin aprons are back in every size!",
        False,
    ),
    (
        "M4",
        "clinic",
        "messageFlow",
        "The acknowledgement page, which must be signed before a first appointment can be "
        "scheduled, includes: 'I agree that Riverbend Family Clinic may contact me by text "
        "message about appointments. Msg frequency varies. Msg & data rates may apply. Reply "
        "HELP for help, STOP to cancel.' Privacy: https://riverbendclinic.com/privacy",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} After storms we also text owners using contact data licensed from a mapping "
        "provider.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "Customers give a mobile number at checkout for order texts; by entering it they also get "
        "offers. There is no separate box for promotional texts. " + _FLOW,
        True,
    ),
    (
        "M4",
        "clinic",
        "messageFlow",
        "Patients are enrolled through the new-patient registration packet. Msg frequency "
        "varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel. Privacy: "
        "https://riverbendclinic.com/privacy",
        True,
    ),
]


# blind25's classes (2026-12-05 evening), in our own wording with near misses: an exhibition's
# quoted title with the talk in the next sentence; joining that "includes" promotional texts;
# lists traded in a donor exchange; numbers provided to vendor brands that may contact members;
# a letter code for the next order; texts under the name of each resident's property.
BLIND25_CLASS_CASES = [
    (
        "U2",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: opening Sat - 'Last Call: A Century of Whiskey Ads.' Curator "
        "talk at 2pm in the lobby.",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} The rewards club is a texting program, so joining rewards includes our "
        "promotional texts.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Each quarter the list is refreshed through a merchants' donor exchange where "
        "members trade supporter contact lists.",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} Members agree that participating vendor brands may contact them with samples; "
        "we provide enrolled numbers to those brands.",
        True,
    ),
    (
        "S8",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: thanks for visiting! Use code SMILE on your next visit for a "
        "free whitening kit.",
        True,
    ),
    (
        "S8",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: please bring your insurance card on your next visit.",
        False,
    ),
    (
        "B6",
        "2fa",
        "description",
        "Lockbox Security is a property platform; landlords text residents codes, each message "
        "sent under the name of the resident's property.",
        True,
    ),
]


# blind26's classes (2026-12-05 evening), in our own wording with near misses: a bank that "is
# the original creditor"; a quoted exhibition title at a museum; a concert presale; a number
# typed to join rewards "and its text deals"; a number and opt-in passed to a seller so the
# seller can text.
BLIND26_CLASS_CASES = [
    (
        "S9",
        "clinic",
        "description",
        "Riverbend Family Clinic texts patients about their own payment plans. The clinic is the "
        "original creditor and services these balances itself.",
        False,
    ),
    (
        "U2",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: the museum's 'Rum Runners of the Bay' display opens in our "
        "lobby Saturday!",
        False,
    ),
    (
        "S9",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: the charity concert presale opens Monday for patient families.",
        False,
    ),
    (
        "S9",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: our token presale opens Monday, get in early!",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "At the register the customer types a number on the PIN pad. Entering a number enrolls "
        "the customer in Crumb Rewards and its text deals. " + _FLOW,
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        f"{_FLOW} When a buyer follows a vendor, we also pass the buyer's mobile number and SMS "
        "opt-in to that vendor so the vendor can text them directly.",
        True,
    ),
]


# blind27's classes (2026-12-05 evening), in our own wording with near misses: a promise inside
# a sharing phrase ("is not shared or rented"); ticking the box is the consent itself; "No
# promotions."; a loan disbursement; a rifle team and a keyword list; a wedding's champagne
# toast; debt settlement "for less than your enrolled balance"; "by booking, you agree to …
# promotional text messages"; texting "part of our service"; acknowledgements one "must accept to
# submit"; "up to five of its partner moving companies"; each message carrying the program's
# name.
BLIND27_CLASS_CASES = [
    (
        "M4",
        "bakery",
        "description",
        "Sweet Crumbs Bakery texts weekly offers to customers who opted in; the list is not "
        "shared or rented.",
        False,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "At checkout an optional, unchecked box reads: 'By checking this box you agree to receive "
        "recurring automated marketing texts from Sweet Crumbs Bakery. Up to 4 msgs/month. Msg & "
        "data rates may apply. Reply HELP for help, STOP to opt out.' Privacy "
        "https://sweetcrumbs.com/privacy Terms https://sweetcrumbs.com/terms",
        False,
    ),
    (
        "U1",
        "walker",
        "sample2",
        "Paws by Jane: walks resume Monday; my Direct Loan disbursement finally posted.",
        False,
    ),
    (
        "U2",
        "walker",
        "sample2",
        "Paws by Jane: Biscuit's walk moves to 6, the school rifle team's match is at the park.",
        False,
    ),
    (
        "U2",
        "walker",
        "sample2",
        "Paws by Jane: wedding timeline: Biscuit walks the rings in before the champagne toast.",
        False,
    ),
    (
        "S9",
        "clinic",
        "sample2",
        "Riverbend Family Clinic: great news! We reached a settlement with your card issuer for "
        "40% less than your enrolled balance.",
        True,
    ),
    (
        "M4",
        "clinic",
        "messageFlow",
        "Online booking reads: 'By booking, you agree to receive appointment reminders and "
        "promotional text messages from Riverbend Family Clinic.' Msg frequency varies. Msg & "
        "data rates may apply. Reply HELP for help, STOP to cancel.",
        True,
    ),
    (
        "M4",
        "walker",
        "messageFlow",
        "Clients sign the service agreement: 'I agree to receive texts from Paws by Jane. "
        "Texting is how we reach clients quickly and is part of our service. About 10 "
        "msgs/month. Msg & data rates may apply. Reply HELP for help, STOP to opt out.'",
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "The order form lists acknowledgements the customer must accept to submit, including: "
        "'I agree to receive marketing and order text messages from Sweet Crumbs Bakery.' " + _FLOW,
        True,
    ),
    (
        "M4",
        "bakery",
        "messageFlow",
        "'I agree to receive texts from Sweet Crumbs Bakery and up to five of its partner catering "
        "companies.' Up to 4 msgs/month. Msg & data rates may apply. Reply HELP for help, STOP to "
        "opt out. Privacy https://sweetcrumbs.com/privacy",
        True,
    ),
    (
        "B6",
        "2fa",
        "description",
        "Lockbox Security is used by 140 tutoring centers; staff send their families codes and "
        "reminders, and each message carries the program's name.",
        True,
    ),
]


# Every later half's class cases (blind5 onward), one test: (rule, base, field, text, blocks).
LATER_BLIND_CLASS_CASES += (
    BLIND9_CLASS_CASES
    + BLIND11_CLASS_CASES
    + BLIND12_CLASS_CASES
    + BLIND10_CLASS_CASES
    + BLIND13_CLASS_CASES
    + BLIND14_CLASS_CASES
    + BLIND15_CLASS_CASES
    + BLIND16_CLASS_CASES
    + BLIND17_CLASS_CASES
    + BLIND18_CLASS_CASES
    + BLIND19_CLASS_CASES
    + BLIND20_CLASS_CASES
    + BLIND21_CLASS_CASES
    + BLIND22_CLASS_CASES
    + BLIND23_CLASS_CASES
    + BLIND24_CLASS_CASES
    + BLIND25_CLASS_CASES
    + BLIND26_CLASS_CASES
    + BLIND27_CLASS_CASES
)


@pytest.mark.parametrize(
    ("rule_id", "base", "field", "text", "blocks"),
    LATER_BLIND_CLASS_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(LATER_BLIND_CLASS_CASES)],
)
def test_later_blind_classes_judged_like_a_reviewer(rule_id, base, field, text, blocks):
    findings = check_campaign(campaign(base, None, **{field: text}))
    blocked = [f for f in blocking(findings) if f.rule == rule_id]
    assert bool(blocked) is blocks, [(f.rule, f.message) for f in findings]
