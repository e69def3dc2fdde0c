"""Reviewer console forms: queue and audit filters, notes, edits, appeals, customer messages."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import RegexValidator

from compliance.forms import cost_confirmation_field
from compliance.models import AuditEntry, Campaign, Organisation
from compliance.review import queue
from compliance.services import guardrails, partners
from compliance.services import review as services

AGES = [("", "Any age"), ("1", "Over 1 day"), ("3", "Over 3 days"), ("7", "Over a week")]
AGES += [("30", "Over a month")]
SORT_CHOICES = [
    ("oldest", "Oldest first"),
    ("newest", "Newest first"),
    ("organisation", "Organisation"),
    ("brand", "Brand"),
    ("status", "Status"),
]


class OrganisationField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            queryset=Organisation.objects.order_by("name"),
            to_field_name="public_id",
            required=False,
            empty_label="All organisations",
            **kwargs,
        )


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        choices=[("", "Everything that needs attention"), *queue.CATEGORIES], required=False
    )
    organisation = OrganisationField()
    usecase = forms.ChoiceField(label="Use case", required=False)
    age = forms.TypedChoiceField(
        label="Waiting", choices=AGES, coerce=int, empty_value=None, required=False
    )
    q = forms.CharField(
        label="Search", required=False, max_length=100, help_text="Brand name, campaign or TCR id"
    )
    sort = forms.ChoiceField(choices=SORT_CHOICES, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        usecases = (
            Campaign.objects.exclude(usecase="")
            .order_by("usecase")
            .values_list("usecase", flat=True)
            .distinct()
        )
        self.fields["usecase"].choices = [("", "All use cases")] + [(u, u) for u in usecases]

    def filters(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "category": data.get("status") or "",
            "organisation": data.get("organisation"),
            "usecase": data.get("usecase") or "",
            "older_than_days": data.get("age"),
            "search": (data.get("q") or "").strip(),
            "sort": data.get("sort") or "oldest",
        }


class AuditFilterForm(forms.Form):
    actor = forms.ModelChoiceField(
        queryset=get_user_model().objects.filter(is_staff=True).order_by("username"),
        to_field_name="username",
        required=False,
        empty_label="Anyone",
    )
    action = forms.ChoiceField(
        choices=[("", "Any action"), *AuditEntry.Action.choices], required=False
    )
    organisation = OrganisationField()
    since = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}), label="From"
    )
    until = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}), label="To"
    )

    def apply(self, entries):
        if not self.is_valid():
            return entries
        data = self.cleaned_data
        if data["actor"]:
            entries = entries.filter(actor=data["actor"])
        if data["action"]:
            entries = entries.filter(action=data["action"])
        if data["organisation"]:
            entries = entries.filter(organisation=data["organisation"])
        if data["since"]:
            entries = entries.filter(created_at__date__gte=data["since"])
        if data["until"]:
            entries = entries.filter(created_at__date__lte=data["until"])
        return entries


class NoteForm(forms.Form):
    body = forms.CharField(
        label="Internal note",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only reviewers see notes; the customer never does.",
    )


class MessageForm(forms.Form):
    title = forms.CharField(max_length=200, label="Subject")
    body = forms.CharField(
        label="Message to the customer", max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )


class DeclineForm(forms.Form):
    body = forms.CharField(
        label="Why not now, and what to change",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The customer reads this on the campaign's page and by e-mail.",
    )


class AppealForm(forms.Form):
    appeal_reason = forms.CharField(
        label="Appeal reason",
        max_length=services.MAX_APPEAL_CHARS,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=(
            f"At least {services.MIN_APPEAL_WORDS} words: what was fixed, or why the rejection "
            "is mistaken. Telnyx reads this."
        ),
    )

    override_reason = forms.CharField(
        label="Why appeal although the matched rules still fail?",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Only to override the rule checks; written to the audit trail.",
    )

    def __init__(self, *args, gated: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confirm_cost"] = cost_confirmation_field(guardrails.appeal_fee())
        if not gated:
            del self.fields["override_reason"]

    def clean_appeal_reason(self):
        reason = self.cleaned_data["appeal_reason"].strip()
        problem = services.appeal_reason_problem(reason)
        if problem:
            raise forms.ValidationError(problem)
        return reason


class AcceptSharingForm(forms.Form):
    """Accept a campaign a partner shared with Telnyx, by its TCR campaign id (capitals or not;
    checked against the spec's pattern before anything is sent)."""

    tcr_campaign_id = forms.CharField(
        label="TCR campaign id",
        max_length=9,
        help_text="The id the partner gave you, e.g. C26F1KLZN.",
    )

    def clean_tcr_campaign_id(self) -> str:
        value = self.cleaned_data["tcr_campaign_id"].strip().upper()
        RegexValidator(
            partners.TCR_CAMPAIGN_ID,
            "A TCR campaign id is a C followed by 5 to 8 capital letters or digits.",
        )(value)
        return value


class PartnerWebhooksForm(forms.Form):
    """Where Telnyx sends a partner campaign's status updates (the only editable fields)."""

    webhook_url = forms.URLField(label="Webhook URL", required=False, max_length=500)
    webhook_failover_url = forms.URLField(
        label="Failover webhook URL", required=False, max_length=500
    )


class AccountImportForm(forms.Form):
    """Import the deployment's Telnyx account's registrations into one organisation."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.order_by("name"),
        to_field_name="public_id",
        label="Into organisation",
        help_text="Brands, campaigns, vettings and number assignments this installation does "
        "not know yet are imported into it; nothing known elsewhere is moved.",
    )
