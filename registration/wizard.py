"""The one wizard engine: steps as objects walked by one view body (pretix's checkout flow).

A wizard (the brand wizard, the campaign builder) is a `Wizard` of `Step`s over a draft it
saves at every step. A step says what it asks (`form`), whether it applies to the draft and
whether it is complete, how to save its answers and where to go next; special steps are
subclasses that override those, never string comparisons of a step's id. `walk` is the view
body both wizards share: an unknown step, or one that does not apply to the draft, sends the
user to the first incomplete step; a valid POST saves and moves on; the final step (review
and submit) is handed to the wizard's own view.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.http import HttpResponse
from django.shortcuts import redirect

from compliance.http import HtmxHttpRequest, post_redirect


class Step:
    """One page of a wizard. Subclasses override what differs; the defaults suit a page of
    fields that is complete once its required fields are filled."""

    #: Whether this is the review-and-submit step (handled by the wizard's own view).
    final = False
    #: Whether the step's fields are checked as the user types (findings next to them).
    checks_live = True
    #: Whether the stepper lists the step before it applies (it will, once an earlier answer
    #: is given), so the user sees the whole journey from the first screen.
    shown_early = False

    def __init__(self, id: str, title: str, *, partial: str = "", help: str = "") -> None:  # noqa: A002
        self.id = id
        self.title = title
        self.partial = partial
        self.help = help

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id}>"

    def applies_to(self, draft: Any) -> bool:
        return True

    def is_complete(self, draft: Any) -> bool:
        return False

    def form(self, draft: Any, data: Any = None) -> forms.BaseForm | None:
        return None

    def save(self, request: HtmxHttpRequest, draft: Any, form: forms.BaseForm) -> bool:
        """Store the form's answers on the draft; False (with an error on the form) keeps the
        user on the step."""
        raise NotImplementedError

    def next(self, wizard: "Wizard", draft: Any) -> "Step":
        """Where to go after a successful save: the next step that applies."""
        return wizard.after(draft, self)


class Wizard:
    """An ordered set of steps over one kind of draft."""

    def __init__(self, *steps: Step) -> None:
        self.steps = steps
        self.by_id = {step.id: step for step in steps}

    def applicable(self, draft: Any) -> list[Step]:
        return [step for step in self.steps if step.applies_to(draft)]

    def step(self, draft: Any, step_id: str | None) -> Step | None:
        """The step with this id if it applies to the draft, else None."""
        step = self.by_id.get(step_id or "")
        return step if step is not None and step.applies_to(draft) else None

    def first_incomplete(self, draft: Any) -> Step:
        return next((s for s in self.applicable(draft) if not s.is_complete(draft)), self.final)

    def after(self, draft: Any, step: Step) -> Step:
        steps = self.applicable(draft)
        index = steps.index(step) if step in steps else -1
        return steps[min(index + 1, len(steps) - 1)]

    @property
    def final(self) -> Step:
        return self.steps[-1]

    def shown(self, draft: Any) -> list[Step]:
        """The steps the stepper lists: those that apply, and those that will apply later."""
        return [s for s in self.steps if s.shown_early or s.applies_to(draft)]

    def progress(self, draft: Any, current: Step) -> list[tuple[Step, bool, bool, bool]]:
        """(step, complete, is the current one, can be opened now) for each step listed."""
        return [
            (s, applies and s.is_complete(draft), s is current, applies)
            for s in self.shown(draft)
            for applies in (s.applies_to(draft),)
        ]

    def position(self, draft: Any, current: Step) -> tuple[int, int]:
        """(x, n) of "Step x of n"."""
        shown = self.shown(draft)
        return (shown.index(current) + 1 if current in shown else 1), len(shown)


def walk(
    request: HtmxHttpRequest,
    wizard: Wizard,
    draft: Any,
    step_id: str | None,
    *,
    url: Callable[[Step], str],
    render: Callable[[Step, forms.BaseForm | None], HttpResponse],
    finish: Callable[[Step], HttpResponse],
) -> HttpResponse:
    """The view body every wizard shares (the caller has checked tenancy and editability)."""
    step = wizard.step(draft, step_id)
    if step is None:
        return redirect(url(wizard.first_incomplete(draft)))
    if step.final:
        return finish(step)
    posted = request.method == "POST"
    form = step.form(draft, request.POST if posted else None)
    if posted and form is not None and form.is_valid() and step.save(request, draft, form):
        return post_redirect(request, url(step.next(wizard, draft)))
    return render(step, form)
