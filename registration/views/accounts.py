from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from compliance import accounts
from compliance.http import HtmxHttpRequest
from compliance.roles import Capability, require
from compliance.tenancy import organisation_of
from registration import dashboard


def _signed_in(request: HtmxHttpRequest) -> User:
    """The signed-in user of a view behind login_required."""
    user = request.user
    assert isinstance(user, User), "login_required lets only signed-in users through"
    return user


@login_required
@require_GET
def account(request: HtmxHttpRequest) -> HttpResponse:
    """The account overview: profile, and a link to each thing one can change (e-mail,
    password, two-factor sign-in, sessions, e-mail preferences, deleting the account)."""
    return render(
        request,
        "account/overview.html",
        {
            "organisation": organisation_of(request.user),
            "two_factor": accounts.has_authenticator_app(_signed_in(request)),
        },
    )


@login_required
@require_http_methods(["POST"])
def require_two_factor(request: HtmxHttpRequest) -> HttpResponse:
    """The owner turns two-factor sign-in on or off for every member of the organisation;
    turning it on needs the owner's own authenticator app first."""
    organisation = require(request, Capability.REQUIRE_TWO_FACTOR).organisation
    wanted = request.POST.get("require") == "on"
    if wanted and not accounts.has_authenticator_app(_signed_in(request)):
        messages.error(
            request, "Set up two-factor sign-in for yourself first, then require it for everyone."
        )
        return redirect("account")
    organisation.require_two_factor = wanted
    organisation.save(update_fields=["require_two_factor"])
    messages.success(
        request,
        f"Every member of {organisation} now signs in with two-factor."
        if wanted
        else f"Two-factor sign-in is now optional in {organisation}.",
    )
    return redirect("account")


@login_required
@reauthentication_required(allow_get=True)
@require_http_methods(["GET", "POST"])
def delete_account(request: HtmxHttpRequest) -> HttpResponse:
    """Delete one's own account, after entering the password again; refused with the reason
    while the user is the only owner of an organisation with live campaigns."""
    refusal = accounts.deletion_refusal(_signed_in(request))
    if request.method == "POST" and refusal is None:
        accounts.delete_account(_signed_in(request))
        logout(request)
        messages.success(request, "Your account is deleted.")
        return redirect("account_login")
    return render(request, "account/delete.html", {"refusal": refusal})


@login_required
@require_GET
def home(request: HtmxHttpRequest) -> HttpResponse:
    """The dashboard: what needs the user's attention first, then what is waiting; a reviewer
    without an organisation sees the sections they can open."""
    organisation = organisation_of(request.user)
    if organisation is None:
        return render(request, "home.html")
    return render(
        request,
        "home.html",
        {
            "attention": dashboard.attention(organisation),
            "overview": dashboard.overview(organisation),
        },
    )
