"""Every form of the app, posted through its view with hypothesis-generated input: random
unicode (NUL included; surrogates cannot be sent as UTF-8), huge strings, lists where one value
is expected, missing and unknown fields, plain and HTMX. Never a 500.

The field names are read from the rendered page (every input, select and textarea of the
page's forms), so a field added to a form is fuzzed without editing this test.
"""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.models import Brand, Campaign
from compliance.services import numbers

from . import factories

pytestmark = pytest.mark.django_db(transaction=True)

FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)
_huge = st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=3), st.integers(2000, 40000))
_nul = st.builds(lambda a, b: f"{a}\x00{b}", _text, _text)
_value = st.one_of(_text, _huge, _nul, st.sampled_from(["", "0", "-1", "1e309", "true", "null"]))
_values = st.one_of(_value, st.lists(_value, min_size=2, max_size=3))  # wrong type: a list


def fields_of(page: str) -> list[str]:
    names = re.findall(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"', page)
    return sorted(set(names) - {"csrfmiddlewaretoken"})


def payloads(names: list[str]):
    """Some of the fields (others missing), plus maybe an unknown one, with random values."""
    keys = st.lists(
        st.sampled_from([*names, "unknown_field"]), unique=True, max_size=len(names) + 1
    )
    return keys.flatmap(lambda ks: st.fixed_dictionaries({k: _values for k in ks}))


def fuzz_post(client: Client, url: str, names: list[str], before=lambda: None):
    assert names, f"no form fields found for {url}"

    @FUZZ
    @given(data=payloads(names), htmx=st.booleans())
    def run(data, htmx):
        before()
        headers = {"HX-Request": "true"} if htmx else {}
        response = client.post(url, data, headers=headers)
        assert response.status_code < 500, (url, data)

    run()


def fuzz_get(client: Client, url: str, names: list[str]):
    @FUZZ
    @given(data=payloads(names))
    def run(data):
        assert client.get(url, data).status_code < 500, (url, data)

    run()


def page_fields(client: Client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return fields_of(response.content.decode())


# -- accounts (anonymous) -------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["account_signup", "account_login", "account_reset_password"])
def test_account_forms(name):
    client = Client()
    url = reverse(name)
    # Rate-limited per IP (tests/registration/test_rate_limits.py): a fresh count each time.
    fuzz_post(client, url, page_fields(client, url), before=cache.clear)


# -- brands -------------------------------------------------------------------------------------
@pytest.fixture
def draft(organisation):
    return Brand.objects.create(organisation=organisation, entity_type="PRIVATE_PROFIT")


@pytest.mark.parametrize("step", ["entity-type", "identity", "contact", "review"])
def test_brand_wizard_steps(step, owner_client, draft, telnyx_sandbox):
    url = reverse("brand_wizard_step", args=[draft.public_id, step])
    names = page_fields(owner_client, url) or ["entity_type", "ein"]
    fuzz_post(owner_client, url, names)


def test_brand_field_validation(owner_client, draft):
    url = reverse("brand_validate_field", args=[draft.public_id, "identity"])
    names = page_fields(
        owner_client, reverse("brand_wizard_step", args=[draft.public_id, "identity"])
    )
    fuzz_post(owner_client, f"{url}?field=ein", names)


@pytest.mark.parametrize("action", ["brand_otp_send", "brand_otp_verify", "brand_vetting"])
def test_brand_otp_and_vetting_forms(action, owner_client, organisation, telnyx_sandbox):
    brand = factories.brand(organisation)  # a registered sole proprietor
    page = "brand_vetting" if action == "brand_vetting" else "brand_otp"
    names = page_fields(owner_client, reverse(page, args=[brand.public_id]))
    fuzz_post(owner_client, reverse(action, args=[brand.public_id]), names)


# -- campaigns ----------------------------------------------------------------------------------
def test_campaign_new(owner_client, organisation):
    factories.brand(organisation)
    fuzz_post(owner_client, reverse("campaign_new"), ["brand"])


@pytest.mark.parametrize("step", ["usecase", "sub-usecases", "description", "samples", "review"])
def test_campaign_builder_steps(step, owner_client, organisation, telnyx_sandbox):
    campaign = Campaign.objects.create(
        organisation=organisation, brand=factories.brand(organisation), usecase="MARKETING"
    )
    url = reverse("campaign_step", args=[campaign.public_id, step])
    response = owner_client.get(url)
    names = fields_of(response.content.decode()) if response.status_code == 200 else []
    fuzz_post(owner_client, url, names or ["usecase", "description", "sample1"])
    checks = reverse("campaign_checks", args=[campaign.public_id, step])
    fuzz_post(owner_client, checks, names or ["description"])


# -- numbers ------------------------------------------------------------------------------------
@pytest.fixture
def synced(organisation, make_profile, make_campaign, telnyx):
    make_profile(3)
    numbers.sync_organisation(organisation, telnyx)
    return make_campaign()


def test_number_list_filters(owner_client, synced):
    url = reverse("number_list")
    fuzz_get(owner_client, url, page_fields(owner_client, url) + ["page", "sort"])
    fuzz_get(owner_client, reverse("number_export"), ["q", "status", "sort"])


def test_number_forms(owner_client, organisation, synced):
    from compliance.models import MessagingProfile, PhoneNumber

    number = PhoneNumber.objects.first()
    list_names = page_fields(owner_client, reverse("number_list"))
    fuzz_post(owner_client, reverse("bulk_start"), list_names)
    detail = reverse("number_detail", args=[number.public_id])
    names = page_fields(owner_client, detail) or ["campaign"]
    for action in ("assign", "move", "unassign"):
        fuzz_post(owner_client, reverse("number_action", args=[number.public_id, action]), names)
    profile = reverse("profile_detail", args=[MessagingProfile.objects.first().public_id])
    fuzz_post(owner_client, profile, page_fields(owner_client, profile) or ["campaign"])
    test_sms = reverse("test_message")
    # No number can send yet, so the page shows no form: its fields, by name.
    fuzz_post(
        owner_client, test_sms, page_fields(owner_client, test_sms) or ["from_number", "to", "text"]
    )


# -- reviewer console -----------------------------------------------------------------------------
def test_reviewer_forms(reviewer_client, organisation, make_submitted_campaign, telnyx_sandbox):
    campaign = make_submitted_campaign(organisation)
    page = reverse("review_campaign", args=[campaign.public_id])
    names = page_fields(reviewer_client, page)
    # The page holds the note, message and appeal forms.
    for name in ("review_note", "review_message", "review_appeal"):
        fuzz_post(reviewer_client, reverse(name, args=[campaign.public_id]), names)
    # The edit's steps and their live checks, with each step's fields.
    for step in ("samples", "consent", "help", "review"):
        edit_step = reverse("review_edit_step", args=[campaign.public_id, step])
        fuzz_post(reviewer_client, edit_step, page_fields(reviewer_client, edit_step) or ["action"])
        if step != "review":
            checks = reverse("review_edit_check", args=[campaign.public_id, step])
            fuzz_post(reviewer_client, checks, page_fields(reviewer_client, edit_step))
    fuzz_get(
        reviewer_client,
        reverse("review_queue"),
        page_fields(reviewer_client, reverse("review_queue")),
    )


# -- public hosted opt-in form --------------------------------------------------------------------
def test_hosted_opt_in_form(organisation):
    from compliance.services.hosted import ensure_hosted_pages

    brand = factories.brand(organisation)
    Campaign.objects.create(organisation=organisation, brand=brand, usecase="MARKETING")
    ensure_hosted_pages(brand)
    client = Client()
    url = reverse("hosted_opt_in", args=[brand.hosted_pages.slug])
    # Rate-limited per IP (tests/registration/test_rate_limits.py): a fresh count each time.
    fuzz_post(client, url, page_fields(client, url), before=cache.clear)
