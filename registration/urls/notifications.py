from django.urls import path

from registration.views import notifications

urlpatterns = [
    path("", notifications.notification_list, name="notifications"),
    path("settings/", notifications.email_preferences, name="email_preferences"),
    path("read-all/", notifications.mark_all_read, name="notifications_read_all"),
    path("<uuid:public_id>/read/", notifications.mark_read, name="notification_read"),
]
