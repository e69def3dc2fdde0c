"""The numbers part of the Telnyx client against the live sandbox, over real HTTP: messaging
profiles, messaging numbers, messages and opt-outs (assignments: test_assignments_client.py)."""

import pytest

from compliance.telnyx.errors import NotFound, ValidationFailed
from sandbox.models.numbers import MessagingProfile, PhoneNumber

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def profile_with_numbers(db):
    profile = MessagingProfile.objects.create(name="Alerts", whitelisted_destinations=["US"])
    PhoneNumber.objects.bulk_create(
        PhoneNumber(phone_number=f"+1312555{i:04d}", profile=profile) for i in range(30)
    )
    return profile


def test_create_messaging_profile_returns_the_profile_with_its_id(telnyx):
    profile = telnyx.create_messaging_profile(
        name="Store alerts", whitelisted_destinations=["US", "CA"], webhook_url="https://x.test/h"
    )
    assert profile.id and profile.record_type == "messaging_profile"
    assert profile.name == "Store alerts"
    assert profile.whitelisted_destinations == ["US", "CA"]
    assert profile.webhook_url == "https://x.test/h"
    assert MessagingProfile.objects.get(pk=profile.id).name == "Store alerts"


def test_create_messaging_profile_without_destinations_is_a_422_pointing_at_the_field(
    telnyx,
):
    with pytest.raises(ValidationFailed) as raised:
        telnyx.request("POST", "/messaging_profiles", json={"name": "No destinations"})
    assert raised.value.field_errors().keys() == {"whitelisted_destinations"}


def test_get_update_and_delete_a_messaging_profile(telnyx, profile_with_numbers):
    fetched = telnyx.get_messaging_profile(profile_with_numbers.id)
    assert fetched.name == "Alerts"
    updated = telnyx.update_messaging_profile(profile_with_numbers.id, name="Renamed")
    assert updated.name == "Renamed"
    assert MessagingProfile.objects.get(pk=profile_with_numbers.id).name == "Renamed"
    deleted = telnyx.delete_messaging_profile(profile_with_numbers.id)
    assert deleted.id == profile_with_numbers.id
    with pytest.raises(NotFound):
        telnyx.get_messaging_profile(profile_with_numbers.id)


def test_list_messaging_profiles_pages_and_walks_every_page(telnyx):
    MessagingProfile.objects.bulk_create(
        MessagingProfile(name=f"P{i:02d}", whitelisted_destinations=["US"]) for i in range(25)
    )
    first = telnyx.list_messaging_profiles(page=1, page_size=10)
    assert len(first.items) == 10 and first.total_pages == 3 and first.page_number == 1
    assert sorted(p.name for p in telnyx.all_messaging_profiles()) == [
        f"P{i:02d}" for i in range(25)
    ]


def test_profile_phone_numbers_are_paged_with_their_messaging_settings(
    telnyx, profile_with_numbers
):
    page = telnyx.list_profile_phone_numbers(profile_with_numbers.id, page=2, page_size=20)
    assert page.total_pages == 2 and len(page.items) == 10
    number = page.items[0]
    assert number.phone_number == "+13125550020"
    assert number.messaging_profile_id == profile_with_numbers.id
    assert number.type == "long-code"
    assert number.features.sms.domestic_two_way is True
    every = list(telnyx.all_profile_phone_numbers(profile_with_numbers.id))
    assert len(every) == 30


def test_messaging_numbers_list_and_patch_moves_a_number_to_another_profile(
    telnyx, profile_with_numbers
):
    other = MessagingProfile.objects.create(name="Other", whitelisted_destinations=["US"])
    numbers = list(telnyx.all_messaging_numbers())
    assert len(numbers) == 30
    moved = telnyx.update_number_messaging(numbers[0].id, messaging_profile_id=other.id)
    assert moved.messaging_profile_id == other.id
    assert telnyx.get_number_messaging(numbers[0].id).messaging_profile_id == other.id
    assert PhoneNumber.objects.get(pk=numbers[0].id).profile_id == other.id


def test_patch_to_an_unknown_profile_is_a_422(telnyx, profile_with_numbers):
    number = PhoneNumber.objects.first()
    with pytest.raises(ValidationFailed) as raised:
        telnyx.update_number_messaging(number.id, messaging_profile_id="nope")
    assert "messaging_profile_id" in raised.value.field_errors()


def test_unknown_number_is_a_404(telnyx):
    with pytest.raises(NotFound):
        telnyx.get_number_messaging("123")


def test_send_message_from_an_unknown_number_is_a_422_on_from(telnyx):
    with pytest.raises(ValidationFailed) as raised:
        telnyx.send_message(from_="+13125559999", to="+13125550001", text="Hi")
    assert "from" in raised.value.field_errors()


def test_send_message_to_a_bad_number_is_a_422_on_to(telnyx, profile_with_numbers):
    with pytest.raises(ValidationFailed) as raised:
        telnyx.send_message(from_="+13125550000", to="312-555", text="Hi")
    assert "to" in raised.value.field_errors()


def test_send_message_outside_whitelisted_destinations_is_a_422(telnyx, profile_with_numbers):
    with pytest.raises(ValidationFailed) as raised:
        telnyx.send_message(from_="+13125550000", to="+442079460000", text="Hi")
    assert "to" in raised.value.field_errors()


def test_send_message_returns_the_outbound_payload(telnyx, profile_with_numbers):
    message = telnyx.send_message(from_="+13125550000", to="+13125550001", text="Hello")
    assert message.id and message.record_type == "message" and message.direction == "outbound"
    assert message.from_.phone_number == "+13125550000"
    assert [t.phone_number for t in message.to] == ["+13125550001"]
    assert message.to[0].status == "queued"
    assert message.text == "Hello"
    assert message.messaging_profile_id == profile_with_numbers.id


def test_messaging_optouts_is_an_empty_page(telnyx):
    page = telnyx.list_messaging_optouts()
    assert page.items == [] and page.total_pages == 1
