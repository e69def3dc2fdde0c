"""Generated compliance texts pass every campaign rule, for every standard use case."""

import pytest

from compliance import texts
from compliance.checks import BrandContext, CampaignContent, Severity, check_campaign

STANDARD_USE_CASES = [
    "2FA",
    "ACCOUNT_NOTIFICATION",
    "CUSTOMER_CARE",
    "DELIVERY_NOTIFICATION",
    "FRAUD_ALERT",
    "HIGHER_EDUCATION",
    "LOW_VOLUME",
    "MARKETING",
    "MIXED",
    "POLLING_VOTING",
    "PUBLIC_SERVICE_ANNOUNCEMENT",
    "SECURITY_ALERT",
    "SOLE_PROPRIETOR",
]
NEEDS_PRIVACY_LINK = {"MARKETING", "MIXED"}


def brand_for(usecase: str, name="Sweet Crumbs Bakery", website="https://sweetcrumbs.com"):
    sole = usecase == "SOLE_PROPRIETOR"
    return BrandContext(
        display_name=name,
        company_name="" if sole else f"{name} LLC",
        website=website,
        # CHARITY and POLITICAL are open only to non-profits (rule U4).
        entity_type="SOLE_PROPRIETOR"
        if sole
        else "NON_PROFIT"
        if usecase in ("CHARITY", "POLITICAL")
        else "PRIVATE_PROFIT",
        email="hello@sweetcrumbs.com",
        phone="+15125550142",
        identity_status="VERIFIED",
        existing_campaign_count=0,
        otp_verified=True if sole else None,
    )


FULL = dict(
    website="https://sweetcrumbs.com",
    privacy_url="https://sweetcrumbs.com/privacy",
    terms_url="https://sweetcrumbs.com/terms",
    help_email="hello@sweetcrumbs.com",
    help_phone="+15125550142",
    opt_in_url="https://app.tendlc.test/c/sweet-crumbs-bakery/opt-in/",
)
VARIANTS = {
    "full answers": FULL,
    "no links, no contact": dict(website="https://sweetcrumbs.com"),
    "no website at all": dict(help_phone="+15125550142"),
    "privacy link only": dict(FULL, terms_url=""),
    "terms link only": dict(FULL, privacy_url=""),
    "email contact only": dict(FULL, help_phone=""),
    "own frequency": dict(FULL, frequency="Up to 6 msgs/week."),
}


def findings_for(usecase, variant, name="Sweet Crumbs Bakery", **extra):
    answers = texts.Answers(brand_name=name, usecase=usecase, **{**VARIANTS[variant], **extra})
    if usecase == "MIXED" and "sub_usecases" not in extra:
        answers = texts.Answers(**{**answers.__dict__, "sub_usecases": ("MARKETING", "2FA")})
    proposals = texts.propose(answers)
    brand = brand_for(usecase, name, answers.website)
    content = CampaignContent.from_wire(proposals.as_wire(answers), brand=brand)
    return proposals, check_campaign(content)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("usecase", STANDARD_USE_CASES)
def test_generated_campaign_has_no_errors_for_every_use_case(usecase, variant):
    proposals, findings = findings_for(usecase, variant)
    errors = [(f.rule, f.message) for f in findings if f.severity is Severity.ERROR]
    if usecase in NEEDS_PRIVACY_LINK and not VARIANTS[variant].get("privacy_url"):
        # The one thing texts cannot write: the user's own privacy policy (rule M3).
        assert [rule for rule, _ in errors] == ["M3"]
        assert any("privacy policy link" in note for note in proposals.notes)
    else:
        assert errors == []


@pytest.mark.parametrize("usecase", STANDARD_USE_CASES)
def test_generated_campaign_with_full_answers_has_no_warnings_either(usecase):
    _, findings = findings_for(usecase, "full answers")
    assert [(f.rule, f.message) for f in findings if f.severity is not Severity.INFO] == []


@pytest.mark.parametrize("usecase", [*STANDARD_USE_CASES, "CHARITY", "POLITICAL"])
def test_replies_are_20_to_320_characters_and_samples_2_to_5(usecase):
    long_name = "The Greater Riverbend Valley Community Bakery and Coffee Roasting Cooperative"
    for name in ("Sweet Crumbs Bakery", long_name):
        proposals, _ = findings_for(usecase, "full answers", name=name)
        for text in (proposals.optin_message, proposals.help_message, proposals.optout_message):
            assert 20 <= len(text) <= 320, text
        assert 2 <= len(proposals.samples) <= 5
        assert all(20 <= len(s) <= 255 for s in proposals.samples)
        assert 40 <= len(proposals.description) <= 4096
        assert 40 <= len(proposals.message_flow) <= 2048


def test_special_use_cases_get_general_samples_with_a_note():
    proposals, findings = findings_for("CHARITY", "full answers")
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    assert any("no tailored samples for CHARITY" in note for note in proposals.notes)


@pytest.mark.parametrize("subs", [("MARKETING", "2FA"), ("ACCOUNT_NOTIFICATION",) * 0,
                                  ("MARKETING", "2FA", "FRAUD_ALERT", "CUSTOMER_CARE",
                                   "DELIVERY_NOTIFICATION")])  # fmt: skip
def test_mixed_has_one_sample_per_sub_use_case(subs):
    proposals, findings = findings_for("MIXED", "full answers", sub_usecases=subs)
    expected = len(subs) if subs else len(texts.DEFAULT_MIXED)
    assert max(3, expected) == len(proposals.samples)
    assert [f for f in findings if f.severity is Severity.ERROR] == []


def test_the_disclosure_has_every_element_carriers_ask_for():
    answers = texts.Answers(brand_name="Sweet Crumbs Bakery", usecase="MARKETING", **FULL)
    text = texts.disclosure(answers)
    for element in (
        "Sweet Crumbs Bakery",
        "promotions, offers and news",
        "Up to 4 msgs/month",
        "Msg & data rates may apply",
        "HELP",
        "STOP",
        "https://sweetcrumbs.com/privacy",
        "https://sweetcrumbs.com/terms",
    ):
        assert element in text
    assert "checking this box" in text  # consent is an action, never implied


def test_the_message_flow_quotes_the_disclosure_and_links_the_opt_in_page():
    answers = texts.Answers(brand_name="Sweet Crumbs Bakery", usecase="MARKETING", **FULL)
    proposals = texts.propose(answers)
    assert proposals.disclosure in proposals.message_flow
    assert FULL["opt_in_url"] in proposals.message_flow
    assert "unchecked" in proposals.message_flow


def test_the_help_reply_gives_the_contact_and_the_link_flags_follow_the_samples():
    answers = texts.Answers(brand_name="Sweet Crumbs Bakery", usecase="MARKETING", **FULL)
    proposals = texts.propose(answers)
    assert "(512) 555-0142" in proposals.help_message
    assert "hello@sweetcrumbs.com" in proposals.help_message
    assert proposals.embedded_link  # a marketing sample links the website
    no_site = texts.propose(texts.Answers(brand_name="Sweet Crumbs Bakery", usecase="MARKETING"))
    assert not no_site.embedded_link
    assert "call [support phone]" in no_site.help_message


def test_fields_lists_every_insertable_text_by_campaign_field():
    answers = texts.Answers(brand_name="Sweet Crumbs Bakery", usecase="2FA", **FULL)
    names = [name for name, _, _ in texts.propose(answers).fields()]
    assert names[:2] == ["description", "message_flow"]
    assert {"sample1", "sample2", "sample3", "optin_message", "help_message"} <= set(names)
