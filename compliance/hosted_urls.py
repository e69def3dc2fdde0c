from django.urls import path

from compliance import hosted_views

urlpatterns = [
    path("<slug:slug>/sms-terms/", hosted_views.sms_terms, name="hosted_sms_terms"),
    path("<slug:slug>/opt-in/", hosted_views.opt_in, name="hosted_opt_in"),
    path("<slug:slug>/opt-in/done/", hosted_views.opt_in_done, name="hosted_opt_in_done"),
]
