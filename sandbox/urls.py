"""The sandbox answers on Telnyx's paths under /sandbox/telnyx/v2/ (see README's table)."""

from django.urls import include, path

from sandbox.views import brands, campaigns, numbers, pages

urlpatterns = [
    path("", pages.home, name="sandbox_home"),
    path("telnyx/v2/", include(brands.urlpatterns + campaigns.urlpatterns + numbers.urlpatterns)),
]
