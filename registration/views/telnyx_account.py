"""The organisation's own Telnyx account (issue 22.6): connect it (the key is checked at
Telnyx first), see its webhook URL, import what it already holds, disconnect it. Only the
organisation's owner may change it; every member may look. There is no account id in these
URLs: each organisation only ever reaches its own."""

from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from compliance import roles
from compliance.http import HtmxHttpRequest, post_redirect
from compliance.models import AccountImport, Organisation
from compliance.roles import Capability
from compliance.services import adoption, telnyx_accounts
from compliance.tenancy import current_organisation, get_owned_or_404


class ConnectAccountForm(forms.Form):
    label = forms.CharField(
        max_length=100,
        required=False,
        label="Name (optional)",
        help_text="How you call this account, e.g. \u201cMain Telnyx account\u201d.",
    )
    api_key = forms.CharField(
        label="API key",
        max_length=200,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text="Telnyx portal, Account Settings, API Keys. We check it with Telnyx before "
        "saving, and store it encrypted; only its last four characters are ever shown.",
    )
    public_key = forms.CharField(
        label="Public key",
        max_length=100,
        help_text="Telnyx portal, Account Settings, Keys & Credentials, Public Key: it proves "
        "that the updates Telnyx sends us come from your account.",
    )


def _owner_organisation(request: HtmxHttpRequest) -> Organisation:
    return roles.require(request, Capability.CONNECT_TELNYX_ACCOUNT).organisation


@sensitive_post_parameters("api_key")  # never in an error report
@login_required
@require_http_methods(["GET", "POST"])
def telnyx_account(request: HtmxHttpRequest) -> HttpResponse:
    """The account page: the connect form when none is connected, else its details."""
    organisation = current_organisation(request)
    account = telnyx_accounts.account_of(organisation)
    form = ConnectAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        organisation = _owner_organisation(request)
        if form.is_valid():
            try:
                account = telnyx_accounts.connect(organisation, request.user, **form.cleaned_data)
            except telnyx_accounts.AccountRefused as exc:
                # On the field it concerns when it concerns one (focus goes there), else
                # for the whole form.
                fields = {k: v for k, v in exc.field_errors.items() if k in form.fields}
                for field, problems in fields.items():
                    for problem in problems:
                        form.add_error(field, problem)
                if not fields:
                    form.add_error(None, exc.message)
            else:
                messages.success(
                    request,
                    "Your Telnyx account is connected. Paste the webhook address below into "
                    "the Telnyx portal, then import what the account already holds.",
                )
                return post_redirect(request, reverse("telnyx_account"))
    context = {
        "organisation": organisation,
        "account": account,
        "form": form,
        "webhook_url": telnyx_accounts.webhook_url(account) if account else "",
        "connect_refusal": None if account else telnyx_accounts.connect_refusal(organisation),
        "imports": AccountImport.objects.filter(organisation=organisation)[:5],
    }
    return render(request, "registration/telnyx_account.html", context)


@login_required
@require_POST
def check_account(request: HtmxHttpRequest) -> HttpResponse:
    account = telnyx_accounts.account_of(_owner_organisation(request))
    if account is None:
        return redirect("telnyx_account")
    try:
        telnyx_accounts.check(account)
    except telnyx_accounts.AccountRefused as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Telnyx accepted the key: the account is reachable.")
    return post_redirect(request, reverse("telnyx_account"))


@login_required
@require_POST
def import_account(request: HtmxHttpRequest) -> HttpResponse:
    """Import what the organisation's own account holds (its own account only: the
    platform's account is imported by reviewers, who choose the organisation)."""
    organisation = _owner_organisation(request)
    if telnyx_accounts.account_of(organisation) is None:
        messages.error(request, "Connect your Telnyx account first.")
        return post_redirect(request, reverse("telnyx_account"))
    try:
        job = adoption.start_import(organisation, request.user)
    except adoption.ImportRefused as exc:
        messages.error(request, exc.message)
        return post_redirect(request, reverse("telnyx_account"))
    messages.success(request, "The import has started; this page follows it.")
    return post_redirect(request, reverse("telnyx_account_import", args=[job.public_id]))


@login_required
@require_GET
def account_import(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    """One import of the organisation's: counts as they grow, what was not imported."""
    job = get_owned_or_404(request, AccountImport, public_id=public_id)
    template = "registration/telnyx_import.html"
    if request.htmx and request.GET.get("poll"):
        template += "#progress"
    return render(request, template, {"job": job})


@login_required
@require_http_methods(["GET", "POST"])
def disconnect_account(request: HtmxHttpRequest) -> HttpResponse:
    """The confirmation, then the disconnection (refused, with the reason, while the
    organisation has live campaigns)."""
    organisation = _owner_organisation(request)
    account = telnyx_accounts.account_of(organisation)
    if account is None:
        return redirect("telnyx_account")
    refusal = telnyx_accounts.disconnect_refusal(account)
    if request.method == "POST" and refusal is None:
        try:
            telnyx_accounts.disconnect(account)
        except telnyx_accounts.AccountRefused as exc:
            refusal = exc.message
        else:
            messages.success(
                request,
                "Your Telnyx account is disconnected and its API key deleted. Tendlc uses "
                "its own Telnyx account for your organisation again.",
            )
            return post_redirect(request, reverse("telnyx_account"))
    return render(
        request,
        "registration/telnyx_disconnect.html",
        {"account": account, "refusal": refusal},
    )
