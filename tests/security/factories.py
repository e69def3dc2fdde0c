"""One object of each kind a customer URL can name, in a given organisation: the security
tests fill URL kwargs from these (tests/security/test_tenancy_urls.py)."""

import uuid

from compliance.models import (
    Brand,
    BulkAssignment,
    Campaign,
    Invitation,
    Membership,
    MessagingProfile,
    Notification,
    PhoneNumber,
    ProfileAssignmentTask,
    TestMessage,
)
from tests import factories


def brand(organisation) -> Brand:
    """A registered sole proprietor brand: every brand page applies to it (OTP, vetting)."""
    return factories.registered_brand(
        organisation,
        entity_type="SOLE_PROPRIETOR",
        display_name="Jane's Cakes",
        company_name="",
        first_name="Jane",
        last_name="Doe",
        mobile_phone="+13125550101",
        email="jane@example.com",
        website="https://janes-cakes.example",
        country="US",
        identity_status="",
    )


def campaign(organisation) -> Campaign:
    return Campaign.objects.create(
        organisation=organisation,
        brand=brand(organisation),
        usecase="SOLE_PROPRIETOR",
        description="Order updates for Jane's Cakes customers.",
    )


def profile(organisation) -> MessagingProfile:
    return factories.messaging_profile(organisation)


def phone_number(organisation) -> PhoneNumber:
    return factories.phone_number(organisation, profile=profile(organisation))


def bulk_job(organisation) -> BulkAssignment:
    return BulkAssignment.objects.create(organisation=organisation, campaign=campaign(organisation))


def profile_task(organisation) -> ProfileAssignmentTask:
    return ProfileAssignmentTask.objects.create(
        organisation=organisation,
        profile=profile(organisation),
        campaign=campaign(organisation),
        task_id=str(uuid.uuid4()),
    )


def test_message(organisation) -> TestMessage:
    return TestMessage.objects.create(
        organisation=organisation,
        from_number=phone_number(organisation),
        to_number="+13125550199",
        text="Test",
    )


test_message.__test__ = False


def account_import(organisation):
    from compliance.models import AccountImport

    return AccountImport.objects.create(organisation=organisation)


def notification(organisation) -> Notification:
    return Notification.objects.create(organisation=organisation, title="Hello")


def membership(organisation) -> Membership:
    """A member (role: member) of the organisation, besides its owner."""
    username = f"member-{uuid.uuid4().hex[:8]}"
    user = factories.member(organisation, Membership.Role.MEMBER, username)
    return Membership.objects.get(user=user, organisation=organisation)


def invitation(organisation) -> Invitation:
    inviter = organisation.memberships.get(role=Membership.Role.OWNER).user
    waiting = Invitation(
        organisation=organisation, email=f"{uuid.uuid4().hex[:8]}@example.com", invited_by=inviter
    )
    waiting.new_token()
    waiting.save()
    return waiting


# The object a URL's `public_id` names, by the path segment before it ("brands/<uuid:…>").
BY_COLLECTION = {
    "brands": brand,
    "campaigns": campaign,
    "texts": campaign,
    "numbers": phone_number,
    "bulk": bulk_job,
    "profiles": profile,
    "profile-tasks": profile_task,
    "test-sms": test_message,
    "notifications": notification,
    "imports": account_import,
    "members": membership,
    "invitations": invitation,
    "organisations": lambda organisation: organisation,  # switching to it
}

# Values of the other kwargs, valid for the owner (so the outsider's 404 proves tenancy, not
# a bad step or action name), by kwarg name and, where it differs, URL name.
OTHER_KWARGS = {
    "step_name": {"": "identity"},
    "step": {"": "usecase", "campaign_edit_step": "samples", "campaign_edit_checks": "samples"},
    "action": {"brand_action": "refresh", "number_action": "assign"},
}

# Query strings some views need to find what they act on, by URL name.
QUERY = {"brand_validate_field": "?field=first_name"}
