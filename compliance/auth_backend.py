"""The authentication backend sessions name (django-allauth's: log in by username or e-mail;
Django's passwords, permissions and inactive users refused).

The organisation a request acts for is read by compliance.tenancy (`active_membership`), in
one query with its membership, once per request: a user may belong to several, and which one
is active lives in the session, which this backend never sees."""

from allauth.account.auth_backends import AuthenticationBackend


class OrganisationModelBackend(AuthenticationBackend):
    """Kept under its name: every session stores the path of the backend that logged it in,
    and a session whose backend is no longer configured is logged out."""
