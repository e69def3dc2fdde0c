"""The user of a session, and the membership they act for with its organisation, cost one query
each per page (however often the page asks); the user is still refused when inactive or gone."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_page_reads_the_user_and_the_active_membership_once(owner_client, organisation):
    with CaptureQueriesContext(connection) as queries:
        response = owner_client.get(reverse("brand_list"))

    assert response.status_code == 200
    statements = [query["sql"] for query in queries]
    read_from = [sql.split(" FROM ", 1)[1].split()[0] for sql in statements if " FROM " in sql]
    assert read_from.count('"auth_user"') == 1
    # The active membership, joined with its organisation: read once, whoever asks.
    assert read_from.count('"compliance_membership"') == 1
    assert '"compliance_organisation"' not in read_from
    assert organisation.name in response.content.decode()


def test_an_inactive_users_session_is_no_longer_logged_in(owner_client, owner):
    owner.is_active = False
    owner.save()

    response = owner_client.get(reverse("brand_list"))

    assert response.status_code == 302 and reverse("account_login") in response.url


def test_a_deleted_users_session_is_no_longer_logged_in(owner_client, owner):
    owner.delete()

    response = owner_client.get(reverse("brand_list"))

    assert response.status_code == 302 and reverse("account_login") in response.url


def test_a_user_without_an_organisation_is_told_so(client, django_user_model):
    user = django_user_model.objects.create_user("loner", "loner@example.com", "x-Long-pass-42")
    client.force_login(user)

    assert client.get(reverse("brand_list")).status_code == 404
