"""The database itself keeps customer rows tied to an organisation, and an organisation with
brands registered at Telnyx cannot be deleted."""

import pytest
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse

from compliance.models import Brand, Campaign, Organisation
from tests.conftest import give_authenticator
from tests.factories import organisation_of

from . import factories

pytestmark = pytest.mark.django_db


def test_a_brand_cannot_exist_without_an_organisation():
    with pytest.raises(IntegrityError), transaction.atomic():
        Brand.objects.create(organisation_id=None, display_name="Orphan")


def test_a_campaign_cannot_exist_without_an_organisation(organisation):
    brand = factories.brand(organisation)
    with pytest.raises(IntegrityError), transaction.atomic():
        Campaign.objects.create(organisation_id=None, brand=brand)


def test_a_bulk_update_cannot_orphan_a_brand(organisation):
    brand = factories.brand(organisation)
    with pytest.raises(IntegrityError), transaction.atomic():
        Brand.objects.filter(pk=brand.pk).update(organisation=None)


def test_deleting_an_organisation_with_registered_brands_is_refused_in_plain_words(
    organisation,
):
    factories.campaign(organisation)
    with pytest.raises(ProtectedError, match="brand\\(s\\) registered with Telnyx"):
        organisation.delete()
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert Brand.objects.filter(organisation=organisation).count() == 1


def test_a_bulk_delete_of_organisations_is_refused_too(organisation):
    factories.brand(organisation)
    with pytest.raises(ProtectedError):
        Organisation.objects.filter(pk=organisation.pk).delete()
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_an_organisation_without_brands_can_be_deleted(outsider):
    organisation = organisation_of(outsider)
    organisation.delete()
    assert not Organisation.objects.filter(pk=organisation.pk).exists()


def test_the_admin_shows_the_refusal(organisation):
    brand = factories.brand(organisation)
    admin = User.objects.create_superuser("root", "root@example.com", "x")
    give_authenticator(admin)  # staff must have two-factor sign-in
    client = Client()
    client.force_login(admin)
    url = reverse("admin:compliance_organisation_delete", args=[organisation.pk])
    page = client.get(url).content.decode()
    assert "protected" in page and str(brand) in page.replace("&#x27;", "'")
    client.post(url, {"post": "yes"})
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_the_brand_admin_masks_the_ein_and_personal_fields(organisation):
    brand = factories.brand(organisation)
    Brand.objects.filter(pk=brand.pk).update(ein="461234567")
    admin = User.objects.create_superuser("root", "root@example.com", "x")
    give_authenticator(admin)  # staff must have two-factor sign-in
    client = Client()
    client.force_login(admin)
    listing = client.get(reverse("admin:compliance_brand_changelist")).content.decode()
    detail = client.get(reverse("admin:compliance_brand_change", args=[brand.pk])).content.decode()
    for page in (listing, detail):
        assert "461234567" not in page
    assert "•••••4567" in listing
    assert "+13125550101" not in detail and "Jane" not in detail.replace("Jane&#x27;s", "")
