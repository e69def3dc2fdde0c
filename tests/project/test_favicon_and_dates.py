"""/favicon.ico answers (no 404 on every first load), and dates read as words."""

from django.urls import reverse

from compliance.models import Vetting
from tests.factories import registered_brand


def test_favicon_is_served_and_linked(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content
    page = client.get(reverse("account_login")).content.decode()
    assert 'rel="icon"' in page


def test_vetting_dates_are_words_not_iso(owner_client, organisation, monkeypatch):
    from compliance.services import brands as services

    brand = registered_brand(organisation)
    Vetting.objects.create(
        organisation=organisation,
        brand=brand,
        evp_id="AEGIS",
        vetting_id="v-1",
        created_at_telnyx="2026-12-03T07:14:16Z",
        vetted_at_telnyx="2026-12-03T09:02:00Z",
    )
    monkeypatch.setattr(services, "sync_vettings", lambda b: list(b.vettings.all()))
    monkeypatch.setattr(services, "vetting_options", lambda: ([], []))
    page = owner_client.get(reverse("brand_vetting", args=[brand.public_id])).content.decode()
    assert "December 3, 2026 at 07:14 UTC" in page
    assert "2026-12-03T07:14" not in page
