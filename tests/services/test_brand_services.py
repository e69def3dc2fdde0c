"""Brand services against the live sandbox: submission (idempotent, crash-safe, retried),
refresh and feedback, revet, 2FA email, delete, OTP with lock-out, vetting."""

import logging
import re
import threading

import pytest
from django.db import connection

from compliance.models import Brand, OtpAttempt, SubmissionState
from compliance.services import brands as services
from compliance.telnyx.schemas.brands import BrandCreate
from sandbox import faults
from sandbox.models.brands import SandboxBrand

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
    "website": "https://alicebakery.example",
}
SOLE = {
    **{k: v for k, v in COMPANY.items() if k not in ("company_name", "ein")},
    "entity_type": "SOLE_PROPRIETOR",
    "display_name": "Jane's Cakes",
    "first_name": "Jane",
    "last_name": "Doe",
    "mobile_phone": "+13125550002",
}


def draft(organisation, owner, **values) -> Brand:
    brand = services.start_draft(organisation, owner)
    return services.save_step(brand, COMPANY | values)


def test_submit_creates_one_brand_with_the_webhook_and_only_applicable_fields(
    telnyx_sandbox, organisation, owner, live_server
):
    brand = draft(organisation, owner, first_name="Stray", mobile_phone="+13125550009")
    result = services.submit_brand(organisation, brand.public_id)

    assert result.outcome == "submitted"
    brand.refresh_from_db()
    assert brand.submission_state == SubmissionState.SUBMITTED
    assert brand.brand_id and brand.submitted_at and brand.tcr_brand_id.startswith("B")
    sandbox = SandboxBrand.objects.get()
    assert sandbox.attributes["webhookURL"] == f"{live_server.url}/webhooks/telnyx/"
    assert sandbox.attributes["mock"] is True
    assert "firstName" not in sandbox.attributes and "mobilePhone" not in sandbox.attributes

    again = services.submit_brand(organisation, brand.public_id)
    assert again.outcome == "unchanged"
    assert SandboxBrand.objects.count() == 1


def test_refresh_reads_status_and_feedback_against_fields(telnyx_sandbox, organisation, owner):
    brand = draft(organisation, owner, ein="123456789")
    services.submit_brand(organisation, brand.public_id)
    brand.refresh_from_db()
    services.refresh_brand(brand)
    assert (brand.status, brand.identity_status) == ("OK", "UNVERIFIED")
    assert services.feedback_by_field(brand) == {
        "ein": ["The EIN does not match an IRS record for this company name."],
        "company_name": ["The EIN does not match an IRS record for this company name."],
    }


def test_edit_and_resubmit_updates_the_same_brand(telnyx_sandbox, organisation, owner):
    brand = draft(organisation, owner, ein="000000000")
    services.submit_brand(organisation, brand.public_id)
    brand.refresh_from_db()
    services.save_step(brand, {"ein": "461234567"})
    assert brand.submission_state == SubmissionState.DRAFT

    result = services.submit_brand(organisation, brand.public_id)
    assert result.outcome == "submitted"
    assert SandboxBrand.objects.count() == 1
    services.refresh_brand(brand)
    assert brand.identity_status == "VERIFIED" and brand.feedback == []


def test_alternate_business_id_is_sent_by_an_update_after_create(
    telnyx_sandbox, organisation, owner
):
    brand = draft(organisation, owner, alt_business_id="123456789", alt_business_id_type="DUNS")
    assert services.submit_brand(organisation, brand.public_id).outcome == "submitted"
    assert SandboxBrand.objects.get().attributes["altBusinessIdType"] == "DUNS"


def test_missing_answers_are_refused_before_anything_is_sent(telnyx_sandbox, organisation, owner):
    brand = draft(organisation, owner)
    Brand.objects.filter(pk=brand.pk).update(email="")
    with pytest.raises(services.ActionRefused, match="email"):
        services.submit_brand(organisation, brand.public_id)
    assert Brand.objects.get(pk=brand.pk).submission_state == SubmissionState.DRAFT
    assert not SandboxBrand.objects.exists()


@pytest.mark.spec_violation_on_purpose
def test_telnyx_422_fails_the_submission_with_errors_on_wizard_fields(
    telnyx_sandbox, organisation, owner, monkeypatch
):
    """Telnyx may be stricter than our own checks: here the body skips our schema (as if our
    rules had let a bad vertical through) and the sandbox's 422 lands on the wizard field."""
    brand = draft(organisation, owner)
    wire = services.create_body(brand).to_wire() | {"vertical": "BAKERY"}
    monkeypatch.setattr(BrandCreate, "to_wire", lambda self: wire)

    result = services.submit_brand(organisation, brand.public_id)
    assert result.outcome == "failed"
    brand.refresh_from_db()
    assert brand.submission_state == SubmissionState.FAILED
    assert list(brand.field_errors) == ["vertical"]
    assert "vertical must be one of" in brand.field_errors["vertical"][0]
    assert brand.display_name == "Alice Bakery" and brand.ein == "461234567"
    assert not SandboxBrand.objects.exists()


@pytest.mark.parametrize("kind", ["500", "503", "429", "timeout"])
def test_faults_leave_the_submission_pending_then_the_retry_creates_one_brand(
    telnyx_sandbox, organisation, owner, settings, kind
):
    settings.TASKS = {
        "default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend", "QUEUES": []}
    }
    settings.TELNYX_TIMEOUT_SECONDS = 1.5
    brand = draft(organisation, owner)
    faults.inject(kind, 1, path_contains="/10dlc/brand", method="POST")

    result = services.submit_brand(organisation, brand.public_id)
    assert result.outcome == "pending"
    assert "Submission pending" in result.message
    brand.refresh_from_db()
    assert brand.submission_state == SubmissionState.PENDING
    assert brand.submission_attempted_at is not None and not brand.brand_id

    from django.tasks import default_task_backend

    [queued] = default_task_backend.results
    assert queued.task.name == "retry_brand_submission" and queued.args == [brand.pk]
    if kind == "timeout":
        threading.Event().wait(1.6)  # the sandbox finishes the request the client gave up on
    services.retry_submission(brand.pk)
    brand.refresh_from_db()
    assert brand.submission_state == SubmissionState.SUBMITTED
    assert SandboxBrand.objects.count() == 1
    assert SandboxBrand.objects.get().brand_id == brand.brand_id


def test_a_create_that_succeeded_at_telnyx_but_looked_failed_is_found_not_repeated(
    telnyx_sandbox, organisation, owner, settings
):
    settings.TASKS = {
        "default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend", "QUEUES": []}
    }
    brand = draft(organisation, owner)
    # The first attempt "timed out" after Telnyx had created the brand.
    Brand.objects.filter(pk=brand.pk).update(submission_state=SubmissionState.DRAFT)
    with services.client_for(organisation) as client:
        created = client.create_brand(services.create_body(brand))
    Brand.objects.filter(pk=brand.pk).update(
        submission_state=SubmissionState.PENDING,
        submission_attempted_at=brand.created_at,
        submission_attempts=1,
    )
    services.retry_submission(brand.pk)
    brand.refresh_from_db()
    assert brand.brand_id == created.brand_id
    assert brand.submission_state == SubmissionState.SUBMITTED
    assert SandboxBrand.objects.count() == 1


def test_retries_give_up_after_the_limit_and_keep_the_draft(telnyx_sandbox, organisation, owner):
    brand = draft(organisation, owner)
    faults.inject("503", 50, path_contains="/10dlc/brand")
    result = services.submit_brand(organisation, brand.public_id)  # immediate tasks retry
    assert result.outcome == "pending"
    brand.refresh_from_db()
    assert brand.submission_state == SubmissionState.FAILED
    assert "could not be reached" in brand.submission_error
    assert brand.display_name == "Alice Bakery"
    assert not SandboxBrand.objects.exists()


@pytest.mark.postgres_only
def test_two_tabs_submitting_at_once_make_one_brand(telnyx_sandbox, organisation, owner):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks")
    brand = draft(organisation, owner)
    barrier = threading.Barrier(2)
    outcomes = []

    def submit():
        barrier.wait()
        try:
            outcomes.append(services.submit_brand(organisation, brand.public_id).outcome)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["submitted", "unchanged"]
    assert SandboxBrand.objects.count() == 1


def _submitted(organisation, owner, values) -> Brand:
    brand = services.start_draft(organisation, owner)
    services.save_step(brand, values)
    services.submit_brand(organisation, brand.public_id)
    brand.refresh_from_db()
    return services.refresh_brand(brand)


def test_revet_and_2fa_email(telnyx_sandbox, organisation, owner):
    brand = _submitted(organisation, owner, COMPANY)
    services.resend_2fa_email(brand)
    assert brand.two_fa_email_sent_at is not None
    assert SandboxBrand.objects.get().two_fa_emails_sent == 1
    services.revet_brand(brand)
    assert brand.revetted_at is not None and brand.status == "REGISTRATION_PENDING"
    with pytest.raises(services.ActionRefused, match="3 months"):
        services.revet_brand(brand)


def test_delete_removes_it_at_telnyx_and_here(telnyx_sandbox, organisation, owner):
    brand = _submitted(organisation, owner, COMPANY)
    services.delete_brand(brand)
    assert not Brand.objects.exists() and not SandboxBrand.objects.exists()


def _pin(caplog) -> str:
    """The PIN the sandbox 'texted' (it logs every SMS)."""
    return re.findall(r"(\d{6}) is your code", caplog.text)[-1]


def test_otp_trigger_cool_down_verify(telnyx_sandbox, organisation, owner, caplog):
    brand = _submitted(organisation, owner, SOLE)
    assert brand.identity_status == "UNVERIFIED"
    texts = services.default_otp_texts(brand)
    assert "@OTP_PIN@" in texts["pin_sms"] and "Jane's Cakes" in texts["pin_sms"]
    with caplog.at_level(logging.INFO, logger="sandbox.brands"):
        verification = services.trigger_otp(brand, **texts)
    assert verification.reference_id
    with pytest.raises(services.ActionRefused, match="new one in"):
        services.trigger_otp(brand, **texts)
    status = services.otp_status(brand)
    assert status.delivery_status == "DELIVERED_HANDSET"

    services.verify_otp(brand, _pin(caplog))
    assert brand.identity_status == "VERIFIED"
    verification.refresh_from_db()
    assert verification.verified_at is not None


def test_five_wrong_pins_lock_verification_for_an_hour(telnyx_sandbox, organisation, owner, caplog):
    brand = _submitted(organisation, owner, SOLE)
    with caplog.at_level(logging.INFO, logger="sandbox.brands"):
        services.trigger_otp(brand, **services.default_otp_texts(brand))
    pin = _pin(caplog)
    wrong = "000000" if pin != "000000" else "111111"
    for left in (4, 3, 2, 1):
        with pytest.raises(services.ActionRefused, match=f"{left} tr"):
            services.verify_otp(brand, wrong)
    with pytest.raises(services.ActionRefused, match="locked"):
        services.verify_otp(brand, wrong)
    with pytest.raises(services.ActionRefused, match="locked for this brand for 60 more minutes"):
        services.verify_otp(brand, pin)  # even the right PIN, without calling Telnyx
    assert OtpAttempt.objects.filter(correct=False).count() == 5
    assert SandboxBrand.objects.get().identity_status == "UNVERIFIED"


def test_vetting_options_order_list_and_import(telnyx_sandbox, organisation, owner):
    brand = _submitted(organisation, owner, COMPANY)
    providers, classes = services.vetting_options()
    assert providers == [("AEGIS", "AEGIS")] and classes == [("STANDARD", "STANDARD")]

    ordered = services.order_vetting(brand, "AEGIS", "STANDARD")
    assert ordered.vetting_score is None
    [listed] = services.sync_vettings(brand)
    assert listed.pk == ordered.pk and listed.vetting_score == 75 and listed.vetted_at_telnyx
    with pytest.raises(services.ActionRefused, match="180 days"):
        services.order_vetting(brand, "AEGIS", "STANDARD")

    imported = services.import_vetting(brand, "AEGIS", "V-9", "tok")
    assert imported.imported and imported.vetting_id == "V-9"
    assert brand.vettings.count() == 2
