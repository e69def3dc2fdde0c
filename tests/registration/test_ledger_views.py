"""The fee ledger's screens: the customer's page and CSV (plain words, plain dates, running
total), the costs confirmed through the real screens against the live sandbox, tenancy, and the
reviewers' ledger across organisations (customers 403)."""

import csv
import io
import re
from datetime import date

import pytest
from django.urls import reverse

from compliance.models import FeeEntry
from compliance.services import brands as brand_services
from compliance.services import ledger
from tests import factories
from tests.factories import organisation_of
from tests.registration.test_campaign_builder import start, walk
from tests.services.test_brand_services import COMPANY

pytestmark = pytest.mark.django_db(transaction=True)

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
RAW_CODES = ("MNO_PROVISIONED", "TCR_PENDING", "monthly_fee", "external_vetting", "appeal:")


def csv_rows(response) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv"
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.fixture
def fees(organisation, owner):
    """A vetting ($40.00, confirmed by the owner) on 3 December 2026 and a monthly fee of
    unknown amount on 4 December 2026, for a live campaign of the owner's organisation."""
    campaign = factories.live_campaign(organisation)
    vetting = ledger.record_vetting(campaign.brand, "V-1", confirmed_by=owner)
    FeeEntry.objects.filter(pk=vetting.pk).update(incurred_on=date(2026, 12, 3))
    ledger.record_monthly_fee(campaign, date(2026, 12, 4))
    return campaign


# -- the customer's ledger -------------------------------------------------------------------
def test_the_page_lists_the_fees_with_a_running_total(owner_client, fees):
    page = owner_client.get(reverse("fee_ledger")).content.decode()
    assert "External vetting" in page and "Monthly campaign fee" in page
    assert "3 December 2026" in page and "4 December 2026" in page
    assert "$40.00" in page and "Amount not known" in page
    assert "$40.00 plus 1 fee of unknown amount" in page  # the running total
    assert "alice" in page  # who confirmed the vetting
    assert "Nobody was asked" in page
    assert str(fees.brand) in page


def test_the_csv_is_in_plain_words_and_plain_dates(owner_client, fees):
    rows = csv_rows(owner_client.get(reverse("fee_ledger_export")))
    assert rows[0] == [
        "Date",
        "What",
        "For",
        "Amount",
        "Details",
        "Confirmed by",
        "Running total",
    ]
    vetting, monthly = rows[1:]
    assert vetting[:4] == ["3 December 2026", "External vetting", "Alice Bakery", "$40.00"]
    assert vetting[5:] == ["alice", "$40.00"]
    assert monthly[0] == "4 December 2026" and monthly[1] == "Monthly campaign fee"
    assert monthly[3] == "Amount not known" and "not told us the amount" in monthly[4]
    assert monthly[6] == "$40.00 plus 1 fee of unknown amount"
    text = "\n".join(",".join(row) for row in rows)
    assert not ISO_DATE.search(text)
    assert not any(code in text for code in RAW_CODES)
    assert fees.campaign_id not in text and fees.brand.brand_id not in text


def test_csv_cells_cannot_run_as_spreadsheet_formulas(owner_client, organisation):
    brand = factories.registered_brand(organisation, display_name='=HYPERLINK("http://x","y")')
    ledger.record_vetting(brand, "V-1")
    [_, line] = csv_rows(owner_client.get(reverse("fee_ledger_export")))
    assert line[2] == '\'=HYPERLINK("http://x","y")'


def test_the_costs_confirmed_on_the_screens_are_in_the_ledger(
    owner_client, organisation, owner, telnyx
):
    """Brand registration (wizard), vetting and campaign submission through the screens,
    against the sandbox: each once, confirmed by the owner."""
    brand = brand_services.save_step(brand_services.start_draft(organisation, owner), COMPANY)
    review = reverse("brand_wizard_step", args=[brand.public_id, "review"])
    assert owner_client.post(review, {"confirm_cost": "on"}).status_code == 302
    brand.refresh_from_db()
    assert brand.brand_id
    owner_client.post(
        reverse("brand_vetting", args=[brand.public_id]),
        {"kind": "order", "evp_id": "AEGIS", "vetting_class": "STANDARD", "confirm_cost": "on"},
    )
    verified = factories.registered_brand(organisation, factories.verified_brand(telnyx))
    campaign = start(owner_client, verified)
    assert walk(owner_client, campaign, factories.good_content()).status_code == 302

    entries = FeeEntry.objects.order_by("id")
    assert [e.kind for e in entries] == [
        FeeEntry.Kind.BRAND_REGISTRATION,
        FeeEntry.Kind.EXTERNAL_VETTING,
        FeeEntry.Kind.CAMPAIGN_SUBMISSION,
    ]
    assert {e.confirmed_by for e in entries} == {owner}
    page = owner_client.get(reverse("fee_ledger")).content.decode()
    assert "Brand registration" in page and "Campaign submission" in page
    submission = entries.last()
    assert submission is not None and submission.amount is not None
    assert f"${submission.amount:,.2f}" in page


def test_the_ledger_of_one_brand(owner_client, organisation, fees):
    other = factories.registered_brand(organisation, display_name="Bob's Bagels")
    ledger.record_vetting(other, "V-2")
    page = owner_client.get(reverse("fee_ledger") + f"?brand={other.public_id}")
    assert "Bob&#x27;s Bagels" in page.content.decode()
    assert "$40.00" in page.content.decode() and "Amount not known" not in page.content.decode()
    export = reverse("fee_ledger_export") + f"?brand={other.public_id}"
    assert len(csv_rows(owner_client.get(export))) == 2


# -- tenancy ---------------------------------------------------------------------------------
def test_another_organisation_sees_none_of_it(outsider_client, fees):
    page = outsider_client.get(reverse("fee_ledger")).content.decode()
    assert "No fees recorded yet" in page and "Alice Bakery" not in page
    assert csv_rows(outsider_client.get(reverse("fee_ledger_export")))[1:] == []
    for name in ("fee_ledger", "fee_ledger_export"):
        foreign = reverse(name) + f"?brand={fees.brand.public_id}"
        assert outsider_client.get(foreign).status_code == 404
        assert outsider_client.get(reverse(name) + "?brand=not-a-uuid").status_code == 404


def test_a_teammate_sees_the_organisations_ledger(teammate_client, fees):
    assert "External vetting" in teammate_client.get(reverse("fee_ledger")).content.decode()


# -- reviewers -------------------------------------------------------------------------------
def test_reviewers_see_every_organisations_fees_with_an_organisation_column(
    reviewer_client, fees, outsider
):
    other_org = organisation_of(outsider)
    brand = factories.registered_brand(other_org, display_name="Mallory Mobile")
    ledger.record_vetting(brand, "V-3")

    page = reviewer_client.get(reverse("review_fee_ledger")).content.decode()
    assert "Alice Bakery LLC" in page and "Other Org Inc" in page
    assert "$80.00 plus 1 fee of unknown amount" in page

    rows = csv_rows(reviewer_client.get(reverse("review_fee_ledger_export")))
    assert rows[0][:3] == ["Date", "Organisation", "What"]
    assert sorted(row[1] for row in rows[1:]) == [
        "Alice Bakery LLC",
        "Alice Bakery LLC",
        "Other Org Inc",
    ]
    text = "\n".join(",".join(row) for row in rows)
    assert not ISO_DATE.search(text)

    one = reviewer_client.get(
        reverse("review_fee_ledger") + f"?organisation={other_org.public_id}"
    ).content.decode()
    assert "Mallory Mobile" in one and "Alice Bakery" not in one
    missing = reverse("review_fee_ledger") + "?organisation=00000000-0000-0000-0000-000000000000"
    assert reviewer_client.get(missing).status_code == 404
    assert reviewer_client.get(reverse("review_fee_ledger") + "?organisation=x").status_code == 404


def test_customers_cannot_open_the_reviewers_ledger(owner_client, fees):
    for name in ("review_fee_ledger", "review_fee_ledger_export"):
        assert owner_client.get(reverse(name)).status_code == 403


def test_the_navigation_links_each_to_their_ledger(owner_client, reviewer_client):
    home = reverse("home")
    customer = owner_client.get(home).content.decode()
    reviewer = reviewer_client.get(home).content.decode()
    assert f'href="{reverse("fee_ledger")}"' in customer
    assert f'href="{reverse("review_fee_ledger")}"' not in customer
    assert f'href="{reverse("review_fee_ledger")}"' in reviewer
    assert f'href="{reverse("fee_ledger")}"' not in reviewer  # not a member: it would be 404
