"""Account use cases: signing up creates the organisation and its owner together."""

from django.contrib.auth.models import User
from django.db import transaction

from compliance.models import Membership, Organisation


@transaction.atomic
def sign_up(*, username: str, email: str, password: str, organisation_name: str) -> User:
    user = User.objects.create_user(username=username, email=email, password=password)
    organisation = Organisation.objects.create(name=organisation_name)
    Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.OWNER)
    return user
