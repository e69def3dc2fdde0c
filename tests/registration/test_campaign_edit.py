"""Editing a submitted campaign in steps (registration/campaign_edit.py): what is typed is kept
between steps and sent only at the end, the last step shows what changes, the checks and the
locked fields with the way out; what blocks an edit and what does not."""

from django.urls import reverse

from compliance.services import campaigns as services

LINKED = (
    "Alice Bakery: our autumn menu is up at https://alicebakery.example/menu, order ahead for "
    "pickup today. Reply STOP to opt out."
)
UNLINKED = {
    "sample2": "Alice Bakery: our pumpkin pies are back in store today. Reply STOP to end.",
    "embedded_link": False,
}


def step(campaign, name):
    return reverse("campaign_edit_step", args=[campaign.public_id, name])


def test_typed_changes_are_kept_between_steps_and_shown_before_saving(
    owner_client, organisation, make_submitted_campaign
):
    campaign = make_submitted_campaign(organisation, campaign_status="MNO_REJECTED", **UNLINKED)
    new_flow = campaign.message_flow + " The sign-up form is on our website."
    owner_client.post(step(campaign, "samples"), {"sample1": campaign.sample1, "sample2": LINKED})
    owner_client.post(step(campaign, "consent"), {"message_flow": new_flow})
    # Back on the first step, what was typed is there; nothing reached the campaign yet.
    assert LINKED in owner_client.get(step(campaign, "samples")).text
    campaign.refresh_from_db()
    assert campaign.sample2 != LINKED
    review = owner_client.get(step(campaign, "review")).text
    assert "Step 4 of 4" in review
    changes = review.split('id="edit-changes"')[1].split("</table>")[0]
    assert "Sample message 2" in changes and "Consent description" in changes
    assert "Sample message 1" not in changes
    # The link in the sample disagrees with the locked flag: the checks say so before saving.
    assert "S7" in review


def test_the_last_step_lists_the_locked_fields_with_the_way_out(
    owner_client, organisation, make_submitted_campaign
):
    campaign = make_submitted_campaign(organisation, campaign_status="MNO_REJECTED")
    review = owner_client.get(step(campaign, "review")).text
    locked = review.split('id="locked-fields"')[1].split("</details>")[0]
    assert "Telnyx locks these once a campaign is submitted" in locked
    assert "Embedded link" in locked and "Use case" in locked and "Marketing" in locked
    assert reverse("campaign_clone", args=[campaign.public_id]) in locked
    assert "Sample message 1" not in locked  # editable fields are not locked
    # Nothing to save yet.
    assert 'value="save" disabled' in review


def test_discarding_forgets_the_changes(owner_client, organisation, make_submitted_campaign):
    campaign = make_submitted_campaign(organisation, campaign_status="MNO_REJECTED")
    owner_client.post(step(campaign, "samples"), {"sample1": campaign.sample1, "sample2": LINKED})
    response = owner_client.post(step(campaign, "review"), {"action": "discard"})
    assert response.url == reverse("campaign_detail", args=[campaign.public_id])
    assert LINKED not in owner_client.get(step(campaign, "samples")).text


def test_a_deactivated_or_unsubmitted_campaign_cannot_be_edited(
    owner_client, organisation, make_submitted_campaign
):
    from django.utils import timezone

    campaign = make_submitted_campaign(organisation, deactivated_at=timezone.now())
    response = owner_client.get(step(campaign, "samples"), follow=True)
    assert "Only a submitted, active campaign can be edited" in response.text


def test_an_error_in_a_locked_field_does_not_block_fixing_the_samples(
    organisation, make_submitted_campaign
):
    """The flag says links, no sample has one (S7 on embeddedLink, locked): a sample fix that
    leaves the flag as it was may still be saved; the way out for the flag is a copy."""
    campaign = make_submitted_campaign(organisation, **(UNLINKED | {"embedded_link": True}))
    assert any(f.rule == "S7" for f in services.findings(campaign))
    fixed = {"sample1": "Alice Bakery: 20% off all croissants this weekend. Reply STOP to end."}
    assert services.edit_blockers(campaign, fixed) == []


def test_an_edit_that_introduces_an_error_in_a_locked_field_is_blocked(
    organisation, make_submitted_campaign
):
    campaign = make_submitted_campaign(organisation, **UNLINKED)
    blockers = services.edit_blockers(campaign, {"sample2": LINKED})
    assert [f.rule for f in blockers] == ["S7"]


def test_only_changed_fields_are_edits(organisation, make_submitted_campaign):
    campaign = make_submitted_campaign(organisation)
    values = {name: getattr(campaign, name) for name in services.EDITABLE_FIELDS}
    assert services.edit_changes(campaign, values) == {}
    assert services.edit_changes(campaign, values | {"sample4": "", "sample1": "New"}) == {
        "sample1": "New"
    }
