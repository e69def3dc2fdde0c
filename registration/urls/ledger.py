from django.urls import path

from registration.views import ledger

urlpatterns = [
    path("", ledger.fee_ledger, name="fee_ledger"),
    path("export.csv", ledger.fee_ledger_export, name="fee_ledger_export"),
]
