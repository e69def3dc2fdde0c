"""How a logged-in user is loaded on each request: with their membership and organisation.

Every customer page is scoped to the user's organisation (compliance/tenancy.py). Loaded
lazily, the membership and then the organisation cost two more queries on every request;
here they come in the same query as the user."""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model


class OrganisationModelBackend(AuthenticationBackend):
    """allauth's backend (log in by username or e-mail; Django's passwords, permissions and
    inactive users refused), but the user of a session is read with
    `select_related("membership__organisation")`."""

    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("membership__organisation")
        try:
            user = users.get(pk=user_id)
        except users.model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
