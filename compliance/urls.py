from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from registration.views import accounts

urlpatterns = [
    path("", accounts.home, name="home"),
    path("rules/", include("compliance.rules_page")),
    path("accounts/signup/", accounts.signup, name="signup"),
    path("accounts/login/", accounts.LoginView.as_view(), name="login"),
    path("accounts/password_reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
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
]

# The Telnyx sandbox is a development tool: routed only in sandbox mode (no TELNYX_API_KEY).
if settings.SANDBOX_MODE:
    urlpatterns.append(path("sandbox/", include("sandbox.urls")))
