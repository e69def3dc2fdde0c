from django.urls import path

from registration.views import numbers

urlpatterns = [
    path("", numbers.number_list, name="number_list"),
    path("export.csv", numbers.number_export, name="number_export"),
    path("sync/", numbers.number_sync, name="number_sync"),
    path("statuses/", numbers.number_statuses, name="number_statuses"),
    path("bulk/", numbers.bulk_start, name="bulk_start"),
    path("bulk/<uuid:public_id>/", numbers.bulk_detail, name="bulk_detail"),
    path("bulk/<uuid:public_id>/retry/", numbers.bulk_retry, name="bulk_retry"),
    path("bulk/<uuid:public_id>/confirm/", numbers.bulk_confirm, name="bulk_confirm"),
    path("bulk/<uuid:public_id>/cancel/", numbers.bulk_cancel, name="bulk_cancel"),
    path("import/", numbers.number_import, name="number_import"),
    path("profiles/", numbers.profile_list, name="profile_list"),
    path("profiles/<uuid:public_id>/", numbers.profile_detail, name="profile_detail"),
    path("profile-tasks/<uuid:public_id>/", numbers.profile_task, name="profile_task"),
    path("test-sms/", numbers.test_message, name="test_message"),
    path("test-sms/<uuid:public_id>/", numbers.test_message_detail, name="test_message_detail"),
    path("<uuid:public_id>/", numbers.number_detail, name="number_detail"),
    path(
        "<uuid:public_id>/confirm-unassign/",
        numbers.number_unassign_confirm,
        name="number_unassign_confirm",
    ),
    path(
        "<uuid:public_id>/<str:action>/",
        numbers.number_action,
        name="number_action",
    ),
]
