"""Organisations (tenants) and their members.

Every customer-owned model subclasses OrgScoped; every customer query goes through
compliance.tenancy, so another organisation's id is a 404.
"""

import hashlib
import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.text import slugify


class Organisation(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The owner's choice: every member signs in with two-factor (an authenticator app) and is
    # sent to set one up before any other page (compliance.middleware.TwoFactorRequiredMiddleware).
    require_two_factor = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]
        permissions = [("review_campaigns", "Can review every organisation's campaigns")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        """Refused while the organisation has brands registered with Telnyx: they (and their
        campaigns and numbers) live on at Telnyx and the registry, and would be orphaned. Any
        other row it owns also protects it (OrgScoped's FK is PROTECT)."""
        from compliance.models import Brand

        registered = list(Brand.objects.filter(organisation=self).exclude(brand_id=""))
        if registered:
            names = ", ".join(str(brand) for brand in registered[:5])
            raise ProtectedError(
                f"{self} cannot be deleted: it has {len(registered)} brand(s) registered with "
                f"Telnyx ({names}). Delete them at Telnyx first.",
                set(registered),
            )
        return super().delete(*args, **kwargs)

    def _unique_slug(self) -> str:
        base = slugify(self.name)[:60] or "org"
        slug, n = base, 1
        while Organisation.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug


class Membership(models.Model):
    """A user's place in an organisation, with a role (what each role may do is
    compliance/roles.py). A user may belong to several (an agency registering brands for its
    clients); the one they act for is chosen per session (compliance.tenancy.current_membership)."""

    class Role(models.TextChoices):
        OWNER = "owner", "Owner"
        ADMIN = "admin", "Admin"
        MEMBER = "member", "Member"
        VIEWER = "viewer", "Viewer"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(auto_now_add=True)
    # When the user last switched to this organisation: a new session starts where they left
    # off (compliance.tenancy.active_membership).
    last_active_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="one_membership_per_user_and_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.organisation}"


class Invitation(models.Model):
    """An e-mail invitation to join an organisation with a role. The link carries a secret
    token; only its SHA-256 is stored, so the database alone cannot accept one. Resending
    makes a new token (the old link stops working) and a new expiry."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    role = models.CharField(
        max_length=10, choices=Membership.Role.choices, default=Membership.Role.MEMBER
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} to {self.organisation}"

    @staticmethod
    def hash_token(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    def new_token(self) -> str:
        """A fresh secret for the link, with a fresh expiry; returns the token (not stored)."""
        token = secrets.token_urlsafe(32)
        self.token_hash = self.hash_token(token)
        self.sent_at = timezone.now()
        self.expires_at = self.sent_at + timedelta(days=settings.INVITATION_EXPIRY_DAYS)
        return token

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired


class OrganisationQuerySet(models.QuerySet):
    def for_organisation(self, organisation: Organisation) -> "OrganisationQuerySet":
        return self.filter(organisation=organisation)


class OrgScoped(models.Model):
    """Base for every model a customer owns: it carries its organisation."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        abstract = True
