"""Merges the two leaves main carries (0010 appeals, 0011 fee ledger): no operations."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("compliance", "0010_appeal_requests_and_case_messages"),
        ("compliance", "0011_fee_ledger"),
    ]

    operations = []
