"""Issue 22.6 in a real browser: an owner connects the organisation's own Telnyx account (a
second account the sandbox plays, which already holds a campaign registered before Tendlc,
seeded straight into the sandbox), adopts what it holds, and finds the campaign in the
campaign list with its status in words."""

from compliance.models import Campaign, TelnyxAccount
from compliance.presentation import campaign_status
from sandbox.models import SandboxAccount
from sandbox.seed_account import seed_existing_account
from tests.e2e.helpers import (
    assert_accessible_basics,
    assert_focus_on_first_error,
    connect_telnyx_account,
    screenshot,
)


def test_connect_an_own_telnyx_account_and_adopt_its_campaign(logged_in_page, settings):
    page = logged_in_page
    settings.TELNYX_IMPORT_CALLS_PER_SECOND = 0
    theirs = SandboxAccount.open("Dana's own")
    seed_existing_account(brands=1, campaigns_per_brand=1, numbers=3, prefix="Dana", account=theirs)

    # A key Telnyx does not accept: said in words on the field, nothing stored.
    connect_telnyx_account(page, api_key="pasted-the-wrong-key", public_key=theirs.public_key_b64)
    assert_focus_on_first_error(page)
    assert page.get_by_text("Telnyx did not accept this API key").first.is_visible()
    assert not TelnyxAccount.objects.exists()
    assert_accessible_basics(page)
    screenshot(page, "telnyx-account-wrong-key")

    connect_telnyx_account(
        page, api_key=theirs.token, public_key=theirs.public_key_b64, label="Dana's Telnyx"
    )
    connected = page.get_by_test_id("connected-account")
    assert "Dana's Telnyx" in connected.inner_text()
    assert theirs.token[-4:] in connected.inner_text()
    assert theirs.token not in page.content()
    account = TelnyxAccount.objects.get()
    assert (
        page.get_by_test_id("webhook-url")
        .inner_text()
        .endswith(f"/webhooks/telnyx/{account.public_id}/")
    )
    assert_accessible_basics(page)
    screenshot(page, "telnyx-account-connected", both_widths=True)

    with page.expect_navigation():
        page.get_by_role("button", name="Import what this account already holds").click()
    page.get_by_test_id("import-state").filter(has_text="Finished").wait_for()
    assert page.get_by_test_id("campaigns-added").inner_text() == "1"
    assert page.get_by_test_id("numbers-added").inner_text() == "3"
    assert_accessible_basics(page)
    screenshot(page, "telnyx-account-imported")

    with page.expect_navigation():
        page.get_by_role("link", name="See your campaigns").click()
    [campaign] = Campaign.objects.filter(adopted_at__isnull=False)
    row = page.get_by_role("row").filter(has_text=str(campaign.brand))
    assert row.count() == 1
    words = campaign_status(campaign).label
    assert words == "Live"  # MNO_PROVISIONED, said in words
    assert words in row.inner_text()
    assert "MNO_PROVISIONED" not in page.inner_text("body")  # no raw code on screen
    screenshot(page, "telnyx-account-adopted-campaign")

    # Disconnecting is refused while the adopted campaign is live, with the reason.
    page.goto("/accounts/telnyx/disconnect/")
    assert "1 live campaign" in page.get_by_test_id("disconnect-refusal").inner_text()
    assert TelnyxAccount.objects.exists()
