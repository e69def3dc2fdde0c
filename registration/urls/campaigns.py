from django.urls import path

from registration.views import campaigns as views
from registration.views import cases

urlpatterns = [
    path("", views.campaign_list, name="campaign_list"),
    path("new/", views.campaign_new, name="campaign_new"),
    path("<uuid:public_id>/", views.campaign_detail, name="campaign_detail"),
    path("<uuid:public_id>/resume/", views.campaign_resume, name="campaign_resume"),
    path("<uuid:public_id>/clone/", views.campaign_clone, name="campaign_clone"),
    path("<uuid:public_id>/step/<slug:step>/", views.campaign_step, name="campaign_step"),
    path(
        "<uuid:public_id>/step/<slug:step>/checks/",
        views.campaign_checks,
        name="campaign_checks",
    ),
    path("<uuid:public_id>/refresh/", views.campaign_refresh, name="campaign_refresh"),
    path("<uuid:public_id>/edit/", views.campaign_edit, name="campaign_edit"),
    path("<uuid:public_id>/edit/<slug:step>/", views.campaign_edit_step, name="campaign_edit_step"),
    path(
        "<uuid:public_id>/edit/<slug:step>/checks/",
        views.campaign_edit_checks,
        name="campaign_edit_checks",
    ),
    path("<uuid:public_id>/deactivate/", views.campaign_deactivate, name="campaign_deactivate"),
    path("<uuid:public_id>/messages/", cases.campaign_message, name="campaign_message"),
    path("<uuid:public_id>/appeal/", cases.campaign_appeal_request, name="campaign_appeal_request"),
]
