"""A user of several organisations (an agency registering brands for its clients): the active
organisation is kept per session and checked against the user's memberships, named on every
page, switched from the header or the account page, and each organisation's data, e-mails and
rules stay its own."""

import html
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from compliance import accounts
from compliance.models import Membership, Organisation
from compliance.services import notifications
from compliance.tenancy import ACTIVE_ORGANISATION_KEY
from tests import factories
from tests.conftest import give_authenticator

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_co(owner) -> Organisation:
    """Alice (the owner) also registers brands for a client: Client Co, which she owns."""
    return accounts.found_organisation(owner, "Client Co")


def _switch(client, organisation, **data):
    return client.post(reverse("switch_organisation", args=[organisation.public_id]), data)


def _text(response) -> str:
    """The page as the user reads it (apostrophes unescaped)."""
    return html.unescape(response.content.decode())


def _working_in(page: str) -> str:
    """The organisation the header names as the active one."""
    marker = "data-active-organisation>"
    assert marker in page, "every page names the active organisation"
    return page.split(marker, 1)[1].split("<", 1)[0]


# -- the active organisation --------------------------------------------------------------------
def test_a_user_starts_in_the_organisation_they_joined_first(owner_client, organisation, client_co):
    page = _text(owner_client.get(reverse("home")))
    assert _working_in(page) == "Alice Bakery LLC"


def test_switching_changes_what_every_list_shows(owner_client, organisation, client_co):
    factories.registered_brand(organisation, display_name="Alice's own brand")
    factories.registered_brand(client_co, display_name="Client's brand")
    factories.live_campaign(client_co, description="The client's live campaign texts offers.")

    mine = _text(owner_client.get(reverse("brand_list")))
    assert "Alice's own brand" in mine and "Client's brand" not in mine

    response = _switch(owner_client, client_co)
    assert response.status_code == 302 and response["Location"] == reverse("home")
    for name in ("home", "brand_list", "campaign_list", "number_list", "fee_ledger", "account"):
        page = _text(owner_client.get(reverse(name)))
        assert _working_in(page) == "Client Co", name
    theirs = _text(owner_client.get(reverse("brand_list")))
    assert "Client's brand" in theirs and "Alice's own brand" not in theirs


def test_a_new_session_starts_where_the_user_left_off(owner, owner_client, organisation, client_co):
    from django.test import Client

    _switch(owner_client, client_co)
    owner_client.logout()

    again = Client()
    again.force_login(owner)
    assert _working_in(_text(again.get(reverse("home")))) == "Client Co"


def test_a_lost_membership_falls_back_to_another_on_the_next_request(
    owner, owner_client, organisation, client_co
):
    _switch(owner_client, client_co)
    Membership.objects.filter(user=owner, organisation=client_co).delete()

    page = owner_client.get(reverse("brand_list"))
    assert page.status_code == 200
    assert _working_in(_text(page)) == "Alice Bakery LLC"
    assert owner_client.session[ACTIVE_ORGANISATION_KEY] == str(organisation.public_id)


def test_switching_to_an_organisation_one_does_not_belong_to_is_a_404(
    owner_client, organisation, outsider
):
    theirs = factories.organisation_of(outsider)
    assert _switch(owner_client, theirs).status_code == 404
    assert owner_client.session.get(ACTIVE_ORGANISATION_KEY) != str(theirs.public_id)
    page = _text(owner_client.get(reverse("home")))
    assert _working_in(page) == "Alice Bakery LLC" and "Other Org Inc" not in page


def test_switching_is_a_post_only(owner_client, client_co):
    url = reverse("switch_organisation", args=[client_co.public_id])
    assert owner_client.get(url).status_code == 405


def test_a_switch_returns_only_to_a_page_of_this_site(owner_client, client_co):
    brand = factories.registered_brand(client_co)
    path = reverse("brand_detail", args=[brand.public_id])
    assert _switch(owner_client, client_co, next=path)["Location"] == path
    for elsewhere in ("https://evil.example/", "//evil.example/x", "javascript:alert(1)"):
        assert _switch(owner_client, client_co, next=elsewhere)["Location"] == reverse("home")


# -- the header ---------------------------------------------------------------------------------
def test_the_switcher_appears_only_for_a_user_of_several(owner, owner_client, organisation):
    page = _text(owner_client.get(reverse("home")))
    assert _working_in(page) == "Alice Bakery LLC"
    assert "org-switcher" not in page

    client_co = accounts.found_organisation(owner, "Client Co")
    page = _text(owner_client.get(reverse("brand_list")))
    assert "org-switcher" in page and _working_in(page) == "Alice Bakery LLC"
    switch = reverse("switch_organisation", args=[client_co.public_id])
    assert f'action="{switch}"' in page and "csrfmiddlewaretoken" in page
    assert reverse("new_organisation") in page


# -- adding an organisation ---------------------------------------------------------------------
def test_adding_an_organisation_makes_its_owner_work_in_it(owner, owner_client, organisation):
    form = owner_client.get(reverse("new_organisation"))
    assert form.status_code == 200 and "Organisation name" in _text(form)

    response = owner_client.post(reverse("new_organisation"), {"name": "  Bob's Bikes  "})

    assert response.status_code == 302 and response["Location"] == reverse("home")
    added = Organisation.objects.get(name="Bob's Bikes")
    assert Membership.objects.get(user=owner, organisation=added).role == Membership.Role.OWNER
    page = _text(owner_client.get(reverse("home")))
    assert _working_in(page) == "Bob's Bikes" and "you are its owner" in page
    assert Membership.objects.filter(user=owner).count() == 2  # Alice Bakery stays hers


def test_an_organisation_needs_a_name(owner_client, owner):
    response = owner_client.post(reverse("new_organisation"), {"name": "   "})
    assert response.status_code == 200 and "This field is required" in _text(response)
    assert Membership.objects.filter(user=owner).count() == 1


def test_the_account_page_lists_every_organisation_with_its_role(
    owner, owner_client, organisation, outsider
):
    theirs = factories.organisation_of(outsider)
    Membership.objects.create(user=owner, organisation=theirs, role=Membership.Role.MEMBER)
    page = _text(owner_client.get(reverse("account")))
    assert "Alice Bakery LLC</strong> (owner)" in page
    assert "Other Org Inc</strong> (member)" in page
    assert "You are working in it" in page
    assert reverse("switch_organisation", args=[theirs.public_id]) in page


# -- another of the user's organisations' rows -----------------------------------------------------
def test_an_object_of_another_of_ones_organisations_offers_the_switch(
    owner_client, organisation, client_co
):
    brand = factories.registered_brand(client_co, display_name="Client's brand")
    url = reverse("brand_detail", args=[brand.public_id])

    response = owner_client.get(url)

    assert response.status_code == 404  # never shown under Alice Bakery
    page = _text(response)
    assert "This is in Client Co" in page and "Client's brand" not in page
    assert f'name="next" value="{url}"' in page

    switched = _switch(owner_client, client_co, next=url)
    assert switched["Location"] == url
    opened = owner_client.get(url)
    assert opened.status_code == 200 and "Client's brand" in _text(opened)


def test_an_unknown_address_is_a_plain_404_page(owner_client):
    response = owner_client.get("/no-such-page/")
    assert response.status_code == 404
    page = _text(response)
    assert "Page not found" in page and _working_in(page) == "Alice Bakery LLC"


# -- members, e-mails and rules of each organisation ---------------------------------------------
def test_notifications_reach_every_member_of_the_organisation_and_name_it(
    owner, teammate, organisation, client_co, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notifications.notify(client_co, "Campaign: Live", "It is live.")
    assert [m.to for m in mail.outbox] == [[owner.email]]  # the teammate is not in Client Co
    assert "In Client Co." in mail.outbox[0].body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notifications.notify(organisation, "Brand: Verified")
    assert sorted(m.to[0] for m in mail.outbox) == [owner.email, teammate.email]


def test_the_bell_and_the_list_follow_the_active_organisation(
    owner_client, organisation, client_co
):
    notifications.notify(organisation, "Alice's news")
    notifications.notify(client_co, "The client's news")

    page = _text(owner_client.get(reverse("notifications")))
    assert "Alice's news" in page and "The client's news" not in page
    _switch(owner_client, client_co)
    page = _text(owner_client.get(reverse("notifications")))
    assert "The client's news" in page and "Alice's news" not in page


def test_the_digest_covers_every_organisation_and_names_each(owner, organisation, client_co):
    notifications.set_delivery(owner, "daily")
    notifications.notify(organisation, "Alice's news")
    notifications.notify(client_co, "The client's news")

    assert notifications.send_digests(now=timezone.now() + timedelta(days=1, minutes=1)) == 1

    body = mail.outbox[-1].body
    assert "Alice's news (Alice Bakery LLC)" in body and "The client's news (Client Co)" in body


def test_deleting_is_refused_for_any_organisation_one_alone_owns_with_live_campaigns(
    owner, owner_client, organisation, client_co
):
    factories.live_campaign(client_co)
    refusal = accounts.deletion_refusal(owner)
    assert refusal is not None and "only owner of Client Co" in refusal
    assert "Alice Bakery LLC" not in refusal  # no live campaign there
    with pytest.raises(ValueError):
        accounts.delete_account(owner)

    Membership.objects.create(
        user=_other_owner(),
        organisation=client_co,
        role=Membership.Role.OWNER,
    )
    assert accounts.deletion_refusal(owner) is None


def _other_owner():
    from tests.conftest import verified_user

    return verified_user("olga", "olga@example.com")


def test_two_factor_required_by_one_organisation_holds_while_working_in_it(
    owner, owner_client, organisation, client_co
):
    client_co.require_two_factor = True
    client_co.save()

    assert owner_client.get(reverse("brand_list")).status_code == 200  # in Alice Bakery
    _switch(owner_client, client_co)
    response = owner_client.get(reverse("brand_list"))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
    # Switching back stays possible without it (the account pages are open).
    assert _switch(owner_client, organisation).status_code == 302
    assert owner_client.get(reverse("brand_list")).status_code == 200

    give_authenticator(owner)
    _switch(owner_client, client_co)
    assert owner_client.get(reverse("brand_list")).status_code == 200


def test_an_owners_settings_apply_to_the_organisation_they_own(
    owner, owner_client, organisation, outsider
):
    """Alice is a plain member of Other Org: working in it, she cannot change its rules."""
    theirs = factories.organisation_of(outsider)
    Membership.objects.create(user=owner, organisation=theirs, role=Membership.Role.MEMBER)
    give_authenticator(owner)
    _switch(owner_client, theirs)
    assert (
        owner_client.post(reverse("account_require_two_factor"), {"require": "on"}).status_code
        == 403
    )
    theirs.refresh_from_db()
    assert not theirs.require_two_factor

    _switch(owner_client, organisation)
    owner_client.post(reverse("account_require_two_factor"), {"require": "on"})
    organisation.refresh_from_db()
    assert organisation.require_two_factor


def test_a_poll_left_open_after_switching_reloads_its_page(owner_client, organisation, client_co):
    """A number page of Alice Bakery polls its live status; Alice switches to Client Co in
    another tab: the poll answers 404 and asks htmx to reload the page, which then offers the
    switch back instead of going on polling into the void."""
    number = factories.phone_number(organisation, profile=factories.messaging_profile(organisation))
    poll = reverse("number_statuses") + f"?scope=number:{number.public_id}&seen="
    assert owner_client.get(poll, headers={"HX-Request": "true"}).status_code == 200

    _switch(owner_client, client_co)
    response = owner_client.get(poll, headers={"HX-Request": "true"})

    assert response.status_code == 404 and response["HX-Refresh"] == "true"
    page = _text(owner_client.get(reverse("number_detail", args=[number.public_id])))
    assert "This is in Alice Bakery LLC" in page


def test_adding_organisations_is_limited_per_hour(owner, owner_client):
    from compliance import ratelimit

    limit = ratelimit.NEW_ORGANISATIONS_PER_USER
    for n in range(limit.limit):
        assert (
            owner_client.post(reverse("new_organisation"), {"name": f"Client {n}"}).status_code
            == 302
        )
    response = owner_client.post(reverse("new_organisation"), {"name": "One too many"})
    assert response.status_code == 429 and "Please wait 60 minutes" in _text(response)
    assert not Organisation.objects.filter(name="One too many").exists()
    assert Membership.objects.filter(user=owner).count() == limit.limit + 1
    ratelimit.reset(limit, str(owner.pk))
