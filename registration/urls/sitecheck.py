from django.urls import path

from registration.views import sitecheck

urlpatterns = [
    path(
        "brands/<uuid:public_id>/",
        sitecheck.results,
        {"subject": "brand"},
        name="site_check_brand",
    ),
    path(
        "brands/<uuid:public_id>/run/",
        sitecheck.run,
        {"subject": "brand"},
        name="site_check_brand_run",
    ),
    path(
        "campaigns/<uuid:public_id>/",
        sitecheck.results,
        {"subject": "campaign"},
        name="site_check_campaign",
    ),
    path(
        "campaigns/<uuid:public_id>/run/",
        sitecheck.run,
        {"subject": "campaign"},
        name="site_check_campaign_run",
    ),
]
