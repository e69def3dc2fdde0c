from allauth.account.forms import LoginForm as AllauthLoginForm
from django import forms

from compliance.models import EmailPreference


class LoginForm(AllauthLoginForm):
    """allauth's sign-in, its fields named in the app's words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Username or email"
        if "remember" in self.fields:
            self.fields["remember"].label = "Keep me logged in on this device"


class OrganisationForm(forms.Form):
    """Another organisation for a signed-in user (an agency adding a client), of which they
    become the owner."""

    name = forms.CharField(
        max_length=200,
        label="Organisation name",
        help_text="The business whose brands and campaigns you will register, as it is known.",
    )


class SignUpForm(forms.Form):
    """What sign-up asks beyond allauth's username, e-mail and password: the organisation,
    founded with its owner when the account is saved (compliance/allauth_adapter.py). An
    invited address (an invitation waiting for it) is not asked: it joins the inviting
    organisation on the invitation's page, where sign-up sends it next."""

    organisation_name = forms.CharField(
        max_length=200,
        required=False,
        label="Organisation name",
        help_text="Your business; you can register several brands under it. Leave it empty "
        "if you were invited to join one.",
    )

    def is_invited(self) -> bool:
        """Whether this browser opened an invitation link for the address being signed up
        (the invitation page keeps the address in the session) and the invitation still
        waits. The session matters: an address alone would let anyone learn, by leaving the
        name empty, whether someone was invited."""
        from allauth.core import context

        from compliance.services import members

        email = (self.cleaned_data.get("email") or "").strip().lower()
        request = context.request
        opened = request.session.get("account_verified_email", "") if request else ""
        if not email or opened.strip().lower() != email:
            return False
        return members.waiting_invitation(email) is not None

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("organisation_name") and not self.is_invited():
            self.add_error("organisation_name", "Name your organisation (your business).")
        return cleaned

    def signup(self, request, user) -> None:
        """allauth's hook after the user is saved; the adapter already founded the
        organisation in the same transaction."""


class EmailPreferenceForm(forms.Form):
    delivery = forms.ChoiceField(
        label="E-mails about your brands and campaigns",
        choices=EmailPreference.Delivery.choices,
        widget=forms.RadioSelect,
        help_text="Every notification also stays on the Notifications page.",
    )
