"""Every URL of the reviewer console: customers 403, anonymous users to the login page,
reviewers in. The URLconf is walked, so a new reviewer URL is covered without a new test."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, reverse

from compliance.models import AccountImport
from compliance.review import urls as review_urls


def _patterns() -> list[URLPattern]:
    return [p for p in review_urls.urlpatterns if isinstance(p, URLPattern)]


def _url(pattern: URLPattern, campaign) -> str:
    kwargs = {}
    if "public_id" in pattern.pattern.converters:
        target = campaign.brand if pattern.name == "review_brand" else campaign
        if pattern.name == "review_account_import":
            target = AccountImport.objects.get_or_create(organisation=campaign.organisation)[0]
        kwargs["public_id"] = target.public_id
    if "step" in pattern.pattern.converters:
        kwargs["step"] = "samples"  # the edit's first step
    if "tcr_campaign_id" in pattern.pattern.converters:
        kwargs["tcr_campaign_id"] = "CSHARE1"
    return reverse(pattern.name, kwargs=kwargs)


@pytest.fixture
def campaign(organisation, make_submitted_campaign):
    return make_submitted_campaign(organisation)


def test_every_reviewer_view_is_wrapped_in_reviewer_required():
    unguarded = [p.name for p in _patterns() if not getattr(p.callback, "reviewer_required", 0)]
    assert unguarded == []


@pytest.mark.parametrize("pattern", _patterns(), ids=lambda p: p.name)
@pytest.mark.parametrize("method", ["get", "post"])
def test_customers_get_403(pattern, method, owner_client, outsider_client, campaign):
    url = _url(pattern, campaign)
    for client in (owner_client, outsider_client):
        assert getattr(client, method)(url).status_code == 403


@pytest.mark.parametrize("pattern", _patterns(), ids=lambda p: p.name)
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_users_are_sent_to_login(pattern, method, campaign):
    url = _url(pattern, campaign)
    response = getattr(Client(), method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL) + "?next=")


@pytest.mark.parametrize("pattern", _patterns(), ids=lambda p: p.name)
def test_reviewers_get_in(pattern, reviewer_client, campaign):
    response = reviewer_client.get(_url(pattern, campaign))
    # Pages answer 200 (an entry point redirects within the console); action URLs only take
    # POST (their behaviour is tested elsewhere).
    assert response.status_code in (200, 302, 405)
    if response.status_code == 302:
        assert response["Location"].startswith("/review/")
    if response.status_code == 405:
        assert response["Allow"] == "POST"


def test_review_pages_of_a_missing_campaign_are_404(reviewer_client):
    url = reverse("review_campaign", args=["00000000-0000-0000-0000-000000000000"])
    assert reviewer_client.get(url).status_code == 404


def test_review_appears_in_the_navigation_for_reviewers_only(reviewer_client, owner_client):
    queue = reverse("review_queue")
    assert f'href="{queue}"' in reviewer_client.get(reverse("home")).content.decode()
    assert f'href="{queue}"' not in owner_client.get(reverse("home")).content.decode()
