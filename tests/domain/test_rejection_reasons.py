"""Every format a rejection reason comes in, read into the rules it points at; and the
verdict under a rejection report: blocked, unchecked, unchanged or ready, never "everything
passes" while a reason is left unread."""

import pytest
from django.urls import reverse
from django.utils import timezone

from compliance import checks
from compliance.models import Campaign, CampaignEvent
from compliance.services import rejections
from compliance.services import review as services

LINKED_SAMPLE = "Alice Bakery: our menu is at https://alicebakery.example/menu. Reply STOP to end."


def ids(reason: checks.Reason) -> list[str]:
    return [r.id for r in reason.rules]


# -- reading reasons -------------------------------------------------------------------------
def test_a_failure_reasons_text_is_split_into_one_reason_each():
    reasons = checks.read_reasons(
        [
            "T5: no sample message names the brand; M2: embeddedLink does not match the samples",
            "Message flow does not explain how subscribers opt in\nno opt-out language",
        ]
    )
    assert [r.text for r in reasons] == [
        "T5: no sample message names the brand",
        "M2: embeddedLink does not match the samples",
        "Message flow does not explain how subscribers opt in",
        "no opt-out language",
    ]
    assert "S2" in ids(reasons[0]) and ids(reasons[1]) == ["S7"] and ids(reasons[3]) == ["S3"]


def test_the_same_reason_given_twice_is_read_once():
    assert len(checks.read_reasons(["Brand name missing", "Brand name missing."])) == 1


@pytest.mark.parametrize(
    ("text", "code", "rules"),
    [
        (
            "Error 601: Campaign attributes do not match the sample messages",
            "601",
            ["S7", "U1", "U2"],
        ),
        ("[2135] Opt-in instructions lack the message frequency", "2135", ["M3"]),
        ("Rejected (30892): public URL shortener", "30892", ["S6", "S13"]),
        ("SAMPLE_MESSAGE_MISMATCH", "SAMPLE_MESSAGE_MISMATCH", ["S2"]),
        ("CAMPAIGN_UNCLEAR - please describe the program", "CAMPAIGN_UNCLEAR", ["D2"]),
        ("DCA2 rejected with 701", "701", ["S9", "W5"]),
    ],
)
def test_a_published_code_picks_its_catalogue_entry(text, code, rules):
    (reason,) = checks.read_reasons([text])
    assert reason.published is not None and reason.published.code == code
    assert ids(reason) == rules


def test_a_published_reason_we_do_not_check_stays_unchecked():
    (reason,) = checks.read_reasons(["BRAND_NON_COMPLIANT_SWEEPSTAKES: the website runs contests"])
    assert reason.published.code == "BRAND_NON_COMPLIANT_SWEEPSTAKES"
    assert not reason.understood and not reason.resubmit


def test_free_text_is_matched_through_the_rules_phrases():
    (reason,) = checks.read_reasons(["Carrier: sample messages do not identify the brand"])
    assert ids(reason) == ["S2"] and reason.published is None


def test_a_reason_no_rule_covers_is_kept_and_not_understood():
    (reason,) = checks.read_reasons(["The website is under construction and shows no products"])
    assert reason.rules == () and not reason.understood


def test_brand_feedback_categories_are_read_through_the_catalogue():
    reasons = checks.read_brand_feedback(
        [
            {
                "id": "TAX_ID",
                "displayName": "Tax id",
                "description": "EIN and name differ",
                "fields": ["ein"],
            },
            {"id": "NONPROFIT", "displayName": "Non-profit", "description": "", "fields": []},
            {
                "id": "SOMETHING_NEW",
                "displayName": "New",
                "description": "A new category",
                "fields": [],
            },
        ]
    )
    assert [ids(r) for r in reasons] == [["B1", "B2"], [], []]
    assert reasons[0].text == "EIN and name differ"
    assert reasons[1].text == "Non-profit"  # the display name when no description is given
    assert reasons[2].text == "A new category"


def test_carrier_metadata_gives_the_reasons_the_campaign_breaks():
    metadata = {
        "10017": {"noEmbeddedLink": True, "reqSubscriberOptout": True},
        "10035": {"noEmbeddedLink": False, "noEmbeddedPhone": True},
    }
    reasons = checks.read_carrier_metadata(
        metadata, {"embeddedLink": True, "embeddedPhone": False, "subscriberOptout": False}
    )
    assert [(r.text, ids(r)) for r in reasons] == [
        ("At least one carrier takes no links in messages for this use case", ["S7"]),
        ("At least one carrier requires opt-out to be supported for this use case", ["K3"]),
    ]
    assert all(r.carrier for r in reasons)
    # Nothing to say when the campaign does what every carrier asks.
    assert checks.read_carrier_metadata(metadata, {"subscriberOptout": True}) == []


def test_every_catalogue_entry_has_a_source_and_words():
    for reason in checks.PUBLISHED.values():
        assert reason.sources and reason.says.endswith(".")


# -- the report on a rejected campaign -------------------------------------------------------
def _reject(campaign: Campaign, reasons: list[str], *, sent: dict | None = None) -> Campaign:
    Campaign.objects.filter(pk=campaign.pk).update(
        submitted_content=sent or rejections.snapshot(campaign),
        submitted_content_at=timezone.now(),
        failure_reasons=reasons,
    )
    campaign.refresh_from_db()
    return campaign


@pytest.fixture
def campaign(organisation, make_submitted_campaign):
    return make_submitted_campaign(organisation, campaign_status="MNO_REJECTED")


def test_a_locked_flag_that_still_fails_blocks_and_points_at_the_editable_way_out(
    owner_client, campaign
):
    Campaign.objects.filter(pk=campaign.pk).update(sample2=LINKED_SAMPLE, embedded_link=False)
    campaign.refresh_from_db()
    _reject(campaign, ["M2: embeddedLink does not match the samples (a sample has a link)"])
    report = rejections.rejection_report(campaign)
    assert report.verdict == "blocked" and report.failing_ids == ["S7"]
    (matched,) = report.matched
    assert matched.locked == ("Embedded link",)
    html = owner_client.get(reverse("campaign_detail", args=[campaign.public_id])).text
    row = html.split('id="matched-S7"')[1].split("</tr>")[0]
    assert "Embedded link cannot be changed once a campaign is submitted" in row
    assert "change the samples so they agree" in row


def test_a_rule_that_passes_on_content_unchanged_since_the_rejection_is_flagged(
    owner_client, campaign
):
    """The carrier says the samples lack the brand; our check disagrees; nothing changed."""
    _reject(campaign, ["Carrier: sample messages do not identify the brand"])
    report = rejections.rejection_report(campaign)
    assert report.verdict == "unchanged"
    assert [m.rule.id for m in report.unchanged] == ["S2"]
    html = owner_client.get(reverse("campaign_detail", args=[campaign.public_id])).text
    assert "the same content will likely be rejected again" in html
    assert "Every rule the rejection points at passes now" not in html


def test_a_reason_we_do_not_check_is_said_plainly_and_never_called_passing(owner_client, campaign):
    _reject(campaign, ["Brand name missing; The website is under construction"])
    Campaign.objects.filter(pk=campaign.pk).update(
        sample2="Alice Bakery: fresh bread today. Reply STOP to end."
    )
    campaign.refresh_from_db()
    report = rejections.rejection_report(campaign)
    assert report.verdict == "unchecked"
    assert [r.reason.text for r in report.unchecked] == ["The website is under construction"]
    html = owner_client.get(reverse("campaign_detail", args=[campaign.public_id])).text
    assert "We do not check for this reason yet" in html
    assert "1 of the reasons given is not something we check" in html
    assert "passes now, and the content it reads has changed" not in html


def test_a_reason_not_to_resubmit_keeps_the_appeal_closed(campaign):
    _reject(campaign, ["701: Prohibited content; cannabis"])
    assert services.appeal_gate(campaign) == ["701 (not to be resubmitted)"]


def test_a_fixed_and_changed_rule_opens_the_appeal(owner_client, campaign):
    sent = rejections.snapshot(campaign) | {"sample1": "Fresh bread today. Reply STOP to end."}
    _reject(campaign, ["Brand name missing from the sample messages"], sent=sent)
    report = rejections.rejection_report(campaign)
    assert report.verdict == "ready" and report.blockers == []
    html = owner_client.get(reverse("campaign_detail", args=[campaign.public_id])).text
    assert "passes now, and the content it reads has changed since" in html


def test_carrier_metadata_reasons_join_a_carrier_rejection(campaign):
    Campaign.objects.filter(pk=campaign.pk).update(
        mno_metadata={"10017": {"noEmbeddedLink": True}}, embedded_link=True, sample2=LINKED_SAMPLE
    )
    campaign.refresh_from_db()
    _reject(campaign, [])
    report = rejections.rejection_report(campaign)
    assert [r.reason.text for r in report.reasons] == [
        "At least one carrier takes no links in messages for this use case"
    ]
    html_reason = report.reasons[0]
    assert html_reason.reason.carrier and html_reason.matched[0].rule.id == "S7"


def test_an_appeal_turned_down_on_the_same_content_keeps_the_appeal_closed(campaign):
    sent = rejections.snapshot(campaign) | {"sample1": "Fresh bread today. Reply STOP to end."}
    _reject(campaign, [], sent=sent)
    appealed = timezone.now()
    Campaign.objects.filter(pk=campaign.pk).update(
        appealed_at=appealed,
        submitted_content=rejections.snapshot(campaign),
        submitted_content_at=appealed,
    )
    CampaignEvent.objects.create(
        campaign=campaign,
        kind=CampaignEvent.Kind.WEBHOOK,
        event_type="MNO_REVIEW",
        event_status="REJECTED",
        description="Appeal reviewed: brand name missing",
        from_status="MNO_PENDING",
        to_status="MNO_REJECTED",
    )
    campaign.refresh_from_db()
    report = rejections.rejection_report(campaign)
    assert report.turned_down_at is not None and report.nothing_changed
    assert report.blockers == ["the same content was already turned down on appeal"]
