from uuid import UUID

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from compliance import accounts, ratelimit, tenancy
from compliance.http import HtmxHttpRequest
from compliance.roles import Capability, require
from registration import dashboard


def _signed_in(request: HtmxHttpRequest) -> User:
    """The signed-in user of a view behind login_required."""
    user = request.user
    assert isinstance(user, User), "login_required lets only signed-in users through"
    return user


@login_required
@require_GET
def account(request: HtmxHttpRequest) -> HttpResponse:
    """The account overview: profile, the user's organisations (switch, add one), and a link
    to each thing one can change (e-mail, password, two-factor sign-in, sessions, e-mail
    preferences, deleting the account)."""
    return render(
        request,
        "account/overview.html",
        {
            "membership": tenancy.active_membership(request),
            "memberships": tenancy.memberships_of(request.user),
            "two_factor": accounts.has_authenticator_app(_signed_in(request)),
            "security_key": accounts.has_security_key(_signed_in(request)),
        },
    )


@login_required
@require_http_methods(["POST"])
def require_two_factor(request: HtmxHttpRequest) -> HttpResponse:
    """The owner turns two-factor sign-in on or off for every member of the active
    organisation; turning it on needs the owner's own authenticator app first."""
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
    membership = tenancy.active_membership(request)
    if membership is None:
        return render(request, "home.html")
    organisation = membership.organisation
    return render(
        request,
        "home.html",
        {
            "attention": dashboard.attention(organisation),
            "overview": dashboard.overview(organisation),
        },
    )


# -- organisations: a user may belong to several (an agency and its clients) ------------------
@login_required
@require_POST
def switch_organisation(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    """Act for another of the user's organisations (another organisation's id is a 404), then
    open its dashboard: the page the user was on belongs to the organisation they left. Only
    the "this is in another of your organisations" page sends `next`, the page that belongs
    to the organisation switched to."""
    membership = tenancy.switch_organisation(request, public_id)
    messages.success(request, f"You are now working in {membership.organisation}.")
    next_path = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_path, allowed_hosts=None) and next_path.startswith("/"):
        return redirect(next_path)
    return redirect("home")


@login_required
@require_http_methods(["GET", "POST"])
def new_organisation(request: HtmxHttpRequest) -> HttpResponse:
    """Add an organisation (an agency adds a client): the user becomes its owner and works in
    it from now on."""
    # Imported here: registration.forms imports allauth's forms, which import this app's
    # sign-up form from it; importing it with the URLconf would close that circle.
    from registration.forms import OrganisationForm

    form = OrganisationForm(request.POST or None)
    limit = ratelimit.NEW_ORGANISATIONS_PER_USER
    if (
        request.method == "POST"
        and form.is_valid()
        and ratelimit.hit(limit, str(_signed_in(request).pk))
    ):
        form.add_error(
            None,
            f"You have added {limit.limit} organisations within the hour. Please wait "
            f"{limit.window_words} and try again.",
        )
        return render(request, "account/new_organisation.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        organisation = accounts.found_organisation(_signed_in(request), form.cleaned_data["name"])
        tenancy.switch_organisation(request, organisation.public_id)
        messages.success(
            request,
            f"{organisation} is created and you are its owner. You are now working in it.",
        )
        return redirect("home")
    return render(request, "account/new_organisation.html", {"form": form})


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The site's 404 page (handler404). When what was asked for belongs to another of the
    user's organisations, it says which and offers to switch to it; it is never shown under
    the organisation the user works in."""
    elsewhere = (
        exception.organisation
        if isinstance(exception, tenancy.BelongsToAnotherOfYourOrganisations)
        else None
    )
    # Switching then opens the page asked for, when it can be opened again (a GET).
    reopen = request.get_full_path() if request.method == "GET" else ""
    response = render(request, "404.html", {"elsewhere": elsewhere, "reopen": reopen}, status=404)
    if elsewhere is not None and request.headers.get("HX-Request") == "true":
        # A partial or a poll of a page left open after switching in another tab: reload the
        # page, which then says where it belongs (htmx swaps no 404, but follows HX-Refresh).
        response["HX-Refresh"] = "true"
    return response
