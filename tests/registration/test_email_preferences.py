"""The e-mail settings page, and the notifications list grouped per object per day, each
group linking to its object."""

import pytest
from django.urls import reverse

from compliance.services import notifications
from tests.factories import submitted_campaign

pytestmark = pytest.mark.django_db


def test_a_user_chooses_the_daily_digest_and_the_choice_is_kept(owner_client, owner, teammate):
    url = reverse("email_preferences")
    page = owner_client.get(url).content.decode()
    assert 'value="immediate" ' in page and "checked" in page.split('value="immediate"')[1][:40]

    answer = owner_client.post(url, {"delivery": "daily"})

    assert answer.status_code == 302 and answer.url == url
    assert notifications.delivery_of(owner) == "daily"
    assert notifications.delivery_of(teammate) == "immediate"  # one user's choice only


def test_an_unknown_choice_is_refused_next_to_the_field(owner_client, owner):
    page = owner_client.post(reverse("email_preferences"), {"delivery": "hourly"})
    assert page.status_code == 200
    assert "Select a valid choice" in page.content.decode()
    assert notifications.delivery_of(owner) == "immediate"


def test_the_settings_page_needs_a_login(client):
    assert client.get(reverse("email_preferences")).status_code == 302


def test_notifications_are_grouped_per_object_per_day_and_link_to_it(owner_client, organisation):
    campaign = submitted_campaign(organisation)
    notifications.notify(organisation, "Campaign: Rejected by Telnyx", campaign=campaign)
    notifications.notify(organisation, "Campaign: Live", campaign=campaign)
    notifications.notify(organisation, "Brand: verified", brand=campaign.brand)

    page = owner_client.get(reverse("notifications")).content.decode()

    assert page.count('class="notification unread"') == 2
    assert "1 earlier update the same day" in page
    assert f'href="{reverse("campaign_detail", args=[campaign.public_id])}"' in page
    assert f'href="{reverse("brand_detail", args=[campaign.brand.public_id])}"' in page
    assert page.index("Campaign: Live") < page.index("Campaign: Rejected by Telnyx")


def test_marking_a_group_read_marks_its_earlier_updates_too(owner_client, organisation):
    campaign = submitted_campaign(organisation)
    first = notifications.notify(organisation, "One", campaign=campaign)
    latest = notifications.notify(organisation, "Two", campaign=campaign)
    answer = owner_client.post(
        reverse("notification_read", args=[latest.public_id]), HTTP_HX_REQUEST="true"
    )
    assert answer.status_code == 200 and "unread" not in answer.content.decode()
    first.refresh_from_db()
    assert first.read_at is not None
