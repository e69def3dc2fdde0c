"""Requests that arrive at once, as a browser sends them: the HTMX check of a field on blur
beside the post of its step. Over real HTTP to the live server, whose threads each use the
database as deployed."""

from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from compliance.models import Brand

pytestmark = pytest.mark.django_db(transaction=True)

IDENTITY = {
    "company_name": "Alice Bakery LLC",
    "display_name": "Alice Bakery",
    "ein": "46-1234567",
    "vertical": "RETAIL",
}


def test_field_checks_beside_step_posts_all_answer(live_server, owner_client, organisation):
    owner_client.post("/brands/new/")
    brand = Brand.objects.get(organisation=organisation)
    wizard = f"/brands/{brand.public_id}/wizard"
    owner_client.post(f"{wizard}/entity-type/", {"entity_type": "PRIVATE_PROFIT"})
    cookies = {name: morsel.value for name, morsel in owner_client.cookies.items()}

    with httpx.Client(base_url=live_server.url, cookies=cookies, timeout=30) as http:
        http.get(f"{wizard}/identity/")
        headers = {"X-CSRFToken": http.cookies["csrftoken"]}

        def send(i: int) -> httpx.Response:
            if i % 2:
                return http.post(f"{wizard}/identity/", data=IDENTITY, headers=headers)
            return http.post(
                f"{wizard}/identity/validate/?field=ein",
                data=IDENTITY,
                headers=headers | {"HX-Request": "true"},
            )

        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(send, range(80)))

    assert [a.status_code for a in answers if a.status_code not in (200, 302)] == []
    assert {a.headers["location"] for a in answers if a.status_code == 302} == {
        f"{wizard}/contact/"
    }
    assert all('name="ein"' in a.text for a in answers if a.status_code == 200)
    brand.refresh_from_db()
    assert (brand.company_name, brand.ein) == ("Alice Bakery LLC", "461234567")
