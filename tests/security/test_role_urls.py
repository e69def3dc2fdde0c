"""Every customer URL, read from the URL configuration, visited by an owner, an admin, a
member and a viewer of the organisation, with GET and POST: allowed or a 403 in plain words,
as the rights of compliance/roles.py say. A new URL fails here until it is given the right
its changes need (POST_NEEDS below), so no view is left without a role check."""

import pytest
from django.test import Client

from compliance.models import Membership
from compliance.roles import RIGHTS, Capability
from tests import factories

from .test_tenancy_urls import url_for
from .urlwalk import customer_routes

Role = Membership.Role
ROLES = (Role.VIEWER, Role.MEMBER, Role.ADMIN, Role.OWNER)  # the least allowed first
VIEW, EDIT, BILLABLE, WITHDRAW, MEMBERS, TRANSFER = (
    Capability.VIEW,
    Capability.EDIT,
    Capability.SUBMIT_BILLABLE,
    Capability.WITHDRAW,
    Capability.MANAGE_MEMBERS,
    Capability.TRANSFER_OWNERSHIP,
)

# What a POST to each customer URL needs (a GET needs only to be a member, but where
# GET_NEEDS says otherwise). Written here, apart from the views, on purpose.
POST_NEEDS = {
    "home": VIEW,
    # Switching to another of one's organisations and adding one act on the user, not on
    # the active organisation: any member may.
    "switch_organisation": VIEW,
    "new_organisation": VIEW,
    # The organisation's own Telnyx account: every member looks, the owner changes it.
    "telnyx_account": Capability.CONNECT_TELNYX_ACCOUNT,
    "telnyx_account_check": Capability.CONNECT_TELNYX_ACCOUNT,
    "telnyx_account_start_import": Capability.CONNECT_TELNYX_ACCOUNT,
    "telnyx_account_import": VIEW,
    "telnyx_account_disconnect": Capability.CONNECT_TELNYX_ACCOUNT,
    "members": VIEW,
    "member_invite": MEMBERS,
    "member_role": MEMBERS,
    "member_remove": MEMBERS,
    "member_transfer": TRANSFER,
    "invitation_resend": MEMBERS,
    "invitation_revoke": MEMBERS,
    "brand_list": VIEW,
    "brand_new": EDIT,
    "brand_delete_drafts": EDIT,
    "brand_detail": VIEW,
    "brand_status": VIEW,
    "brand_wizard": EDIT,
    "brand_wizard_step": EDIT,
    "brand_validate_field": EDIT,
    "brand_action": VIEW,  # the walk's action is "refresh": reading the status again
    "brand_delete": WITHDRAW,
    "brand_otp": VIEW,
    "brand_otp_send": EDIT,
    "brand_otp_verify": EDIT,
    "brand_vetting": BILLABLE,  # a POST without "kind" orders a vetting
    "campaign_list": VIEW,
    "campaign_new": EDIT,
    "campaign_detail": VIEW,
    "campaign_resume": VIEW,
    "campaign_clone": EDIT,
    "campaign_step": EDIT,
    "campaign_checks": EDIT,
    "campaign_refresh": VIEW,
    "campaign_edit": VIEW,
    "campaign_edit_step": EDIT,
    "campaign_edit_checks": EDIT,
    "campaign_deactivate": WITHDRAW,
    "campaign_message": EDIT,
    "campaign_appeal_request": BILLABLE,
    "number_list": VIEW,
    "number_export": VIEW,
    "number_sync": EDIT,
    "number_statuses": VIEW,
    "bulk_start": EDIT,
    "bulk_detail": VIEW,
    "bulk_retry": EDIT,
    "bulk_confirm": EDIT,
    "bulk_cancel": EDIT,
    "number_import": EDIT,
    "profile_list": EDIT,
    "profile_detail": EDIT,
    "profile_task": VIEW,
    "test_message": EDIT,
    "test_message_detail": VIEW,
    "number_detail": VIEW,
    "number_unassign_confirm": VIEW,
    "number_action": EDIT,
    "notifications": VIEW,
    "email_preferences": VIEW,  # one's own e-mail choice
    "notifications_read_all": VIEW,
    "notification_read": VIEW,
    "fee_ledger": VIEW,
    "fee_ledger_export": VIEW,
    "site_check_brand": VIEW,
    "site_check_brand_run": EDIT,
    "site_check_campaign": VIEW,
    "site_check_campaign_run": EDIT,
    "campaign_texts": VIEW,
    "campaign_texts_hosted": EDIT,
}
# Confirmation pages of what only some roles may do.
GET_NEEDS = {
    "member_transfer": TRANSFER,
    "telnyx_account_disconnect": Capability.CONNECT_TELNYX_ACCOUNT,
}

ROUTES = customer_routes()

# The table of rights itself, spelled out: changing who may do what changes this test.
ALLOWED = {
    VIEW: {Role.OWNER, Role.ADMIN, Role.MEMBER, Role.VIEWER},
    EDIT: {Role.OWNER, Role.ADMIN, Role.MEMBER},
    BILLABLE: {Role.OWNER, Role.ADMIN},
    WITHDRAW: {Role.OWNER, Role.ADMIN},
    MEMBERS: {Role.OWNER, Role.ADMIN},
    Capability.REQUIRE_TWO_FACTOR: {Role.OWNER},
    TRANSFER: {Role.OWNER},
    Capability.CONNECT_TELNYX_ACCOUNT: {Role.OWNER},
}


def test_the_rights_are_as_written_down():
    assert {cap: set(right.roles) for cap, right in RIGHTS.items()} == ALLOWED


def test_every_customer_url_has_its_right_written_here():
    names = {route.name for route in ROUTES}
    assert names - set(POST_NEEDS) == set(), "add the new URL's right to POST_NEEDS"
    assert set(POST_NEEDS) - names == set(), "a URL in POST_NEEDS no longer exists"


def _clients(organisation) -> dict:
    clients = {}
    for role in ROLES:
        if role == Role.OWNER:
            user = organisation.memberships.get(role=Role.OWNER).user
        else:
            user = factories.member(organisation, role, f"{role}-user")
        client = Client()
        client.force_login(user)
        clients[role] = client
    return clients


def _expect(response, role, needed, what):
    if role in ALLOWED[needed]:
        assert response.status_code != 403, f"{what} as {role}: refused, but {needed} allows it"
    else:
        assert response.status_code == 403, f"{what} as {role}: allowed without {needed}"
        words = response.content.decode()
        assert "you cannot do this" in words and "Ask an" in words, words[:500]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("route", [r for r in ROUTES if r.name in POST_NEEDS], ids=str)
def test_each_role_is_allowed_or_refused_on_every_url(route, telnyx_sandbox, organisation):
    clients = _clients(organisation)
    for method, needed in (
        ("get", GET_NEEDS.get(route.name, VIEW)),
        ("post", POST_NEEDS[route.name]),
    ):
        for role in ROLES:
            url = url_for(route, organisation)  # fresh objects: an earlier POST changes none
            response = getattr(clients[role], method)(url)
            if response.status_code == 405:
                continue  # the view takes this method from no one
            _expect(response, role, needed, f"{method.upper()} {url}")


# -- confirmations that charge a fee, where one view serves editing and confirming -----------
@pytest.mark.django_db(transaction=True)
def test_a_member_edits_a_brand_draft_but_only_an_admin_confirms_its_fee(
    telnyx_sandbox, organisation, settings
):
    from django.urls import reverse

    settings.TELNYX_MOCK_BRANDS = False  # a real registration: it has a fee to confirm
    clients = _clients(organisation)
    for role in ROLES:
        brand = factories.draft_brand(organisation)
        edit = reverse("brand_wizard_step", args=[brand.public_id, "identity"])
        confirm = reverse("brand_wizard_step", args=[brand.public_id, "review"])
        _expect(clients[role].post(edit), role, EDIT, f"POST {edit}")
        review = clients[role].get(confirm)
        assert review.status_code == 200
        if role in ALLOWED[BILLABLE]:
            assert "Only an owner or admin can confirm" not in review.content.decode()
        else:
            assert "Only an owner or admin can confirm" in review.content.decode()
        _expect(clients[role].post(confirm), role, BILLABLE, f"POST {confirm}")


@pytest.mark.django_db(transaction=True)
def test_a_member_edits_a_campaign_draft_but_only_an_admin_submits_it(telnyx_sandbox, organisation):
    from django.urls import reverse

    from compliance.models import Campaign

    clients = _clients(organisation)
    brand = factories.registered_brand(organisation)
    for role in ROLES:
        campaign = Campaign.objects.create(
            organisation=organisation, brand=brand, usecase="CUSTOMER_CARE"
        )
        edit = reverse("campaign_step", args=[campaign.public_id, "usecase"])
        confirm = reverse("campaign_step", args=[campaign.public_id, "review"])
        _expect(clients[role].post(edit), role, EDIT, f"POST {edit}")
        _expect(clients[role].post(confirm), role, BILLABLE, f"POST {confirm}")


@pytest.mark.django_db
def test_only_the_owner_requires_two_factor_for_everyone(organisation):
    from django.urls import reverse

    clients = _clients(organisation)
    for role in ROLES:
        response = clients[role].post(reverse("account_require_two_factor"), {"require": "off"})
        _expect(response, role, Capability.REQUIRE_TWO_FACTOR, "POST require two-factor")


@pytest.mark.django_db
def test_an_htmx_refusal_reloads_the_page_with_the_words(organisation):
    """htmx swaps nothing on a 403: the refusal comes back as a message after a reload."""
    from django.urls import reverse

    viewer = _clients(organisation)[Role.VIEWER]
    brand = factories.draft_brand(organisation)
    url = reverse("brand_wizard_step", args=[brand.public_id, "identity"])
    response = viewer.post(url, headers={"HX-Request": "true"})
    assert response.status_code == 403
    assert response["HX-Refresh"] == "true"
    page = viewer.get(url).content.decode()
    assert "As viewer of Alice Bakery LLC you cannot do this." in page


@pytest.mark.django_db
def test_a_viewer_is_told_on_a_draft_that_nothing_is_saved(organisation):
    from django.urls import reverse

    clients = _clients(organisation)
    brand = factories.draft_brand(organisation)
    url = reverse("brand_wizard_step", args=[brand.public_id, "identity"])
    assert "You look only here (viewer)" in clients[Role.VIEWER].get(url).content.decode()
    assert "You look only here" not in clients[Role.MEMBER].get(url).content.decode()


@pytest.mark.django_db
def test_a_viewer_sees_no_button_it_cannot_use(organisation):
    """The buttons of a change are not offered to a viewer (the server refuses them anyway)."""
    from django.urls import reverse

    from .factories import phone_number

    clients = _clients(organisation)
    number = phone_number(organisation)
    url = reverse("number_detail", args=[number.public_id])
    assert ">Assign</button>" not in clients[Role.VIEWER].get(url).content.decode()
    assert ">Assign</button>" in clients[Role.MEMBER].get(url).content.decode()
    numbers = clients[Role.VIEWER].get(reverse("number_list")).content.decode()
    assert "Refresh from Telnyx" not in numbers
    brands = clients[Role.VIEWER].get(reverse("brand_list")).content.decode()
    assert "Register a brand" not in brands and "You look only here" in brands


@pytest.mark.parametrize("name", ["profile_list", "profile_detail", "number_import"])
def test_a_viewer_is_shown_no_form_of_a_change_only_why(name, organisation):
    """The forms a viewer could only be refused on are not offered: the page says they look
    only, and who can help."""
    from django.urls import reverse

    from tests.security import factories as security_factories

    args = [security_factories.profile(organisation).public_id] if name == "profile_detail" else []
    viewer = Client()
    viewer.force_login(factories.member(organisation, Role.VIEWER, "vic"))

    def main(client) -> str:  # the page's own content, without the header's log-out form
        html = client.get(reverse(name, args=args)).content.decode()
        return html.partition("<main")[2].partition("</main>")[0]

    page = main(viewer)
    assert 'id="looks-only"' in page and "Ask an owner or admin" in page
    assert '<form method="post"' not in page
    editor = Client()
    editor.force_login(factories.member(organisation, Role.MEMBER, "mo"))
    assert '<form method="post"' in main(editor)
