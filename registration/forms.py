from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User

from compliance.models import EmailPreference


class SignUpForm(UserCreationForm):
    email = forms.EmailField(help_text="We send status changes and password resets here.")
    organisation_name = forms.CharField(
        max_length=200,
        label="Organisation name",
        help_text="Your business; you can register several brands under it.",
    )

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")


class EmailPreferenceForm(forms.Form):
    delivery = forms.ChoiceField(
        label="E-mails about your brands and campaigns",
        choices=EmailPreference.Delivery.choices,
        widget=forms.RadioSelect,
        help_text="Every notification also stays on the Notifications page.",
    )
