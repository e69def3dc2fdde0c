"""Forms shared by the customer screens and the reviewer console."""

from django import forms

from compliance.services.guardrails import Fee

COST_NOT_CONFIRMED = "Tick the box to confirm that you accept the cost; nothing was sent."


def cost_confirmation_field(fee: Fee) -> forms.BooleanField:
    """The unticked "I understand this costs …" box a billable action requires."""
    return forms.BooleanField(
        label=fee.confirmation + ".",
        required=True,
        error_messages={"required": COST_NOT_CONFIRMED},
    )


class CostConfirmationForm(forms.Form):
    def __init__(self, *args, fee: Fee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fee = fee
        self.fields["confirm_cost"] = cost_confirmation_field(fee)
