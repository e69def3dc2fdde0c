"""The members page's forms: an invitation, a change of role. Owner is never offered: an
organisation is handed over only through the transfer (compliance/services/members.py)."""

from django import forms

from compliance.models import Membership


class InviteForm(forms.Form):
    email = forms.EmailField(label="E-mail address", max_length=254)
    role = forms.ChoiceField(
        label="Role",
        choices=[(r.value, r.label) for r in Membership.Role if r != Membership.Role.OWNER],
        initial=Membership.Role.MEMBER,
        widget=forms.RadioSelect,
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        label="Role",
        choices=[(r.value, r.label) for r in Membership.Role if r != Membership.Role.OWNER],
    )
