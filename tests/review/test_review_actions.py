"""Reviewer actions through the console: claims, notes, customer messages, and the audit
trail they leave (append-only, also in the admin)."""

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from compliance.models import AuditEntry, AuditTrailIsAppendOnly, Notification, ReviewClaim
from compliance.services import review as services
from tests.conftest import PASSWORD, give_authenticator
from tests.factories import organisation_of


@pytest.fixture
def campaign(organisation, make_submitted_campaign):
    return make_submitted_campaign(organisation, campaign_status="MNO_REJECTED")


@pytest.fixture
def second_reviewer(reviewer, django_user_model):
    user = django_user_model.objects.create_user("sam", "sam@example.com", PASSWORD, is_staff=True)
    user.groups.add(*reviewer.groups.all())
    give_authenticator(user)  # reviewers must have two-factor sign-in
    return user


@pytest.fixture
def second_reviewer_client(second_reviewer):
    client = Client()
    client.force_login(second_reviewer)
    return client


def url(name, campaign):
    return reverse(name, args=[campaign.public_id])


def test_claim_then_release_is_audited_with_before_and_after(reviewer_client, reviewer, campaign):
    response = reviewer_client.post(url("review_claim", campaign), follow=True)
    assert "Claimed by <strong>rita</strong>" in response.content.decode()
    assert ReviewClaim.objects.get(campaign=campaign, released_at=None).reviewer == reviewer

    reviewer_client.post(url("review_unclaim", campaign))
    assert not ReviewClaim.objects.filter(campaign=campaign, released_at=None).exists()

    claim_entry, release_entry = AuditEntry.objects.order_by("id")
    assert (claim_entry.action, claim_entry.actor, claim_entry.campaign) == (
        "claim",
        reviewer,
        campaign,
    )
    assert claim_entry.before == {"claimed_by": None}
    assert claim_entry.after == {"claimed_by": "rita"}
    assert claim_entry.organisation == campaign.organisation
    assert release_entry.action == "unclaim"
    assert release_entry.before == {"claimed_by": "rita"}
    assert release_entry.after == {"claimed_by": None}


def test_a_second_reviewer_cannot_claim_a_claimed_campaign(
    reviewer_client, second_reviewer_client, reviewer, campaign
):
    reviewer_client.post(url("review_claim", campaign))
    response = second_reviewer_client.post(url("review_claim", campaign), follow=True)
    assert "rita already claimed this campaign" in response.content.decode()
    assert ReviewClaim.objects.get(campaign=campaign, released_at=None).reviewer == reviewer
    assert AuditEntry.objects.filter(action="claim").count() == 1


def test_a_second_reviewer_cannot_release_someone_elses_claim(
    reviewer_client, second_reviewer_client, reviewer, campaign
):
    reviewer_client.post(url("review_claim", campaign))
    response = second_reviewer_client.post(url("review_unclaim", campaign), follow=True)
    assert "Only rita can release their claim" in response.content.decode()
    assert ReviewClaim.objects.filter(campaign=campaign, released_at=None).exists()


def test_claiming_twice_is_one_claim(reviewer_client, campaign):
    reviewer_client.post(url("review_claim", campaign))
    reviewer_client.post(url("review_claim", campaign))
    assert ReviewClaim.objects.filter(campaign=campaign).count() == 1
    assert AuditEntry.objects.filter(action="claim").count() == 1


def test_the_database_allows_one_active_claim_per_campaign(reviewer, second_reviewer, campaign):
    from django.db import IntegrityError, transaction

    ReviewClaim.objects.create(campaign=campaign, reviewer=reviewer)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewClaim.objects.create(campaign=campaign, reviewer=second_reviewer)


def test_released_claims_stay_as_history_and_the_campaign_can_be_claimed_again(
    reviewer_client, second_reviewer_client, second_reviewer, campaign
):
    reviewer_client.post(url("review_claim", campaign))
    reviewer_client.post(url("review_unclaim", campaign))
    second_reviewer_client.post(url("review_claim", campaign))
    assert ReviewClaim.objects.filter(campaign=campaign).count() == 2
    assert ReviewClaim.objects.get(campaign=campaign, released_at=None).reviewer == second_reviewer


def test_acting_on_a_campaign_someone_else_claimed_warns(
    reviewer_client, second_reviewer_client, campaign
):
    reviewer_client.post(url("review_claim", campaign))
    page = second_reviewer_client.get(url("review_campaign", campaign)).content.decode()
    assert "you are acting on a campaign someone else is working on" in page

    response = second_reviewer_client.post(
        url("review_note", campaign), {"body": "Looked at the samples too."}, follow=True
    )
    assert "you are acting on a campaign someone else is working on" in response.content.decode()
    assert campaign.review_notes.count() == 1  # warned, not blocked


def test_notes_are_audited_and_never_shown_to_the_customer(
    reviewer_client, reviewer, owner, campaign
):
    body = "Customer keeps using bit.ly links; asked them twice."
    response = reviewer_client.post(url("review_note", campaign), {"body": body}, follow=True)
    assert body in response.content.decode()

    entry = AuditEntry.objects.get(action="note")
    assert (entry.actor, entry.after, entry.before) == (reviewer, {"note": body}, {})
    # Nothing the customer can read carries the note: no notification, no message.
    assert not Notification.objects.filter(body__contains="bit.ly").exists()
    assert services.appeal_state(campaign) is None


def test_an_empty_note_is_refused_on_the_page(reviewer_client, campaign):
    response = reviewer_client.post(url("review_note", campaign), {"body": ""})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not AuditEntry.objects.exists()


def test_messaging_the_customer_notifies_their_organisation_and_is_audited(
    reviewer_client,
    reviewer,
    owner,
    owner_client,
    campaign,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        reviewer_client.post(
            url("review_message", campaign),
            {"title": "Your campaign needs a fix", "body": "Name your brand in every sample."},
        )
    notification = Notification.objects.get(title="Your campaign needs a fix")
    assert notification.organisation == campaign.organisation
    assert notification.audience == Notification.Audience.CUSTOMER
    assert notification.campaign == campaign
    assert [m.to for m in mailoutbox] == [[owner.email]]
    entry = AuditEntry.objects.get(action="message")
    assert entry.actor == reviewer
    assert entry.after == {
        "title": "Your campaign needs a fix",
        "body": "Name your brand in every sample.",
    }
    page = owner_client.get(reverse("notifications")).content.decode()
    assert "Name your brand in every sample." in page


def test_audit_entries_cannot_be_changed(reviewer, campaign):
    services.add_note(campaign, reviewer, "First look.")
    entry = AuditEntry.objects.get()
    entry.note = "rewritten"
    with pytest.raises(AuditTrailIsAppendOnly):
        entry.save()
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).update(note="rewritten")
    entry.refresh_from_db()
    assert entry.note == ""


def test_audit_entries_cannot_be_deleted(reviewer, campaign):
    services.add_note(campaign, reviewer, "First look.")
    entry = AuditEntry.objects.get()
    with pytest.raises(AuditTrailIsAppendOnly):
        entry.delete()
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.count() == 1


def test_an_audited_campaign_cannot_be_deleted_with_its_trail(reviewer, campaign):
    from django.db.models import ProtectedError

    services.add_note(campaign, reviewer, "First look.")
    with pytest.raises(ProtectedError):
        campaign.delete()


def test_the_admin_shows_the_audit_trail_read_only(rf, reviewer, campaign, admin_user):
    services.add_note(campaign, reviewer, "First look.")
    model_admin = admin.site._registry[AuditEntry]
    request = rf.get("/")
    request.user = admin_user
    entry = AuditEntry.objects.get()
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, entry)
    assert not model_admin.has_delete_permission(request, entry)


def test_the_admin_refuses_to_change_or_delete_an_entry(admin_client, reviewer, campaign):
    services.add_note(campaign, reviewer, "First look.")
    entry = AuditEntry.objects.get()
    change = reverse("admin:compliance_auditentry_change", args=[entry.pk])
    assert admin_client.get(change).status_code == 200  # view only
    assert "Save" not in admin_client.get(change).content.decode()
    admin_client.post(change, {"note": "rewritten"})
    delete = reverse("admin:compliance_auditentry_delete", args=[entry.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    entry.refresh_from_db()
    assert entry.note == "" and AuditEntry.objects.count() == 1


def test_campaign_audit_page_lists_its_entries_with_before_and_after(
    reviewer_client, reviewer, organisation, make_submitted_campaign, campaign
):
    other = make_submitted_campaign(organisation, campaign_status="TELNYX_FAILED")
    services.claim(campaign, reviewer)
    services.add_note(other, reviewer, "Other campaign's note.")
    page = reviewer_client.get(url("review_campaign_audit", campaign)).content.decode()
    assert "Claimed" in page and "claimed_by" in page and "rita" in page
    assert "Other campaign&#x27;s note." not in page


def test_global_audit_page_filters_by_actor_action_organisation_and_date(
    reviewer_client,
    reviewer,
    second_reviewer,
    outsider,
    make_submitted_campaign,
    campaign,
):
    from django.utils import timezone

    foreign = make_submitted_campaign(organisation_of(outsider))
    services.add_note(campaign, reviewer, "Note by rita on alice.")
    services.add_note(foreign, second_reviewer, "Note by sam on other.")
    services.claim(foreign, second_reviewer)
    audit = reverse("review_audit")

    def shown(**query):
        return reviewer_client.get(audit, query).content.decode()

    assert "Note by rita on alice." in shown() and "Note by sam on other." in shown()
    page = shown(actor="sam")
    assert "Note by sam on other." in page and "Note by rita on alice." not in page
    page = shown(action="claim")
    assert "Claimed" in page and "Note by sam" not in page
    page = shown(organisation=campaign.organisation.public_id)
    assert "Note by rita on alice." in page and "Note by sam on other." not in page
    today = timezone.now().date().isoformat()
    assert "Note by rita on alice." in shown(since=today, until=today)
    assert "No entries." in shown(since="2999-01-01")


def test_a_reviewer_reads_a_campaigns_sharing_and_registry_details_only_when_asked(
    telnyx, reviewer_client, organisation, make_campaign
):
    """GET /10dlc/campaign/{id}/sharing and /osr/attributes: read on request, in plain words;
    the review page itself does not call Telnyx for them."""
    campaign = make_campaign("MNO_PROVISIONED")
    page = reviewer_client.get(url("review_campaign", campaign)).content.decode()
    assert url("review_campaign_registry", campaign) in page
    details = reviewer_client.get(url("review_campaign_registry", campaign)).content.decode()
    assert "Not shared with a partner" in details or "with partner" in details
    assert "carriers' registry" in details
