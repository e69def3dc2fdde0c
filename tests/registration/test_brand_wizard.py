"""The brand wizard through the Django test client: full pages and HTMX, resume, validation,
submission to the live sandbox, faults, and tenancy."""

from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from django.urls import reverse

from compliance.models import Brand, SubmissionState
from sandbox import faults
from sandbox.models.brands import SandboxBrand

pytestmark = pytest.mark.django_db(transaction=True)

IDENTITY = {
    "company_name": "Alice Bakery LLC",
    "display_name": "Alice Bakery",
    "ein": "46-1234567",
    "vertical": "RETAIL",
}
CONTACT = {
    "street": "1 Main St",
    "city": "Chicago",
    "state": "il",
    "postal_code": "60601",
    "country": "US",
    "phone": "(312) 555-0001",
    "email": "hello@alicebakery.example",
    "website": "alicebakery.example",
}
HTMX = {"HTTP_HX_REQUEST": "true"}
CONFIRM = {"confirm_cost": "on"}  # "I understand that this costs …"


def step_url(brand, name):
    return reverse("brand_wizard_step", args=[brand.public_id, name])


def new_draft(client) -> Brand:
    response = client.post(reverse("brand_new"))
    assert response.status_code == 302
    return Brand.objects.latest("created_at")


def test_wizard_for_a_private_company_end_to_end(owner_client, telnyx_sandbox):
    brand = new_draft(owner_client)
    assert owner_client.get(reverse("brand_wizard", args=[brand.public_id])).url == step_url(
        brand, "entity-type"
    )
    page = owner_client.get(step_url(brand, "entity-type")).content.decode()
    assert "A company whose shares trade on a stock exchange." in page

    response = owner_client.post(step_url(brand, "entity-type"), {"entity_type": "PRIVATE_PROFIT"})
    assert response.url == step_url(brand, "identity")
    page = owner_client.get(step_url(brand, "identity")).content.decode()
    assert 'name="company_name"' in page and 'name="ein"' in page
    assert 'name="first_name"' not in page and 'name="stock_symbol"' not in page

    assert owner_client.post(step_url(brand, "identity"), IDENTITY).url == step_url(
        brand, "contact"
    )
    assert owner_client.post(step_url(brand, "contact"), CONTACT).url == step_url(brand, "review")
    brand.refresh_from_db()
    assert (brand.ein, brand.phone, brand.state) == ("461234567", "+13125550001", "IL")
    assert brand.website == "https://alicebakery.example"

    review = owner_client.get(step_url(brand, "review")).content.decode()
    assert "Alice Bakery LLC" in review and "+13125550001" in review
    assert step_url(brand, "identity") in review  # edit links
    assert "What happens next" in review and "no registry fee" in review

    response = owner_client.post(step_url(brand, "review"), CONFIRM)
    assert response.url == reverse("brand_detail", args=[brand.public_id])
    brand.refresh_from_db()
    assert brand.submission_state == SubmissionState.SUBMITTED and brand.brand_id
    detail = owner_client.get(response.url).content.decode()
    assert "Your brand is registered and verified." in detail
    assert SandboxBrand.objects.get().attributes["companyName"] == "Alice Bakery LLC"


def test_sole_proprietor_is_asked_only_personal_fields(owner_client):
    brand = new_draft(owner_client)
    owner_client.post(step_url(brand, "entity-type"), {"entity_type": "SOLE_PROPRIETOR"})
    page = owner_client.get(step_url(brand, "identity")).content.decode()
    for name in ("first_name", "last_name", "mobile_phone", "display_name", "vertical"):
        assert f'name="{name}"' in page
    for name in ("company_name", "ein", "alt_business_id", "stock_symbol"):
        assert f'name="{name}"' not in page


def test_a_public_company_is_asked_its_stock_and_contact_email(owner_client):
    brand = new_draft(owner_client)
    owner_client.post(step_url(brand, "entity-type"), {"entity_type": "PUBLIC_PROFIT"})
    assert 'name="stock_exchange"' in owner_client.get(step_url(brand, "identity")).content.decode()
    contact = owner_client.get(step_url(brand, "contact")).content.decode()
    assert 'name="business_contact_email"' in contact


def test_invalid_answers_stay_on_the_step_with_errors_next_to_fields(owner_client):
    brand = new_draft(owner_client)
    owner_client.post(step_url(brand, "entity-type"), {"entity_type": "PRIVATE_PROFIT"})
    response = owner_client.post(
        step_url(brand, "identity"),
        {"display_name": "x" * 101, "ein": "12345", "vertical": "BAKERY"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "At most 100 characters." in page
    assert "An EIN is 9 digits, e.g. 12-3456789." in page
    assert "This field is required." in page  # company name
    assert "Select a valid choice." in page
    brand.refresh_from_db()
    assert brand.display_name == "" and brand.ein == ""


def test_htmx_posts_answer_the_step_fragment_or_a_client_redirect(owner_client):
    brand = new_draft(owner_client)
    owner_client.post(step_url(brand, "entity-type"), {"entity_type": "PRIVATE_PROFIT"})
    invalid = owner_client.post(step_url(brand, "identity"), {"ein": "1"}, **HTMX)
    assert invalid.status_code == 200
    assert b"<html" not in invalid.content and b'id="wizard-step"' in invalid.content
    valid = owner_client.post(step_url(brand, "identity"), IDENTITY, **HTMX)
    assert valid.status_code == 200 and valid["HX-Redirect"] == step_url(brand, "contact")


def test_a_field_is_validated_on_blur(owner_client):
    brand = new_draft(owner_client)
    owner_client.post(step_url(brand, "entity-type"), {"entity_type": "PRIVATE_PROFIT"})
    url = reverse("brand_validate_field", args=[brand.public_id, "contact"])
    shortener = owner_client.post(f"{url}?field=website", {"website": "https://bit.ly/x"}, **HTMX)
    assert shortener.status_code == 200
    assert (
        b"not a URL shortener" in shortener.content and b'id="check-website"' in shortener.content
    )
    assert b"<html" not in shortener.content
    # Only the region next to the field: the input the user may be typing in is never replaced.
    assert b"<input" not in shortener.content
    fine = owner_client.post(f"{url}?field=phone", {"phone": "(312) 555-0001"}, **HTMX)
    assert b"errorlist" not in fine.content
    assert owner_client.post(f"{url}?field=ein", {}, **HTMX).status_code == 404


def test_leaving_and_coming_back_resumes_at_the_first_unanswered_step(owner_client):
    brand = new_draft(owner_client)
    owner_client.post(step_url(brand, "entity-type"), {"entity_type": "PRIVATE_PROFIT"})
    owner_client.post(step_url(brand, "identity"), IDENTITY)
    response = owner_client.get(reverse("brand_wizard", args=[brand.public_id]))
    assert response.url == step_url(brand, "contact")
    listing = owner_client.get(reverse("brand_list")).content.decode()
    assert "Alice Bakery" in listing and "Draft" in listing


def _ready(client) -> Brand:
    brand = new_draft(client)
    client.post(step_url(brand, "entity-type"), {"entity_type": "PRIVATE_PROFIT"})
    client.post(step_url(brand, "identity"), IDENTITY)
    client.post(step_url(brand, "contact"), CONTACT)
    return brand


@pytest.mark.parametrize("kind", ["503", "429", "timeout"])
def test_a_telnyx_fault_on_submit_shows_submission_pending_and_the_retry_registers_once(
    owner_client, telnyx_sandbox, settings, kind
):
    settings.TELNYX_TIMEOUT_SECONDS = 1.5
    brand = _ready(owner_client)
    faults.inject(kind, 1, path_contains="/10dlc/brand", method="POST")
    response = owner_client.post(step_url(brand, "review"), CONFIRM, follow=True)
    assert "Submission pending" in response.content.decode()
    brand.refresh_from_db()
    # The immediate task backend has already run the retry, which looked before creating.
    assert brand.submission_state == SubmissionState.SUBMITTED
    assert SandboxBrand.objects.count() == 1
    if kind == "timeout":
        import time

        time.sleep(1.6)


def test_double_submit_sends_one_brand(owner_client, telnyx_sandbox):
    brand = _ready(owner_client)
    owner_client.post(step_url(brand, "review"), CONFIRM)
    second = owner_client.post(step_url(brand, "review"), CONFIRM, follow=True)
    assert second.status_code == 200
    assert SandboxBrand.objects.count() == 1


def test_a_telnyx_refusal_shows_on_the_field_and_keeps_the_draft(owner_client, telnyx_sandbox):
    brand = _ready(owner_client)
    Brand.objects.filter(pk=brand.pk).update(
        submission_state=SubmissionState.FAILED,
        submission_error="Telnyx found problems with the data.",
        field_errors={"ein": ["ein does not match the IRS record."]},
    )
    page = owner_client.get(step_url(brand, "identity")).content.decode()
    assert "Telnyx: ein does not match the IRS record." in page
    assert 'value="461234567"' in page


def test_outsiders_get_404_on_every_brand_url(owner_client, outsider_client):
    brand = _ready(owner_client)
    pid = brand.public_id
    gets = [
        reverse("brand_detail", args=[pid]),
        reverse("brand_status", args=[pid]),
        reverse("brand_wizard", args=[pid]),
        step_url(brand, "identity"),
        step_url(brand, "review"),
        reverse("brand_delete", args=[pid]),
        reverse("brand_otp", args=[pid]),
        reverse("brand_vetting", args=[pid]),
    ]
    posts = [
        step_url(brand, "identity"),
        step_url(brand, "review"),
        reverse("brand_delete", args=[pid]),
        reverse("brand_vetting", args=[pid]),
        reverse("brand_validate_field", args=[pid, "identity"]) + "?field=ein",
        reverse("brand_action", args=[pid, "revet"]),
        reverse("brand_action", args=[pid, "refresh"]),
        reverse("brand_action", args=[pid, "resend-2fa-email"]),
        reverse("brand_otp_send", args=[pid]),
        reverse("brand_otp_verify", args=[pid]),
    ]
    for url in gets:
        assert outsider_client.get(url).status_code == 404, url
    for url in posts:
        assert outsider_client.post(url).status_code == 404, url
    assert Brand.objects.filter(pk=brand.pk).exists()
    assert "Alice Bakery" not in outsider_client.get(reverse("brand_list")).content.decode()


def test_a_teammate_sees_the_organisations_brands(owner_client, teammate_client):
    brand = _ready(owner_client)
    assert teammate_client.get(reverse("brand_detail", args=[brand.public_id])).status_code == 200


def test_anonymous_users_are_sent_to_login(client):
    response = client.get(reverse("brand_list"))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_field_validation_of_the_entity_type_step_is_a_404_not_a_crash(owner_client, organisation):
    brand = Brand.objects.create(organisation=organisation, entity_type="PRIVATE_PROFIT")
    url = reverse("brand_validate_field", args=[brand.public_id, "entity-type"])
    response = owner_client.post(f"{url}?field=entity_type", {"entity_type": "PRIVATE_PROFIT"})
    assert response.status_code == 404


def test_field_checks_beside_step_posts_all_answer_over_http(
    live_server, owner_client, organisation
):
    """As a browser sends them: the HTMX check of a field on blur beside the post of its
    step, at once, to the live server (each of its threads has its own connection)."""
    owner_client.post("/brands/new/")
    brand = Brand.objects.get(organisation=organisation)
    wizard = f"/brands/{brand.public_id}/wizard"
    owner_client.post(f"{wizard}/entity-type/", {"entity_type": "PRIVATE_PROFIT"})
    cookies = {name: morsel.value for name, morsel in owner_client.cookies.items()}

    with httpx.Client(base_url=live_server.url, cookies=cookies, timeout=30) as http:
        http.get(f"{wizard}/identity/")
        headers = {"X-CSRFToken": http.cookies["csrftoken"]}

        def send(i: int) -> httpx.Response:
            if i % 2:
                return http.post(f"{wizard}/identity/", data=IDENTITY, headers=headers)
            return http.post(
                f"{wizard}/identity/validate/?field=ein",
                data=IDENTITY,
                headers=headers | {"HX-Request": "true"},
            )

        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(send, range(80)))

    assert [a.status_code for a in answers if a.status_code not in (200, 302)] == []
    assert {a.headers["location"] for a in answers if a.status_code == 302} == {
        f"{wizard}/contact/"
    }
    assert all('id="check-ein"' in a.text for a in answers if a.status_code == 200)
    brand.refresh_from_db()
    assert (brand.company_name, brand.ein) == ("Alice Bakery LLC", "461234567")
