"""Forms shared by the customer screens and the reviewer console."""

from django import forms
from django.core.validators import MaxLengthValidator

from compliance.models import Campaign
from compliance.services import campaigns as campaign_services
from compliance.services import review as review_services
from compliance.services.guardrails import Fee
from compliance.telnyx.fields import REQUEST_RULES

TEXTAREA = forms.Textarea(attrs={"rows": 3})

COST_NOT_CONFIRMED = "Tick the box to confirm that you accept the cost; nothing was sent."


def cost_confirmation_field(fee: Fee) -> forms.BooleanField:
    """The unticked "I understand this costs …" box a billable action requires."""
    return forms.BooleanField(
        label=fee.confirmation + ".",
        required=True,
        error_messages={"required": COST_NOT_CONFIRMED},
    )


def apply_spec_limits(form: forms.BaseForm, body: str, wire_names: dict[str, str]) -> None:
    """Give the form's text fields the maxLength the spec sets on `body` (REQUEST_RULES,
    generated from 10dlc-openapi.json) where the model allows more: the form refuses what
    Telnyx would, next to the field, and the browser stops the typing there."""
    rules = REQUEST_RULES[body]
    for name, field in form.fields.items():
        limit = rules.get(wire_names.get(name, name), {}).get("maxLength")
        if limit is None or not isinstance(field, forms.CharField):
            continue
        if field.max_length is None or field.max_length > limit:
            field.max_length = limit
            field.validators.append(MaxLengthValidator(limit))
            field.widget.attrs["maxlength"] = str(limit)


class CostConfirmationForm(forms.Form):
    """The cost box of a billable action; an action that costs nothing has no box."""

    def __init__(self, *args, fee: Fee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fee = fee
        if not fee.is_free:
            self.fields["confirm_cost"] = cost_confirmation_field(fee)


class CampaignModelForm(forms.ModelForm):
    """A campaign's content fields with the words the customer and the reviewer read."""

    class Meta:
        model = Campaign
        fields: tuple = ()
        widgets = {
            name: TEXTAREA
            for name in (
                "description",
                "message_flow",
                "sample1",
                "sample2",
                "sample3",
                "sample4",
                "sample5",
                "optin_message",
                "optout_message",
                "help_message",
            )
        }
        labels = {
            "description": "Describe the campaign: who sends what, to whom, and why",
            "message_flow": "How do people agree to receive these messages?",
            "sample1": "Sample message 1",
            "sample2": "Sample message 2",
            "sample3": "Sample message 3 (optional)",
            "sample4": "Sample message 4 (optional)",
            "sample5": "Sample message 5 (optional)",
            "optin_keywords": "Opt-in keywords (comma-separated)",
            "optout_keywords": "Opt-out keywords (comma-separated)",
            "help_keywords": "Help keywords (comma-separated)",
            "embedded_link": "Messages contain links",
            "embedded_link_sample": "An example link",
            "embedded_phone": "Messages contain phone numbers",
            "number_pool": "Sends from a pool of more than 49 numbers",
            "age_gated": "Age-gated content (alcohol, tobacco …)",
            "direct_lending": "Direct lending or loan arrangements",
            "subscriber_optin": "Subscribers opt in",
            "subscriber_optout": "Subscribers can opt out",
            "subscriber_help": "Subscribers can ask for help",
            "terms_and_conditions": "I agree to the carriers' terms and conditions",
            "privacy_policy_link": "Privacy policy link",
            "terms_and_conditions_link": "Terms and conditions link",
            "campaign_verify_token": "Campaign Verify token of the political committee",
        }


class CampaignEditForm(CampaignModelForm):
    """The fields Telnyx lets anyone change on a submitted campaign (PUT): the customer's
    edit page and the reviewer's edit use this one form."""

    class Meta(CampaignModelForm.Meta):
        fields = campaign_services.EDITABLE_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_spec_limits(self, "UpdateCampaignRequest", campaign_services.CONTENT_FIELDS)


class CaseMessageForm(forms.Form):
    """A message in a campaign's case conversation (the customer's or the reviewer's)."""

    body = forms.CharField(
        label="Your message", max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AppealRequestForm(forms.Form):
    """The customer asks for an appeal; `fee` given when it goes straight to Telnyx (no
    reviewer on this installation), so the cost is confirmed first."""

    explanation = forms.CharField(
        label="What changed, or why the rejection is mistaken",
        max_length=1024,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="At least 5 words. Telnyx's reviewers read this with the appeal.",
    )

    def __init__(self, *args, fee: Fee | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if fee is not None:
            self.fields["confirm_cost"] = cost_confirmation_field(fee)

    def clean_explanation(self) -> str:
        explanation = self.cleaned_data["explanation"].strip()
        problem = review_services.appeal_reason_problem(explanation)
        if problem:
            raise forms.ValidationError(problem)
        return explanation
