"""/notifications/: the organisation's notifications, mark as read, the header count."""

import pytest
from django.urls import reverse

from compliance.models import Notification
from compliance.services.notifications import notify, notify_reviewers
from tests.factories import organisation_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def ours(organisation):
    return notify(organisation, "Campaign approved", "The carriers approved your campaign.")


@pytest.fixture
def theirs(outsider):
    return notify(organisation_of(outsider), "Their secret", "Not for Alice.")


def test_members_see_their_organisations_notifications_only(teammate_client, ours, theirs):
    response = teammate_client.get(reverse("notifications"))

    assert response.status_code == 200
    assert "Campaign approved" in response.text
    assert "Their secret" not in response.text


def test_the_header_counts_unread_notifications(owner_client, ours, theirs):
    response = owner_client.get(reverse("home"))

    assert 'aria-label="1 unread"' in response.text


def test_marking_one_as_read(owner_client, ours):
    response = owner_client.post(reverse("notification_read", args=[ours.public_id]))

    assert response.status_code == 302
    ours.refresh_from_db()
    assert ours.read_at is not None
    assert "unread" not in owner_client.get(reverse("home")).text


def test_marking_one_as_read_with_htmx_returns_the_row(owner_client, ours):
    response = owner_client.post(
        reverse("notification_read", args=[ours.public_id]), headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    assert f'id="notification-{ours.public_id}"' in response.text
    assert "Mark as read" not in response.text
    assert "<html" not in response.text


def test_another_organisations_notification_is_a_404(owner_client, theirs):
    response = owner_client.post(reverse("notification_read", args=[theirs.public_id]))

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_all_read_leaves_other_organisations_alone(owner_client, organisation, ours, theirs):
    notify(organisation, "Second", "")

    owner_client.post(reverse("notifications_read_all"))

    assert not Notification.objects.filter(organisation=organisation, read_at=None).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_reviewers_see_the_reviewers_notifications(
    reviewer_client, owner_client, organisation, ours
):
    notify_reviewers(organisation, "Rejected: campaign of Alice", "")

    assert "Rejected: campaign of Alice" in reviewer_client.get(reverse("notifications")).text
    assert "Rejected: campaign of Alice" not in owner_client.get(reverse("notifications")).text


def test_the_page_needs_a_login(client):
    response = client.get(reverse("notifications"))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
