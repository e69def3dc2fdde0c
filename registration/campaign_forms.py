"""Campaign builder forms (one per wizard step), the edit form and the steps (walked by
registration/wizard.py).

Forms validate shape; the compliance rules live in compliance/checks/ and are shown next to
each field as findings; services act.
"""

from django import forms

from compliance import lifecycle
from compliance.forms import CampaignModelForm
from compliance.models import Campaign
from compliance.services import campaigns as services
from compliance.services.sitecheck import request_site_check
from registration.wizard import Step, Wizard


class UsecaseForm(forms.Form):
    usecase = forms.ChoiceField(label="What will you send?", widget=forms.RadioSelect)

    def __init__(self, *args, usecases: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["usecase"].choices = [  # type: ignore[attr-defined]  # a ChoiceField
            (u, f"{lifecycle.usecase_label(u)} — {services.usecase_words(u)}") for u in usecases
        ]


class SubUsecasesForm(forms.Form):
    sub_usecases = forms.MultipleChoiceField(
        label="Which kinds of messages does it mix?", widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, usecases: list[str], low: int, high: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.low, self.high = low, high
        excluded = {"MIXED", "LOW_VOLUME", "SOLE_PROPRIETOR"}
        self.fields["sub_usecases"].choices = [  # type: ignore[attr-defined]  # a ChoiceField
            (u, lifecycle.usecase_label(u)) for u in usecases if u not in excluded
        ]
        self.fields["sub_usecases"].help_text = f"Pick {low} to {high}."

    def clean_sub_usecases(self):
        chosen = self.cleaned_data["sub_usecases"]
        if not self.low <= len(chosen) <= self.high:
            raise forms.ValidationError(f"Pick between {self.low} and {self.high} kinds.")
        return chosen


def step_form(*names: str) -> type[CampaignModelForm]:
    meta = type("Meta", (CampaignModelForm.Meta,), {"fields": names})
    return type("StepForm", (CampaignModelForm,), {"Meta": meta})


# -- steps (registration/wizard.py) -----------------------------------------------------------
class CampaignStep(Step):
    """A page of the builder: the draft fields it asks for and which must be filled."""

    #: Offers the generated compliance texts (registration/views/texts.py).
    offers_texts = False
    #: Offers the brand's hosted opt-in form / hosted SMS terms page.
    offers_hosted_opt_in = False
    offers_hosted_terms = False

    def __init__(
        self,
        id: str,  # noqa: A002
        title: str,
        fields: tuple[str, ...] = (),
        required: tuple[str, ...] = (),
        *,
        help: str = "",  # noqa: A002
        offers_texts: bool = False,
        offers_hosted_opt_in: bool = False,
        offers_hosted_terms: bool = False,
    ) -> None:
        super().__init__(id, title, help=help)
        self.fields, self.required = fields, required
        self.offers_texts = offers_texts
        self.offers_hosted_opt_in = offers_hosted_opt_in
        self.offers_hosted_terms = offers_hosted_terms

    def is_complete(self, campaign: Campaign) -> bool:
        return all(getattr(campaign, name) for name in self.required)

    def form(self, campaign: Campaign, data=None) -> forms.BaseForm:
        return step_form(*self.fields)(data, instance=campaign)

    def save(self, request, campaign: Campaign, form: forms.BaseForm) -> bool:
        try:
            services.save_draft(campaign, form.cleaned_data)
        except services.CampaignError as exc:
            form.add_error(None, exc.message)
            return False
        if form.cleaned_data.get("privacy_policy_link"):
            request_site_check(campaign=campaign)
        return True


class UsecaseStep(CampaignStep):
    """The use case, qualified with Telnyx for the brand before the builder goes on."""

    checks_live = False

    def is_complete(self, campaign: Campaign) -> bool:
        return services.qualification_of(campaign) is not None

    def form(self, campaign: Campaign, data=None) -> UsecaseForm:
        usecases = services.usecases()
        if campaign.brand.is_sole_proprietor:
            usecases = ["SOLE_PROPRIETOR"]
        else:
            usecases = [u for u in usecases if u != "SOLE_PROPRIETOR"]
        return UsecaseForm(data, usecases=usecases, initial={"usecase": campaign.usecase})

    def save(self, request, campaign: Campaign, form: forms.BaseForm) -> bool:
        try:
            answer = services.qualify(campaign, form.cleaned_data["usecase"])
        except services.CampaignError as exc:
            form.add_error(None, exc.message)
            return False
        if not answer.qualifies:
            form.add_error("usecase", f"This brand does not qualify: {answer.reason}")
            return False
        return True


class SubUsecasesStep(CampaignStep):
    """The kinds of messages a mixed campaign combines (only use cases that take them)."""

    checks_live = False

    def applies_to(self, campaign: Campaign) -> bool:
        q = services.qualification_of(campaign)
        return bool(q and q.max_sub_usecases)

    def is_complete(self, campaign: Campaign) -> bool:
        return bool(campaign.sub_usecases)

    def form(self, campaign: Campaign, data=None) -> SubUsecasesForm:
        q = services.qualification_of(campaign)
        assert q is not None  # applies_to
        return SubUsecasesForm(
            data,
            usecases=services.usecases(),
            low=q.min_sub_usecases,
            high=q.max_sub_usecases,
            initial={"sub_usecases": campaign.sub_usecases},
        )


class CampaignVerifyStep(CampaignStep):
    """POLITICAL campaigns only: the committee's Campaign Verify token (TCR requires it)."""

    def applies_to(self, campaign: Campaign) -> bool:
        return campaign.usecase == "POLITICAL"


class CampaignReviewStep(CampaignStep):
    """Review and submit: the builder's view handles it (cost confirmation, submission)."""

    final = True

    def is_complete(self, campaign: Campaign) -> bool:
        return False


WIZARD = Wizard(
    UsecaseStep("usecase", "Use case", ("usecase",), help="Carriers price and review by use case."),
    SubUsecasesStep("sub-usecases", "Kinds of messages", ("sub_usecases",)),
    CampaignVerifyStep(
        "campaign-verify",
        "Campaign Verify",
        ("campaign_verify_token",),
        ("campaign_verify_token",),
        help="Political campaigns need the token Campaign Verify issued to the committee.",
    ),
    CampaignStep(
        "description", "Description", ("description",), ("description",), offers_texts=True
    ),
    CampaignStep(
        "message-flow",
        "Consent",
        ("message_flow",),
        ("message_flow",),
        offers_texts=True,
        offers_hosted_opt_in=True,
    ),
    CampaignStep(
        "samples",
        "Sample messages",
        ("sample1", "sample2", "sample3", "sample4", "sample5"),
        ("sample1", "sample2"),
        offers_texts=True,
    ),
    CampaignStep(
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
        offers_texts=True,
    ),
    CampaignStep(
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
    CampaignStep(
        "links",
        "Privacy and terms",
        ("privacy_policy_link", "terms_and_conditions_link"),
        offers_hosted_terms=True,
    ),
    CampaignReviewStep("review", "Review and submit"),
)
