from django.urls import path

from registration.views import texts

urlpatterns = [
    path("<uuid:public_id>/", texts.proposals, name="campaign_texts"),
    path("<uuid:public_id>/hosted/", texts.hosted_pages, name="campaign_texts_hosted"),
]
