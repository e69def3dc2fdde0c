import pytest
from django.http import Http404
from django.test import RequestFactory

from compliance.models import Brand, Membership
from compliance.tenancy import current_organisation, get_owned_or_404, is_reviewer, scoped

pytestmark = pytest.mark.django_db


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_scoped_queries_only_see_the_users_organisation(owner, outsider):
    rows = scoped(_request(owner), Membership)
    assert list(rows.values_list("user__username", flat=True)) == ["alice"]


def test_another_organisations_row_is_a_404(owner, outsider):
    with pytest.raises(Http404):
        get_owned_or_404(_request(owner), Membership, user=outsider)


def test_user_without_organisation_gets_404(reviewer):
    with pytest.raises(Http404):
        current_organisation(_request(reviewer))


def test_reviewer_role_is_a_permission(owner, reviewer):
    assert is_reviewer(reviewer)
    assert not is_reviewer(owner)


@pytest.mark.parametrize("value", ["", "not-a-uuid", "\x00", None])
def test_a_lookup_value_of_the_wrong_type_is_a_404_not_a_crash(owner, value):
    from compliance.models import Brand

    with pytest.raises(Http404):
        get_owned_or_404(_request(owner), Brand, public_id=value)


def test_a_row_of_another_of_ones_organisations_is_a_404_that_names_it(owner, outsider):
    from compliance import accounts
    from compliance.tenancy import BelongsToAnotherOfYourOrganisations, current_membership
    from tests.factories import draft_brand, organisation_of

    client_co = accounts.found_organisation(owner, "Client Co")
    request = _request(owner)  # no session: the organisation joined first
    assert current_membership(request).organisation == organisation_of(owner)

    theirs_elsewhere = draft_brand(client_co)
    with pytest.raises(BelongsToAnotherOfYourOrganisations) as raised:
        get_owned_or_404(request, Brand, public_id=theirs_elsewhere.public_id)
    assert raised.value.organisation == client_co

    not_theirs = draft_brand(organisation_of(outsider))
    with pytest.raises(Http404) as raised:
        get_owned_or_404(request, Brand, public_id=not_theirs.public_id)
    assert not isinstance(raised.value, BelongsToAnotherOfYourOrganisations)
