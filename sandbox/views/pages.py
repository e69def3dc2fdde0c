"""Human pages of the sandbox: its keys and what it would have sent by SMS.

A development tool, yet it runs beside real accounts: the page needs a signed-in user, and each
user sees the PINs (with the brand's name and a masked mobile number) of their own
organisation's brands only; staff see every organisation's and the API key.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import render

from sandbox.models import ApiKey, Fault, SigningKey
from sandbox.models.brands import SandboxOtp

OTPS_SHOWN = 10


@login_required
def home(request: HttpRequest):
    if not settings.SANDBOX_MODE:
        raise Http404("The sandbox is off: a real Telnyx key is configured.")
    staff = request.user.is_staff
    return render(
        request,
        "sandbox/home.html",
        {
            "public_key": SigningKey.current().public_key_b64,
            "api_key": ApiKey.current().token if staff else "",
            "faults": Fault.objects.filter(remaining__gt=0),
            "otps": visible_otps(request)[:OTPS_SHOWN],
            "all_organisations": staff,
        },
    )


def visible_otps(request: HttpRequest) -> QuerySet[SandboxOtp]:
    """The OTPs the user may see: staff every one; a member those of the brands their
    organisation registered (the app's Brand rows name the sandbox's brand ids; read through
    the app registry, as the sandbox never imports the app's models); anyone else none."""
    otps = SandboxOtp.objects.select_related("brand")
    if request.user.is_staff:
        return otps
    if not request.user.is_authenticated:
        return otps.none()
    # Every organisation the user belongs to (the sandbox never imports the app's tenancy).
    organisation_ids = request.user.memberships.values("organisation_id")
    brand_ids = (
        apps.get_model("compliance", "Brand")
        .objects.filter(organisation_id__in=organisation_ids)
        .exclude(brand_id=None)
        .values("brand_id")
    )
    return otps.filter(brand__brand_id__in=brand_ids)
