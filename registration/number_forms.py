"""Forms of the numbers screens: they validate; compliance.services.numbers acts."""

from django import forms

from compliance import lifecycle, presentation
from compliance.models import Campaign, MessagingProfile
from compliance.services.numbers import NumberError, normalise_e164

SORTS = {
    "number": "phone_number",
    "-number": "-phone_number",
    "status": "assignment_status",
    "-status": "-assignment_status",
    "profile": "profile__name",
    "-profile": "-profile__name",
}
NOT_ASSIGNED = "none"


class NumberFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Search digits", max_length=20)
    profile = forms.ModelChoiceField(
        queryset=MessagingProfile.objects.none(), required=False, to_field_name="public_id"
    )
    campaign = forms.ModelChoiceField(
        queryset=Campaign.objects.none(), required=False, to_field_name="public_id"
    )
    status = forms.ChoiceField(
        required=False,
        choices=[("", "Any status"), (NOT_ASSIGNED, "Not assigned")]
        + [
            (s.value, presentation.assignment_status(s.value).label)
            for s in lifecycle.AssignmentStatus
        ],
    )
    sort = forms.ChoiceField(required=False, choices=[(k, k) for k in SORTS])

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["profile"].queryset = MessagingProfile.objects.for_organisation(organisation)
        self.fields["campaign"].queryset = (
            Campaign.objects.for_organisation(organisation)
            .filter(campaign_id__isnull=False)
            .select_related("brand")
        )

    def filter(self, numbers):
        """The numbers matching the (valid) filter, sorted."""
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("q"):
            digits = "".join(ch for ch in data["q"] if ch.isdigit())
            numbers = numbers.filter(phone_number__contains=digits)
        if data.get("profile"):
            numbers = numbers.filter(profile=data["profile"])
        if data.get("campaign"):
            numbers = numbers.filter(telnyx_campaign_id=data["campaign"].campaign_id)
        if data.get("status") == NOT_ASSIGNED:
            numbers = numbers.filter(assignment_status="")
        elif data.get("status"):
            numbers = numbers.filter(assignment_status=data["status"])
        return numbers.order_by(SORTS.get(data.get("sort") or "number"), "id")


class CampaignChoiceForm(forms.Form):
    campaign = forms.ModelChoiceField(
        queryset=Campaign.objects.none(),
        to_field_name="public_id",
        empty_label=None,
        help_text="Only campaigns the carriers have provisioned can carry traffic.",
    )

    def __init__(self, *args, campaigns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns


class BulkAssignForm(CampaignChoiceForm):
    """The numbers screen's bulk action bar: assign, move or unassign the selected numbers
    (or all matching the filter). Assign and move need a campaign; unassign does not."""

    ACTIONS = ("assign", "move", "unassign")

    action = forms.ChoiceField(
        choices=[(a, a.capitalize()) for a in ACTIONS], initial="assign", required=False
    )
    numbers: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        queryset=None, required=False, to_field_name="public_id"
    )
    all_matching = forms.BooleanField(required=False, label="All numbers matching the filter")

    def __init__(self, *args, numbers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["numbers"].queryset = numbers
        self.fields["campaign"].required = False
        self.fields["campaign"].label = "Campaign (to assign or move to)"

    def clean(self):
        data = super().clean()
        data["action"] = data.get("action") or "assign"
        if not data.get("all_matching") and not data.get("numbers"):
            raise forms.ValidationError("Select numbers, or choose all matching the filter.")
        if data["action"] != "unassign" and not data.get("campaign"):
            self.add_error("campaign", "Choose the campaign to assign or move the numbers to.")
        return data


class NumberImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="Columns phone_number and campaign_id (the export has both; edit and send "
        "it back). Up to 10,000 rows.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 2_000_000:
            raise forms.ValidationError("The file is larger than 2 MB; split it.")
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError("Save the file as CSV (UTF-8) and try again.") from exc


class MessagingProfileForm(forms.Form):
    name = forms.CharField(max_length=200)
    whitelisted_destinations = forms.CharField(
        initial="US",
        help_text="Countries this profile may text, as ISO codes separated by commas (US, CA).",
    )

    def clean_whitelisted_destinations(self):
        codes = [
            c.strip().upper() for c in self.cleaned_data["whitelisted_destinations"].split(",")
        ]
        codes = [c for c in codes if c]
        if not codes or any(len(c) != 2 or not c.isalpha() for c in codes):
            raise forms.ValidationError("Write two-letter country codes, e.g. US, CA.")
        return codes


class TestMessageForm(forms.Form):
    __test__ = False

    from_number: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=None, to_field_name="public_id", label="From", empty_label=None
    )
    to = forms.CharField(label="To", max_length=20, help_text="e.g. +13125550199")
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=300,
        initial="Test message from Tendlc. Reply STOP to opt out.",
    )

    def __init__(self, *args, numbers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from_number"].queryset = numbers

    def clean_to(self):
        try:
            return normalise_e164(self.cleaned_data["to"])
        except NumberError as exc:
            raise forms.ValidationError(exc.message) from exc
