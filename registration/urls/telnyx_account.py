from django.urls import path

from registration.views import telnyx_account as views

urlpatterns = [
    path("", views.telnyx_account, name="telnyx_account"),
    path("check/", views.check_account, name="telnyx_account_check"),
    path("import/", views.import_account, name="telnyx_account_start_import"),
    path("imports/<uuid:public_id>/", views.account_import, name="telnyx_account_import"),
    path("disconnect/", views.disconnect_account, name="telnyx_account_disconnect"),
]
