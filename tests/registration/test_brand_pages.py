"""The brand page (status polling, feedback, actions, delete), the OTP screens with their
lock-out, and the vetting screens, against the live sandbox."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from compliance.models import Brand, SubmissionState
from compliance.services import brands as services
from compliance.services import reconcile
from sandbox.models.brands import SandboxBrand, SandboxOtp

pytestmark = pytest.mark.django_db(transaction=True)

COMPANY = {
    "entity_type": "PRIVATE_PROFIT",
    "display_name": "Alice Bakery",
    "company_name": "Alice Bakery LLC",
    "ein": "461234567",
    "vertical": "RETAIL",
    "street": "1 Main St",
    "city": "Chicago",
    "state": "IL",
    "postal_code": "60601",
    "country": "US",
    "phone": "+13125550001",
    "email": "hello@alicebakery.example",
}
SOLE = {
    **{k: v for k, v in COMPANY.items() if k not in ("company_name", "ein")},
    "entity_type": "SOLE_PROPRIETOR",
    "display_name": "Jane's Cakes",
    "first_name": "Jane",
    "last_name": "Doe",
    "mobile_phone": "+13125550002",
}


def registered(organisation, owner, values) -> Brand:
    brand = services.save_step(services.start_draft(organisation, owner), values)
    services.submit_brand(organisation, brand.public_id)
    brand.refresh_from_db()
    return brand


def not_heard_back(brand: Brand) -> Brand:
    """The brand as the app knows it before any news came: registration pending. (Submission
    reads the brand back at once in the background, which the tests' task backend runs before
    the call returns; a real verification takes minutes.)"""
    Brand.objects.filter(pk=brand.pk).update(status="REGISTRATION_PENDING", identity_status="")
    brand.refresh_from_db()
    return brand


def url(name, brand, *args):
    return reverse(name, args=[brand.public_id, *args])


def test_status_panel_polls_while_pending_and_stops_when_done(
    owner_client, organisation, owner, telnyx_sandbox
):
    brand = not_heard_back(registered(organisation, owner, COMPANY))
    assert brand.status == "REGISTRATION_PENDING"
    # The panel shows the stored status and keeps polling (it never calls Telnyx itself).
    pending = owner_client.get(url("brand_status", brand), HTTP_HX_REQUEST="true")
    assert pending.status_code == 200 and b"<html" not in pending.content
    assert b'hx-trigger="every 2s"' in pending.content
    assert b"being registered" in pending.content

    reconcile.reconcile_all()  # the news comes from reconciliation (or a webhook)
    done = owner_client.get(url("brand_status", brand), HTTP_HX_REQUEST="true")
    assert b"registered and verified" in done.content
    assert b'hx-trigger="every 2s"' not in done.content

    Brand.objects.filter(pk=brand.pk).update(submission_state=SubmissionState.PENDING)
    polling = owner_client.get(url("brand_status", brand), HTTP_HX_REQUEST="true")
    assert b'hx-trigger="every 2s"' in polling.content
    assert b"Submission pending" in polling.content


def test_unverified_brand_page_shows_feedback_against_the_fields(
    owner_client, organisation, owner, telnyx_sandbox
):
    brand = registered(organisation, owner, COMPANY | {"ein": "123456789"})
    reconcile.reconcile_all()  # the news (and Telnyx's feedback) come in the background
    page = owner_client.get(url("brand_detail", brand)).content.decode()
    assert "registered but not verified" in page
    assert "The EIN does not match an IRS record for this company name." in page
    assert "Fields: EIN (tax id), Legal company name" in page
    # The category (TAX_ID) is read through the catalogue of published reasons into its rules.
    assert "Our rules on this:" in page and "#rule-B2" in page
    assert "•••••6789" in page and "123456789" not in page  # EIN masked
    # The wizard shows the same feedback next to the field.
    identity = owner_client.get(url("brand_wizard_step", brand, "identity")).content.decode()
    assert "Telnyx: The EIN does not match an IRS record" in identity


def test_failed_registration_shows_its_reason(owner_client, organisation, owner, telnyx_sandbox):
    brand = services.start_draft(organisation, owner)
    services.save_step(brand, COMPANY)
    Brand.objects.filter(pk=brand.pk).update(ein="12345")
    services.submit_brand(organisation, brand.public_id)
    reconcile.reconcile_all()
    page = owner_client.get(url("brand_detail", brand)).content.decode()
    assert "Why registration failed" in page and "The EIN must be 9 digits." in page


def test_revet_twice_is_refused_in_plain_words(owner_client, organisation, owner, telnyx_sandbox):
    brand = registered(organisation, owner, COMPANY)
    first = owner_client.post(url("brand_action", brand, "revet"), follow=True)
    assert "Revet requested" in first.content.decode()
    second = owner_client.post(url("brand_action", brand, "revet"), follow=True)
    assert second.status_code == 200
    assert "at most once every 3 months" in second.content.decode()


def test_resend_2fa_email(owner_client, organisation, owner, telnyx_sandbox):
    brand = registered(organisation, owner, COMPANY)
    response = owner_client.post(url("brand_action", brand, "resend-2fa-email"), follow=True)
    assert "verification email was sent again" in response.content.decode()
    assert SandboxBrand.objects.get().two_fa_emails_sent == 1


def test_telnyx_down_on_an_action_is_a_message_not_a_500(
    owner_client, organisation, owner, telnyx_sandbox
):
    from sandbox import faults

    brand = registered(organisation, owner, COMPANY)
    faults.inject("503", 20, path_contains="/revet")
    response = owner_client.post(url("brand_action", brand, "revet"), follow=True)
    assert response.status_code == 200
    assert "Telnyx could not be reached, so we could not ask for a new vetting" in (
        response.content.decode()
    )


def test_delete_asks_for_confirmation_then_deletes_everywhere(
    owner_client, organisation, owner, telnyx_sandbox
):
    brand = registered(organisation, owner, COMPANY)
    confirm = owner_client.get(url("brand_delete", brand)).content.decode()
    assert "cannot be undone" in confirm
    assert Brand.objects.filter(pk=brand.pk).exists()
    response = owner_client.post(url("brand_delete", brand), follow=True)
    assert "Alice Bakery was deleted." in response.content.decode()
    assert not Brand.objects.exists() and not SandboxBrand.objects.exists()


def test_otp_screens_send_and_verify_the_pin(owner_client, organisation, owner, telnyx_sandbox):
    brand = registered(organisation, owner, SOLE)
    detail = owner_client.get(url("brand_detail", brand)).content.decode()
    assert url("brand_otp", brand) in detail

    page = owner_client.get(url("brand_otp", brand)).content.decode()
    assert "@OTP_PIN@ is your code to verify Jane&#x27;s Cakes" in page
    refused = owner_client.post(
        url("brand_otp_send", brand), {"pin_sms": "no placeholder", "success_sms": "ok"}
    )
    assert "Keep @OTP_PIN@ in the text" in refused.content.decode()
    assert not SandboxOtp.objects.exists()

    texts = services.default_otp_texts(brand)
    sent = owner_client.post(url("brand_otp_send", brand), texts, follow=True).content.decode()
    assert "A PIN was texted to ••••••••0002." in sent
    assert "DELIVERED_HANDSET" in sent
    again = owner_client.post(url("brand_otp_send", brand), texts, follow=True).content.decode()
    assert "You can ask for a new one in" in again
    assert SandboxOtp.objects.count() == 1

    pin = SandboxOtp.objects.get().pin
    done = owner_client.post(url("brand_otp_verify", brand), {"pin": pin}, follow=True)
    assert "Your mobile phone is verified" in done.content.decode()
    brand.refresh_from_db()
    assert brand.identity_status == "VERIFIED"


def test_otp_locks_after_five_wrong_pins(owner_client, organisation, owner, telnyx_sandbox):
    brand = registered(organisation, owner, SOLE)
    owner_client.post(url("brand_otp_send", brand), services.default_otp_texts(brand))
    pin = SandboxOtp.objects.get().pin
    wrong = "000000" if pin != "000000" else "111111"
    for _ in range(4):
        page = owner_client.post(url("brand_otp_verify", brand), {"pin": wrong}).content.decode()
        assert "That PIN is wrong or has expired." in page
    locked = owner_client.post(url("brand_otp_verify", brand), {"pin": wrong}).content.decode()
    assert "Too many wrong PINs" in locked
    right = owner_client.post(url("brand_otp_verify", brand), {"pin": pin}).content.decode()
    assert "verification is locked" in right
    assert SandboxBrand.objects.get().identity_status == "UNVERIFIED"


def test_otp_screens_are_only_for_sole_proprietors(
    owner_client, organisation, owner, telnyx_sandbox
):
    brand = registered(organisation, owner, COMPANY)
    assert owner_client.get(url("brand_otp", brand)).status_code == 404


def test_vetting_screen_orders_imports_and_lists_scores(
    owner_client, organisation, owner, telnyx_sandbox
):
    cache.delete(services.VETTING_OPTIONS_CACHE_KEY)  # the shared cache outlives a test
    brand = registered(organisation, owner, COMPANY)
    first = owner_client.get(url("brand_vetting", brand)).content.decode()
    assert "has not been read from Telnyx yet" in first  # the page never calls Telnyx
    page = owner_client.post(url("brand_vetting", brand), {"kind": "refresh"}, follow=True)
    page = page.content.decode()
    assert "Vettings and providers read back from Telnyx." in page
    assert '<option value="AEGIS">AEGIS</option>' in page
    assert '<option value="STANDARD">STANDARD</option>' in page

    ordered = owner_client.post(
        url("brand_vetting", brand),
        {"kind": "order", "evp_id": "AEGIS", "vetting_class": "STANDARD", "confirm_cost": "on"},
        follow=True,
    ).content.decode()
    assert "Vetting ordered" in ordered
    reconcile.reconcile_all()  # the score is read back in the background
    scored = owner_client.get(url("brand_vetting", brand)).content.decode()
    assert "<strong>75</strong>" in scored
    duplicate = owner_client.post(
        url("brand_vetting", brand),
        {"kind": "order", "evp_id": "AEGIS", "vetting_class": "STANDARD", "confirm_cost": "on"},
        follow=True,
    ).content.decode()
    assert "already in progress" in duplicate

    bad = owner_client.post(url("brand_vetting", brand), {"kind": "import", "evp_id": "NOPE"})
    assert "Select a valid choice" in bad.content.decode()
    imported = owner_client.post(
        url("brand_vetting", brand),
        {"kind": "import", "evp_id": "AEGIS", "vetting_id": "V-77"},
        follow=True,
    ).content.decode()
    assert "Vetting imported." in imported and "V-77" in imported


def test_vetting_needs_a_registered_brand(owner_client, organisation, owner):
    draft = services.start_draft(organisation, owner)
    assert owner_client.get(url("brand_vetting", draft)).status_code == 404
