"""Campaign builder forms (one per wizard step), the edit form and the steps that walk them.

Forms validate shape; the compliance rules live in compliance/checks.py and are shown next to
each field as findings; services act.
"""

from dataclasses import dataclass

from django import forms

from compliance.models import Campaign
from compliance.services import campaigns as services

TEXTAREA = forms.Textarea(attrs={"rows": 3})


class UsecaseForm(forms.Form):
    usecase = forms.ChoiceField(label="What will you send?", widget=forms.RadioSelect)

    def __init__(self, *args, usecases: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["usecase"].choices = [
            (u, f"{u.replace('_', ' ').title()} — {services.usecase_words(u)}") for u in usecases
        ]


class SubUsecasesForm(forms.Form):
    sub_usecases = forms.MultipleChoiceField(
        label="Which kinds of messages does it mix?", widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, usecases: list[str], low: int, high: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.low, self.high = low, high
        excluded = {"MIXED", "LOW_VOLUME", "SOLE_PROPRIETOR"}
        self.fields["sub_usecases"].choices = [
            (u, u.replace("_", " ").title()) for u in usecases if u not in excluded
        ]
        self.fields["sub_usecases"].help_text = f"Pick {low} to {high}."

    def clean_sub_usecases(self):
        chosen = self.cleaned_data["sub_usecases"]
        if not self.low <= len(chosen) <= self.high:
            raise forms.ValidationError(f"Pick between {self.low} and {self.high} kinds.")
        return chosen


class CampaignModelForm(forms.ModelForm):
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
        }


def step_form(*names: str) -> type[CampaignModelForm]:
    meta = type("Meta", (CampaignModelForm.Meta,), {"fields": names})
    return type("StepForm", (CampaignModelForm,), {"Meta": meta})


class EditForm(CampaignModelForm):
    class Meta(CampaignModelForm.Meta):
        fields = services.EDITABLE_FIELDS


@dataclass(frozen=True)
class Step:
    """One page of the builder: which draft fields it asks for and when it is done."""

    slug: str
    title: str
    fields: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    form_class: type | None = None
    help: str = ""

    def applies_to(self, campaign: Campaign) -> bool:
        if self.slug == "sub-usecases":
            q = services.qualification_of(campaign)
            return bool(q and q.max_sub_usecases)
        return True

    def is_complete(self, campaign: Campaign) -> bool:
        if self.slug == "usecase":
            return services.qualification_of(campaign) is not None
        if self.slug == "sub-usecases":
            return bool(campaign.sub_usecases)
        if self.slug == "review":
            return False
        return all(getattr(campaign, name) for name in self.required)


STEPS = (
    Step("usecase", "Use case", ("usecase",), help="Carriers price and review by use case."),
    Step("sub-usecases", "Kinds of messages", ("sub_usecases",)),
    Step("description", "Description", ("description",), ("description",)),
    Step("message-flow", "Consent", ("message_flow",), ("message_flow",)),
    Step(
        "samples",
        "Sample messages",
        ("sample1", "sample2", "sample3", "sample4", "sample5"),
        ("sample1", "sample2"),
    ),
    Step(
        "keywords",
        "Keywords and replies",
        (
            "optin_keywords",
            "optin_message",
            "optout_keywords",
            "optout_message",
            "help_keywords",
            "help_message",
        ),
        ("optout_keywords", "help_keywords", "help_message"),
    ),
    Step(
        "flags",
        "What the messages contain",
        (
            "embedded_link",
            "embedded_link_sample",
            "embedded_phone",
            "number_pool",
            "age_gated",
            "direct_lending",
            "subscriber_optin",
            "subscriber_optout",
            "subscriber_help",
            "terms_and_conditions",
        ),
    ),
    Step("links", "Privacy and terms", ("privacy_policy_link", "terms_and_conditions_link")),
    Step("review", "Review and submit"),
)
STEP_BY_SLUG = {step.slug: step for step in STEPS}


def steps_for(campaign: Campaign) -> list[Step]:
    return [step for step in STEPS if step.applies_to(campaign)]


def next_step(campaign: Campaign, after: Step) -> Step:
    steps = steps_for(campaign)
    index = steps.index(after) if after in steps else -1
    return steps[min(index + 1, len(steps) - 1)]


def first_incomplete(campaign: Campaign) -> Step:
    return next((s for s in steps_for(campaign) if not s.is_complete(campaign)), STEPS[-1])


def form_for(step: Step, campaign: Campaign, data=None):
    """The step's form (None for the review step)."""
    if step.slug == "usecase":
        usecases = services.usecases()
        if campaign.brand.is_sole_proprietor:
            usecases = ["SOLE_PROPRIETOR"]
        else:
            usecases = [u for u in usecases if u != "SOLE_PROPRIETOR"]
        return UsecaseForm(data, usecases=usecases, initial={"usecase": campaign.usecase})
    if step.slug == "sub-usecases":
        q = services.qualification_of(campaign)
        return SubUsecasesForm(
            data,
            usecases=services.usecases(),
            low=q.min_sub_usecases,
            high=q.max_sub_usecases,
            initial={"sub_usecases": campaign.sub_usecases},
        )
    if step.fields:
        return step_form(*step.fields)(data, instance=campaign)
    return None
