"""Editing a submitted campaign, for the customer and the reviewer alike: the fields Telnyx
lets change (PUT /10dlc/campaign/{id}: samples, message flow, help message, auto-renewal) in
steps of the one wizard engine (registration/wizard.py), checked as the user types.

The edit in progress is an `EditDraft`: the campaign and the values changed so far, kept in
the user's session per campaign, so moving between steps loses nothing and nothing reaches
Telnyx before the last step. That step shows what will change, the checks on the result, the
fields Telnyx locks after submission (and the way out: a copy of the campaign), and saves
through the caller's `save` (the customer's edit, or the reviewer's audited one).
"""

import copy
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from compliance import checks, errors
from compliance.forms import CampaignEditForm
from compliance.http import HtmxHttpRequest, post_redirect
from compliance.models import Campaign
from compliance.services import campaigns as services
from registration.wizard import Step, Wizard, walk

LOCKED_REASON = (
    "Telnyx locks these once a campaign is submitted: the carriers reviewed the campaign with "
    "them. To change one, copy the campaign into a new draft and submit it as a new campaign."
)


@dataclass
class EditDraft:
    campaign: Campaign
    values: dict  # model field name → the value typed so far (editable fields only)

    @staticmethod
    def _key(campaign: Campaign) -> str:
        return f"campaign-edit:{campaign.public_id}"

    @classmethod
    def load(cls, request, campaign: Campaign) -> "EditDraft":
        stored = request.session.get(cls._key(campaign), {})
        values = {k: v for k, v in stored.items() if k in services.EDITABLE_FIELDS}
        return cls(campaign, values)

    def store(self, request) -> None:
        request.session[self._key(self.campaign)] = self.values

    def clear(self, request) -> None:
        request.session.pop(self._key(self.campaign), None)

    def value(self, name: str):
        return self.values.get(name, getattr(self.campaign, name))

    @property
    def changes(self) -> dict:
        return services.edit_changes(self.campaign, self.values)

    def rows(self) -> list[tuple[str, object, object]]:
        """(label, at Telnyx now, after the edit) for each change."""
        return [
            (services.field_label(name), getattr(self.campaign, name), value)
            for name, value in self.changes.items()
        ]

    def findings(self, extra: dict | None = None) -> list[checks.Finding]:
        return services.findings(self.campaign, self.changes | (extra or {}))


def _edit_form(names: tuple[str, ...]) -> type[CampaignEditForm]:
    meta = type("Meta", (CampaignEditForm.Meta,), {"fields": names})
    return type("EditStepForm", (CampaignEditForm,), {"Meta": meta})


class EditStep(Step):
    """A page of editable fields; every field is optional to change, so each step is
    complete and the user may jump between them."""

    def __init__(self, id: str, title: str, fields: tuple[str, ...], *, help: str = "") -> None:  # noqa: A002
        super().__init__(id, title, help=help)
        self.fields = fields

    def is_complete(self, draft: EditDraft) -> bool:
        return True

    def form(self, draft: EditDraft, data=None) -> forms.BaseForm:
        # A copy: validating a model form writes the typed values onto its instance.
        initial = {name: draft.value(name) for name in self.fields}
        return _edit_form(self.fields)(data, instance=copy.copy(draft.campaign), initial=initial)

    def save(self, request, draft: EditDraft, form: forms.BaseForm) -> bool:
        draft.values.update({name: form.cleaned_data[name] for name in self.fields})
        draft.store(request)
        return True


class EditReviewStep(Step):
    """What changes, the checks, what is locked; save at Telnyx (the caller's `save`)."""

    final = True
    checks_live = False


EDIT_WIZARD = Wizard(
    EditStep(
        "samples",
        "Sample messages",
        ("sample1", "sample2", "sample3", "sample4", "sample5"),
        help="Carriers compare what you send with these samples.",
    ),
    EditStep("consent", "Consent", ("message_flow",), help="How people agree to the messages."),
    EditStep("help", "Help reply and renewal", ("help_message", "auto_renewal")),
    EditReviewStep("review", "Review and save"),
)
FIRST_STEP = EDIT_WIZARD.steps[0].id


def locked_fields(campaign: Campaign) -> list[tuple[str, object]]:
    """(label, value) of each content field Telnyx does not let change after submission."""
    return [
        (services.field_label(name), getattr(campaign, name))
        for name in services.CONTENT_FIELDS
        if name not in services.EDITABLE_FIELDS
    ]


@dataclass(frozen=True)
class EditUrls:
    step: Callable[[Step], str]  # the page of a step
    checks: Callable[[Step], str]  # its live checks
    done: str  # where to go once saved or left
    clone: str = ""  # the copy of the campaign, where the user may make one


def edit_flow(
    request: HtmxHttpRequest,
    campaign: Campaign,
    step_id: str,
    *,
    urls: EditUrls,
    save: Callable[[dict], dict],
    audience: str,
) -> HttpResponse:
    """The view body of both edits: walk the steps; the last one saves through `save`
    (values → {field: (before, after)}, raising errors.Refusal)."""
    draft = EditDraft.load(request, campaign)

    def render_step(step: Step, form, *, error: errors.Refusal | None = None) -> HttpResponse:
        found = draft.findings()
        by_field = services.findings_by_model_field(found)
        fields = getattr(step, "fields", ())
        steps = EDIT_WIZARD.applicable(draft)
        context = {
            "campaign": campaign,
            "step": step,
            "steps": steps,
            "step_links": [(each, urls.step(each)) for each in steps],
            "step_url": urls.step(step),
            "checks_url": "" if step.final else urls.checks(step),
            "position": steps.index(step) + 1,
            "form": form,
            "urls": urls,
            "audience": audience,
            "draft_rows": draft.rows(),
            "findings": found,
            "field_findings": {name: by_field.get(name, []) for name in fields},
            "locked": locked_fields(campaign) if step.final else [],
            "locked_reason": LOCKED_REASON,
            "error": error,
        }
        return render(request, "registration/campaigns/edit_step.html", context)

    def finish(step: Step) -> HttpResponse:
        if request.method != "POST":
            return render_step(step, None)
        if request.POST.get("action") == "discard":
            draft.clear(request)
            messages.info(request, "Your changes were discarded; nothing was sent to Telnyx.")
            return post_redirect(request, urls.done)
        try:
            changed = save(draft.values)
        except errors.Refusal as exc:
            return render_step(step, None, error=exc)
        draft.clear(request)
        if changed:
            messages.success(request, "Saved at Telnyx; the checks were run again.")
        else:
            messages.info(request, "Nothing changed, so nothing was sent to Telnyx.")
        return post_redirect(request, urls.done)

    return walk(
        request, EDIT_WIZARD, draft, step_id, url=urls.step, render=render_step, finish=finish
    )


def edit_checks(request: HtmxHttpRequest, campaign: Campaign, step_id: str) -> HttpResponse:
    """Live checks while the user types on an edit step: the draft with what is typed."""
    step = EDIT_WIZARD.by_id.get(step_id)
    if not isinstance(step, EditStep):
        raise Http404("No such step.")
    draft = EditDraft.load(request, campaign)
    form = step.form(draft, request.POST)
    form.is_valid()
    typed = {name: form.cleaned_data.get(name, request.POST.get(name, "")) for name in step.fields}
    by_field = services.findings_by_model_field(draft.findings(typed))
    return render(
        request,
        "registration/campaigns/step.html#live-findings",
        {"field_findings": {name: by_field.get(name, []) for name in step.fields}},
    )


def start(campaign_step_url: Callable[[str], str]) -> HttpResponse:
    return redirect(campaign_step_url(FIRST_STEP))
