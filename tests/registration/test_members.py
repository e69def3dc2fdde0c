"""The members page: invitations (sent, opened, accepted, expired, revoked, resent), roles,
removal, handing over ownership, and the audit trail naming who did each."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from compliance.models import AuditEntry, Invitation, Membership
from compliance.services import members
from tests import factories
from tests.conftest import PASSWORD, verified_user

Role = Membership.Role


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _membership(user) -> Membership:
    """The user's one membership (read afresh), without `user.membership`: accounts are about
    to belong to several organisations."""
    return Membership.objects.get(user=user)


def _link(mail) -> str:
    """The invitation link of an e-mail, as a path."""
    url = re.search(r"https?://\S+/invitations/\S+/", mail.body).group(0)
    return "/" + url.split("/", 3)[3]


# Invitations are e-mailed once their transaction commits: the requests really commit here.
pytestmark = pytest.mark.django_db(transaction=True)


def _invite(owner_client, email="carol@example.com", role="member"):
    return owner_client.post(reverse("member_invite"), {"email": email, "role": role})


def test_the_page_lists_members_with_their_role_in_words(owner_client, teammate):
    page = owner_client.get(reverse("members")).content.decode()
    assert "alice (alice@example.com)" in page
    assert "bob (bob@example.com)" in page
    assert ">Owner<" in page and ">Member<" in page
    assert "What each role may do" in page


def test_an_invitation_is_emailed_with_a_link_that_expires(
    owner_client, organisation, mailoutbox, settings
):
    settings.INVITATION_EXPIRY_DAYS = 7
    response = _invite(owner_client)
    assert response.status_code == 302
    [mail] = mailoutbox
    assert mail.to == ["carol@example.com"]
    assert "alice (alice@example.com) invited you to Alice Bakery LLC" in mail.subject
    assert "as member" in mail.body
    invitation = Invitation.objects.get(organisation=organisation)
    assert invitation.expires_at - invitation.sent_at == timedelta(days=7)
    # Only the token's hash is stored: the link's secret is not in the database.
    token = _link(mail).split("/")[2]
    assert token not in invitation.token_hash
    assert members.invitation_for(token) == invitation
    page = owner_client.get(reverse("members")).content.decode()
    assert "carol@example.com" in page and "Send again" in page


def test_a_new_user_signs_up_from_the_link_and_joins(client, owner_client, mailoutbox):
    _invite(owner_client, role="viewer")
    link = _link(mailoutbox[0])
    page = client.get(link)
    assert page.status_code == 200
    assert "alice (alice@example.com) invited carol@example.com to join" in page.content.decode()
    # Opening the link proved the address: sign-up needs no organisation name nor a second
    # confirmation e-mail, and comes back to the invitation.
    signed_up = client.post(
        reverse("account_signup") + f"?next={link}",
        {
            "username": "carol",
            "email": "carol@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "organisation_name": "",
            "next": link,
        },
    )
    assert signed_up.status_code == 302, signed_up.content.decode()[:2000]
    assert signed_up["Location"] == link
    assert client.post(link).status_code == 302
    membership = Membership.objects.get(user__username="carol")
    assert membership.role == Role.VIEWER
    assert membership.organisation.name == "Alice Bakery LLC"
    assert Membership.objects.filter(user__username="carol").count() == 1
    joined = AuditEntry.objects.get(action=AuditEntry.Action.MEMBER_JOINED)
    assert joined.note.startswith("carol (carol@example.com) accepted the invitation of alice")


def test_sign_up_does_not_tell_who_was_invited(client, owner_client, mailoutbox):
    """An invited address signed up from a browser that never opened the link is asked for
    an organisation like anyone: leaving it empty cannot reveal an invitation."""
    _invite(owner_client)
    response = client.post(
        reverse("account_signup"),
        {
            "username": "carol",
            "email": "carol@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "organisation_name": "",
        },
    )
    assert response.status_code == 200
    assert "Name your organisation" in response.content.decode()
    assert not Membership.objects.filter(user__username="carol").exists()


def test_sign_up_still_asks_for_an_organisation_without_an_invitation(client):
    response = client.post(
        reverse("account_signup"),
        {
            "username": "dave",
            "email": "dave@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "organisation_name": "",
        },
    )
    assert response.status_code == 200
    assert "Name your organisation" in response.content.decode()


def test_an_expired_link_explains_itself(client, owner_client, mailoutbox):
    _invite(owner_client)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    page = client.get(_link(mailoutbox[0]))
    assert page.status_code == 410
    assert "has expired. Ask alice (alice@example.com) to send it again" in page.content.decode()


def test_a_revoked_link_explains_itself_and_resending_replaces_the_link(
    client, owner_client, organisation, mailoutbox
):
    _invite(owner_client)
    invitation = Invitation.objects.get()
    first = _link(mailoutbox[0])
    # Resending is limited: not again within minutes.
    owner_client.post(reverse("invitation_resend", args=[invitation.public_id]))
    assert len(mailoutbox) == 1
    Invitation.objects.update(sent_at=timezone.now() - timedelta(minutes=10))
    owner_client.post(reverse("invitation_resend", args=[invitation.public_id]))
    assert len(mailoutbox) == 2
    second = _link(mailoutbox[1])
    assert second != first
    assert "not valid" in client.get(first).content.decode()
    owner_client.post(reverse("invitation_revoke", args=[invitation.public_id]))
    page = client.get(second)
    assert page.status_code == 410
    assert "was withdrawn" in page.content.decode()
    notes = list(
        AuditEntry.objects.filter(organisation=organisation).values_list("note", flat=True)
    )
    assert "alice (alice@example.com) revoked the invitation to carol@example.com." in notes
    assert "alice (alice@example.com) sent the invitation to carol@example.com again." in notes


def test_a_member_of_another_organisation_joins_too_and_works_in_it_next(
    owner_client, outsider, organisation, mailoutbox
):
    """An agency's user belongs to several organisations: accepting adds this one and makes
    it the active one; a second acceptance of the same organisation is refused in words."""
    _invite(owner_client, email="mallory@example.com")
    mallory = _client(outsider)
    link = _link(mailoutbox[0])
    mallory.post(link)
    assert set(
        Membership.objects.filter(user=outsider).values_list("organisation__name", flat=True)
    ) == {"Other Org Inc", organisation.name}
    assert organisation.name in mallory.get(reverse("home"), follow=True).content.decode()


def test_someone_signed_in_with_another_address_cannot_accept(owner_client, mailoutbox, db):
    _invite(owner_client)
    stranger = verified_user("eve", "eve@example.com")
    page = _client(stranger).post(_link(mailoutbox[0])).content.decode()
    assert "sent to carol@example.com" in page
    assert not Membership.objects.filter(user=stranger).exists()


def test_roles_change_and_members_are_removed_with_the_trail_naming_who(
    owner_client, organisation, teammate
):
    membership = _membership(teammate)
    owner_client.post(reverse("member_role", args=[membership.public_id]), {"role": "admin"})
    membership.refresh_from_db()
    assert membership.role == Role.ADMIN
    owner_client.post(reverse("member_remove", args=[membership.public_id]))
    assert not Membership.objects.filter(pk=membership.pk).exists()
    page = owner_client.get(reverse("members")).content.decode()
    assert "alice (alice@example.com) changed bob (bob@example.com) from member to admin." in page
    assert "alice (alice@example.com) removed bob (bob@example.com) (admin)." in page


def test_the_owner_is_never_removed_nor_demoted(organisation, owner):
    admin = factories.member(organisation, Role.ADMIN, "adam")
    as_admin = _client(admin)
    ownership = _membership(owner)
    response = as_admin.post(reverse("member_remove", args=[ownership.public_id]), follow=True)
    assert "owns the organisation" in response.content.decode()
    as_admin.post(reverse("member_role", args=[ownership.public_id]), {"role": "viewer"})
    ownership.refresh_from_db()
    assert ownership.role == Role.OWNER


def test_the_owner_hands_the_organisation_over_after_a_confirmation(owner_client, owner, teammate):
    url = reverse("member_transfer", args=[_membership(teammate).public_id])
    page = owner_client.get(url).content.decode()
    assert "Make bob (bob@example.com) the owner of Alice Bakery LLC?" in page
    owner_client.post(url)
    assert _membership(teammate).role == Role.OWNER
    assert _membership(owner).role == Role.ADMIN
    entry = AuditEntry.objects.get(action=AuditEntry.Action.OWNER_TRANSFERRED)
    assert entry.actor == owner
    assert "handed the organisation over to bob (bob@example.com)" in entry.note
    # Now an admin, the former owner can no longer hand it over.
    assert owner_client.get(url).status_code == 403


def test_another_organisations_members_and_invitations_are_404(
    owner_client, outsider_client, teammate, mailoutbox
):
    _invite(owner_client)
    invitation = Invitation.objects.get()
    for url in (
        reverse("member_remove", args=[_membership(teammate).public_id]),
        reverse("member_transfer", args=[_membership(teammate).public_id]),
        reverse("invitation_revoke", args=[invitation.public_id]),
    ):
        assert outsider_client.post(url).status_code == 404


@pytest.mark.parametrize("role", [Role.MEMBER, Role.VIEWER])
def test_members_and_viewers_see_the_page_but_cannot_invite(organisation, role):
    user = factories.member(organisation, role, "someone")
    client = _client(user)
    page = client.get(reverse("members")).content.decode()
    assert "Only an owner or admin can invite people" in page
    assert "Send the invitation" not in page
    refused = client.post(reverse("member_invite"), {"email": "x@example.com", "role": "admin"})
    assert refused.status_code == 403
    words = refused.content.decode()
    assert f"As {role.label.lower()} of Alice Bakery LLC you cannot do this." in words
    assert "Ask an owner or admin to change the members." in words
    assert not Invitation.objects.exists()


def test_an_appeal_request_appears_in_the_trail_with_who_asked(
    organisation, owner, reviewer, make_submitted_campaign
):
    """With reviewers the request waits in their queue (no call to Telnyx here)."""
    from compliance.services import cases

    campaign = make_submitted_campaign(organisation)
    cases.request_appeal(campaign, owner, "We fixed the opt-in wording on the website.")
    words = [entry["words"] for entry in members.trail(organisation)]
    assert any(
        w.startswith("alice (alice@example.com): the customer asked for an appeal") for w in words
    ), words


def test_a_removed_member_invited_again_signs_in_and_joins(
    client, owner_client, teammate, mailoutbox
):
    owner_client.post(reverse("member_remove", args=[_membership(teammate).public_id]))
    _invite(owner_client, email="bob@example.com", role="admin")
    link = _link(mailoutbox[-1])
    # Not signed in: joining sends them to sign in first, and back.
    to_log_in = client.post(link)
    assert to_log_in["Location"] == f"{reverse('account_login')}?next={link}"
    signed_in = client.post(
        reverse("account_login"), {"login": "bob", "password": PASSWORD, "next": link}
    )
    assert signed_in["Location"] == link
    assert "Join Alice Bakery LLC" in client.get(link).content.decode()
    client.post(link)
    assert Membership.objects.get(user=teammate).role == Role.ADMIN
    # The link is used up.
    assert "was already accepted" in client.get(link).content.decode()


def test_the_invitation_email_speaks_to_someone_not_yet_a_member(owner_client, mailoutbox):
    _invite(owner_client)
    [mail] = mailoutbox
    html = mail.alternatives[0][0]
    for body in (mail.body, html):
        assert "alice (alice@example.com) entered your address" in body
        assert "you are a member of an organisation" not in body
        assert "Choose how we e-mail you" not in body
    assert "Accept the invitation" in html


def test_invitations_per_organisation_are_limited(owner_client, mailoutbox, monkeypatch):
    from compliance import ratelimit

    monkeypatch.setattr(
        ratelimit, "INVITATIONS_PER_ORGANISATION", ratelimit.Limit("invitations-test", 2, 3600)
    )
    for n in range(2):
        assert _invite(owner_client, email=f"guest{n}@example.com").status_code == 302
    refused = _invite(owner_client, email="guest3@example.com")
    assert "sent 2 invitations in the last 60 minutes" in refused.content.decode()
    assert len(mailoutbox) == 2
    assert not Invitation.objects.filter(email="guest3@example.com").exists()
