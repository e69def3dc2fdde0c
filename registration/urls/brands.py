from django.urls import path

from registration.views import brands

urlpatterns = [
    path("", brands.brand_list, name="brand_list"),
    path("new/", brands.brand_new, name="brand_new"),
    path("drafts/delete/", brands.brand_delete_drafts, name="brand_delete_drafts"),
    path("<uuid:public_id>/", brands.brand_detail, name="brand_detail"),
    path("<uuid:public_id>/status/", brands.brand_status, name="brand_status"),
    path("<uuid:public_id>/wizard/", brands.brand_wizard, name="brand_wizard"),
    path(
        "<uuid:public_id>/wizard/<slug:step_name>/",
        brands.brand_wizard,
        name="brand_wizard_step",
    ),
    path(
        "<uuid:public_id>/wizard/<slug:step_name>/validate/",
        brands.brand_validate_field,
        name="brand_validate_field",
    ),
    path("<uuid:public_id>/actions/<slug:action>/", brands.brand_action, name="brand_action"),
    path("<uuid:public_id>/delete/", brands.brand_delete, name="brand_delete"),
    path("<uuid:public_id>/otp/", brands.brand_otp, name="brand_otp"),
    path("<uuid:public_id>/otp/send/", brands.brand_otp_send, name="brand_otp_send"),
    path("<uuid:public_id>/otp/verify/", brands.brand_otp_verify, name="brand_otp_verify"),
    path("<uuid:public_id>/vetting/", brands.brand_vetting, name="brand_vetting"),
]
