import pytest
from django.core.management import call_command

from compliance.models import Brand, Campaign, PhoneNumber

pytestmark = pytest.mark.django_db(transaction=True)


def test_demo_data_is_idempotent(capsys):
    call_command("demo_data")
    call_command("demo_data")
    out = capsys.readouterr().out
    assert out.count("customer: demo / ") == 2


def test_demo_registrations_register_the_demo_brand_campaign_and_numbers(telnyx_sandbox):
    call_command("demo_data")
    call_command("sandbox_seed")
    call_command("demo_registrations", wait=20)

    brand = Brand.objects.get(organisation__memberships__user__username="demo")
    assert (brand.identity_status, brand.status) == ("VERIFIED", "OK")
    campaign = Campaign.objects.get(brand=brand)
    assert campaign.campaign_id
    assert PhoneNumber.objects.filter(organisation=brand.organisation).count() == 250

    call_command("demo_registrations")  # a second run registers nothing more
    assert Brand.objects.count() == 1 and Campaign.objects.count() == 1
