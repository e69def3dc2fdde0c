"""Accounts move to django-allauth: every existing user's e-mail address becomes its verified,
primary allauth address, so their logins keep working with mandatory verification (their
passwords are Django's and do not change)."""

from django.db import migrations


def addresses_for_existing_users(apps, schema_editor):
    User = apps.get_model("auth", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    taken = set(EmailAddress.objects.values_list("email", flat=True))
    for user in User.objects.exclude(email="").order_by("pk"):
        email = user.email.lower()
        if email in taken or EmailAddress.objects.filter(user=user).exists():
            continue
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
        taken.add(email)


class Migration(migrations.Migration):
    dependencies = [
        ("compliance", "0016_bulk_kinds"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(addresses_for_existing_users, migrations.RunPython.noop)]
