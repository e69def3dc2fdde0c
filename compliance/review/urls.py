from django.urls import path

from compliance.review import views

urlpatterns = [
    path("", views.review_queue, name="review_queue"),
    path("audit/", views.audit_log, name="review_audit"),
    path("fees/", views.fee_ledger, name="review_fee_ledger"),
    path("imports/", views.account_imports, name="review_account_imports"),
    path("imports/<uuid:public_id>/", views.account_import, name="review_account_import"),
    path("partners/", views.partner_campaigns, name="review_partner_campaigns"),
    path("partners/<str:tcr_campaign_id>/", views.partner_campaign, name="review_partner_campaign"),
    path("fees/export.csv", views.fee_ledger_export, name="review_fee_ledger_export"),
    path("brands/<uuid:public_id>/", views.review_brand, name="review_brand"),
    path("campaigns/<uuid:public_id>/", views.review_campaign, name="review_campaign"),
    path("campaigns/<uuid:public_id>/claim/", views.claim_campaign, name="review_claim"),
    path("campaigns/<uuid:public_id>/unclaim/", views.unclaim_campaign, name="review_unclaim"),
    path("campaigns/<uuid:public_id>/notes/", views.add_note, name="review_note"),
    path("campaigns/<uuid:public_id>/message/", views.message_customer, name="review_message"),
    path("campaigns/<uuid:public_id>/edit/", views.edit_campaign, name="review_edit"),
    path(
        "campaigns/<uuid:public_id>/edit/<slug:step>/",
        views.edit_campaign_step,
        name="review_edit_step",
    ),
    path(
        "campaigns/<uuid:public_id>/edit/<slug:step>/checks/",
        views.check_edit,
        name="review_edit_check",
    ),
    path("campaigns/<uuid:public_id>/appeal/", views.appeal_campaign, name="review_appeal"),
    path(
        "campaigns/<uuid:public_id>/decline/",
        views.decline_appeal_request,
        name="review_decline_request",
    ),
    path(
        "campaigns/<uuid:public_id>/registry/",
        views.campaign_registry_details,
        name="review_campaign_registry",
    ),
    path("campaigns/<uuid:public_id>/audit/", views.campaign_audit, name="review_campaign_audit"),
]
