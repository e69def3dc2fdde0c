"""Regression tests for the outside tester's findings (issue 20), one per finding, named for
what now holds. Findings 9 (webhook input) are in tests/webhooks/test_webhooks_hostile_input.py."""

import pytest
from django.urls import reverse

from compliance import ratelimit
from compliance.models import MessagingProfile, PhoneNumber
from tests import factories
from tests.hosted.test_hosted_pages import opt_in_url
from tests.registration.test_rate_limits import (  # the documented limits
    LOGIN_PER_ACCOUNT,
    LOGIN_PER_ADDRESS,
    SIGNUP_PER_ADDRESS,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_limits():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


# -- finding 10: an empty or JSON POST once over the limit is a 429 with words, not a 500 ------
@pytest.mark.parametrize("body", [{}, None])
def test_sign_up_over_its_limit_answers_429_to_an_empty_or_json_post(client, body):
    for _ in range(SIGNUP_PER_ADDRESS):
        client.post(reverse("account_signup"), {"username": ""})
    if body is None:
        response = client.post(reverse("account_signup"), "{}", content_type="application/json")
    else:
        response = client.post(reverse("account_signup"), body)
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()


def test_the_public_opt_in_over_its_limit_answers_429_to_an_empty_post(client, organisation):
    from compliance.services.hosted import ensure_hosted_pages

    brand = factories.registered_brand(organisation)
    ensure_hosted_pages(brand)
    for _ in range(ratelimit.OPT_IN_PER_IP.limit):
        client.post(opt_in_url(brand), {"phone": ""})
    response = client.post(opt_in_url(brand), {})
    assert response.status_code == 429
    assert "Too many sign-ups" in response.content.decode()


# -- finding 11: the numbers CSV never writes a live spreadsheet formula ----------------------
def test_the_numbers_csv_writes_formula_like_cells_as_text(owner_client, organisation):
    profile = MessagingProfile.objects.create(
        organisation=organisation,
        telnyx_id="p-1",
        name='=HYPERLINK("https://evil.example","click")',
    )
    PhoneNumber.objects.create(
        organisation=organisation, phone_number="+13125550111", profile=profile
    )
    response = owner_client.get(reverse("number_export"))
    body = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in body
    assert ",=HYPERLINK" not in body and '"=HYPERLINK' not in body


# -- finding 12: signed-in pages and the CSV are never cached ----------------------------------
@pytest.mark.parametrize("name", ["brand_list", "campaign_list", "number_export", "home"])
def test_signed_in_pages_and_exports_are_not_cached(owner_client, name):
    response = owner_client.get(reverse(name))
    assert "no-store" in response.headers.get("Cache-Control", "")
    assert "private" in response.headers.get("Cache-Control", "")


def test_public_pages_keep_their_own_caching(client):
    response = client.get(reverse("rules"))
    assert "no-store" not in response.headers.get("Cache-Control", "")


# -- finding 6: a line break in a name or title never breaks notifications ---------------------
def test_a_line_break_in_a_reviewer_message_title_is_sent_as_one_line(
    reviewer_client, organisation, owner, django_capture_on_commit_callbacks
):
    from django.core import mail

    from compliance.models import Notification

    campaign = factories.live_campaign(organisation)
    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer_client.post(
            reverse("review_message", args=[campaign.public_id]),
            {"title": "Please fix\r\nthe samples", "body": "Sample 2 does not name the brand."},
        )
    assert response.status_code in (200, 302)
    notification = Notification.objects.get(campaign=campaign)
    assert "\n" not in notification.title and "\r" not in notification.title
    assert mail.outbox and "\n" not in mail.outbox[-1].subject


def test_a_line_break_in_a_brand_name_does_not_stop_the_webhook_notices(
    organisation, owner, django_capture_on_commit_callbacks
):
    from django.core import mail

    from compliance.lifecycle import CampaignStatus
    from compliance.models import Brand, CampaignEvent, Notification
    from compliance.services.webhooks import apply_campaign_status

    campaign = factories.submitted_campaign(organisation, status="MNO_PENDING")
    Brand.objects.filter(pk=campaign.brand_id).update(display_name="Alice\nBakery")
    campaign.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        apply_campaign_status(
            campaign,
            CampaignStatus.MNO_PROVISIONED,
            kind=CampaignEvent.Kind.RECONCILE,
            authoritative=True,
        )
    notification = Notification.objects.get(campaign=campaign)
    assert "\n" not in notification.title
    assert all("\n" not in m.subject for m in mail.outbox)


# -- finding 1: the admin has no sign-in of its own: staff sign in through the app (allauth's
# rate limits, then the two-factor code) -----------------------------------------------------
def test_the_admin_sign_in_sends_staff_to_the_apps_sign_in(client):
    response = client.get(reverse("admin:login") + "?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")
    response = client.post(reverse("admin:login"), {"username": "rita", "password": "x"})
    assert response.status_code == 302 and "_auth_user_id" not in client.session


def test_admin_login_is_refused_after_five_wrong_passwords_even_with_the_right_one(client):
    from tests.conftest import verified_user

    user = verified_user("rita", "rita@example.com", is_staff=True)
    user.set_password("right-password-42")
    user.save()
    url = reverse("account_login")
    for _ in range(LOGIN_PER_ACCOUNT):
        assert client.post(url, {"login": "rita", "password": "wrong"}).status_code == 200
    response = client.post(url, {"login": "rita", "password": "right-password-42"})
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


# -- finding 5: limits key on the client behind a trusted proxy, and count failures only -------
def test_clients_behind_the_trusted_proxy_have_their_own_sign_in_limits(client, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    url = reverse("account_login")
    for n in range(LOGIN_PER_ADDRESS):
        client.post(
            url,
            {"login": f"nobody-{n}", "password": "wrong"},
            REMOTE_ADDR="10.0.0.5",
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    blocked = client.post(
        url,
        {"login": "another", "password": "wrong"},
        REMOTE_ADDR="10.0.0.5",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    other_client = client.post(
        url,
        {"login": "another", "password": "wrong"},
        REMOTE_ADDR="10.0.0.5",
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert "Too many failed login attempts" in blocked.content.decode()
    assert "Too many failed login attempts" not in other_client.content.decode()
    assert "not correct" in other_client.content.decode()  # a wrong password, not a shared limit


def test_a_forwarded_header_from_an_untrusted_address_is_ignored(rf, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    spoofed = rf.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.1")
    proxied = rf.get("/", REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR="198.51.100.1, 10.4.4.4")
    assert ratelimit.client_ip(spoofed) == "203.0.113.9"
    assert ratelimit.client_ip(proxied) == "198.51.100.1"


def test_successful_sign_ins_do_not_count_towards_the_address_limit(client, owner):
    from tests.conftest import PASSWORD

    for _ in range(LOGIN_PER_ADDRESS + 2):
        response = client.post(
            reverse("account_login"), {"login": owner.username, "password": PASSWORD}
        )
        assert response.status_code == 302
        client.logout()


def test_a_burst_on_one_brands_opt_in_page_does_not_block_another_brands(client, organisation):
    from compliance.services.hosted import ensure_hosted_pages

    first = factories.registered_brand(organisation)
    second = factories.registered_brand(organisation, display_name="Other Bakery")
    ensure_hosted_pages(first)
    ensure_hosted_pages(second)
    for _ in range(ratelimit.OPT_IN_PER_IP.limit + 1):
        client.post(opt_in_url(first), {"phone": ""})
    assert client.post(opt_in_url(first), {}).status_code == 429
    assert client.post(opt_in_url(second), {}).status_code == 200


# -- issue 19.7: the reviewer's menu leads only where a reviewer can go -------------------------
def test_every_link_on_the_reviewers_pages_opens(reviewer_client):
    import re

    page = reviewer_client.get(reverse("review_queue")).content.decode()
    links = sorted(
        {href for href in re.findall(r'href="(/[^"#?]*)"', page) if not href.startswith("/static")}
    )
    assert links
    broken = {}
    for href in links:
        status = reviewer_client.get(href).status_code
        if status >= 400:
            broken[href] = status
    assert broken == {}
    assert 'href="/brands/"' not in page  # a reviewer has no brands of their own
