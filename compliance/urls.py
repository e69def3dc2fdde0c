from pathlib import Path

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views.decorators.cache import cache_control

from registration.views import accounts, members

FAVICON = Path(settings.BASE_DIR) / "static" / "img" / "favicon.svg"


@cache_control(max_age=86400, public=True)
def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, which browsers and crawlers ask for on their own: the app's icon (the
    pages link the same SVG from static files)."""
    return HttpResponse(FAVICON.read_bytes(), content_type="image/svg+xml")


# A refusal in plain words, also for an HTMX request (compliance/roles.py).
handler403 = "compliance.roles.forbidden"

urlpatterns = [
    path("", accounts.home, name="home"),
    path("favicon.ico", favicon, name="favicon"),
    path("rules/", include("compliance.rules_page")),
    # Accounts are django-allauth's (sign-in, sign-up, e-mail, password, two-factor,
    # sessions); the account overview and deletion are the app's own.
    path("accounts/", accounts.account, name="account"),
    path("accounts/delete/", accounts.delete_account, name="account_delete"),
    path(
        "accounts/require-two-factor/",
        accounts.require_two_factor,
        name="account_require_two_factor",
    ),
    # A user may belong to several organisations: add one, switch to another (under
    # /accounts/, so a user can switch away before setting up an organisation's two-factor).
    path("accounts/organisations/new/", accounts.new_organisation, name="new_organisation"),
    path(
        "accounts/organisations/<uuid:public_id>/switch/",
        accounts.switch_organisation,
        name="switch_organisation",
    ),
    path("accounts/telnyx/", include("registration.urls.telnyx_account")),
    path("accounts/", include("allauth.urls")),
    path("organisation/", include("registration.urls.members")),
    # The link of an invitation e-mail: readable before signing in (registration/views/members).
    path("invitations/<str:token>/", members.invitation, name="invitation"),
    path("brands/", include("registration.urls.brands")),
    path("campaigns/", include("registration.urls.campaigns")),
    path("numbers/", include("registration.urls.numbers")),
    path("review/", include("compliance.review.urls")),
    path("webhooks/", include("compliance.webhooks")),
    path("notifications/", include("registration.urls.notifications")),
    path("fees/", include("registration.urls.ledger")),
    path("admin/", admin.site.urls),
    path("site-checks/", include("registration.urls.sitecheck")),
    path("c/", include("compliance.hosted_urls")),
    path("texts/", include("registration.urls.texts")),
    path("", include("compliance.health")),
    path("", include("compliance.metrics")),
]

handler404 = accounts.page_not_found

# The Telnyx sandbox is a development tool: routed only in sandbox mode (no TELNYX_API_KEY).
if settings.SANDBOX_MODE:
    urlpatterns.append(path("sandbox/", include("sandbox.urls")))
