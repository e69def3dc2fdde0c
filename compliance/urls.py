from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from registration.views import accounts


class FaviconView(RedirectView):
    """/favicon.ico, which browsers and crawlers ask for on their own, is the app's icon."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs) -> str:
        return static("img/favicon.svg")


urlpatterns = [
    path("", accounts.home, name="home"),
    path("favicon.ico", FaviconView.as_view(), name="favicon"),
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
    path("sandbox/", include("sandbox.urls")),
    path("site-checks/", include("registration.urls.sitecheck")),
    path("c/", include("compliance.hosted_urls")),
    path("texts/", include("registration.urls.texts")),
]
