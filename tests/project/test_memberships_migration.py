"""Migration 0020 (memberships per user): every membership made when a user could belong to
one organisation only is kept as it was, and afterwards a user may join a second one, but not
the same one twice."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("compliance", "0019_member_roles_invitations")]
AFTER = [("compliance", "0020_memberships_per_user")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_existing_memberships_survive_and_a_second_organisation_can_be_joined():
    old = _migrate(BEFORE)
    user = old.get_model("auth", "User").objects.create(username="agnes")
    Organisation = old.get_model("compliance", "Organisation")
    agency = Organisation.objects.create(name="Agnes Agency", slug="agnes-agency")
    old.get_model("compliance", "Membership").objects.create(
        user=user, organisation=agency, role="owner"
    )

    try:
        new = _migrate(AFTER)
        Membership = new.get_model("compliance", "Membership")
        [kept] = Membership.objects.filter(user_id=user.pk)
        assert (kept.organisation_id, kept.role) == (agency.pk, "owner")

        client = new.get_model("compliance", "Organisation").objects.create(
            name="Client Co", slug="client-co"
        )
        Membership.objects.create(user_id=user.pk, organisation=client, role="owner")
        assert Membership.objects.filter(user_id=user.pk).count() == 2
        with pytest.raises(IntegrityError), transaction.atomic():
            Membership.objects.create(user_id=user.pk, organisation_id=agency.pk)
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
