"""A process killed in the middle of a submission leaves work that another process finishes.

A real child process submits a brand against the sandbox over HTTP and is SIGKILLed at the
worst moment: Telnyx has created the brand, the answer never reached our database (the brand
reads "Submission pending" with no Telnyx id and no retry scheduled). Reconciliation, run by
another process, finds it stale, retries it once, looks for it at Telnyx first and records the
brand that exists: one brand at Telnyx, none created twice.
"""

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from compliance.models import Brand, Campaign, SubmissionState
from compliance.services import brands, campaigns, submission
from compliance.services.reconcile import reconcile_all
from sandbox.models.brands import SandboxBrand
from sandbox.models.campaigns import SandboxCampaign
from tests.factories import good_content, registered_brand, verified_brand

pytestmark = pytest.mark.django_db(transaction=True)

REPO = Path(__file__).resolve().parents[2]

# The child: submit, but stop for good right after Telnyx answered (before it is recorded).
CHILD = textwrap.dedent(
    """
    import sys, time, django
    django.setup()
    from compliance.services import submission
    real_send = submission.send

    def send_then_hang(call):
        sent = real_send(call)
        open(sys.argv[1], "w").write("sent")  # Telnyx answered; the parent kills us now
        time.sleep(600)

    submission.send = send_then_hang
    exec(sys.argv[2])
    """
)


def _database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    return (
        f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:"
        f"{settings['PORT'] or 5432}/{settings['NAME']}"
    )


def _killed_mid_submission(tmp_path, telnyx_sandbox: str, statement: str) -> None:
    """Run `statement` in a child process and SIGKILL it once Telnyx has answered."""
    marker = tmp_path / "sent"
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "compliance.settings",
        "DATABASE_URL": _database_url(),
        "TELNYX_BASE_URL": telnyx_sandbox,
        "TASKS_BACKEND": "django.tasks.backends.dummy.DummyBackend",
    }
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(marker), statement], cwd=REPO, env=env
    )
    try:
        for _ in range(600):
            if marker.exists() or child.poll() is not None:
                break
            time.sleep(0.05)
        assert marker.exists(), f"the child stopped before Telnyx answered ({child.returncode})"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL


def _as_if_long_ago(model, pk) -> None:
    model.objects.filter(pk=pk).update(
        submission_attempted_at=timezone.now() - submission.STALE_AFTER - timedelta(minutes=1)
    )


def test_a_brand_submission_killed_after_telnyx_created_it_is_healed_once(
    tmp_path, telnyx_sandbox, organisation, owner, telnyx
):
    draft = brands.save_step(
        brands.start_draft(organisation, owner),
        {
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
        },
    )
    _killed_mid_submission(
        tmp_path,
        telnyx_sandbox,
        "from compliance.models import Organisation\n"
        "from compliance.services import brands\n"
        f"brands.submit_brand(Organisation.objects.get(pk={organisation.pk}), '{draft.public_id}')",
    )
    draft.refresh_from_db()
    assert draft.submission_state == SubmissionState.PENDING and not draft.brand_id
    assert SandboxBrand.objects.count() == 1  # it did reach Telnyx

    reconcile_all(client=telnyx)  # recent: a retry may still be coming, so it waits
    draft.refresh_from_db()
    assert draft.submission_state == SubmissionState.PENDING

    _as_if_long_ago(Brand, draft.pk)
    report = reconcile_all(client=telnyx)

    assert report.stale_submissions == 1
    draft.refresh_from_db()
    assert draft.submission_state == SubmissionState.SUBMITTED
    assert draft.brand_id == SandboxBrand.objects.get().brand_id
    assert SandboxBrand.objects.count() == 1


def test_a_campaign_submission_killed_after_telnyx_created_it_is_healed_once(
    tmp_path, telnyx_sandbox, organisation, telnyx
):
    brand = registered_brand(organisation, verified_brand(telnyx))
    content = {campaigns.MODEL_FIELD[wire]: value for wire, value in good_content().items()}
    campaign = Campaign.objects.create(organisation=organisation, brand=brand, **content)
    campaigns.qualify(campaign, "CUSTOMER_CARE")
    _killed_mid_submission(
        tmp_path,
        telnyx_sandbox,
        "from compliance.models import Campaign\n"
        "from compliance.services import campaigns\n"
        f"campaigns.submit_campaign(Campaign.objects.get(pk={campaign.pk}))",
    )
    campaign.refresh_from_db()
    assert campaign.submission_state == SubmissionState.PENDING and not campaign.campaign_id
    assert SandboxCampaign.objects.count() == 1

    _as_if_long_ago(Campaign, campaign.pk)
    report = reconcile_all(client=telnyx)

    assert report.stale_submissions == 1
    campaign.refresh_from_db()
    assert campaign.submission_state == SubmissionState.SUBMITTED
    assert campaign.campaign_id == SandboxCampaign.objects.get().campaign_id
    assert SandboxCampaign.objects.count() == 1
