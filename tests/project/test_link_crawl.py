"""Every link a user can follow answers: starting from the home page, each kind of user
(anonymous, customer, reviewer) follows every same-site link on every page it reaches and
finds no 4xx or 5xx. Links are GETs; forms (log out, delete, submit) are not followed. The
admin is Django's own and not crawled; the sandbox is a development tool."""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.test import Client

from compliance.models import CaseMessage
from compliance.services import notifications
from tests.factories import (
    draft_brand,
    live_campaign,
    messaging_profile,
    phone_number,
    registered_brand,
    submitted_campaign,
)

pytestmark = pytest.mark.django_db(transaction=True)

SKIPPED_PREFIXES = ("/admin/", "/sandbox/", "/static/", "/accounts/logout/")
MAX_PAGES = 400
MAX_QUERY_VARIANTS = 3  # ?page=, ?status=, ?sort= of one page: a few of each path suffice


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def crawl(client: Client, start: str = "/") -> dict[str, int]:
    """path → status of every page reached by links from `start`; a redirect's target is
    followed like a link."""
    seen: dict[str, int] = {}
    variants: dict[str, int] = {}
    queue = deque([start])
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        if response.status_code in (301, 302, 303, 307, 308):
            queue.append(_local(url, response["Location"]) or "")
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        parser = _Links()
        parser.feed(response.content.decode())
        for href in parser.hrefs:
            target = _local(url, href)
            if not target or target in seen or target.startswith(SKIPPED_PREFIXES):
                continue
            path = urlsplit(target).path
            if "?" in target:
                variants[path] = variants.get(path, 0) + 1
                if variants[path] > MAX_QUERY_VARIANTS:
                    continue
            queue.append(target)
    seen.pop("", None)
    return seen


def _local(base: str, href: str) -> str | None:
    """The same-site path (with its query) an href leads to; None for another site, mailto:…"""
    absolute = urljoin("http://testserver" + base, urldefrag(href)[0])
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _broken(pages: dict[str, int]) -> list[str]:
    return [f"{status} {url}" for url, status in sorted(pages.items()) if status >= 400]


@pytest.fixture
def world(organisation, owner, telnyx_sandbox):
    """Something behind every link: brands in every state, a live, a rejected and a draft
    campaign, numbers, a profile, a notification per object and a case message."""
    brand = registered_brand(organisation, display_name="Alice Bakery")
    registered_brand(organisation, identity_status="UNVERIFIED", display_name="Unverified Co")
    draft_brand(organisation, display_name="Half done", entity_type="PRIVATE_PROFIT")
    live = live_campaign(organisation, brand=brand, usecase="CUSTOMER_CARE")
    rejected = submitted_campaign(
        organisation, brand=brand, status="MNO_REJECTED", failure_reasons=["Opt-in unclear"]
    )
    submitted_campaign(organisation, brand=brand, status="MNO_PENDING")
    profile = messaging_profile(organisation, name="Order alerts")
    phone_number(organisation, profile=profile, campaign=live, assignment_status="ASSIGNED")
    phone_number(organisation, assignment_status="FAILED_ASSIGNMENT", failure_reasons="Taken")
    notifications.notify(organisation, "Live", campaign=live)
    notifications.notify(organisation, "Rejected", campaign=rejected)
    notifications.notify_reviewers(organisation, "Rejected", campaign=rejected)
    CaseMessage.objects.create(campaign=rejected, author=owner, body="Why was it rejected?")
    return {"live": live, "rejected": rejected}


def test_an_anonymous_visitor_finds_no_broken_link(world):
    pages = crawl(Client())
    assert _broken(pages) == []
    assert "/accounts/login/" in {url.split("?")[0] for url in pages}


def test_a_customer_finds_no_broken_link(world, owner_client):
    pages = crawl(owner_client)
    assert _broken(pages) == []
    reached = {url.split("?")[0] for url in pages}
    assert f"/campaigns/{world['rejected'].public_id}/" in reached
    assert "/notifications/settings/" in reached
    assert len(reached) > 25


def test_a_reviewer_finds_no_broken_link(world, reviewer_client):
    pages = crawl(reviewer_client)
    assert _broken(pages) == []
    reached = {url.split("?")[0] for url in pages}
    assert f"/review/campaigns/{world['rejected'].public_id}/" in reached
