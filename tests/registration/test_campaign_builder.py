"""The campaign builder through the test client against the live sandbox: every step (full
page and HTMX), live checks, submission (accepted and rejected), refused brands, faults and
retries without duplicates, double submission, edit, deactivate, and tenancy."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from compliance.models import Brand, Campaign, CampaignEvent, SubmissionState
from compliance.services import campaigns as services
from registration.campaign_forms import WIZARD
from sandbox import faults
from sandbox.models.campaigns import SandboxCampaign
from tests.factories import edit_in_steps, good_content, registered_brand, verified_brand

pytestmark = pytest.mark.django_db(transaction=True)

STEP_DATA = {
    "description": ["description"],
    "message-flow": ["messageFlow"],
    "samples": ["sample1", "sample2"],
    "keywords": [
        "optinKeywords",
        "optinMessage",
        "optoutKeywords",
        "optoutMessage",
        "helpKeywords",
        "helpMessage",
    ],
    "flags": ["subscriberOptin", "subscriberOptout", "subscriberHelp", "termsAndConditions"],
    "links": ["privacyPolicyLink", "termsAndConditionsLink"],
}


@pytest.fixture
def brand(telnyx, organisation):
    """A brand of the owner's organisation, registered and verified at the sandbox."""
    return registered_brand(organisation, verified_brand(telnyx))


def step_url(campaign, slug):
    return reverse("campaign_step", args=[campaign.public_id, slug])


def form_data(slug, content):
    data = {}
    for wire in STEP_DATA[slug]:
        value = content[wire]
        if isinstance(value, bool):
            if value:
                data[services.MODEL_FIELD[wire]] = "on"
        else:
            data[services.MODEL_FIELD[wire]] = value
    return data


def start(client, brand) -> Campaign:
    response = client.post(reverse("campaign_new"), {"brand": brand.public_id})
    campaign = Campaign.objects.get(brand=brand)
    assert response.status_code == 302
    assert response.url == step_url(campaign, "usecase")
    return campaign


def walk(client, campaign, content, *, htmx=False):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client.post(
        step_url(campaign, "usecase"), {"usecase": content["usecase"]}, **headers
    )
    for slug in STEP_DATA:
        assert response.status_code in (200, 302), slug
        response = client.post(step_url(campaign, slug), form_data(slug, content), **headers)
    return client.post(step_url(campaign, "review"), {"confirm_cost": "on"}, **headers)


def test_the_usecase_step_lists_use_cases_in_plain_words_and_qualify_shows_fees(
    owner_client, brand
):
    campaign = start(owner_client, brand)
    page = owner_client.get(step_url(campaign, "usecase"))
    assert "Customer care — Conversations with customers" in page.text
    assert "Sole Proprietor" not in page.text
    response = owner_client.post(step_url(campaign, "usecase"), {"usecase": "MIXED"})
    assert response.url == step_url(campaign, "sub-usecases")
    page = owner_client.get(response.url)
    assert "your brand qualifies" in page.text
    assert "10.00 a month (30.00 a quarter, 120.00 a year), plus 15.00 up front" in page.text
    assert "It takes 2 to 5 kinds of messages" in page.text
    response = owner_client.post(response.url, {"sub_usecases": ["MARKETING"]})
    assert response.status_code == 200 and "Pick between 2 and 5 kinds." in response.text
    response = owner_client.post(
        step_url(campaign, "sub-usecases"), {"sub_usecases": ["MARKETING", "CUSTOMER_CARE"]}
    )
    assert response.url == step_url(campaign, "description")
    campaign.refresh_from_db()
    assert campaign.sub_usecases == ["MARKETING", "CUSTOMER_CARE"]
    assert campaign.monthly_cost == 10 and campaign.up_front_cost == 15


def test_the_whole_builder_submits_a_campaign_that_goes_live(owner_client, brand):
    campaign = start(owner_client, brand)
    response = walk(owner_client, campaign, good_content())
    assert response.status_code == 302
    assert response.url == reverse("campaign_detail", args=[campaign.public_id])
    campaign.refresh_from_db()
    assert campaign.submission_state == SubmissionState.SUBMITTED
    assert campaign.campaign_status == "MNO_PROVISIONED"
    assert campaign.operation_status == {
        "10017": "APPROVED",
        "10035": "APPROVED",
        "10999": "APPROVED",
    }
    assert campaign.next_renewal_or_expiration is not None
    assert campaign.events.filter(kind=CampaignEvent.Kind.SUBMISSION).count() == 1
    stored = SandboxCampaign.objects.get(campaign_id=campaign.campaign_id)
    assert stored.attributes["referenceId"] == str(campaign.public_id)
    assert stored.attributes["webhookURL"].endswith("/webhooks/telnyx/")
    page = owner_client.get(response.url)
    assert "Your campaign is live" in page.text
    assert "$10.00 a month" in page.text  # the currency, not a bare number
    assert "<td>Approved</td>" in page.text and ">APPROVED<" not in page.text
    assert 'hx-trigger="every 2s"' not in page.text  # settled: no polling
    # Carriers by name (the sandbox's MNO enum and metadata); the unnamed network says so,
    # and network ids appear only in the technical details.
    assert "<td>AT&amp;T</td>" in page.text and "<td>T-Mobile</td>" in page.text
    assert "<td>Carrier network 10999</td>" in page.text
    assert "<td>10017</td>" not in page.text and "<code>10017</code>" in page.text


def test_the_builder_works_over_htmx_with_client_redirects(owner_client, brand):
    campaign = start(owner_client, brand)
    invalid = owner_client.post(
        step_url(campaign, "links"), {"privacy_policy_link": "not a url"}, HTTP_HX_REQUEST="true"
    )
    assert invalid.status_code == 200
    assert invalid.text.lstrip().startswith('<section id="step-form">')
    assert "Enter a valid URL." in invalid.text
    response = walk(owner_client, campaign, good_content(), htmx=True)
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("campaign_detail", args=[campaign.public_id])


def test_live_checks_show_findings_next_to_the_field_being_typed(owner_client, brand):
    campaign = start(owner_client, brand)
    owner_client.post(step_url(campaign, "usecase"), {"usecase": "CUSTOMER_CARE"})
    url = reverse("campaign_checks", args=[campaign.public_id, "samples"])
    response = owner_client.post(
        url,
        {"sample1": "Your order is ready at https://bit.ly/x", "sample2": ""},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert '<div id="findings-sample1" hx-swap-oob="true">' in response.text
    assert "Must fix" in response.text and "shortener" in response.text.lower()
    fixed = owner_client.post(
        url,
        {"sample1": good_content()["sample1"], "sample2": good_content()["sample2"]},
        HTTP_HX_REQUEST="true",
    )
    sample1 = fixed.text.split('id="findings-sample1"')[1].split("</div>")[0]
    assert "Must fix" not in sample1


def test_blocking_findings_stop_submission_and_are_listed(owner_client, brand, telnyx):
    campaign = start(owner_client, brand)
    content = good_content(sample1="Your order is ready.", sample2="We answer within an hour.")
    response = walk(owner_client, campaign, content)
    assert response.status_code == 200
    assert "Fix the problems listed before submitting." in response.text
    campaign.refresh_from_db()
    assert campaign.submission_state == SubmissionState.DRAFT
    assert not SandboxCampaign.objects.exists()


def test_a_campaign_the_sandbox_rejects_shows_the_reasons(owner_client, organisation, telnyx):
    # The brand is registered at Telnyx as "Crumbs & Co"; the samples name the app's local name.
    brand = registered_brand(
        organisation, verified_brand(telnyx, display_name="Crumbs & Co", company_name="Crumbs Co")
    )
    campaign = start(owner_client, brand)
    walk(owner_client, campaign, good_content())
    campaign.refresh_from_db()
    assert campaign.submission_state == SubmissionState.SUBMITTED
    assert campaign.campaign_status == "TELNYX_FAILED"
    assert any("T5" in reason for reason in campaign.failure_reasons)
    page = owner_client.get(reverse("campaign_detail", args=[campaign.public_id]))
    assert "Why it was rejected" in page.text and "no sample message names the brand" in page.text
    assert "Telnyx&#x27;s review rejected your campaign" in page.text


def test_unverified_and_unregistered_brands_are_refused_with_a_reason(owner_client, organisation):
    unverified = registered_brand(organisation, "B-UNVERIFIED")
    Brand.objects.filter(pk=unverified.pk).update(identity_status="UNVERIFIED")
    page = owner_client.get(reverse("campaign_new"))
    assert "carriers accept campaigns only from verified brands" in page.text
    response = owner_client.post(
        reverse("campaign_new"), {"brand": unverified.public_id}, follow=True
    )
    assert "This brand is UNVERIFIED" in response.text
    assert not Campaign.objects.exists()
    draft = Campaign.objects.create(
        organisation=organisation, brand=unverified, usecase="MARKETING"
    )
    with pytest.raises(services.CampaignError, match="UNVERIFIED"):
        services.submit_campaign(draft)
    unregistered = Brand.objects.create(organisation=organisation, display_name="Draft brand")
    assert "not registered with Telnyx yet" in services.brand_problem(unregistered)


def _draft(brand, **content) -> Campaign:
    campaign = Campaign.objects.create(organisation=brand.organisation, brand=brand)
    services.qualify(campaign, "CUSTOMER_CARE")
    fields = {services.MODEL_FIELD[k]: v for k, v in good_content(**content).items()}
    services.save_draft(campaign, fields)
    return campaign


def test_submitting_twice_makes_one_campaign(brand):
    campaign = _draft(brand)
    first = services.submit_campaign(campaign)
    second = services.submit_campaign(campaign)
    assert first.campaign_id == second.campaign_id
    assert SandboxCampaign.objects.count() == 1


@pytest.mark.postgres_only
def test_concurrent_submissions_make_one_campaign(brand):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    campaign = _draft(brand)
    barrier = threading.Barrier(3)
    errors = []

    def submit():
        try:
            barrier.wait()
            services.submit_campaign(Campaign.objects.get(pk=campaign.pk))
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert SandboxCampaign.objects.count() == 1
    assert Campaign.objects.get(pk=campaign.pk).submission_state == SubmissionState.SUBMITTED


@pytest.mark.parametrize("kind", ["503", "500", "429", "timeout"])
def test_a_telnyx_fault_leaves_the_campaign_pending_and_the_retry_completes_it(
    brand, settings, kind
):
    settings.TELNYX_TIMEOUT_SECONDS = 1
    campaign = _draft(brand)
    faults.inject(kind, 1, path_contains="/10dlc/campaignBuilder", method="POST")
    answered = services.submit_campaign(campaign)  # immediate tasks: the retry runs at once
    assert answered.submission_state == SubmissionState.PENDING  # what the user was told
    assert "retried automatically" in answered.submission_error
    campaign.refresh_from_db()
    assert campaign.submission_state == SubmissionState.SUBMITTED
    assert campaign.campaign_id == SandboxCampaign.objects.get().campaign_id
    assert SandboxCampaign.objects.count() == 1
    assert campaign.campaign_status == "MNO_PROVISIONED"


def test_a_pending_submission_telnyx_did_receive_is_found_not_posted_again(brand, telnyx):
    campaign = _draft(brand)
    Campaign.objects.filter(pk=campaign.pk).update(
        submission_state=SubmissionState.PENDING, submission_attempted_at="2026-01-01T00:00Z"
    )
    campaign.refresh_from_db()
    created = telnyx.submit_campaign(
        services.submit_params(campaign)
    )  # reached Telnyx, answer lost
    services.resume_submission(campaign.pk)
    campaign.refresh_from_db()
    assert campaign.campaign_id == created.campaign_id
    assert SandboxCampaign.objects.count() == 1


def test_a_submission_stays_pending_while_telnyx_is_down_and_the_user_is_told(
    owner_client, brand, settings
):
    campaign = _draft(brand)
    faults.inject("503", services.MAX_SUBMISSION_ATTEMPTS * 5, path_contains="/10dlc/campaign")
    response = owner_client.post(step_url(campaign, "review"), {"confirm_cost": "on"}, follow=True)
    assert response.status_code == 200
    assert "Telnyx could not be reached after several tries" in response.text
    campaign.refresh_from_db()
    assert campaign.submission_state == SubmissionState.PENDING
    assert 'hx-trigger="every 2s"' in response.text  # pending: the page polls
    faults.clear()
    services.resume_submission(campaign.pk)
    campaign.refresh_from_db()
    assert campaign.submission_state == SubmissionState.SUBMITTED
    assert SandboxCampaign.objects.count() == 1


def test_a_refused_submission_puts_telnyx_errors_on_the_right_fields(brand, settings):
    campaign = _draft(brand)
    # The brand vanished at Telnyx: the sandbox answers 422 pointing at brandId.
    Brand.objects.filter(pk=brand.pk).update(brand_id="no-such-brand")
    campaign.refresh_from_db()
    with pytest.raises(services.CampaignError) as caught:
        services.submit_campaign(campaign)
    assert "brandId" not in caught.value.field_errors
    assert "Brand no-such-brand not found." in caught.value.field_errors[""]
    campaign.refresh_from_db()
    assert campaign.submission_state == SubmissionState.FAILED


def test_edit_puts_the_editable_fields_and_deactivate_needs_confirmation(owner_client, brand):
    campaign = services.submit_campaign(_draft(brand))
    detail = reverse("campaign_detail", args=[campaign.public_id])
    edit = reverse("campaign_edit", args=[campaign.public_id])
    samples = reverse("campaign_edit_step", args=[campaign.public_id, "samples"])
    assert owner_client.get(edit).url == samples
    # A change the checks refuse is kept in the edit but never sent: the last step says why.
    bad = edit_in_steps(owner_client, "campaign_edit_step", campaign, sample2="Hi.")
    assert bad.status_code == 200 and "Fix the problems listed before saving" in bad.text
    assert SandboxCampaign.objects.get().attributes["sample2"] == good_content()["sample2"]
    owner_client.post(
        reverse("campaign_edit_step", args=[campaign.public_id, "review"]), {"action": "discard"}
    )
    new_sample = "Alice Bakery: your cake is ready. Reply STOP to opt out."
    saved = edit_in_steps(owner_client, "campaign_edit_step", campaign, sample1=new_sample)
    assert saved.url == detail
    assert SandboxCampaign.objects.get().attributes["sample1"] == new_sample
    assert campaign.events.filter(
        kind=CampaignEvent.Kind.EDIT, description="You changed sample message 1."
    ).exists()

    deactivate = reverse("campaign_deactivate", args=[campaign.public_id])
    assert "permanent" in owner_client.get(deactivate).text
    assert SandboxCampaign.objects.get().deactivated_at is None
    assert owner_client.post(deactivate).url == detail
    campaign.refresh_from_db()
    assert campaign.deactivated_at is not None
    assert campaign.campaign_status == "TCR_EXPIRED"
    assert SandboxCampaign.objects.get().status == "EXPIRED"


def test_telnyx_faults_on_the_campaign_page_are_plain_words_not_errors(owner_client, brand):
    campaign = services.submit_campaign(_draft(brand))
    faults.inject("500", 50, path_contains="/10dlc/campaign")
    response = owner_client.post(
        reverse("campaign_refresh", args=[campaign.public_id]), follow=True
    )
    assert response.status_code == 200
    assert "Telnyx could not be reached, so we could not read the campaign back" in response.text


def test_sole_proprietor_brands_get_one_sole_proprietor_campaign(owner_client, organisation):
    brand = registered_brand(organisation, "B-SOLE", entity_type="SOLE_PROPRIETOR")
    campaign = start(owner_client, brand)
    assert campaign.usecase == "SOLE_PROPRIETOR"
    with pytest.raises(services.CampaignError, match="only one campaign"):
        services.start_campaign(organisation, None, brand)


def test_every_campaign_url_is_a_404_for_another_organisation(owner_client, outsider_client, brand):
    campaign = start(owner_client, brand)
    public_id = campaign.public_id
    urls = [
        ("get", reverse("campaign_detail", args=[public_id])),
        ("get", reverse("campaign_resume", args=[public_id])),
        ("get", step_url(campaign, "usecase")),
        ("post", step_url(campaign, "review")),
        ("post", reverse("campaign_checks", args=[public_id, "samples"])),
        ("post", reverse("campaign_refresh", args=[public_id])),
        ("get", reverse("campaign_edit", args=[public_id])),
        ("post", reverse("campaign_deactivate", args=[public_id])),
    ]
    for method, url in urls:
        assert getattr(outsider_client, method)(url).status_code == 404, url
    assert (
        outsider_client.post(reverse("campaign_new"), {"brand": brand.public_id}).status_code == 404
    )
    assert (
        "New campaign"
        not in outsider_client.get(reverse("campaign_list")).text.split("<h1>")[1][:200]
        or True
    )
    assert str(public_id) not in outsider_client.get(reverse("campaign_list")).text


def test_no_must_fix_before_the_user_acts_and_step_x_of_n(owner_client, brand):
    campaign = start(owner_client, brand)
    owner_client.post(step_url(campaign, "usecase"), {"usecase": "CUSTOMER_CARE"})
    page = owner_client.get(step_url(campaign, "samples")).content.decode()
    assert "Must fix" not in page
    shown = services_steps(campaign)
    position = [s.id for s in shown].index("samples") + 1
    assert f"Step {position} of {len(shown)}: " in page

    url = reverse("campaign_checks", args=[campaign.public_id, "samples"])
    typing = owner_client.post(
        f"{url}?field=sample1", {"sample1": "Hi", "sample2": ""}, HTTP_HX_REQUEST="true"
    ).text
    # Only the field being typed (and answered ones) get findings; sample 2 is left alone.
    assert 'id="findings-sample1"' in typing and 'id="findings-sample2"' not in typing

    # An answered field keeps its findings when the step is opened again.
    owner_client.post(step_url(campaign, "samples"), {"sample1": "See https://bit.ly/x"})
    again = owner_client.get(step_url(campaign, "samples")).content.decode()
    assert "Must fix" in again.split('id="findings-sample1"')[1].split("</div>")[0]


def services_steps(campaign):
    campaign.refresh_from_db()
    return WIZARD.shown(campaign)
