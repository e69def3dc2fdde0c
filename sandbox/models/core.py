import base64
import secrets

from django.db import models, transaction
from django.utils.crypto import constant_time_compare
from nacl.signing import SigningKey as NaclSigningKey


class SigningKey(models.Model):
    """The sandbox's Ed25519 key for webhooks: made once, kept in the database, so the web
    server and the worker sign with the same key."""

    seed_b64 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Sandbox signing key {self.public_key_b64[:12]}…"

    @classmethod
    def current(cls) -> "SigningKey":
        key = cls.objects.order_by("id").first()
        if key is None:
            with transaction.atomic():
                seed = base64.b64encode(bytes(NaclSigningKey.generate())).decode()
                cls.objects.create(seed_b64=seed)
            key = cls.objects.order_by("id").get()
        return key

    @property
    def nacl_key(self) -> NaclSigningKey:
        return NaclSigningKey(base64.b64decode(self.seed_b64))

    @property
    def public_key_b64(self) -> str:
        return base64.b64encode(bytes(self.nacl_key.verify_key)).decode()


# The bearer token every installation shared before keys were random: refused for good.
OLD_DEFAULT_API_KEY = "sandbox-key"


class ApiKey(models.Model):
    """The sandbox's bearer token: random per installation, made once (`make run` makes it
    through `manage.py sandbox_seed`; `manage.py sandbox_key --api-key` prints it) and kept in
    the database, so the web server, the workers and the app's client agree on it. One row."""

    token = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return "Sandbox API key"

    @classmethod
    def current(cls) -> "ApiKey":
        # get_or_create on a fixed primary key: two processes making it at once agree on one.
        key, _ = cls.objects.get_or_create(pk=1, defaults={"token": secrets.token_urlsafe(32)})
        return key

    @classmethod
    def accepts(cls, token: str) -> bool:
        """Whether `token` is this installation's key (compared in constant time)."""
        if not token or token == OLD_DEFAULT_API_KEY:
            return False
        return constant_time_compare(token, cls.current().token)


class SandboxAccount(models.Model):
    """Another Telnyx account played by the sandbox (issue 22.6): its own API key and its own
    Ed25519 webhook key. Its brands (and through them its campaigns and number assignments)
    are seen only with its key. The installation's default account (ApiKey and SigningKey,
    the rows with no account) is unchanged. Made with `manage.py sandbox_account`."""

    label = models.CharField(max_length=100, blank=True)
    token = models.CharField(max_length=64, unique=True)
    seed_b64 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Sandbox account {self.label or self.pk}"

    @classmethod
    def open(cls, label: str = "") -> "SandboxAccount":
        seed = base64.b64encode(bytes(NaclSigningKey.generate())).decode()
        return cls.objects.create(label=label, token=secrets.token_urlsafe(32), seed_b64=seed)

    @classmethod
    def for_token(cls, token: str) -> "SandboxAccount | None":
        if not token:
            return None
        account = cls.objects.filter(token=token).first()
        if account is None or not constant_time_compare(token, account.token):
            return None
        return account

    @property
    def nacl_key(self) -> NaclSigningKey:
        return NaclSigningKey(base64.b64decode(self.seed_b64))

    @property
    def public_key_b64(self) -> str:
        return base64.b64encode(bytes(self.nacl_key.verify_key)).decode()


class Fault(models.Model):
    """Fault injection: the next `remaining` requests (whose path contains `path_contains`)
    answer 429 with Retry-After, 500, or time out."""

    class Kind(models.TextChoices):
        RATE_LIMIT = "429", "429 Too Many Requests"
        SERVER_ERROR = "500", "500 Internal Server Error"
        UNAVAILABLE = "503", "503 Service Unavailable"
        TIMEOUT = "timeout", "Time out"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    remaining = models.PositiveIntegerField(default=1)
    path_contains = models.CharField(max_length=200, blank=True)
    method = models.CharField(max_length=10, blank=True)  # empty: any method
    retry_after = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.kind} x{self.remaining} {self.path_contains}"
